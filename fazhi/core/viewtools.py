"""Shared pieces of every app's views: record lookup through the scoping mechanism,
pagination with search, and the Excel ledger export."""

import datetime
import functools
import io
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from . import selectors
from .paging import ListPaginator

PAGE_SIZE = 20


def record_view(model, action: str = "view"):
    """A view of one record, found by `pk` through `restrict` (404 when out of scope).

    The scoping test reads `record_model` to walk the view with records of both districts;
    the permission-matrix test reads `record_action` to know what the view asks.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, pk, **kwargs):
            record = selectors.get_visible(model, request.user, pk, action)
            return view(request, record, **kwargs)

        wrapped.record_model = model
        wrapped.record_action = action
        return wrapped

    return decorate


def require(request, action: str, work_line: str | None = None) -> None:
    if not selectors.can(request.user, action, work_line):
        raise PermissionDenied("当前角色无权执行此操作")


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return ListPaginator(queryset, per_page, user=request.user).get_page(request.GET.get("page"))


def list_template(request, full: str, rows: str) -> str:
    """htmx search and paging swap only the table (ledger pages: core/ledgers.py)."""
    return rows if request.htmx and request.htmx.target == "table-area" else full


def run_service_form(request, form, service, **fixed):
    """On a valid POST, call `service` with the form's fields (named as its parameters).

    Returns the service's result, or None when the form is shown (again); a service's
    refusal becomes an error at the top of the form.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    if hasattr(form, "service_kwargs"):
        data = form.service_kwargs()
    else:
        data = {k: v for k, v in form.cleaned_data.items() if k != "form_token"}
    try:
        # The form's one-time token goes with the service's writes: consumed first, in the
        # same transaction, so that of two submissions of one page only one is carried out.
        with transaction.atomic():
            if hasattr(form, "consume_token"):
                form.consume_token()
            return service(actor=request.user, **data, **fixed)
    except (ValidationError, PermissionDenied) as error:
        form.add_error(None, error_text(error))
        return None


def run_posted_form(request, form, service, success, **fixed):
    """For a button on a record's page: run the service, then say how it went as a message
    (`success` is the text, or a function of the result). Returns the result, or None."""
    result = run_service_form(request, form, service, **fixed)
    if result is None:
        messages.error(request, "；".join(m for errors in form.errors.values() for m in errors))
    else:
        messages.success(request, success(result) if callable(success) else success)
    return result


def error_text(error: ValidationError | PermissionDenied) -> str:
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    return str(error) or "无权执行此操作"


def xlsx_response(filename: str, sheet_title: str, header: list[str], rows) -> HttpResponse:
    """A ledger (台账) as an .xlsx download."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    sheet.append(header)
    for row in rows:
        sheet.append([excel_value(value) for value in row])
    return xlsx_workbook_response(filename, workbook)


def excel_value(value):
    """A cell as Excel wants it: a time in the platform's time zone (Excel has none; UTC
    would be eight hours off), numbers as numbers, a yes/no in words."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


# OWASP (ASVS 1.2.10, "CSV Injection"): a cell that begins with one of these is read as a
# formula by a spreadsheet; an exported name such as "=cmd|' /C calc'!A0" must stay text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(workbook) -> None:
    """Every text cell that would start a formula becomes text with Excel's quote prefix.

    openpyxl stores a string beginning with "=" as a formula; as a string cell with
    `quotePrefix` (what Excel records for a typed leading apostrophe) it shows the value
    unchanged, is never evaluated, and stays text when edited.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                    cell.data_type = "s"
                    cell.quotePrefix = True


def xlsx_workbook_response(filename: str, workbook) -> HttpResponse:
    """An .xlsx download of `workbook`, its columns widened to their content, no cell a
    formula an exported value could smuggle in."""
    neutralise_formulas(workbook)
    for sheet in workbook.worksheets:
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, 4 + width * 2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
