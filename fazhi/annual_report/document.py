"""The report as a 公文 in Word (.docx), laid out after GB/T 9704-2012: A4; top margin
37 mm, left 28 mm, text block 156 × 225 mm; 22 lines of 28 characters; title 二号小标宋,
body 三号仿宋, part headings 黑体, section headings 楷体; page numbers "— 1 —".

28 characters of 三号 (16 pt) need 448 pt, the line has 442 pt: each character is set
0.25 pt closer (run character spacing), on a line grid of 22 lines. Word's character grid
(docGrid linesAndChars with a negative charSpace) would do the same in Word, but LibreOffice
snaps every character wider than a grid cell to two cells — 14 characters a line in the PDF.

The official font names are written as the East Asian font of every run (w:eastAsia) — Word
ignores a CJK font set only as the Latin one — so the file opens right on an office machine.
"""

import io
import math
import re

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import checks, drafting, structure
from .models import AnnualReport

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SECTION_FONT = "楷体_GB2312"
OFFICIAL_FONTS = (TITLE_FONT, BODY_FONT, HEADING_FONT, SECTION_FONT)
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
BODY_SIZE = 16  # 三号
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
# Character spacing in twentieths of a point, rounded down so that 28 fit: -5 → 15.75 pt.
CHAR_SPACING = math.floor((Mm(156).pt / CHARS_PER_LINE - BODY_SIZE) * 20)
SECTION_HEADING = re.compile(r"^（[一二三四五六七八九十]+）")


def chinese_date(date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _run(paragraph, text: str, font: str, size: float, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.bold = bold
    properties = run._element.get_or_add_rPr()
    properties.get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if size == BODY_SIZE:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CHAR_SPACING))
        properties.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz")
    return run


def _paragraph(
    document, text: str = "", *, font=BODY_FONT, size=BODY_SIZE, indent=True, align=None
):
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = False  # 22 lines on every page, as the grid has them
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        paragraph.alignment = align
    if text:
        _run(paragraph, text, font, size)
    return paragraph


def _page_setup(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.right_margin = Mm(210 - 28 - 156)
    section.bottom_margin = Mm(297 - 37 - 225)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH.pt * 20)))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "— ", "宋体", 14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    number.append(text)
    field.append(number)
    footer._p.append(field)
    _run(footer, " —", "宋体", 14)


def narrative_lines(text: str) -> list[tuple[str, str]]:
    """An officer's narrative as (kind, text): "（一）…" a section heading, "- …" a list item,
    any other line a paragraph."""
    lines = []
    for line in (structure.without_hints(line.strip()) for line in text.splitlines()):
        if not line:
            continue
        if SECTION_HEADING.match(line):
            lines.append(("section", line))
        elif line.startswith("- "):
            lines.append(("item", line.removeprefix("- ").strip()))
        else:
            lines.append(("body", line))
    return lines


def blocks(lines: list[tuple[str, str]]) -> list[tuple[str, object]]:
    """For HTML: consecutive list items gathered into one ("list", [texts]) block."""
    grouped: list[tuple[str, object]] = []
    for kind, text in lines:
        if kind == "item" and grouped and grouped[-1][0] == "list":
            grouped[-1][1].append(text)
        elif kind == "item":
            grouped.append(("list", [text]))
        else:
            grouped.append((kind, text))
    return grouped


def report_lines(report: AnnualReport, parts) -> list[tuple[str, str]]:
    """The report as (kind, text) lines: title, opening, heading, section, body, signature."""
    lines = [("title", report.title), ("body", structure.opening(report.unit, report.year))]
    for position, part in enumerate(checks.parts_shown(parts)):
        lines.append(("heading", structure.numbered_title(part.key, report.year, position)))
        lines += [("body", text) for text in drafting.plain_text(part.generated)]
        lines += narrative_lines(part.narrative)
    lines.append(("signature", report.unit.name))
    if report.signed_on:
        lines.append(("signature", chinese_date(report.signed_on)))
    return lines


def docx_bytes(report: AnnualReport, parts) -> bytes:
    document = Document()
    _page_setup(document)
    styles = document.styles["Normal"]
    styles.font.name = BODY_FONT
    styles.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)
    styles.font.size = Pt(16)
    for kind, text in report_lines(report, parts):
        if kind == "title":
            _paragraph(
                document,
                text,
                font=TITLE_FONT,
                size=22,
                indent=False,
                align=WD_ALIGN_PARAGRAPH.CENTER,
            )
            _paragraph(document, indent=False)
        elif kind == "heading":
            _paragraph(document, text, font=HEADING_FONT)
        elif kind == "section":
            _paragraph(document, text, font=SECTION_FONT)
        elif kind == "item":
            _paragraph(document, text)
        elif kind == "signature":
            _paragraph(document, text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            _paragraph(document, text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
