"""The report as a 公文: the .docx read back (python-docx), the PDF read back (pdftotext),
its fonts embedded, its first page rendered to PNG with Chinese text drawn."""

import io
import math
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from PIL import Image

from fazhi.annual_report import document, pdf, services
from fazhi.annual_report.models import State

from .conftest import expected_2025

pytestmark = pytest.mark.django_db


def _docx(report):
    return Document(io.BytesIO(document.docx_bytes(report, report.parts.all())))


def _east_asia(run) -> str | None:
    fonts = run._element.rPr.rFonts if run._element.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def _spacing(run) -> float:
    """The run's character spacing in points (w:spacing is in twentieths of a point)."""
    spacing = run._element.rPr.find(qn("w:spacing"))
    return int(spacing.get(qn("w:val"))) / 20 if spacing is not None else 0.0


def test_the_docx_is_laid_out_as_a_gongwen(written):
    docx = _docx(written)
    section = docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    assert (round(Emu(width).mm), round(Emu(height).mm)) == (156, 225)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid is not None and grid.get(qn("w:type")) == "lines"
    # 22 lines of 28 characters of 三号 (16 pt) on the 156 × 225 mm block
    assert int(225 / 25.4 * 72 / (int(grid.get(qn("w:linePitch"))) / 20)) == 22
    body = next(p for p in docx.paragraphs if p.text.startswith("行政复议："))
    assert int(156 / 25.4 * 72 / (16 + _spacing(body.runs[0]))) == 28
    title = docx.paragraphs[0]
    assert title.text == written.title
    assert title.runs[0].font.size == Pt(22) and _east_asia(title.runs[0]) == "方正小标宋简体"
    runs = [run for p in docx.paragraphs for run in p.runs if run.text.strip()]
    assert all(_east_asia(run) in document.OFFICIAL_FONTS for run in runs)
    body = next(p for p in docx.paragraphs if p.text.startswith("行政复议："))
    assert _east_asia(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer


def test_the_docx_holds_the_parts_in_order_and_the_figures(written):
    texts = [p.text for p in _docx(written).paragraphs]
    headings = [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert headings == [
        "一、2025年推进法治政府建设的主要举措和成效",
        "二、2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        "三、2025年推进法治政府建设存在的不足和原因",
        "四、2026年推进法治政府建设的主要安排",
    ]  # 其他 is left out when nothing was written in it
    expected = expected_2025("donghu")
    assert any(f"共收到行政复议申请{expected['received']}件" in t for t in texts)
    heading = next(p for p in _docx(written).paragraphs if p.text.startswith("二、"))
    assert _east_asia(heading.runs[0]) == "黑体"
    section = next(p for p in _docx(written).paragraphs if p.text == "（一）研究部署法治建设工作")
    assert _east_asia(section.runs[0]) == "楷体_GB2312"
    assert texts[-1] == "东湖区司法局"


def _signed(demo, report):
    services.submit_for_review(actor=demo.users["donghu_officer"], report=report)
    services.approve_review(actor=demo.users["donghu_reviewer"], report=report)
    return services.sign_report(actor=demo.users["donghu_leader"], report=report)


def test_the_pdf_has_the_parts_the_figures_and_embedded_cjk_fonts(demo, written, tmp_path):
    report = _signed(demo, written)
    assert report.state == State.SIGNED
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.pdf_bytes(document.docx_bytes(report, report.parts.all())))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert report.title in flat
    assert "一、2025年推进法治政府建设的主要举措和成效" in flat
    assert "四、2026年推进法治政府建设的主要安排" in flat
    assert f"共收到行政复议申请{expected_2025('donghu')['received']}件" in flat
    assert "—1—" in flat  # the page number

    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, fonts
    names = " ".join(row[0] for row in rows)
    assert "NotoSerifCJK" in names and "NotoSansCJK" in names  # 仿宋/小标宋 and 黑体 mapped
    assert all("yes" in row[-5:-2] for row in rows), fonts  # every font embedded

    # The first page drawn: Chinese glyphs, not empty boxes, in the title line.
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "page")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    width, height = image.size
    title_band = image.crop((0, int(height * 0.12), width, int(height * 0.2)))
    dark = sum(
        1
        for x in range(width)
        for y in range(title_band.height)
        if title_band.getpixel((x, y)) < 128
    )
    assert dark > 200, "the title line draws nothing"
    # Tofu boxes are hollow squares: their ink sits on the outline. Glyphs fill columns
    # unevenly: the per-column ink of the title band varies widely.
    columns = [
        sum(1 for y in range(title_band.height) if title_band.getpixel((x, y)) < 128)
        for x in range(width)
    ]
    inked = [c for c in columns if c]
    assert len(set(inked)) > 5, "every column alike: boxes, not characters"


TEXT_WIDTH_PT = 156 / 25.4 * 72


def _cells(text: str) -> float:
    """Width in characters of the body size: CJK and full-width 1, ASCII half."""
    return sum(1 if ord(c) > 0x2E80 else 0.5 for c in text if c != " ")


def _expected_lines(docx) -> int:
    """The lines the Word file asks for: each paragraph's characters (with its first-line
    indent) over the characters its size fits on the 156 mm line, at least one line."""
    lines = 0
    for paragraph in docx.paragraphs:
        run = next((run for run in paragraph.runs if run.text), None)
        size = run.font.size.pt if run is not None else document.BODY_SIZE
        per_line = int(TEXT_WIDTH_PT / (size + (_spacing(run) if run is not None else 0)))
        indent = paragraph.paragraph_format.first_line_indent
        cells = _cells(paragraph.text) + (Emu(indent).pt / size if indent else 0)
        lines += max(1, math.ceil(cells / per_line))
    return lines


def _layout_pages(path) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [page.splitlines() for page in text.split("\f")]
    return [page for page in pages if any(line.strip() for line in page)]


def test_the_pdf_sets_28_characters_a_line_and_22_lines_a_page_like_the_word_file(
    demo, written, tmp_path
):
    # A long narrative of CJK text without ASCII, sized so the report ends mid-page: the
    # page count cannot flip on a line more or less.
    def docx_with(paragraphs: int) -> bytes:
        sentence = "持续推进严格规范公正文明执法并健全行政执法监督工作体系"  # 26 characters
        narrative = "\n".join(sentence * 3 + "。" for _ in range(paragraphs))
        services.edit_report(
            actor=demo.users["donghu_officer"],
            report=written,
            title=written.title,
            narratives={"other": narrative},
        )
        return document.docx_bytes(written, written.parts.all())

    base = _expected_lines(Document(io.BytesIO(docx_with(0)))) + 1  # + the part's heading
    per_paragraph = math.ceil((2 + 26 * 3 + 1) / 28)
    paragraphs = next(n for n in range(30, 60) if (base + n * per_paragraph) % 22 == 11)
    docx = docx_with(paragraphs)
    expected_lines = _expected_lines(Document(io.BytesIO(docx)))
    assert expected_lines % 22 == 11
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.pdf_bytes(docx))

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "(A4)" in info, info
    pages = _layout_pages(path)
    assert len(pages) == math.ceil(expected_lines / 22)

    def is_footer(line: str) -> bool:
        return line.strip().startswith("—") and line.strip().endswith("—")

    full_lines = []
    for page in pages:
        lines = [line for line in page if line.strip() and not is_footer(line)]
        for line, following in zip(lines, lines[1:], strict=False):
            # A line followed by its paragraph's next line (not indented) is full; lines
            # with ASCII (proportional digits) are left out of the count.
            cjk_only = not any(c.isascii() and c != " " for c in line)
            if not following.startswith(" ") and cjk_only:
                full_lines.append((2 if line.startswith(" ") else 0) + _cells(line))
    assert len(full_lines) > 60
    assert set(full_lines) == {28}, sorted(set(full_lines))
    for page in pages[1:-1]:  # every full page of body text holds 22 lines
        body = [line for line in page if line.strip() and not is_footer(line)]
        assert len(body) == 22, page


def test_a_missing_font_refuses_with_a_clear_message_and_changes_nothing(
    demo, written, client_as, monkeypatch
):
    monkeypatch.setitem(pdf.FREE_FONTS, "仿宋_GB2312", "不存在的字体 SC")
    with pytest.raises(pdf.ExportError, match="缺少字体：不存在的字体 SC"):
        pdf.pdf_bytes(b"")
    client = client_as(demo.users["donghu_officer"])
    before = written.state, written.title
    response = client.post(f"/annual-reports/{written.pk}/pdf/", follow=True)
    assert "PDF导出失败：缺少字体" in response.content.decode()  # the job failed, and why
    written.refresh_from_db()
    assert (written.state, written.title) == before
