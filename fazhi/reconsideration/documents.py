"""文书: numbered .docx documents generated from the case's data.

Numbers (文号, e.g. "东湖复决字〔2025〕第12号") come from the core's per-unit, per-kind,
per-year sequence (core/numbering.py), taken inside the step's transaction.
"""

import datetime
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from fazhi.core import numbering

from .models import Document


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    word: str  # the 字 of the number: 复决字, 复补字 …


KINDS = {
    k.key: k
    for k in [
        Kind("case", "行政复议案件登记", "复收字"),  # the case's own number
        Kind("supplement", "补正行政复议申请通知书", "复补字"),
        Kind("acceptance", "行政复议受理通知书", "复受字"),
        Kind("refusal", "不予受理行政复议申请决定书", "复不受字"),
        Kind("reply_notice", "提出答复通知书", "复答字"),
        Kind("suspension", "行政复议中止审理通知书", "复中字"),
        Kind("resumption", "行政复议恢复审理通知书", "复恢字"),
        Kind("extension", "行政复议延期审理通知书", "复延字"),
        Kind("hearing", "行政复议听证通知书", "复听字"),
        Kind("decision", "行政复议决定书", "复决字"),
        Kind("mediation", "行政复议调解书", "复调字"),
        Kind("termination", "行政复议终止决定书", "复终字"),
        Kind("opinion", "行政复议意见书", "复意字"),
        Kind("stay", "停止执行决定书", "复停字"),
        Kind("performance_order", "责令限期履行通知书", "复履字"),
    ]
}


def issuer_short_name(unit) -> str:
    """东湖区司法局 → 东湖: the area's name without its level word."""
    area = unit.parent if unit.parent_id and not unit.is_area else unit
    name = area.name
    for suffix in ("自治县", "区", "县", "市", "省", "街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def number_prefix(unit, kind: str) -> str:
    """东湖复收字: what every number of this unit and kind begins with."""
    return f"{issuer_short_name(unit)}{KINDS[kind].word}"


def sequence_kind(kind: str) -> str:
    """The kind of the core number sequence: the work line's label, then the 文书's kind."""
    return f"reconsideration.{kind}"


def _pattern(unit, kind: str) -> str:
    return f"{number_prefix(unit, kind)}〔{{year}}〕第{{serial}}号"


def next_number(*, unit, kind: str, year: int) -> numbering.Number:
    return numbering.next_number(
        unit=unit, kind=sequence_kind(kind), year=year, pattern=_pattern(unit, kind)
    )


def take_numbers(*, unit, kind: str, numbers) -> None:
    """Numbers given outside the sequence (an imported ledger): it continues after them."""
    numbering.take_numbers(
        unit=unit, kind=sequence_kind(kind), pattern=_pattern(unit, kind), numbers=numbers
    )


def _docx(
    title: str, number: str, paragraphs: list[str], issuer: str, date: datetime.date
) -> bytes:
    document = DocxDocument()
    style = document.styles["Normal"]
    style.font.name = "FangSong"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    style.font.size = Pt(16)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(22)
    numbered = document.add_paragraph(number)
    numbered.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in paragraphs:
        document.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
    for text in (issuer, f"{date.year}年{date.month}月{date.day}日"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def issue(
    *, case, kind: str, paragraphs: list[str], actor, date: datetime.date, unit=None
) -> Document:
    """Number and store one 文书 (inside the step's transaction)."""
    unit = unit or case.unit
    serial, number = next_number(unit=unit, kind=kind, year=date.year)
    title = KINDS[kind].title
    issuer = unit.parent.name + "人民政府" if unit.parent_id and not unit.is_area else unit.name
    content = _docx(title, number, paragraphs, issuer, date)
    document = Document(
        case=case,
        unit=unit,
        kind=kind,
        title=title,
        year=date.year,
        serial=serial,
        number=number,
        created_by=actor,
    )
    document.file.save(f"{number}.docx", ContentFile(content), save=False)
    document.save()
    return document
