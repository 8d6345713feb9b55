"""台账 (core/ledgers.py): one declaration for the page and the Excel file; the Excel file
keeps a value that looks like a formula as text (formula injection)."""

import datetime
from io import BytesIO

from django.utils.html import format_html
from openpyxl import load_workbook

from fazhi.core.ledgers import Column, Ledger
from fazhi.core.models import Unit
from fazhi.core.viewtools import xlsx_response

ATTACK = "=cmd|' /C calc'!A0"


def test_a_name_that_starts_a_formula_is_exported_as_text(demo, client_as):
    """OWASP ASVS 1.2.10: = + - @ (and tab, CR) at a cell's start never make a formula."""
    user = demo.users["donghu_officer"]
    user.first_name = ATTACK
    user.save()
    export = client_as(demo.users["donghu_admin"]).get("/users/?export=xlsx")
    sheet = load_workbook(BytesIO(export.content)).active
    cell = next(row[1] for row in sheet.iter_rows() if row[0].value == user.username)
    assert cell.value == ATTACK  # the value unchanged, as text: not a formula
    assert cell.data_type == "s" and cell.quotePrefix


def test_every_trigger_is_neutralised_and_other_cells_are_left_alone():
    values = ["+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=1+1", "普通文字", "a=b", -5, 3.5]
    response = xlsx_response("测试.xlsx", "测试", [f"列{i}" for i in range(len(values))], [values])
    row = list(load_workbook(BytesIO(response.content)).active.iter_rows(min_row=2))[0]
    assert [cell.value for cell in row] == values
    assert [cell.data_type for cell in row] == ["s"] * 8 + ["n", "n"]
    assert [bool(cell.quotePrefix) for cell in row] == [True] * 6 + [False] * 4


LEDGER = Ledger(
    "单位台账.xlsx",
    "单位",
    (
        Column("名称", lambda unit: unit.name),
        Column("代码", lambda unit: unit.division_code, empty="—"),
        Column("路径", lambda unit: unit.path, on_page=False),
        Column(
            "标记",
            lambda unit: "",
            in_export=False,
            cell=lambda unit: format_html("<b>{}</b>", unit.kind),
        ),
        Column("日期", lambda unit: datetime.date(2025, 3, 1)),
    ),
)


def test_a_ledger_has_its_page_columns_and_its_export_columns(demo):
    unit = Unit(name="测试局", division_code="", path="/t/", kind=Unit.Kind.JUSTICE_BUREAU)
    assert LEDGER.header == ["名称", "代码", "路径", "日期"]
    assert LEDGER.row(unit) == ["测试局", "", "/t/", datetime.date(2025, 3, 1)]
    assert LEDGER.page_header == ["名称", "代码", "标记", "日期"]
    assert LEDGER.page_row(unit) == ["测试局", "—", f"<b>{unit.kind}</b>", "2025-03-01"]


def test_the_ledger_page_searches_and_swaps_only_its_table(demo, client_as):
    client = client_as(demo.users["donghu_admin"])
    page = client.get("/users/", {"q": "donghu_officer"}).content.decode()
    assert "<h1>用户与任职</h1>" in page and "donghu_officer" in page
    assert "donghu_leader" not in page and 'href="/users/new/"' in page
    table = client.get(
        "/users/?q=donghu_officer", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="table-area"
    ).content.decode()
    assert "<h1>" not in table and "donghu_officer" in table
    assert 'href="?q=donghu_officer&amp;export=xlsx"' in table
    export = client.get("/users/?q=donghu_officer&export=xlsx")
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "用户名" and [row[0] for row in rows[1:]] == ["donghu_officer"]
