"""The tables of 普法, 社区矫正, 公共法律服务 and 法治督察 (issue 19 item 1): each names only
counted catalog indicators or typed cells, and each fills from the records; the demo's
October 2026 社区矫正 round, consolidated by the city."""

import pytest

from fazhi.indicators import engine
from fazhi.indicators.catalog import CATALOG
from fazhi.statistics import periods, services, tables
from fazhi.statistics.models import State, StatReturn

pytestmark = pytest.mark.django_db

LINES = {
    "SF普1表": ("publicity", "2026"),
    "SF矫1表": ("corrections", "2026-09"),
    "SF公1表": ("legal_services", "2026Q3"),
    "FZ督1表": ("accountability", "2026"),
}


def test_each_line_table_names_catalog_indicators_or_typed_cells():
    shipped = {t["code"]: t for t in tables.LINE_TABLES}
    assert set(shipped) == set(LINES)
    for code, (line, _) in LINES.items():
        definition = shipped[code]
        assert definition["work_line"] == line and "本平台编号" in definition["notes"]
        tables.validate(code, definition["layout"], definition["checks"])
        for spec in tables.cells(definition["layout"]).values():
            assert ("indicator" in spec and spec["indicator"] in CATALOG) or any(
                k in spec for k in ("manual", "sum", "rate")
            )
        counted = [
            s["indicator"] for s in tables.cells(definition["layout"]).values() if "indicator" in s
        ]
        assert all(i.startswith(f"{line}.") for i in counted)


@pytest.mark.parametrize("code", sorted(LINES))
def test_each_line_table_fills_from_the_records(demo, code):
    line, key = LINES[code]
    # 南桥县 (the demo's most 社区矫正 records), a period with records of the line (2026 not
    # yet ended: a draft, as a period not ended allows).
    statreturn = services.create_return(
        actor=demo.users["nanqiao_statistician"],
        unit=demo.units["nanqiao_justice"],
        template_code=code,
        period_key=key,
    )
    assert statreturn.template.version == 1 and statreturn.state == State.DRAFT
    _, start, end = periods.parse(statreturn.template.period_type, key)
    ids_of = {
        cell: spec["indicator"]
        for cell, spec in tables.cells(statreturn.template.layout).items()
        if "indicator" in spec
    }
    expected = engine.compute(
        sorted(set(ids_of.values())),
        user=None,
        unit=demo.units["nanqiao"],
        period=engine.Period(start, end),
    )
    assert {c: statreturn.values[c] for c in ids_of} == {c: expected[i] for c, i in ids_of.items()}
    assert {statreturn.sources[c] for c in ids_of} == {"computed"}
    assert any(statreturn.values[c] for c in ids_of)  # the demo has records of the line


def test_the_demo_files_and_consolidates_a_corrections_round(demo):
    october = {
        r.area.name: r
        for r in StatReturn.objects.filter(template__code="SF矫1表", period_key="2026-10")
    }
    assert set(october) == {"示范市", "东湖区", "西山区", "南桥县"}
    districts = [october[n] for n in ("东湖区", "西山区", "南桥县")]
    assert {r.state for r in districts} == {State.LOCKED}
    assert all(r.on_time and r.signed_by for r in districts)
    city = october["示范市"]
    assert city.consolidated and city.state == State.FILLED and len(city.parts) == 3
    # 在册 at the month's end: the city's figure is its districts' sum (no own subjects).
    assert city.values["08-1"] == sum(r.values["08-1"] for r in districts) > 0
    assert city.values["08-1"] == sum(city.values[c] for c in ("09-1", "10-1", "11-1", "12-1"))
