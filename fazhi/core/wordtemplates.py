"""文书 templates in Word: a .docx whose paragraphs hold fields, rendered for a record.

A template is an ordinary Word (or WPS) file. In any paragraph `{{ 字段 }}` is replaced by
the field's value, and `{% if 字段 %}…{% else %}…{% endif %}` keeps or drops text; a
paragraph that holds nothing but one field whose value has several lines becomes one
paragraph per line, each formatted as the template's paragraph. Fields and conditions stay
within one paragraph (Word splits a paragraph's text into runs as it likes; the paragraph's
text is joined before it is read, and written back into its first run).

The field syntax is Django's template language (the one the pages use, rather than a
second one) run by an engine of its own with no loaders and no libraries, where only `if`
and `for` tags are accepted, so a template can name nothing but its fields.

A work line registers each kind of 文书 (`register`) with the fields it may use and its
default template; a unit's administrator may upload the unit's own template for a kind
(core.services.upload_word_template), checked here first: a field not in the list or
broken syntax is refused, naming the field or the paragraph.

Default templates are laid out after GB/T 9704-2012: A4, top margin 37 mm, left 28 mm,
text block 156 × 225 mm, 22 lines of 28 characters of 三号仿宋 (each character set 0.25 pt
closer, as the annual report does, because LibreOffice widens characters on a character
grid), title 二号小标宋.
"""

import copy
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import TextNode, VariableNode
from django.template.defaulttags import ForNode, IfNode
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
CHAR_SPACING = math.floor((Mm(156).pt / 28 - BODY_SIZE) * 20)

# Fields that are filled in only when the document is issued: a draft keeps them as
# written, so that an edited draft uploaded again still has them.
ISSUE_FIELDS = ("文号", "签发日期")
SEAL_BOOKMARK = "印章位置"  # a bookmark on the date line, under the seal

_ENGINE = Engine(
    libraries={}, builtins=["django.template.defaulttags", "django.template.defaultfilters"]
)
_ALONE = re.compile(r"^\s*\{\{\s*(\w+)\s*\}\}\s*$")


@dataclass(frozen=True)
class Field:
    name: str
    help: str


@dataclass(frozen=True)
class Kind:
    """One kind of 文书: its key (line.kind), title, fields and default template lines.

    `lines` are (style, text) with style one of title, number, left, body, right, seal."""

    key: str
    title: str
    fields: tuple[Field, ...]
    lines: tuple[tuple[str, str], ...] = field(repr=False)

    @property
    def numbered(self) -> bool:
        """Whether the 文书 carries a 文号 (its default template prints one)."""
        return any("{{ 文号 }}" in text for _, text in self.lines)

    @property
    def field_names(self) -> set[str]:
        return {f.name for f in self.fields}

    def default_template(self) -> bytes:
        return build(self.lines)


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    for style, _ in kind.lines:
        if style not in STYLES:
            raise ValueError(f"{kind.key}: unknown line style {style}")
    KINDS[kind.key] = kind
    return kind


# — building a default template —


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


def _line(document, style: str, text: str):
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = False
    if style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.line_spacing = Pt(TITLE_SIZE * 1.6)
        _run(paragraph, text, TITLE_FONT, TITLE_SIZE)
        return
    if style == "number":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif style in ("right", "seal"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(BODY_SIZE * 4)
    elif style == "body":
        fmt.first_line_indent = Pt(BODY_SIZE * 2)
    _run(paragraph, text, BODY_FONT, BODY_SIZE)
    if style == "seal":  # where the seal goes: over the organ's name and the date
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), "0")
        start.set(qn("w:name"), SEAL_BOOKMARK)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), "0")
        paragraph._p.insert(1, start)
        paragraph._p.append(end)


STYLES = ("title", "number", "left", "body", "right", "seal")


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


def build(lines) -> bytes:
    document = Document()
    _page_setup(document)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.font.size = Pt(BODY_SIZE)
    for style, text in lines:
        _line(document, style, text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# — reading a template —


def _open(data: bytes):
    try:
        return Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ValidationError("文件不是有效的Word文档（.docx）") from error


def _paragraphs(document):
    """Every paragraph: the body's, the tables' (nested too), the headers' and footers'."""

    def of(container):
        yield from container.paragraphs
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    yield from of(cell)

    yield from of(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            yield from of(part)


def _text(paragraph) -> str:
    return "".join(run.text for run in paragraph.runs)


def _excerpt(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 30 else text[:30] + "…"


def _names(node, local: set[str]):
    """The field names a parsed paragraph reads (loop variables excluded)."""
    if isinstance(node, VariableNode):
        yield from _expression_names(node.filter_expression, local)
    elif isinstance(node, IfNode):
        for condition, nodelist in node.conditions_nodelists:
            if condition is not None:
                yield from _condition_names(condition, local)
            for child in nodelist:
                yield from _names(child, local)
    elif isinstance(node, ForNode):
        yield from _expression_names(node.sequence, local)
        inner = local | set(node.loopvars) | {"forloop"}
        for child in (*node.nodelist_loop, *node.nodelist_empty):
            yield from _names(child, inner)
    elif not isinstance(node, TextNode):
        raise ValidationError(
            f"模板中使用了不允许的标签（{type(node).__name__}），只可使用 if 和 for"
        )


def _expression_names(expression, local):
    var = getattr(expression.var, "var", None)
    lookups = getattr(expression.var, "lookups", None)
    if var is not None and lookups and lookups[0] not in local:
        yield lookups[0]
    for _, arguments in expression.filters:
        for _, argument in arguments:
            if getattr(argument, "lookups", None) and argument.lookups[0] not in local:
                yield argument.lookups[0]


def _condition_names(condition, local):
    value = getattr(condition, "value", None)
    if value is not None and hasattr(value, "filters"):
        yield from _expression_names(value, local)
    for part in ("first", "second"):
        child = getattr(condition, part, None)
        if child is not None:
            yield from _condition_names(child, local)


def check(data: bytes, allowed: set[str]) -> None:
    """Refuse a template that is no Word file, has broken syntax or an unknown field."""
    document = _open(data)
    for paragraph in _paragraphs(document):
        text = _text(paragraph)
        if "{" not in text:
            continue
        try:
            template = _ENGINE.from_string(text)
        except TemplateSyntaxError as error:
            raise ValidationError(
                f"模板语法错误：段落“{_excerpt(text)}”中{error}（字段和条件须写在同一段内）"
            ) from error
        for node in template.nodelist:
            for name in _names(node, set()):
                if name not in allowed:
                    raise ValidationError(
                        f"模板中有未知字段“{name}”（段落“{_excerpt(text)}”），可用字段见本页列表"
                    )


def fields_in(data: bytes) -> set[str]:
    """The fields a (checked) template or draft still holds."""
    found = set()
    for paragraph in _paragraphs(_open(data)):
        text = _text(paragraph)
        if "{" in text:
            for node in _ENGINE.from_string(text).nodelist:
                found.update(_names(node, set()))
    return found


# — rendering —


def _set_text(paragraph, text: str) -> None:
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run._element.getparent().remove(run._element)


def _lines(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(item) for item in value if str(item).strip()]
    return [line for line in str(value).splitlines() if line.strip()]


def render(data: bytes, context: dict, *, keep=ISSUE_FIELDS) -> bytes:
    """The template filled with `context`; the fields in `keep` stay as written."""
    document = _open(data)
    values = {**context, **{name: mark(name) for name in keep}}
    for paragraph in list(_paragraphs(document)):
        text = _text(paragraph)
        if "{" not in text:
            continue
        alone = _ALONE.match(text)
        if alone and alone[1] in values and alone[1] not in keep:
            lines = _lines(values[alone[1]])
            if not lines:
                paragraph._element.getparent().remove(paragraph._element)
                continue
            _set_text(paragraph, lines[0])
            anchor = paragraph._element
            for line in lines[1:]:
                clone = copy.deepcopy(paragraph._element)
                anchor.addnext(clone)
                anchor = clone
                _set_text(Paragraph(clone, paragraph._parent), line)
            continue
        rendered = _ENGINE.from_string(text).render(Context(values, autoescape=False))
        if not rendered.strip():
            paragraph._element.getparent().remove(paragraph._element)
        else:
            _set_text(paragraph, rendered)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def mark(name: str) -> str:
    """A field as written in a template: {{ 文号 }}."""
    return "{{ " + name + " }}"


def fill_issue_fields(data: bytes, values: dict) -> bytes:
    """Put the number and the date into a draft: plain replacement of the kept fields (the
    officer's text is never read as a template again)."""
    document = _open(data)
    marks = {mark(name): value for name, value in values.items()}
    for paragraph in _paragraphs(document):
        text = _text(paragraph)
        if "{{" in text:
            for written, value in marks.items():
                text = text.replace(written, value)
            _set_text(paragraph, text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plain_text(data: bytes) -> str:
    return "\n".join(_text(p) for p in _paragraphs(_open(data)))


def leftover_fields(data: bytes) -> list[str]:
    """Template text still in a file: what an issued document must never hold."""
    return re.findall(r"\{\{[^}]*\}\}|\{%[^%]*%\}", plain_text(data))


def chinese_date(date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def template_for(unit, key: str) -> bytes:
    """The unit's own template of the kind, or the shipped default."""
    from .models import WordTemplate

    own = WordTemplate.objects.filter(unit=unit, key=key).first()
    if own is None:
        return KINDS[key].default_template()
    with own.file.open("rb") as handle:
        return handle.read()
