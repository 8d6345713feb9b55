"""The line's figures counted from the records: the 法律顾问 and 公职律师 registers at the period's
end (聘期止 is the contract's last day), units counted once, the service log, and the proposed
ids of worklines.md §2.1(d) with the parts of their rates."""

import datetime
import re
from decimal import Decimal

from django.urls import reverse

from fazhi.indicators.engine import Period, compute, records
from fazhi.rulemaking import services
from fazhi.rulemaking.models import (
    AdviserKind,
    CleanupKind,
    Coverage,
    Decision,
    LegalAdviser,
    MatterKind,
    NormativeDocument,
    PostEvaluation,
    ServiceKind,
    StatusChange,
    Validity,
)

Y2025, Y2026 = Period.year(2025), Period.year(2026)
ROSTER = [
    "legal_advisers.advisers",
    "legal_advisers.public_lawyers",
    "legal_advisers.units_covered",
    "legal_advisers.public_lawyer_units",
]


def _figures(demo, ids, period, unit="donghu"):
    return compute(ids, user=demo.users["donghu_legal"], unit=demo.units[unit], period=period)


def _delta(after, before):
    return {key: after[key] - before[key] for key in after}


def _adviser(demo, name, kind, start, end, **kwargs):
    return services.register_adviser(
        actor=demo.users["donghu_drafter"],
        unit=demo.units["donghu_enf0"],
        name=name,
        kind=kind,
        contract_from=start,
        contract_to=end,
        **kwargs,
    )


def test_advisers_are_on_the_register_through_the_last_day_of_their_contract(demo):
    before = {p: _figures(demo, ROSTER, p, "donghu_enf0") for p in (Y2025, Y2026)}
    # A contract to 31 December is still on the roster that day; one to the 30th is not.
    yearly = _adviser(
        demo,
        "湖滨指标顾问",
        AdviserKind.EXTERNAL,
        datetime.date(2024, 1, 1),
        datetime.date(2025, 12, 31),
    )
    _adviser(
        demo,
        "湖滨指标律师",
        AdviserKind.PUBLIC_LAWYER,
        datetime.date(2025, 6, 1),
        datetime.date(2025, 12, 30),
        certificate_number="DHZDGZ9001",
    )
    assert yearly.roster_until == datetime.date(2026, 1, 1)
    in_2025 = _delta(_figures(demo, ROSTER, Y2025, "donghu_enf0"), before[Y2025])
    assert in_2025["legal_advisers.advisers"] == 1
    assert in_2025["legal_advisers.public_lawyers"] == 0
    in_2026 = _delta(_figures(demo, ROSTER, Y2026, "donghu_enf0"), before[Y2026])
    assert in_2026["legal_advisers.advisers"] == 0
    # Renewed into 2026: on the 2026 register again, and the click-through lists the adviser.
    services.renew_adviser(
        actor=demo.users["donghu_drafter"], adviser=yearly, contract_to=datetime.date(2027, 1, 31)
    )
    in_2026 = _delta(_figures(demo, ROSTER, Y2026, "donghu_enf0"), before[Y2026])
    assert in_2026["legal_advisers.advisers"] == 1
    listed = records(
        "legal_advisers.advisers",
        user=demo.users["donghu_legal"],
        unit=demo.units["donghu_enf0"],
        period=Y2026,
    )
    assert yearly in listed


def test_a_unit_with_two_advisers_counts_once_and_the_spans_merge(demo):
    unit = demo.units["donghu_enf0"]
    before = _figures(demo, ROSTER, Y2025, "donghu")
    for index, (start, end) in enumerate(
        [
            (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
            (datetime.date(2025, 12, 1), datetime.date(2026, 3, 31)),
        ]
    ):
        _adviser(demo, f"湖滨合并顾问{index}", AdviserKind.EXTERNAL, start, end)
    changes = _delta(_figures(demo, ROSTER, Y2025, "donghu"), before)
    assert changes["legal_advisers.advisers"] == 2
    # The demo's 公职律师 already covers the unit: still one unit, once.
    assert changes["legal_advisers.units_covered"] == 0
    spans = list(Coverage.objects.filter(unit=unit, kind="adviser").order_by("start"))
    assert all(a.until < b.start for a, b in zip(spans, spans[1:], strict=False))
    covering = [s for s in spans if s.start <= datetime.date(2025, 12, 31) < s.until]
    assert len(covering) == 1
    covered = records(
        "legal_advisers.units_covered",
        user=demo.users["donghu_legal"],
        unit=demo.units["donghu"],
        period=Y2025,
    )
    assert [c.unit for c in covered if c.unit == unit] == [unit]


def test_a_new_unit_with_a_public_lawyer_is_covered_and_counted(demo):
    before = _figures(demo, ROSTER, Y2025)
    services.register_adviser(
        actor=demo.admin,
        unit=demo.units["donghu_enf2"],
        name="湖滨新设公职律师",
        kind=AdviserKind.PUBLIC_LAWYER,
        certificate_number="DHZDGZ9002",
        contract_from=datetime.date(2025, 3, 1),
        contract_to=datetime.date(2027, 2, 28),
    )
    changes = _delta(_figures(demo, ROSTER, Y2025), before)
    assert changes == {
        "legal_advisers.advisers": 0,
        "legal_advisers.public_lawyers": 1,
        "legal_advisers.units_covered": 1,
        "legal_advisers.public_lawyer_units": 1,
    }


def test_the_service_log_gives_engagements_meetings_and_agenda_items(demo):
    ids = [
        "legal_advisers.engagements",
        "legal_advisers.meetings_attended",
        "legal_advisers.agenda_items_reviewed",
    ]
    adviser = _adviser(
        demo,
        "湖滨服务顾问",
        AdviserKind.EXTERNAL,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    before = _figures(demo, ids, Y2025)
    for day, kind, items in [
        (datetime.date(2025, 3, 5), ServiceKind.MEETING, 6),
        (datetime.date(2025, 9, 30), ServiceKind.MEETING, 4),
        (datetime.date(2025, 10, 9), ServiceKind.CONTRACT, 2),
        (datetime.date(2026, 1, 5), ServiceKind.MEETING, 5),  # another year
    ]:
        services.record_adviser_service(
            actor=demo.users["donghu_drafter"],
            adviser=adviser,
            date=day,
            kind=kind,
            subject="常务会议议题",
            items=items,
        )
    # 淄博: 列席常务会议32次, 对198项议程进行法律把关.
    assert _delta(_figures(demo, ids, Y2025), before) == {
        "legal_advisers.engagements": 12,
        "legal_advisers.meetings_attended": 2,
        "legal_advisers.agenda_items_reviewed": 10,
    }


FILING_IDS = [
    "normative_docs.issued",
    "normative_docs.issued_filed",
    "normative_docs.filed",
    "normative_docs.filed_on_time",
    "normative_docs.registered_directly",
]
RATES = [
    "normative_docs.filing_rate",
    "normative_docs.filing_on_time_rate",
    "normative_docs.conformity_rate",
]


def test_a_late_deferred_filing_lowers_the_three_filing_rates(demo):
    document = NormativeDocument.objects.get(title="湖滨公共停车场收费管理办法")
    period = Period(document.published_date, document.published_date + datetime.timedelta(days=60))
    before = _figures(demo, FILING_IDS, period)
    filed = document.published_date + datetime.timedelta(days=45)
    filing = services.file_document(
        actor=demo.users["donghu_govoffice"],
        document=document,
        filed_date=filed,
        filing_body=demo.units["donghu_justice"],
        has_report=True,
        has_text=True,
        has_explanation=False,
    )
    legal = demo.users["donghu_legal"]
    services.defer_filing(actor=legal, filing=filing, notice_date=filed)
    services.register_filing(
        actor=legal, filing=filing, registered_date=filed, has_explanation=True
    )
    after = _figures(demo, FILING_IDS + RATES, period)
    assert _delta({k: after[k] for k in FILING_IDS}, before) == {
        "normative_docs.issued": 0,
        "normative_docs.issued_filed": 1,
        "normative_docs.filed": 1,
        "normative_docs.filed_on_time": 0,  # 延迟报备
        "normative_docs.registered_directly": 0,  # 暂缓登记, then 补正
    }

    def rate(numerator, denominator):
        value = Decimal(after[numerator]) * 100 / Decimal(after[denominator])
        return value.quantize(Decimal("0.01"))

    assert after["normative_docs.filing_rate"] == rate(
        "normative_docs.issued_filed", "normative_docs.issued"
    )
    assert after["normative_docs.filing_on_time_rate"] == rate(
        "normative_docs.filed_on_time", "normative_docs.filed"
    )
    assert after["normative_docs.conformity_rate"] == rate(
        "normative_docs.registered_directly", "normative_docs.filed"
    )
    assert after["normative_docs.filing_on_time_rate"] < 100
    late = records(
        "normative_docs.filed_on_time", user=legal, unit=demo.units["donghu"], period=period
    )
    assert filing not in late


def test_other_reviews_count_when_finished_and_only_special_cleanups_count(demo):
    legal, office = demo.users["donghu_legal"], demo.users["donghu_govoffice"]
    ids = ["normative_docs.other_legality_reviews", "normative_docs.cleanup_campaigns"]
    before = _figures(demo, ids, Y2025)
    review = services.register_other_review(
        actor=legal,
        unit=demo.units["donghu_justice"],
        matter="湖滨指标合同",
        kind=MatterKind.CONTRACT,
        requesting_unit=demo.units["donghu_gov"],
        received_date=datetime.date(2025, 12, 29),
    )
    unfinished = _delta(_figures(demo, ids, Y2025), before)
    assert unfinished["normative_docs.other_legality_reviews"] == 0  # counted when finished
    services.finish_other_review(
        actor=legal, review=review, opinion="可以签订", finished_date=datetime.date(2025, 12, 31)
    )
    for kind in (CleanupKind.SPECIAL, CleanupKind.COMPREHENSIVE):
        services.start_cleanup(
            actor=office,
            unit=demo.units["donghu_gov"],
            title=f"湖滨指标清理{kind}",
            kind=kind,
            started_date=datetime.date(2025, 5, 6),
        )
    changes = _delta(_figures(demo, ids, Y2025), before)
    assert changes["normative_docs.other_legality_reviews"] == 1
    assert changes["normative_docs.cleanup_campaigns"] == 1  # 专项 only


def test_the_demo_decisions_give_their_steps_and_evaluations(demo):
    district = demo.units["donghu"]
    period = Period(datetime.date(2016, 1, 1), datetime.date(2026, 12, 31))
    ids = {
        "major_decisions.decisions_made": ("meeting_date", {}),
        "major_decisions.expert_reviews": ("expert_review_date", {}),
        "major_decisions.risk_assessments": ("risk_assessed_date", {}),
    }
    values = _figures(demo, list(ids), period)
    for indicator, (field, _) in ids.items():
        expected = Decision.objects.filter(
            unit__path__startswith=district.path, **{f"{field}__isnull": False}
        ).count()
        assert values[indicator] == expected >= 1, indicator
    decision = Decision.objects.filter(
        unit__path__startswith=district.path, state="published"
    ).first()
    before = _figures(demo, ["major_decisions.post_evaluations"], period)
    services.record_execution(
        actor=demo.users["donghu_govoffice"],
        decision=decision,
        date=decision.published_date,
        content="决策后评估：效果良好",
        is_evaluation=True,
    )
    after = _figures(demo, ["major_decisions.post_evaluations"], period)
    assert _delta(after, before) == {"major_decisions.post_evaluations": 1}


def test_the_demo_clean_up_and_post_evaluation_are_counted(demo):
    district = demo.units["donghu"]
    period = Period(datetime.date(2016, 1, 1), datetime.date(2026, 12, 31))
    ids = ["normative_docs.post_evaluations", "normative_docs.renewed_on_expiry"]
    values = _figures(demo, ids, period)
    inside = {"document__unit__path__startswith": district.path}
    assert (
        values["normative_docs.post_evaluations"]
        == PostEvaluation.objects.filter(**inside).count()
        >= 1
    )
    assert (
        values["normative_docs.renewed_on_expiry"]
        == StatusChange.objects.filter(status_to=Validity.RENEWED, **inside).count()
    )


def test_the_coverage_rate_divides_by_the_bodies_that_must_have_an_adviser(demo, client_as):
    ids = [
        "legal_advisers.units_covered",
        "legal_advisers.units_required",
        "legal_advisers.units_covered_rate",
    ]
    ids.append("legal_advisers.units_required_covered")
    values = _figures(demo, ids, Y2026)
    inside = dict(unit__path__startswith=demo.units["donghu"].path, until__isnull=True)
    duty = set(Coverage.objects.filter(kind="duty", **inside).values_list("unit_id", flat=True))
    assert values["legal_advisers.units_required"] == len(duty) >= 3
    # Registering an adviser keeps the body on the list (its DUTY span is not rewritten).
    assert demo.units["donghu_enf0"].pk in duty
    end = datetime.date(2026, 12, 31)
    covered = {
        a.unit_id
        for a in LegalAdviser.objects.filter(
            unit__path__startswith=demo.units["donghu"].path,
            contract_from__lte=end,
            contract_to__gte=end,
        )
    }
    assert values["legal_advisers.units_covered"] == len(covered)
    assert values["legal_advisers.units_required_covered"] == len(covered & duty)
    expected = Decimal(len(covered & duty) * 100) / Decimal(len(duty))
    assert values["legal_advisers.units_covered_rate"] == expected.quantize(Decimal("0.01"))
    # The rate counts a body only while it is on the list: the list runs from 2018-01-01, so
    # an adviser of 2017 counts in .units_covered for 2017, not in the rate's numerator; one
    # under contract from 2017-06 to 2019-06 counts in both in 2018.
    enf2 = demo.units["donghu_enf2"]
    assert enf2.pk in duty and enf2.pk not in covered
    y2017, y2018 = Period.year(2017), Period.year(2018)
    before = {p: _figures(demo, ids, p, "donghu_enf2") for p in (y2017, y2018)}
    services.register_adviser(
        actor=demo.users["donghu_legal"],
        unit=enf2,
        name="湖滨覆盖率顾问",
        kind=AdviserKind.EXTERNAL,
        contract_from=datetime.date(2017, 6, 1),
        contract_to=datetime.date(2019, 6, 30),
    )
    after = {p: _figures(demo, ids, p, "donghu_enf2") for p in (y2017, y2018)}
    assert (
        after[y2017]["legal_advisers.units_covered"]
        == before[y2017]["legal_advisers.units_covered"] + 1
    )
    assert after[y2017]["legal_advisers.units_required_covered"] == 0
    assert after[y2018]["legal_advisers.units_required_covered"] == 1
    assert after[y2018]["legal_advisers.units_covered_rate"] == Decimal("100.00")
    # Registering again adds the bodies not yet listed (those set up since), each once.
    client = client_as(demo.users["donghu_legal"])
    url = reverse("rulemaking:coverage_duty")
    page = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)
    response = client.post(url, {"start": "2025-01-01", "form_token": token})
    assert response.status_code == 302
    listed = Coverage.objects.filter(
        kind="duty", unit__path__startswith=demo.units["donghu"].path, until__isnull=True
    )
    assert _figures(demo, ids, Y2026)["legal_advisers.units_required"] == listed.count()
    assert listed.count() == len({c.unit_id for c in listed})  # each body once
    again = services.register_adviser_duty(
        actor=demo.users["donghu_legal"], start=datetime.date(2025, 6, 1)
    )
    assert again == 0
