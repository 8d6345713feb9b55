"""Reading a report file into plain text: TXT (UTF-8 or GB18030), HTML (the article only,
via trafilatura), DOCX (python-docx) and PDF (the text layer, via pypdf)."""

import io
from pathlib import Path

import docx
import trafilatura
from pypdf import PdfReader
from pypdf.errors import PdfReadError

MAX_BYTES = 50 * 1024 * 1024
MIN_ARTICLE_CHARS = 30  # fewer than this is a menu or a link, not a report
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


class UnreadableDocument(Exception):
    """A document the reader cannot turn into text; the message names the file and why."""


def collect(paths: list[Path]) -> list[Path]:
    """The files named, folders expanded to the report files inside them (sorted)."""
    files = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)
    return files


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("既不是UTF-8编码，也不是GB18030/GBK编码")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return "\x00" in text or controls > len(text) / 100


def _read_txt(data: bytes) -> str:
    text = _decode(data)
    if _looks_binary(text):
        raise ValueError("内容不是文本（可能是二进制文件误用了.txt扩展名）")
    return text


def _read_html(data: bytes) -> str:
    text = trafilatura.extract(
        data, include_comments=False, include_tables=True, favor_precision=True
    )
    if not text or len("".join(text.split())) < MIN_ARTICLE_CHARS:
        raise ValueError("网页中找不到正文")
    return text


def _read_docx(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zipfile/KeyError/lxml errors alike
        raise ValueError(f"不是有效的Word文档（{error.__class__.__name__}）") from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def _read_pdf(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"不是有效的PDF文件（{error}）") from None
    if not text.strip():
        raise ValueError("PDF没有文字层（可能是扫描件，需要先做文字识别）")
    return text


_READERS = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}


def read_text(path: Path) -> str:
    """The document's text, or UnreadableDocument naming the file and the reason."""
    reader = _READERS.get(path.suffix.lower())
    try:
        if reader is None:
            raise ValueError(f"不支持的文件类型“{path.suffix}”（支持TXT、HTML、DOCX、PDF）")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValueError(f"文件大小{size / 1024 / 1024:.0f}MB，超过50MB上限")
        if size == 0:
            raise ValueError("文件为空")
        text = reader(path.read_bytes())
    except OSError as error:
        raise UnreadableDocument(f"{path.name}：无法打开文件（{error.strerror}）") from None
    except ValueError as error:
        raise UnreadableDocument(f"{path.name}：{error}") from None
    if not text.strip():
        raise UnreadableDocument(f"{path.name}：文件中没有文字")
    return text.replace("\r\n", "\n").replace("\r", "\n")
