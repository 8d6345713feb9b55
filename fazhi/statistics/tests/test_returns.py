"""Returns: tables as data, filling, the four kinds of check, the flow with its refusals,
consolidation with 催报 and corrections, the pages, Excel and the API."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.models import DomainEvent
from fazhi.indicators import engine
from fazhi.statistics import checks, deadlines, services, tables
from fazhi.statistics.models import ReturnTemplate, ReturnVersion, State, StatReturn, UrgeNotice

pytestmark = pytest.mark.django_db


def _return(demo, district, code, key):
    return services.create_return(
        actor=demo.users[f"{district}_statistician"],
        unit=demo.units[f"{district}_justice"],
        template_code=code,
        period_key=key,
    )


def _fake(template, values, explanations=None):
    return SimpleNamespace(template=template, values=values, explanations=explanations or {})


def test_every_shipped_table_names_only_computed_indicators_and_its_own_cells():
    for definition in tables.SHIPPED:
        tables.validate(definition["code"], definition["layout"], definition["checks"])
    assert {t["work_line"] for t in tables.SHIPPED} >= {
        "reconsideration",
        "litigation",
        "mediation",
    }


def test_a_table_naming_an_unknown_indicator_is_refused_and_nothing_is_written(demo):
    before = ReturnTemplate.objects.count()
    definition = {
        **tables.SHIPPED[2],
        "code": "TEST表",
        "layout": {
            "columns": tables.ONE,
            "rows": [
                {
                    "code": "01",
                    "label": "虚构",
                    "unit": "件",
                    "cells": {"1": {"indicator": "litigation.nonsense"}},
                }
            ],
        },
        "checks": [],
    }
    with pytest.raises(ValidationError) as refused:
        services.install_template(actor=demo.admin, definition=definition)
    assert (
        "第01行“虚构”（本期数）：指标“litigation.nonsense”不在指标目录中"
        in refused.value.messages[0]
    )
    assert ReturnTemplate.objects.count() == before


def test_last_years_table_is_its_own_version(demo):
    assert services.template_for("FZ复1表", 2023).version == 1
    assert services.template_for("FZ复1表", 2025).version == 2
    with pytest.raises(ValidationError, match="没有适用于2019年的版本"):
        services.template_for("FZ复1表", 2019)


def test_balance_and_logic_name_the_cell_and_the_rule():
    template = services.template_for("FZ复1表", 2025)
    values = {"01-1": 0, "02-1": 10, "03-1": 4, "04-1": 1, "05-1": 6, "06-1": 2, "07-1": 3}
    found = checks.run(_fake(template, values))
    balance = next(p for p in found if p.rule == "平衡")
    assert balance.cell == "05-1" and "审结（合计）" in balance.where
    assert "合计6不等于分项之和5" in balance.message
    logic = next(p for p in found if p.rule == "逻辑")
    assert logic.cell == "05-1" and "不能大于" in logic.message and logic.blocking


def test_a_typed_rate_above_100_or_unequal_to_its_parts_is_an_error():
    template = SimpleNamespace(
        layout={
            "columns": tables.ONE,
            "rows": [
                {"code": "01", "label": "应考", "unit": "人", "cells": {"1": {"manual": True}}},
                {"code": "02", "label": "参考", "unit": "人", "cells": {"1": {"manual": True}}},
                {"code": "03", "label": "参考率", "unit": "%", "cells": {"1": {"manual": True}}},
            ],
        },
        checks=[{"kind": "rate", "cell": "03-1", "numerator": "02-1", "denominator": "01-1"}],
    )
    found = checks.run(_fake(template, {"01-1": 10, "02-1": 9, "03-1": 120}))
    messages = [p.message for p in found if p.rule == "比率"]
    assert "比率为120%，超过100%" in messages
    assert any("比率应为90.00%" in m for m in messages)


def test_cross_table_and_plausibility():
    summary = services.template_for("FZ综1表", 2025)
    found = checks.run(
        _fake(summary, {"01-1": 5, "02-1": 2, "03-1": 0, "04-1": 0, "05-1": 0}),
        others={"FZ复1表": {"03-1": 7}, "FZ诉1表": {"02-1": 2}},
    )
    cross = [p for p in found if p.rule == "表间"]
    assert (
        len(cross) == 1 and cross[0].cell == "01-1" and "《FZ复1表》第03行为7" in cross[0].message
    )
    litigation = services.template_for("FZ诉1表", 2025)
    values = {"01-1": 0, "02-1": 16, "03-1": 0, "04-1": 0, "06-1": 0, "07-1": 0}
    warned = checks.run(_fake(litigation, values), last_year={"02-1": 10})
    warning = next(p for p in warned if p.rule == "同比")
    assert warning.warning and warning.open and "增长60%" in warning.message
    explained = checks.run(
        _fake(litigation, values, {"同比:02-1": "新增征收项目"}), last_year={"02-1": 10}
    )
    assert not next(p for p in explained if p.rule == "同比").open
    assert not [
        p for p in checks.run(_fake(litigation, values), last_year={"02-1": 12}) if p.rule == "同比"
    ]


def test_bad_manual_figures_are_refused_with_the_cell_named(demo):
    statreturn = _return(demo, "donghu", "SF援1表", "2025")
    officer = demo.users["donghu_statistician"]
    with pytest.raises(ValidationError, match="“abc”不是数字"):
        services.set_manual_value(
            actor=officer, statreturn=statreturn, cell="05-1", value="abc", explanation="回访"
        )
    with pytest.raises(ValidationError, match="比率不能超过100%"):
        services.set_manual_value(
            actor=officer, statreturn=statreturn, cell="05-1", value="120", explanation="回访"
        )
    with pytest.raises(ValidationError, match="不是手工填报项"):
        services.set_manual_value(
            actor=officer, statreturn=statreturn, cell="01-1", value="3", explanation="x"
        )
    statreturn.refresh_from_db()
    assert statreturn.values["05-1"] is None
    with pytest.raises(ValidationError, match="手工填报项尚未填写"):
        services.complete_filling(actor=officer, statreturn=statreturn)


def test_a_period_not_yet_ended_is_a_draft_only(demo):
    statreturn = _return(demo, "donghu", "FZ诉1表", "2026")
    assert statreturn.state == State.DRAFT
    with pytest.raises(ValidationError, match="报告期2026年尚未结束"):
        services.complete_filling(actor=demo.users["donghu_statistician"], statreturn=statreturn)
    with pytest.raises(ValidationError, match="格式不正确"):
        _return(demo, "donghu", "FZ诉1表", "2026-13")


def test_the_flow_returned_corrected_submitted_frozen_and_unlocked_by_the_superior(demo):
    officer, leader = demo.users["donghu_statistician"], demo.users["donghu_leader"]
    city_leader = demo.users["city_leader"]
    statreturn = _return(demo, "donghu", "FZ诉1表", "2025")
    assert statreturn.sources["02-1"] == "computed" and statreturn.computed_at
    services.set_manual_value(
        actor=officer, statreturn=statreturn, cell="01-1", value="2", explanation="上年期末"
    )
    services.complete_filling(actor=officer, statreturn=statreturn)
    services.return_for_correction(actor=leader, statreturn=statreturn, comment="上期结转应为3")
    assert statreturn.state == State.RETURNED
    services.set_manual_value(
        actor=officer, statreturn=statreturn, cell="01-1", value="3", explanation="上年期末"
    )
    services.complete_filling(actor=officer, statreturn=statreturn)
    services.approve_return(actor=leader, statreturn=statreturn)
    with pytest.raises(PermissionDenied, match="无权"):  # 上报 is the 负责人's (签发)
        services.submit_return(actor=officer, statreturn=statreturn)
    services.submit_return(
        actor=leader, statreturn=statreturn, submitted_on=datetime.date(2026, 1, 10)
    )
    assert (
        statreturn.state == State.SUBMITTED
        and statreturn.on_time
        and statreturn.signed_by == leader
    )
    assert ReturnVersion.objects.get(statreturn=statreturn).values["01-1"] == 3
    with pytest.raises(ValidationError, match="数值已冻结"):
        services.set_manual_value(
            actor=officer, statreturn=statreturn, cell="01-1", value="9", explanation="x"
        )
    with pytest.raises(PermissionDenied, match="上一级"):
        services.accept_return(actor=leader, statreturn=statreturn)
    services.accept_return(actor=city_leader, statreturn=statreturn)
    with pytest.raises(ValidationError, match="须填写意见或理由"):
        services.unlock_return(actor=city_leader, statreturn=statreturn, comment=" ")
    services.unlock_return(actor=city_leader, statreturn=statreturn, comment="法院年底结案2件漏计")
    assert statreturn.state == State.RETURNED
    services.complete_filling(actor=officer, statreturn=statreturn)
    services.approve_return(actor=leader, statreturn=statreturn)
    services.submit_return(actor=leader, statreturn=statreturn)
    assert statreturn.version == 2 and statreturn.versions.count() == 2
    assert statreturn.on_time is False  # submitted again after the due date
    actions = set(
        DomainEvent.objects.filter(target_id=str(statreturn.pk)).values_list("action", flat=True)
    )
    assert {
        "statistics.unlock_return",
        "statistics.submit_return",
        "statistics.set_manual_value",
    } <= actions


def test_consolidation_lists_missing_children_and_urges_them(demo):
    city_officer = demo.users["city_statistician"]
    city = services.create_return(
        actor=city_officer,
        unit=demo.units["city_justice"],
        template_code="FZ诉1表",
        period_key="2025",
    )
    assert city.consolidated and city.due_date == datetime.date(2026, 1, 20)
    with pytest.raises(PermissionDenied, match="由其本级填报"):
        services.create_return(
            actor=city_officer,
            unit=demo.units["donghu_justice"],
            template_code="FZ诉1表",
            period_key="2025",
        )
    with pytest.raises(ValidationError) as refused:
        services.complete_filling(actor=city_officer, statreturn=city)
    assert (
        "东湖区（未填报）" in refused.value.messages[0]
        and "西山区（未填报）" in refused.value.messages[0]
    )
    draft = _return(demo, "xishan", "FZ诉1表", "2025")
    with pytest.raises(ValidationError, match="西山区（草稿）"):
        services.complete_filling(actor=city_officer, statreturn=city)
    notice = services.urge(actor=city_officer, statreturn=city, area=demo.units["xishan"])
    assert notice.unit == draft.unit
    items = list(
        deadlines.urged_returns(
            demo.users["xishan_statistician"],
            datetime.date(2026, 12, 2),
            datetime.date(2026, 12, 30),
        )
    )
    assert items and "催报：西山区2025年《行政应诉案件情况》" in items[0].title
    assert not list(
        deadlines.urged_returns(
            demo.users["donghu_statistician"],
            datetime.date(2026, 12, 2),
            datetime.date(2026, 12, 30),
        )
    )
    assert UrgeNotice.objects.filter(area=demo.units["xishan"]).exists()


def test_the_city_sums_its_districts_and_a_correction_reopens_it(demo):
    annual = {
        r.area.name: r
        for r in StatReturn.objects.filter(period_key="2025", template__code="FZ复1表")
    }
    city = annual["示范市"]
    for cell in ("02-1", "05-1"):
        districts = sum(annual[n].values[cell] for n in ("东湖区", "西山区", "南桥县"))
        own = city.values[cell] - districts
        assert own >= 0
    total = engine.compute(
        ["reconsideration.received"], user=None, unit=city.area, period=engine.Period.year(2025)
    )
    assert city.values["02-1"] == total["reconsideration.received"]
    donghu = annual["东湖区"]
    officer, leader = demo.users["donghu_statistician"], demo.users["donghu_leader"]
    services.unlock_return(
        actor=demo.users["city_leader"], statreturn=donghu, comment="上期结转有误"
    )
    services.set_manual_value(
        actor=officer, statreturn=donghu, cell="01-1", value="4", explanation="更正"
    )
    services.complete_filling(actor=officer, statreturn=donghu)
    services.approve_return(actor=leader, statreturn=donghu)
    services.submit_return(actor=leader, statreturn=donghu)
    city.refresh_from_db()
    assert city.state == State.RETURNED and "东湖区更正后重新上报" in city.comment
    from fazhi.statistics import selectors

    row = next(r for r in selectors.children_status(city) if r["area"].name == "东湖区")
    assert row["changed"] and row["difference"]["01-1"] == (3, 4)


def test_on_time_rate_of_returns(demo):
    values = engine.compute(
        [
            "statistics.reports_due",
            "statistics.reports_submitted_on_time",
            "statistics.on_time_rate",
        ],
        user=None,
        unit=demo.units["city"],
        period=engine.Period(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31)),
    )
    assert values["statistics.reports_due"] == 4  # three districts and the city, 2025
    assert values["statistics.reports_submitted_on_time"] == 3  # 西山区 late
    assert str(values["statistics.on_time_rate"]) == "75.00"


def test_the_pages_excel_and_api(demo, client_as):
    client = client_as(demo.users["donghu_statistician"])
    donghu = StatReturn.objects.get(
        period_key="2025", template__code="FZ复1表", area=demo.units["donghu"]
    )
    page = client.get(reverse("statistics:return_detail", args=[donghu.pk])).content.decode()
    assert "行政复议案件情况" in page and "indicators/records/?id=reconsideration.received" in page
    assert "西山区" not in page
    listing = client.get(reverse("statistics:return_list")).content.decode()
    assert "东湖区" in listing and "西山区" not in listing
    workbook = load_workbook(
        io.BytesIO(
            client.get(
                reverse("statistics:return_detail", args=[donghu.pk]) + "?export=xlsx"
            ).content
        )
    )
    sheet = workbook.active
    texts = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "行政复议案件情况" in texts[0] and any("表号：FZ复1表" in t for t in texts)
    assert any(t.startswith("单位负责人：") for t in texts) and sheet.merged_cells.ranges
    api = client.get("/api/statistics/returns/").json()
    results = api["results"] if isinstance(api, dict) else api
    assert results and {r["area_name"] for r in results} == {"东湖区"}
    assert client.get(reverse("statistics:template_list")).status_code == 200
    city_page = (
        client_as(demo.users["city_statistician"])
        .get(
            reverse(
                "statistics:return_detail",
                args=[StatReturn.objects.get(period_key="2026-11", area=demo.units["city"]).pk],
            )
        )
        .content.decode()
    )
    assert "南桥县" in city_page and "催报" in city_page
