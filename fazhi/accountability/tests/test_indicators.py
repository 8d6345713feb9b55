"""The 督察, 述法 and 考核 figures of the catalog computed from records the services made,
with their click-through, and a unit's score kept from its siblings (worklines.md §2.7(d),
(e)): fixed dates in 2025."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from fazhi.accountability import selectors, services
from fazhi.accountability.models import PlanKind, ReportForm, ReportingUnit, ReportTier
from fazhi.indicators import engine

MARCH = engine.Period(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
YEAR = engine.Period.year(2025)


def _records(client, indicator_id, unit, period):
    return client.get(
        "/indicators/records/",
        {"id": indicator_id, "unit": unit.pk, "from": period.start, "to": period.end},
    )


def test_inspected_units_count_each_target_once(demo, client_as):
    office, u = demo.users["donghu_office"], demo.units
    for title, targets, start in (
        ("营商环境专项督察", [u["donghu_justice"], u["donghu_enf0"]], datetime.date(2025, 3, 3)),
        ("第一责任人督察", [u["donghu_enf0"], u["donghu_town0"]], datetime.date(2025, 3, 17)),
    ):
        services.create_plan(
            actor=office,
            unit=u["donghu_office"],
            title=title,
            kind=PlanKind.SPECIAL,
            targets=targets,
            groups="第一督导组",
            start_date=start,
            end_date=start + datetime.timedelta(4),
        )
    ids = ["accountability.inspections", "accountability.inspected_units"]
    values = engine.compute(ids, user=office, unit=u["donghu"], period=MARCH)
    assert values == {"accountability.inspections": 2, "accountability.inspected_units": 3}
    # the join of the targets does not multiply the plans counted beside it, per month either
    months = engine.breakdown(ids, user=office, unit=u["donghu"], period=MARCH, by="month")
    assert months[datetime.date(2025, 3, 1)] == values
    page = _records(client_as(office), "accountability.inspected_units", u["donghu"], MARCH)
    assert "营商环境专项督察" in page.content.decode()
    assert "第一责任人督察" in page.content.decode()


def test_coverage_rate_is_the_reported_share_of_the_list(demo, client_as):
    office, u = demo.users["donghu_office"], demo.units
    listed = services.list_reporting_units(
        actor=office, office=u["donghu_office"], year=2025, listed_date=datetime.date(2025, 3, 3)
    )
    assert u["donghu_justice"] in {row.unit for row in listed}
    assert all(row.unit.path.startswith(u["donghu"].path) for row in listed)
    # listed again: nobody twice
    assert not services.list_reporting_units(
        actor=office, office=u["donghu_office"], year=2025, listed_date=datetime.date(2025, 3, 4)
    )
    # the 2025 述法 held early in 2026 (年终述职) covers the 2025 list
    services.register_report(
        actor=office,
        unit=u["donghu_justice"],
        year=2025,
        person="周立新",
        post="局长",
        tier=ReportTier.DEPARTMENT_HEAD,
        form=ReportForm.ONSITE,
        report_date=datetime.date(2026, 1, 9),
        checklist="学法用法",
    )
    ids = ["accountability.reporting_units", "accountability.reporting_units_reported"]
    ids.append("accountability.law_report_coverage_rate")
    values = engine.compute(ids, user=office, unit=u["donghu"], period=YEAR)
    total = len(listed)
    assert values["accountability.reporting_units"] == total
    assert values["accountability.reporting_units_reported"] == 1
    rate = (Decimal(100) / total).quantize(Decimal("0.01"))
    assert values["accountability.law_report_coverage_rate"] == rate
    coverage = selectors.coverage(office, 2025)
    assert coverage["listed"] and coverage["reported"] == 1 and len(coverage["units"]) == total
    page = _records(
        client_as(office), "accountability.reporting_units_reported", u["donghu"], YEAR
    ).content.decode()
    assert "应述法单位：东湖区司法局" in page and "东湖区综合行政执法局" not in page
    api = client_as(office).get("/api/accountability/reporting-units/", {"page_size": 200}).json()
    rows = api["results"] if isinstance(api, dict) else api
    assert {r["unit_name"] for r in rows if r["year"] == 2025} == {r.unit.name for r in listed}
    other = client_as(demo.users["xishan_office"]).get("/api/accountability/reporting-units/")
    other_rows = other.json()["results"] if isinstance(other.json(), dict) else other.json()
    assert not [r for r in other_rows if r["year"] == 2025]


def test_a_list_is_made_by_the_office_of_the_area_for_its_own_units(demo, client_as):
    office, u = demo.users["donghu_office"], demo.units
    with pytest.raises(ValidationError, match="2025年度的述法名单应在2025年内确定"):
        services.list_reporting_units(
            actor=office,
            office=u["donghu_office"],
            year=2025,
            listed_date=datetime.date(2026, 1, 5),
        )
    with pytest.raises(
        ValidationError, match="不是本依法治办辖区内应述法的部门或乡镇（街道）：西山区司法局"
    ):
        services.list_reporting_units(
            actor=demo.admin,
            office=u["donghu_office"],
            year=2025,
            listed_date=datetime.date(2025, 3, 3),
            units=[u["donghu_justice"], u["xishan_justice"]],
        )
    with pytest.raises(PermissionDenied):
        services.list_reporting_units(
            actor=demo.users["xishan_office"],
            office=u["donghu_office"],
            year=2025,
            listed_date=datetime.date(2025, 3, 3),
        )
    with pytest.raises(PermissionDenied):
        services.list_reporting_units(
            actor=demo.users["donghu_leader"],
            office=u["donghu_office"],
            year=2025,
            listed_date=datetime.date(2025, 3, 3),
        )
    assert not ReportingUnit.objects.filter(year=2025).exists()
    # the page's button: the office lists the current year's units; others are refused
    this_year = timezone.localdate().year
    before = ReportingUnit.objects.filter(year=this_year).count()  # the demo's list
    refused = client_as(demo.users["donghu_publicity"]).post(
        "/accountability/law-reports/coverage/list/", {"year": this_year}
    )
    assert refused.status_code in (302, 403)
    assert ReportingUnit.objects.filter(year=this_year).count() == before
    response = client_as(office).post(
        "/accountability/law-reports/coverage/list/", {"year": this_year}, follow=True
    )
    assert f"已确定{this_year}年度述法名单，新列入0个单位" in response.content.decode()


def _published(demo):
    office = demo.users["donghu_office"]
    gov, justice = demo.units["donghu_gov"], demo.units["donghu_justice"]
    scheme = services.create_scheme(
        actor=office,
        unit=demo.units["donghu_office"],
        year=2025,
        name="2025年度法治建设考核",
        assessed_units=[gov, justice],
    )
    top = services.add_item(actor=office, scheme=scheme, code="1", name="履职")
    leaf = services.add_item(
        actor=office, scheme=scheme, code="1.1", name="学法", parent=top, points=Decimal("10")
    )
    day = datetime.date(2025, 12, 15)
    for unit, score in ((gov, "9.5"), (justice, "8")):
        services.review_score(
            actor=office,
            item=leaf,
            assessed_unit=unit,
            review_score=Decimal(score),
            deduction_reason="记录不全",
            reviewed_date=day,
        )
    services.publish_results(
        actor=office, scheme=scheme, published_date=datetime.date(2025, 12, 17)
    )
    return gov, justice


SCORE, RANK = "accountability.assessment_score", "accountability.assessment_rank"


def test_a_units_score_and_rank_are_its_published_result(demo):
    gov, justice = _published(demo)
    office = demo.users["donghu_office"]
    assert engine.compute([SCORE, RANK], user=office, unit=justice, period=YEAR) == {
        SCORE: Decimal("8"),
        RANK: 2,
    }
    assert engine.compute([SCORE, RANK], user=office, unit=gov, period=YEAR) == {
        SCORE: Decimal("9.5"),
        RANK: 1,
    }
    # an area holding two results has no one score: "—", each unit in the breakdown
    assert engine.compute([SCORE, RANK], user=office, unit=demo.units["donghu"], period=YEAR) == {
        SCORE: None,
        RANK: None,
    }
    by_child = engine.breakdown(
        [SCORE],
        user=office,
        unit=demo.units["donghu"],
        period=YEAR,
        by="child",
        children=[gov, justice],
    )
    assert {unit: v[SCORE] for unit, v in by_child.items()} == {
        gov: Decimal("9.5"),
        justice: Decimal("8"),
    }
    assert engine.compute([SCORE], user=office, unit=justice, period=engine.Period.year(2024)) == {
        SCORE: None
    }


def test_a_sibling_never_gets_anothers_score(demo, client_as):
    gov, justice = _published(demo)
    leader = demo.users["donghu_leader"]  # 东湖区司法局's leader: its own result only
    assert engine.compute([SCORE], user=leader, unit=justice, period=YEAR) == {SCORE: Decimal("8")}
    assert engine.compute([SCORE], user=leader, unit=gov, period=YEAR) == {SCORE: None}
    assert not engine.records(SCORE, user=leader, unit=gov, period=YEAR).exists()
    own = (
        client_as(leader)
        .get("/api/indicators/", {"unit": justice.pk, "year": 2025, "ids": SCORE})
        .json()
    )
    assert own[0]["value"] in ("8.00", "8", 8, 8.0)
    sibling = client_as(leader).get(
        "/api/indicators/", {"unit": gov.pk, "year": 2025, "ids": SCORE}
    )
    assert sibling.status_code == 400 or sibling.json()[0]["value"] is None
    page = _records(client_as(leader), SCORE, gov, YEAR)
    assert "9.5" not in page.content.decode()
    # another district: neither the figure, nor the records, nor the API
    xishan = demo.users["xishan_office"]
    assert engine.compute([SCORE], user=xishan, unit=justice, period=YEAR) == {SCORE: None}
    assert client_as(xishan).get(
        "/api/indicators/", {"unit": justice.pk, "year": 2025, "ids": SCORE}
    ).status_code in (400, 403)
    page = _records(client_as(xishan), SCORE, justice, YEAR)
    assert "东湖区司法局" not in page.content.decode() or page.status_code in (400, 403, 404)
    assert "8.00分" not in page.content.decode()


def test_the_first_responsible_part_names_the_units_own_score_and_rank(demo):
    from fazhi.annual_report import drafting

    gov, justice = _published(demo)
    paragraphs = drafting.draft_first_responsible(justice, 2025)
    text = "".join(s["text"] for p in paragraphs for s in p)
    figures = {s["indicator"] for p in paragraphs for s in p if "indicator" in s}
    assert {SCORE, RANK} <= figures
    assert "名列第2名" in text
    # the district holds two results: no one score in its own report
    district = drafting.draft_first_responsible(demo.units["donghu"], 2025)
    assert SCORE not in {s.get("indicator") for p in district for s in p}
