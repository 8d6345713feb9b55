"""The litigation.* indicators computed by the engine from hand-built records, on the pattern
of 福州's published figures: 负责人出庭应诉率 98.39% (61 of 62) and 败诉率 13.82% (21 of 152)."""

import datetime
from decimal import Decimal

import pytest

from fazhi.indicators.engine import Period, compute, records
from fazhi.indicators.registry import registered
from fazhi.litigation import services
from fazhi.litigation.indicators import INDICATORS

D = datetime.date
IDS = [
    "litigation.cases",
    "litigation.concluded",
    "litigation.lost",
    "litigation.loss_rate",
    "litigation.head_appearances",
    "litigation.head_appearance_rate",
]
HEAD = {
    "attendance": "head",
    "head_name": "钱立新",
    "head_post": "局长",
    "head_post_kind": "principal",
}


def test_the_registered_indicators_are_the_lines_own():
    assert all(registered()[i] == next(x for x in INDICATORS if x.id == i) for i in IDS)


@pytest.fixture
def fuzhou_pattern(world, sue):
    """152 suits concluded in 2025 (21 lost), 62 of them heard in 2025 (61 with the head)."""
    officer = world.officer
    for number in range(1, 153):
        lawsuit = sue(number, filed=D(2025, 1, 6))
        if number <= 62:
            # The head appears at the first hearing, but without ID proof in suit 62
            # (规定 第六条); suits 1–10 have a second hearing with the head again (规定 第七条:
            # still one per 审级).
            proof = number != 62
            for day in (D(2025, 3, 3), D(2025, 4, 7))[: 2 if number <= 10 else 1]:
                services.record_hearing(
                    actor=officer, lawsuit=lawsuit, date=day, head_id_proof=proof, **HEAD
                )
        services.record_judgment(
            actor=officer,
            lawsuit=lawsuit,
            judgment_type="revoke" if number <= 21 else "reject_claim",
            concluded_date=D(2025, 6, 30),
        )
    # Neither in the 2025 figures: withdrawals (filed in 2025: counted as cases only), an
    # appeal (not a first-instance case), and a suit of 2024.
    for number in range(153, 156):
        services.record_withdrawal(
            actor=officer,
            lawsuit=sue(number, filed=D(2025, 2, 3)),
            withdrawal_date=D(2025, 5, 5),
            reason="撤诉",
        )
    sue(156, filed=D(2025, 2, 3), case_number="（2025）鲁02行终156号", trial_level="second")
    old = sue(157, filed=D(2024, 11, 4))
    services.record_hearing(actor=officer, lawsuit=old, date=D(2024, 12, 2), attendance="none")
    services.record_judgment(
        actor=officer, lawsuit=old, judgment_type="revoke", concluded_date=D(2024, 12, 20)
    )
    return world


def test_the_rates_follow_the_records(fuzhou_pattern):
    world = fuzhou_pattern
    values = compute(IDS, user=world.admin, unit=world.district, period=Period.year(2025))
    assert values == {
        "litigation.cases": 155,
        "litigation.concluded": 152,
        "litigation.lost": 21,
        "litigation.loss_rate": Decimal("13.82"),
        "litigation.head_appearances": 61,
        "litigation.head_appearance_rate": Decimal("98.39"),
    }
    last_year = compute(IDS, user=world.admin, unit=world.district, period=Period.year(2024))
    assert last_year["litigation.loss_rate"] == Decimal("100.00")
    assert last_year["litigation.head_appearance_rate"] == Decimal("0.00")


def test_a_figure_opens_onto_its_records(fuzhou_pattern):
    world = fuzhou_pattern
    lost = records(
        "litigation.lost", user=world.officer, unit=world.district, period=Period.year(2025)
    )
    assert sorted(int(s.plaintiff.removeprefix("原告")) for s in lost) == list(range(1, 22))
    absent = records(
        "litigation.heard_cases", user=world.officer, unit=world.district, period=Period.year(2025)
    ).filter(head_appeared=False)
    assert [s.plaintiff for s in absent] == ["原告62"]


def test_the_figures_stay_within_the_users_scope(fuzhou_pattern):
    world = fuzhou_pattern
    values = compute(
        IDS, user=world.neighbour_officer, unit=world.district, period=Period.year(2025)
    )
    assert values["litigation.cases"] == 0 and values["litigation.loss_rate"] is None
