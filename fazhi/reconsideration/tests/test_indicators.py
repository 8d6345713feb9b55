"""The reconsideration figures of published reports come out of records built the way the
reports describe them (indicators.md; seeds 000 峄城区 2022 and 002 淄博市 2021)."""

import datetime
from decimal import Decimal

import pytest

from fazhi.core import services as core_services
from fazhi.core.models import Unit
from fazhi.indicators import engine
from fazhi.indicators.engine import Period
from fazhi.reconsideration import services
from fazhi.reconsideration.models import ActKind, Case, Outcome, Procedure

from .conftest import ALL_CONDITIONS, D


@pytest.fixture
def yicheng(demo):
    """峄城区 with its 司法局, in a province of its own."""
    admin = demo.admin
    province = core_services.create_unit(
        actor=admin, name="山东省", kind=Unit.Kind.PROVINCE, parent=None, division_code="370000"
    )
    city = core_services.create_unit(
        actor=admin, name="枣庄市", kind=Unit.Kind.CITY, parent=province, division_code="370400"
    )
    district = core_services.create_unit(
        actor=admin, name="峄城区", kind=Unit.Kind.DISTRICT, parent=city, division_code="370404"
    )
    bureau = core_services.create_unit(
        actor=admin, name="峄城区司法局", kind=Unit.Kind.JUSTICE_BUREAU, parent=district
    )
    respondent = core_services.create_unit(
        actor=admin, name="峄城区市场监督管理局", kind=Unit.Kind.ENFORCEMENT, parent=district
    )
    return admin, district, bureau, respondent


def _register(admin, bureau, respondent, received, n, kind=ActKind.PENALTY):
    return services.register_case(
        actor=admin,
        unit=bureau,
        channel="post",
        received_date=received,
        request="撤销",
        respondent=respondent,
        act_kind=kind,
        act_date=received - datetime.timedelta(days=20),
        act_known_date=received - datetime.timedelta(days=10),
        applicants=[{"kind": "person", "name": f"申请人{n}"}],
    )


def build_yicheng_2022(admin, bureau, respondent):
    """30 applications: 20 accepted, 7 不予受理, 3 未按要求补正; 17 closed: 5 维持, 5 驳回,
    3 撤回终止, 3 确认违法, 1 责令履行."""
    outcomes = (
        ["upheld"] * 5
        + ["claim_dismissed"] * 5
        + ["withdrawn"] * 3
        + ["confirmed_illegal"] * 3
        + ["ordered_performance"]
        + ["open"] * 3
    )
    for n, outcome in enumerate(outcomes):
        received = D(2022, 1, 4) + datetime.timedelta(days=10 * n)
        nonperformance = outcome in ("claim_dismissed", "ordered_performance")
        case = _register(
            admin,
            bureau,
            respondent,
            received,
            n,
            ActKind.NONPERFORMANCE if nonperformance else ActKind.PENALTY,
        )
        case = services.accept(
            actor=admin,
            case=case,
            date=received,
            conditions=ALL_CONDITIONS,
            procedure=Procedure.ORDINARY,
        )
        if outcome == "open":
            continue
        case = services.hear_views(
            actor=admin, case=case, date=received + datetime.timedelta(days=5), summary="听取"
        )
        closed = received + datetime.timedelta(days=30)
        if outcome == "withdrawn":
            services.withdraw(actor=admin, case=case, date=closed, reason="申请人撤回")
        else:
            services.decide(
                actor=admin,
                case=case,
                date=closed,
                outcome=outcome,
                reasons="经审理",
                approval="delegated",
                approval_basis="东湖区人民政府委托",
                ground="65.1.2" if outcome == "confirmed_illegal" else "",
                performance_due=closed + datetime.timedelta(days=30) if nonperformance else None,
            )
    for n in range(7):
        case = _register(
            admin, bureau, respondent, D(2022, 3, 1) + datetime.timedelta(days=7 * n), 100 + n
        )
        services.refuse(
            actor=admin,
            case=case,
            date=case.received_date,
            failed=["in_scope"],
            reasons="不属于复议范围",
        )
    for n in range(3):
        case = _register(
            admin, bureau, respondent, D(2022, 5, 9) + datetime.timedelta(days=14 * n), 200 + n
        )
        case = services.request_supplement(
            actor=admin, case=case, notice_date=case.received_date, items="补充材料"
        )
        services.deem_abandoned(
            actor=admin, case=case, date=case.received_date + datetime.timedelta(days=30)
        )


def test_yicheng_2022_figures_come_out_of_the_records(yicheng):
    admin, district, bureau, respondent = yicheng
    build_yicheng_2022(admin, bureau, respondent)
    values = engine.compute(
        [
            "reconsideration.received",
            "reconsideration.accepted",
            "reconsideration.not_accepted",
            "reconsideration.not_supplemented",
            "reconsideration.closed",
            "reconsideration.upheld",
            "reconsideration.dismissed",
            "reconsideration.terminated",
            "reconsideration.confirmed_illegal",
            "reconsideration.ordered_performance",
            "reconsideration.corrected",
            "reconsideration.correction_rate",
            "reconsideration.merits_correction_rate",
        ],
        user=admin,
        unit=district,
        period=Period.year(2022),
    )
    assert values == {
        "reconsideration.received": 30,
        "reconsideration.accepted": 20,
        "reconsideration.not_accepted": 7,
        "reconsideration.not_supplemented": 3,
        "reconsideration.closed": 17,
        "reconsideration.upheld": 5,
        "reconsideration.dismissed": 5,
        "reconsideration.terminated": 3,
        "reconsideration.confirmed_illegal": 3,
        "reconsideration.ordered_performance": 1,
        "reconsideration.corrected": 4,
        "reconsideration.correction_rate": Decimal("23.53"),  # 4 / 17
        "reconsideration.merits_correction_rate": Decimal("28.57"),  # 4 / 14 decided on the merits
    }
    closed = engine.records(
        "reconsideration.closed", user=admin, unit=district, period=Period.year(2022)
    )
    assert closed.count() == 17 and set(closed.values_list("outcome", flat=True)) == {
        "upheld",
        "claim_dismissed",
        "terminated",
        "confirmed_illegal",
        "ordered_performance",
    }
    other = engine.compute(
        ["reconsideration.received"], user=admin, unit=district, period=Period.year(2023)
    )
    assert other == {"reconsideration.received": 0}


def test_zibo_2021_comprehensive_correction_rate(yicheng):
    """淄博: 553 审结, 280 综合纠错 = 50.63% (纠错 plus withdrawals and mediations after the
    respondent corrected itself)."""
    admin, district, bureau, respondent = yicheng
    day = D(2021, 6, 30)
    base = {
        "unit": bureau,
        "handler": admin,
        "created_by": admin,
        "channel": "post",
        "request": "撤销",
        "respondent": respondent,
        "act_kind": ActKind.PENALTY,
        "act_date": D(2021, 1, 4),
        "act_known_date": D(2021, 1, 5),
        "received_date": D(2021, 1, 10),
        "review_start": D(2021, 1, 10),
        "accepted_date": D(2021, 1, 12),
        "procedure": Procedure.ORDINARY,
        "closed_date": day,
        "closed_on_time": True,
    }
    mix = (
        [(Outcome.REVOKED, False)] * 150
        + [(Outcome.CONFIRMED_ILLEGAL, False)] * 50
        + [(Outcome.TERMINATED, True)] * 50
        + [(Outcome.MEDIATED, True)] * 30
        + [(Outcome.TERMINATED, False)] * 23
        + [(Outcome.UPHELD, False)] * 250
    )
    Case.objects.unaudited_bulk_create(
        [
            Case(number=f"淄复〔2021〕{n}号", outcome=o, self_corrected=s, state="closed", **base)
            for n, (o, s) in enumerate(mix)
        ]
    )
    values = engine.compute(
        [
            "reconsideration.closed",
            "reconsideration.comprehensive_corrected",
            "reconsideration.comprehensive_correction_rate",
            "reconsideration.correction_rate",
        ],
        user=admin,
        unit=district,
        period=Period.year(2021),
    )
    assert values == {
        "reconsideration.closed": 553,
        "reconsideration.comprehensive_corrected": 280,
        "reconsideration.comprehensive_correction_rate": Decimal("50.63"),
        "reconsideration.correction_rate": Decimal("36.17"),  # 200 / 553 under the default rule
    }


def test_a_rate_without_closed_cases_is_empty_not_zero(yicheng):
    admin, district, *_ = yicheng
    values = engine.compute(
        ["reconsideration.correction_rate"], user=admin, unit=district, period=Period.year(2020)
    )
    assert values == {"reconsideration.correction_rate": None}


def test_figures_are_scoped_to_what_the_user_may_see(yicheng, demo):
    admin, district, bureau, respondent = yicheng
    _register(admin, bureau, respondent, D(2022, 3, 1), 1)
    outsider = demo.users["xishan_leader"]
    assert engine.compute(
        ["reconsideration.received"], user=outsider, unit=district, period=Period.year(2022)
    ) == {"reconsideration.received": 0}
