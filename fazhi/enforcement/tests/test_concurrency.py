"""Two supervisors suspending one 执法证 at the same moment (issue 14, item 1): the kit's
workflow check locks the certificate and reads it again — one 暂扣, one clear refusal."""

import pytest

from fazhi.conftest import one_done_one_refused
from fazhi.core.models import DomainEvent
from fazhi.enforcement import services
from fazhi.enforcement.models import Certificate
from fazhi.enforcement.workflow import CERTIFICATE_FLOW


@pytest.mark.django_db(transaction=True)
def test_two_users_suspending_one_certificate_at_once_suspend_it_once(committed_demo, race):
    users = committed_demo.users.values()
    certificate, actor = next(
        (certificate, user)
        for certificate in Certificate.objects.order_by("pk")
        for user in users
        if CERTIFICATE_FLOW.allows(certificate, "suspend_certificate", user)
    )
    before = certificate.status
    events = DomainEvent.objects.filter(target_id=str(certificate.pk)).count()

    def suspend(reason):
        return lambda record: services.suspend_certificate(
            actor=actor, certificate=record, reason=reason
        )

    outcomes = race(Certificate, certificate.pk, suspend("年审发现问题"), suspend("群众举报"))

    done, refused = one_done_one_refused(outcomes, Certificate)
    assert CERTIFICATE_FLOW.by_action["suspend_certificate"].label in refused.messages[0]
    certificate.refresh_from_db()
    assert certificate.status == done.status != before
    assert DomainEvent.objects.filter(target_id=str(certificate.pk)).count() == events + 1
