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
    organs = f"表号：{template.code}　制定机关：{template.issuer}"
    if template.approver:
        organs += f"　批准机关：{template.approver}"
    if template.approval_number:
        organs += f"　文号：{template.approval_number}"
    sheet.append([organs])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.append(
        [
            f"填报单位：{statreturn.unit.name}（{statreturn.area.name}）　报告期：{statreturn.period_label}"
        ]
    )
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    sheet.append(["项目", "代码", "计量单位", *(column["label"] for column in columns)])
    sheet.append(["甲", "乙", "丙", *(column["code"] for column in columns)])
    for row in layout["rows"]:
        values = []
        for column in columns:
            value = statreturn.values.get(f"{row['code']}-{column['code']}")
            values.append("—" if value is None else value)
        sheet.append([row["label"], row["code"], row.get("unit", ""), *values])
    sheet.append([])
    sheet.append(
        [
            f"单位负责人：{_name(statreturn.signed_by)}",
            f"审核人：{_name(statreturn.reviewed_by)}",
            f"填表人：{_name(statreturn.filled_by)}",
            "报出日期："
            + (
                f"{statreturn.submitted_on:%Y年%m月%d日}"
                if statreturn.submitted_on
                else "（未上报）"
            ),
        ]
    )
    notes = [f"{cell}：{text}" for cell, text in statreturn.explanations.items()]
    if notes:
        sheet.append(["说明：" + "；".join(notes)])
    if template.notes:
        sheet.append([f"表式说明：{template.notes}"])
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
