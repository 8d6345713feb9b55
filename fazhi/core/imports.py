"""Excel imports (导入): an `ImportSpec` declares a workbook's columns as `Field`s; its
`read_rows` checks every row and refuses the whole workbook when any cell is wrong (all rows
or none, the errors listed by row and column in Chinese); its `template_workbook` is the
file staff fill in. `import_page` is the one upload page (core/import.html): the upload runs
as a background job (fazhi/core/jobs) whose page shows its progress and result."""

import copy
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render, resolve_url
from openpyxl import Workbook, load_workbook

from .attachments import ALLOWED, read_checked
from .storable import bound_errors
from .viewtools import error_text, xlsx_workbook_response

DATE_EXPECTED = "日期，例如 2023-01-05"


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行“{self.column}”：{self.message}"


class ImportRefused(ValidationError):
    """The workbook has errors; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__([str(error) for error in errors])


def cell_date(value) -> datetime.date:
    """A date cell as Excel stores it, or its text in ISO form (raises ValueError)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value).strip())


def choice(labels: dict) -> Callable[[object], object]:
    """A cell naming one of `labels` (its Chinese label → the stored value)."""
    return lambda value: labels[str(value).strip()]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool = True
    parse: Callable[[object], object] | None = None  # raises ValueError or KeyError
    expected: str = ""  # what a valid value looks like, for the message
    # Longest text accepted; a cell beyond is that row's error.
    max_length: int = 1000
    # The model field the cell is stored in (`Officer.name` or its field): its length and its
    # range or digits bound the cell too, so that a value the column cannot hold is that
    # row's error — never a database error or a 500 when the rows are saved.
    column: object = None

    @property
    def longest(self) -> int:
        length = getattr(self.model_field, "max_length", None)
        return min(self.max_length, length) if length else self.max_length

    @property
    def model_field(self):
        return getattr(self.column, "field", self.column)


@dataclass(frozen=True)
class ImportSpec:
    """`read_rows` also takes the `Checked` rows a job read before the service's transaction:
    the service then finds them ready, and its transaction holds only its own writes."""

    sheet: str  # the template's sheet
    fields: tuple[Field, ...]
    example: tuple = ()  # the template's example row
    check: Callable[[list[dict]], list[RowError]] | None = None  # rules across cells and rows
    noun: str = "数据"  # what the rows are: "表格中没有案件"

    def __post_init__(self):
        # The worker finds the spec of a job by its key (the sheet and the columns).
        SPECS.setdefault(self.key, []).append(self)

    @property
    def key(self) -> str:
        return f"{self.sheet}|{','.join(field.key for field in self.fields)}"

    def template_workbook(self) -> Workbook:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.sheet
        sheet.append([field.label for field in self.fields])
        if self.example:
            sheet.append(list(self.example))
        return workbook

    def read_rows(self, upload, progress: Callable[[int, int], None] | None = None) -> list[dict]:
        """Every row as {key: parsed value, "row": its number}; raises ImportRefused listing
        every error. `upload` is an uploaded file (refused unless its content is a real .xlsx),
        a workbook's bytes, or rows this spec has `Checked` already. `progress(checked, total)`
        is told every PROGRESS_EVERY rows."""
        if isinstance(upload, Checked) and upload.spec is self:
            return copy.deepcopy(upload.rows)
        if isinstance(upload, Checked):
            upload = upload.data
        try:
            sheet = load_workbook(
                io.BytesIO(_xlsx_bytes(upload)), read_only=True, data_only=True
            ).worksheets[0]
        except ImportRefused:
            raise
        except Exception as error:  # any unreadable workbook is one message to the user
            raise ImportRefused(
                [RowError(1, "文件", f"无法读取Excel文件（{error.__class__.__name__}）")]
            ) from error
        total = max((sheet.max_row or 1) - 1, 0)
        rows = sheet.iter_rows(values_only=True)
        header = [str(cell or "").strip() for cell in next(rows, [])]
        missing = [
            RowError(1, field.label, "缺少这一列（请使用导入模板）")
            for field in self.fields
            if field.label not in header
        ]
        if missing:
            raise ImportRefused(missing)
        positions = {field.key: header.index(field.label) for field in self.fields}
        parsed, errors = [], []
        for number, values in enumerate(rows, start=2):
            if progress is not None and (number - 1) % PROGRESS_EVERY == 0:
                progress(number - 1, max(total, number - 1))
            if all(value in (None, "") for value in values):
                continue
            row = {"row": number}
            for field in self.fields:
                position = positions[field.key]
                row[field.key] = self._cell(
                    field, values[position] if position < len(values) else None, number, errors
                )
            parsed.append(row)
        if progress is not None:
            progress(max(total, len(parsed)), max(total, len(parsed)))
        if not parsed and not errors:
            errors.append(RowError(2, "全部", f"表格中没有{self.noun}"))
        if self.check is not None and parsed:
            errors += self.check(parsed)
        if errors:
            raise ImportRefused(sorted(errors, key=lambda error: error.row))
        return parsed

    @staticmethod
    def _cell(field: Field, raw, number: int, errors: list[RowError]):
        text = "" if raw is None else str(raw).strip()
        if not text:
            if field.required:
                errors.append(RowError(number, field.label, "不能为空"))
            return None
        if len(text) > field.longest:
            errors.append(
                RowError(number, field.label, f"超过{field.longest}个字符（当前{len(text)}个）")
            )
            return None
        try:
            value = text if field.parse is None else field.parse(raw)
        except (ValueError, KeyError, ArithmeticError):
            errors.append(RowError(number, field.label, f"“{text}”无效，应为{field.expected}"))
            return None
        problems = bound_errors(field.model_field, value) if field.model_field else []
        if problems:
            errors.append(RowError(number, field.label, f"“{text}”超出范围：{problems[0]}"))
            return None
        return value


SPECS: dict[str, list[ImportSpec]] = {}
PROGRESS_EVERY = 200  # rows between two progress reports of a job


def spec_by_key(key: str) -> ImportSpec | None:
    """The one spec of that key (None when two specs share it: the service then reads)."""
    found = SPECS.get(key, [])
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Checked:
    """A workbook's rows already read and checked by `spec` (and the workbook itself)."""

    spec: ImportSpec
    rows: list
    data: bytes


def xlsx_bytes(upload) -> bytes:
    """The upload's bytes, refused (ImportRefused) unless its content is a real .xlsx."""
    return _xlsx_bytes(upload)


def _xlsx_bytes(upload) -> bytes:
    if isinstance(upload, bytes):
        return upload
    try:
        content = read_checked(upload)
        if content.mime != ALLOWED["xlsx"]:
            raise ValidationError("请上传 .xlsx 格式的Excel文件")
    except ValidationError as error:
        raise ImportRefused([RowError(0, "文件", error_text(error))]) from error
    return content.data


def import_page(
    request, spec: ImportSpec, run, *, title: str, template_name: str, success: str, done, back=None
):
    """An import's page: `?template=1` downloads the spec's template; a POSTed file becomes a
    background job (fazhi/core/jobs) running `run` — the import service with its keyword arguments
    but the actor and the data, as `functools.partial(service, unit=unit)` — all rows or none.
    A job finished already (the immediate backend) is answered here as before: the message
    and `done`, or the errors on this page; otherwise the job's page follows its progress.
    `success` is the message with {count}; `done` where to go after; `back` the record the
    import belongs to (the breadcrumb)."""
    from fazhi.core.jobs import jobs  # imported when used: jobs.jobs imports this module

    if request.GET.get("template"):
        return xlsx_workbook_response(template_name, spec.template_workbook())
    errors = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValidationError("请选择要导入的Excel文件")
            job = jobs.start_import(
                actor=request.user,
                spec=spec,
                run=run,
                data=xlsx_bytes(upload),
                title=title,
                success=success,
                done=resolve_url(done),
            )
        except ImportRefused as refused:
            errors = refused.errors
        except (ValidationError, PermissionDenied) as error:
            errors = [RowError(0, "文件", error_text(error))]
        else:
            if job.status == job.Status.DONE:
                messages.success(request, job.message)
                return redirect(done)
            if job.status != job.Status.FAILED:
                return redirect(job)
            errors = jobs.row_errors(job)
    context = {"spec": spec, "errors": errors, "title": title, "back": back}
    return render(request, "core/import.html", context)
