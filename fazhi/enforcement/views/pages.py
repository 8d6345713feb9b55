"""The page shapes of 行政执法监督: a ledger page, a step's form, a new record's form and an
Excel import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.core import selectors as core_selectors
from fazhi.core import steps
from fazhi.core.attachments import read_checked
from fazhi.core.roles import Action, WorkLine
from fazhi.core.viewtools import error_text, ledger_page, require

from .. import imports, ledgers

SECTION = [("行政执法监督", None)]  # the first crumb of a form page
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def list_page(request, queryset, ledger, title, *, create=None, **context):
    """A ledger's page (its table shows the columns the Excel export has)."""
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        template="enforcement/list.html",
        rows_template="enforcement/_rows.html",
        ledger_def=ledgers.page_table(ledger),
        title=title,
        create_url=create
        if core_selectors.can(request.user, Action.CREATE, WorkLine.ENFORCEMENT)
        else None,
        **context,
    )


def form_page(request, form, service, **kwargs):
    """core's form page, under the 行政执法监督 crumb."""
    return steps.form_page(request, form, service, crumbs=SECTION, **kwargs)


def create_page(
    request, form_class, service, *, units, title, message, preselect=True, **querysets
):
    """A new record's form, for one of `units` (preselected when it is the only one)."""
    require(request, Action.CREATE, WorkLine.ENFORCEMENT)
    form = form_class(
        request.POST or None,
        request=request,
        querysets={"unit": units, **querysets},
        **(single_unit(units) if preselect else {}),
    )
    return form_page(request, form, service, title=title, message=message)


def single_unit(queryset):
    """Preselect the unit when the user may act for one only."""
    return {"initial": {"unit": queryset.first()} if queryset.count() == 1 else {}}


def run_import(request, run, noun: str):
    """None once imported; otherwise the errors to show (empty on a GET)."""
    if request.method != "POST":
        return []
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationError("请选择要导入的Excel文件")
        content = read_checked(upload)
        if content.mime != XLSX:
            raise ValidationError("请上传 .xlsx 格式的Excel文件")
        count = run(content.data)
    except imports.ImportRefused as refused:
        return refused.errors
    except (ValidationError, PermissionDenied) as error:
        return [imports.RowError(0, "文件", error_text(error))]
    messages.success(request, f"已导入{count}{noun}")
    return None
