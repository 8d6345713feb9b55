"""A return as Excel in its table's layout: title, 表号 and organs with 文号, the period and
filing unit, the header (column groups merged), rows with their codes and units, and the signer
block — written through the kit's workbook response (formulas neutralised)."""

import io
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from fazhi.core.viewtools import neutralise_formulas


def _name(user) -> str:
    return (user.first_name or user.username) if user else ""


def organs(template) -> str:
    text = f"表号：{template.code}　制定机关：{template.issuer}"
    if template.approver:
        text += f"　批准机关：{template.approver}"
    if template.approval_number:
        text += f"　文号：{template.approval_number}"
    return text


def filer(statreturn) -> str:
    return (
        f"填报单位：{statreturn.unit.name}（{statreturn.area.name}）　报告期：{statreturn.period_label}"
        + ("　零上报" if statreturn.nil_return else "")
    )


def signers(statreturn) -> list[str]:
    """The signer block: 单位负责人, 审核人, 填表人, 报出日期."""
    day = statreturn.submitted_on
    return [
        f"单位负责人：{_name(statreturn.signed_by)}",
        f"审核人：{_name(statreturn.reviewed_by)}",
        f"填表人：{_name(statreturn.filled_by)}",
        "报出日期：" + (f"{day:%Y年%m月%d日}" if day else "（未上报）"),
    ]


def grid(statreturn) -> list[list]:
    """The table's header, code row and rows, as the form prints them."""
    columns = statreturn.template.layout["columns"]
    rows = [
        ["项目", "代码", "计量单位", *(column["label"] for column in columns)],
        ["甲", "乙", "丙", *(column["code"] for column in columns)],
    ]
    for row in statreturn.template.layout["rows"]:
        values = []
        for column in columns:
            value = statreturn.values.get(f"{row['code']}-{column['code']}")
            values.append("—" if value is None else value)
        rows.append([row["label"], row["code"], row.get("unit", ""), *values])
    return rows


def notes(statreturn) -> list[str]:
    found = [f"{cell}：{text}" for cell, text in statreturn.explanations.items()]
    lines = ["说明：" + "；".join(found)] if found else []
    if statreturn.template.notes:
        lines.append(f"表式说明：{statreturn.template.notes}")
    return lines


def workbook(statreturn):
    template = statreturn.template
    layout = template.layout
    columns = layout["columns"]
    width = 3 + len(columns)  # 项目, 代码, 计量单位, the values
    book = Workbook()
    sheet = book.active
    sheet.title = template.code[:31]
    sheet.append([template.name])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([organs(template)])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.append([filer(statreturn)])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    for row in grid(statreturn):
        sheet.append(row)
    sheet.append([])
    sheet.append(signers(statreturn))
    for line in notes(statreturn):
        sheet.append([line])
    return book


def response(statreturn):
    filename = f"{statreturn.area.name}{statreturn.period_label}{statreturn.template.name}.xlsx"
    book = workbook(statreturn)
    # The kit's response widens columns by their first cell, which a merged title hides:
    # the same neutralising, with the widths of this layout.
    neutralise_formulas(book)
    sheet = book.active
    sheet.column_dimensions["A"].width = 40
    for letter in "BCDEFGH":
        sheet.column_dimensions[letter].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
