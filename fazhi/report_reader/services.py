"""Storing read reports (every write through an audited @service)."""

import datetime
import tempfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.guards import saved
from fazhi.core.storable import storable_errors
from fazhi.indicators.catalog import CATALOG

from .inputs import UnreadableDocument
from .models import ReadReport, ReportFigure
from .reader import ReadResult, read_document

MAX_BYTES = 50 * 1024 * 1024
EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".pdf")


def check_upload(upload) -> str | None:
    """The Chinese reason an uploaded file cannot be read, or None."""
    name = Path(upload.name or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in EXTENSIONS:
        return f"{name}：不支持的文件类型“{suffix}”（支持TXT、HTML、DOCX、PDF）"
    if upload.size > MAX_BYTES:
        return f"{name}：文件大小{upload.size / 1024 / 1024:.0f}MB，超过50MB上限"
    return None


def read_upload(upload) -> ReadResult:
    """Read an uploaded file through the reader; raises UnreadableDocument."""
    problem = check_upload(upload)
    if problem:
        raise UnreadableDocument(problem)
    name = Path(upload.name).name
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return read_document(path)


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _capped_metadata(report: ReadReport) -> list[str]:
    """Cap what the report's columns cannot hold (a 150-character region, a year beyond the
    column): text cut to its length, numbers left unknown; what was capped, in Chinese."""
    notes = []
    for name in storable_errors(report):
        field = ReadReport._meta.get_field(name)
        value = getattr(report, name)
        if isinstance(value, str) and field.max_length:
            setattr(report, name, value[: field.max_length])
            notes.append(
                f"{field.verbose_name}超过{field.max_length}个字符，只保存了前{field.max_length}个字"
            )
        else:
            setattr(report, name, None)
            notes.append(f"{field.verbose_name}“{value}”超出可存储的范围，未保存")
    return notes


def _storable_figure(report: ReadReport, figure) -> ReportFigure | None:
    """The figure as its row, with the value rounded to the column's decimals; None when the
    value (or a label) is beyond what the column can hold — such as a figure of 22 digits."""
    value = _decimal(figure.value)
    if value is None or not value.is_finite():
        return None
    places = ReportFigure._meta.get_field("value").decimal_places
    row = ReportFigure(
        report=report,
        indicator=figure.indicator,
        value=value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP),
        qualifier=figure.qualifier or "",
        unit=figure.unit or "",
        quote=figure.quote,
        span_start=figure.span[0],
        span_end=figure.span[1],
        confidence=figure.confidence,
    )
    return None if storable_errors(row) else row


@service
def store_result(*, actor, unit, result: ReadResult) -> ReadReport:
    data = result.as_dict()
    report = ReadReport(
        unit=unit,
        uploaded_by=actor,
        file_name=result.file[:255],
        text=result.text,
        region=result.region or "",
        agency=result.agency or "",
        level=result.level or "",
        year=result.year,
        published=_date(result.published),
        sections=data["sections"],
    )
    # What the reader found but the columns cannot hold is capped and reported among the
    # findings, never a database error (issue 14, item 3): the rest of the report is stored.
    notes = _capped_metadata(report)
    rows, kept = [], []
    for figure, shown in zip(result.figures, data["figures"], strict=True):
        row = _storable_figure(report, figure) if figure.indicator else None
        if figure.indicator and row is None:
            notes.append(f"数据“{figure.quote}”的数值超出可存储的范围，未计入")
            continue
        rows += [row] if row else []
        kept.append(shown)
    data["figures"] = kept
    data["findings"] += [
        {"kind": "not stored", "check": "storage", "message": note, "quotes": []} for note in notes
    ]
    data.update(region=report.region, agency=report.agency, level=report.level)
    data["year"] = report.year
    report.result = data
    report.save()
    for row in rows:
        row.report = report
        row.save()
    record_event(
        actor=actor,
        action="report_reader.store",
        summary=f"上传并解析报告《{report.file_name}》",
        target=report,
        unit=unit,
    )
    return report


@service
def store_reports(*, actor, unit, uploads) -> tuple[list[ReadReport], list[str]]:
    """Read each uploaded file; store one report per readable file.

    Returns the stored reports and one Chinese message per file that could not be read.
    """
    reports, errors = [], []
    for upload in uploads:
        try:
            result = read_upload(upload)
        except UnreadableDocument as error:
            errors.append(str(error))
            continue
        except Exception as error:  # a parser's own error on a corrupt file (of many kinds)
            name = Path(upload.name or "").name
            errors.append(f"{name}：文件已损坏，无法解析（{error.__class__.__name__}）")
            continue
        reports.append(store_result(actor=actor, unit=unit, result=result))
    return reports, errors


@service
def set_public(*, actor, report: ReadReport, is_public: bool) -> ReadReport:
    report.is_public = is_public
    report.save(update_fields=["is_public"])
    record_event(
        actor=actor,
        action="report_reader.publish" if is_public else "report_reader.unpublish",
        summary=f"{'公开' if is_public else '取消公开'}报告《{report.file_name}》",
        target=report,
        unit=report.unit,
    )
    return report


@service
def review_figure(
    *, actor, figure: ReportFigure, decision: str, indicator: str = "", value=None, note: str = ""
) -> ReportFigure:
    """确认 / 更正 / 排除 a figure the reader found. A correction keeps the first reading
    (`read_indicator`, `read_value`); comparisons then count the corrected figure, and never
    an excluded one."""
    Review = ReportFigure.Review
    if decision not in (Review.CONFIRMED, Review.CORRECTED, Review.REJECTED):
        raise ValidationError("请选择确认、更正或排除")
    if decision == Review.CORRECTED:
        entry = CATALOG.get(indicator)
        if entry is None:
            raise ValidationError("更正时请选择指标目录中的指标")
        if value is None:
            raise ValidationError("更正时请填写数值")
        if entry.unit == "%" and not Decimal(0) <= Decimal(value) <= Decimal(100):
            raise ValidationError(f"“{entry.name}”是比率，数值应在0到100之间")
        if not figure.read_indicator:
            figure.read_indicator, figure.read_value = figure.indicator, figure.value
        figure.indicator, figure.value, figure.unit = indicator, Decimal(value), entry.unit
    if decision == Review.REJECTED and not note.strip():
        raise ValidationError("排除一项数据时请写明理由")
    figure.review = decision
    figure.review_note = note.strip()
    figure.reviewed_by = actor
    figure.reviewed_at = timezone.now()
    saved(figure)
    record_event(
        actor=actor,
        action=f"report_reader.figure_{decision}",
        summary=f"{Review(decision).label}报告《{figure.report.file_name}》中的数据"
        f"“{figure.quote[:40]}”",
        target=figure.report,
        unit=figure.report.unit,
    )
    return figure
