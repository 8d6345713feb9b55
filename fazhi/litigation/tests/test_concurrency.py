"""Two users recording one lawsuit's judgment at the same moment (issue 14, item 1): the
kit's workflow check locks the suit and reads it again, so the second is refused with a clear
message — one judgment, one event."""

import datetime

import pytest

from fazhi.conftest import one_done_one_refused
from fazhi.core.models import DomainEvent
from fazhi.litigation import services
from fazhi.litigation.models import Lawsuit
from fazhi.litigation.workflow import LAWSUIT_FLOW


@pytest.mark.django_db(transaction=True)
def test_two_users_recording_one_judgment_at_once_record_it_once(committed_demo, race):
    users = committed_demo.users.values()
    lawsuit, actor = next(
        (suit, user)
        for suit in Lawsuit.objects.order_by("pk")
        for user in users
        if LAWSUIT_FLOW.allows(suit, "record_judgment", user)
    )
    events = DomainEvent.objects.filter(action="litigation.judgment").count()

    def judge(kind):
        def run(suit):
            return services.record_judgment(
                actor=actor,
                lawsuit=suit,
                judgment_type=kind,
                concluded_date=max(suit.filed_date, datetime.date(2025, 12, 1)),
            )

        return run

    outcomes = race(Lawsuit, lawsuit.pk, judge("reject_claim"), judge("revoke"))

    done, refused = one_done_one_refused(outcomes, Lawsuit)
    assert LAWSUIT_FLOW.by_action["record_judgment"].label in refused.messages[0]
    lawsuit.refresh_from_db()
    assert lawsuit.judgment_type == done.judgment_type
    assert DomainEvent.objects.filter(action="litigation.judgment").count() == events + 1
