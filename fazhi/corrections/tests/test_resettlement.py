"""安置帮教 from 上海市安置帮教工作规定 第六、七条 (the local model): the prison's notices, the
衔接 on release, the 帮教期 (a setting) and the linkage and placement rates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.corrections import services
from fazhi.corrections.models import Linkage, ReleasedPerson
from fazhi.indicators import engine
from fazhi.indicators.engine import Period


def _register(demo, **changes):
    values = dict(
        actor=demo.users["donghu_corrections"],
        unit=demo.units["donghu_justice"],
        number="BJ-T-1",
        name="测试帮教",
        community="幸福社区",
        prison="示范省第一监狱",
        intake_date=datetime.date(2024, 2, 1),
        intake_notice_date=datetime.date(2024, 3, 2),
        release_date=datetime.date(2025, 3, 31),
        release_notice_date=datetime.date(2025, 3, 1),
    )
    values.update(changes)
    return services.register_released(**values)


def test_notices_within_thirty_days_of_intake_and_thirty_days_before_release(demo):
    person = _register(demo)
    assert person.notice_gaps() == []  # 30 days after intake; exactly 30 days before release
    late = _register(
        demo,
        number="BJ-T-2",
        intake_notice_date=datetime.date(2024, 3, 3),
        release_notice_date=datetime.date(2025, 3, 2),
    )
    gaps = late.notice_gaps()
    assert any("入监告知逾期1日" in g for g in gaps) and any("第七条第一款" in g for g in gaps)


def test_the_period_is_five_years_by_default_and_a_setting(demo, settings):
    assert _register(demo).period_end == datetime.date(2030, 3, 31)
    settings.FAZHI_RESETTLEMENT_YEARS = 3
    assert _register(demo, number="BJ-T-3").period_end == datetime.date(2028, 3, 31)


def test_linkage_once_and_the_rates(demo):
    officer = demo.users["donghu_corrections"]
    person = _register(demo)
    services.record_linkage(
        actor=officer, person=person, linkage=Linkage.UNLINKED, linkage_date=person.release_date
    )
    with pytest.raises(ValidationError, match="待衔接"):
        services.record_linkage(
            actor=officer,
            person=person,
            linkage=Linkage.COLLECTED,
            linkage_date=person.release_date,
        )
    today = timezone.localdate()
    recent = Period(today - datetime.timedelta(days=60), today)  # the demo's two releases
    values = engine.compute(
        [
            "corrections.resettlement_received",
            "corrections.resettlement_linked",
            "corrections.resettlement_linkage_rate",
        ],
        user=demo.users["donghu_inspector"],
        unit=demo.units["donghu"],
        period=recent,
    )
    received = ReleasedPerson.objects.filter(
        unit=demo.units["donghu_justice"], release_date__range=(recent.start, recent.end)
    )
    assert values["corrections.resettlement_received"] == received.count() == 2
    assert (
        values["corrections.resettlement_linked"] == 1
        and values["corrections.resettlement_linkage_rate"] == 50
    )
