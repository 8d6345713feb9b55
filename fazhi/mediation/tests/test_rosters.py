"""The roster figures are year-end rosters (point-in-time registers): committees 设立 by the
period's end and not 撤销 by then, by type; mediators 入册 by then and not 罢免/解聘 by then —
not the filings or trainings dated in the period."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.indicators.engine import Period, compute, records
from fazhi.mediation import services

D = datetime.date
ROSTERS = [
    "mediation.committees",
    "mediation.village_committees",
    "mediation.township_committees",
    "mediation.enterprise_committees",
    "mediation.specialized_committees",
    "mediation.studios",
    "mediation.mediators",
    "mediation.full_time_mediators",
    "mediation.expert_pool",
]


def _figures(world, period):
    return compute(ROSTERS, user=None, unit=world.district, period=period)


@pytest.fixture
def rosters(world, person, committee):
    """The village committee (设立 2024-03-01, its four people 入册 on the day of the test),
    a studio 设立 2025-06-01 and 撤销 2026-02-01, a specialised committee 设立 2025-12-31
    (its last day), and mediators 入册 and 罢免 around the end of 2025."""
    people = [
        person(f"员{i}", "female" if i == 0 else "male", appointed_date=D(2024, 1, 2))
        for i in range(3)
    ]

    def make(name, kind, established, **extra):
        return services.register_committee(
            actor=world.mediator,
            unit=world.town,
            name=name,
            kind=kind,
            founder="测试区人民法院",
            term_start=established,
            director=people[0],
            members=people[1:],
            **extra,
        )

    studio = make("驻法院调解工作室", "studio", D(2025, 6, 1))
    make("医疗纠纷人民调解委员会", "specialized", D(2025, 12, 31), field="医患")
    services.dissolve_committee(
        actor=world.mediator, committee=studio, day=D(2026, 2, 1), note="法院诉讼服务中心迁址"
    )
    gone = person("员离", "male", appointed_date=D(2025, 1, 10))
    services.dismiss_mediator(
        actor=world.mediator, mediator=gone, ground="泄露当事人隐私", day=D(2025, 9, 1)
    )
    person("员末", "male", appointed_date=D(2025, 12, 31), expert=True)
    person("员新", "male", appointed_date=D(2026, 1, 5), expert=True)
    services.register_mediator(
        actor=world.mediator,
        unit=world.town,
        name="员兼",
        gender="male",
        birth_date=D(1970, 1, 1),
        employment="part_time",
        appointed_date=D(2025, 3, 1),
    )
    return studio


def test_the_year_end_roster_of_2025(world, rosters):
    figures = _figures(world, Period.year(2025))
    # the village committee (2024) + the studio (撤销 only in 2026) + the specialised one
    # established on the year's last day
    assert figures["mediation.committees"] == 3
    assert figures["mediation.village_committees"] == 1
    assert figures["mediation.studios"] == 1
    assert figures["mediation.specialized_committees"] == 1
    assert figures["mediation.township_committees"] == 0
    assert figures["mediation.enterprise_committees"] == 0
    # 员0–2 (2024) + 员末 (2025-12-31) + 员兼 (兼职); not 员离 (罢免 2025-09-01), not 员新
    # (2026), not the committee fixture's people (入册 on the test's day)
    assert figures["mediation.mediators"] == 5
    assert figures["mediation.full_time_mediators"] == 4
    assert figures["mediation.expert_pool"] == 1
    names = {
        m.name
        for m in records(
            "mediation.mediators", user=None, unit=world.district, period=Period.year(2025)
        )
    }
    assert names == {"员0", "员1", "员2", "员末", "员兼"}


def test_a_committee_dissolved_leaves_the_roster_on_its_day(world, rosters):
    assert _figures(world, Period(D(2026, 1, 1), D(2026, 1, 31)))["mediation.studios"] == 1
    assert _figures(world, Period(D(2026, 2, 1), D(2026, 2, 28)))["mediation.studios"] == 0
    # 员离 was on the roster in the months before the 罢免
    august = _figures(world, Period(D(2025, 8, 1), D(2025, 8, 31)))
    assert august["mediation.mediators"] == 5  # 员0–2, 员离, 员兼
    assert august["mediation.committees"] == 2  # the specialised one does not exist yet


def test_filings_and_trainings_in_the_period_do_not_make_the_roster(world, person, committee):
    # the village committee was 设立 in 2024 and filed in 2026: on the 2025 roster all the same
    services.record_filing(actor=world.mediator, committee=committee, filed_date=D(2026, 3, 2))
    person("员训", "male", appointed_date=D(2026, 1, 5), trained_date=D(2025, 6, 1))
    figures = _figures(world, Period.year(2025))
    assert figures["mediation.committees"] == 1
    assert figures["mediation.full_time_mediators"] == 0


def test_dissolving_is_checked(world, rosters, committee):
    with pytest.raises(ValidationError, match="已撤销"):
        services.dissolve_committee(
            actor=world.mediator, committee=rosters, day=D(2026, 3, 1), note="再次撤销"
        )
    with pytest.raises(ValidationError, match="不能早于设立日期"):
        services.dissolve_committee(
            actor=world.mediator, committee=committee, day=D(2024, 2, 1), note="撤销"
        )
    with pytest.raises(ValidationError, match="撤销原因"):
        services.dissolve_committee(
            actor=world.mediator, committee=committee, day=D(2026, 3, 1), note=" "
        )


def test_a_dispute_in_mediation_keeps_its_committee(world, committee, dispute):
    dispute()
    with pytest.raises(ValidationError, match="尚有调解中的纠纷"):
        services.dissolve_committee(
            actor=world.mediator, committee=committee, day=D(2026, 3, 1), note="合并"
        )
    committee.refresh_from_db()
    assert committee.active and committee.dissolved_date is None


def test_a_mediator_enters_the_roster_an_adult(world, person):
    with pytest.raises(ValidationError, match="未满十八周岁"):
        person("少年", born=D(2007, 6, 1), appointed_date=D(2025, 5, 31))
    assert person("成年", born=D(2007, 6, 1), appointed_date=D(2025, 6, 1)).appointed_date == D(
        2025, 6, 1
    )
    with pytest.raises(ValidationError, match="不能早于入册日期"):
        services.dismiss_mediator(
            actor=world.mediator,
            mediator=person("员早", appointed_date=D(2025, 6, 1)),
            ground="吃请受礼",
            day=D(2025, 5, 1),
        )
