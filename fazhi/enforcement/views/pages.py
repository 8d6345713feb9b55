"""The page shapes of 行政执法监督: a ledger page, a step's form and a new record's form."""

from django.urls import reverse

from fazhi.core import selectors as core_selectors
from fazhi.core import steps
from fazhi.core.ledgers import ledger_page
from fazhi.core.roles import Action, WorkLine
from fazhi.core.viewtools import require

SECTION = [("行政执法监督", None)]  # the first crumb of a form page


def list_page(request, queryset, ledger, title, *, create=None, links=(), statuses=()):
    """A ledger's page: the section's navigation, a status filter, quick filters (`links`:
    label and query) and, for who may create, the new record's form (`create`: its URL name)."""
    actions = [(label, request.path + query) for label, query in links]
    if create and core_selectors.can(request.user, Action.CREATE, WorkLine.ENFORCEMENT):
        actions.append(("新增", reverse(create)))
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        title=title,
        section="行政执法监督",
        template="enforcement/list.html",
        statuses=statuses,
        actions=actions,
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
