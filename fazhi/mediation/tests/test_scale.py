"""The synthetic 人民调解 rows (scale.py) are records the pages and the engine read like any
others: the database's check constraints took them, the figures come out in the seeds'
ranges, and every committee has its mediator."""

import pytest
from django.db.models import F

from fazhi.core import scale
from fazhi.core.models import Unit
from fazhi.indicators.engine import Period, compute
from fazhi.mediation.models import Committee, Dispute, NilReport


def test_the_synthetic_province_has_the_line(demo, generate_scale):
    # its own rows: in the shared small province they would change the other lines' seed-7 data
    generate_scale(count=["mediation=300"], scale=0)
    scale_province = Unit.objects.get(name=scale.PROVINCE_NAME, parent=None)
    disputes = Dispute.objects.filter(unit__path__startswith=scale_province.path)
    committees = Committee.objects.filter(unit__path__startswith=scale_province.path)
    assert disputes.count() == 300 and committees.count() == 3
    assert not disputes.exclude(mediator__unit=F("committee__unit")).exists()
    figures = compute(
        ["mediation.success_rate", "mediation.committees", "mediation.disputes_mediated"],
        user=None,
        unit=scale_province,
        period=Period.year(2023),
    )
    assert figures["mediation.disputes_mediated"] == 300
    assert figures["mediation.committees"] == 3
    assert 85 <= figures["mediation.success_rate"] <= 100
    months = NilReport.objects.filter(unit__path__startswith=scale_province.path)
    assert 0 < months.count() < 36  # some committee-months are left unreported


pytestmark = pytest.mark.django_db
