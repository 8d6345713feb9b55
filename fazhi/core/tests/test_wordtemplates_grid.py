"""Issue 13, item 4: a 文书 (every one is built on wordtemplates' page) prints as a 公文 —
A4, 28 characters a line and 22 lines a page in its PDF, as in its Word file."""

import math
import subprocess

from fazhi.annual_report import pdf
from fazhi.core import wordtemplates

SENTENCE = "持续推进严格规范公正文明执法并健全行政执法监督工作体系"  # 26 characters


def _cells(text: str) -> float:
    return sum(1 if ord(c) > 0x2E80 else 0.5 for c in text if c != " ")


def test_a_document_prints_28_characters_a_line_and_22_lines_a_page(db, tmp_path):
    paragraphs = 30
    per_paragraph = math.ceil((2 + 26 * 3 + 1) / 28)  # the first-line indent of two
    docx = wordtemplates.build([("body", SENTENCE * 3 + "。")] * paragraphs)
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf.pdf_bytes(docx))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "(A4)" in info, info
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [[line for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    pages = [page for page in pages if page]
    assert len(pages) == math.ceil(paragraphs * per_paragraph / 22)
    full = [
        (2 if line.startswith(" ") else 0) + _cells(line)
        for page in pages
        for line, following in zip(page, page[1:], strict=False)
        if not following.startswith(" ")
    ]
    assert len(full) > 30 and set(full) == {28}, sorted(set(full))
    for page in pages[:-1]:
        assert len(page) == 22, page
