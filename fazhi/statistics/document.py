"""A return as PDF in its table's layout (title, 表号 and organs, filing unit and period, the
table with its code row, the signer block, the explanations): written as a .docx with
python-docx and rendered by the platform's one PDF machinery (fazhi/annual_report/pdf.py,
LibreOffice with the free fonts mapped)."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.annual_report import pdf
from fazhi.annual_report.document import BODY_FONT, HEADING_FONT

from . import excel

ExportError = pdf.ExportError


def _text(paragraph, text: str, size: float, *, font: str = BODY_FONT, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold = font, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def docx_bytes(statreturn) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(title, statreturn.template.name, 18, font=HEADING_FONT, bold=True)
    for line in (excel.organs(statreturn.template), excel.filer(statreturn)):
        _text(document.add_paragraph(), line, 10.5)
    rows = excel.grid(statreturn)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            if c:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _text(paragraph, str(value), 10.5, bold=r == 0)
    _text(document.add_paragraph(), "　".join(excel.signers(statreturn)), 10.5)
    for line in excel.notes(statreturn):
        _text(document.add_paragraph(), line, 9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(statreturn) -> bytes:
    return pdf.pdf_bytes(docx_bytes(statreturn))
