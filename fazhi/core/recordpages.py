"""A line's plain kinds of record, each with pages declared once: the 台账 (search, Excel and
the 登记 buttons for those who may), the 登记 form run through the line's service and, where
the line keeps one, the record's own page with its history."""

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.filters import search_text
from fazhi.core.ledgers import Ledger, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page
from fazhi.core.viewtools import record_view, require


def records_page(request, queryset, *, model, ledger, title, placeholder, empty, create=(), **kw):
    """A record list (台账 with search and Excel) with its 登记 buttons for those who may."""
    may = core_selectors.can(request.user, Action.CREATE, model.work_line)
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        title=title,
        search_placeholder=placeholder,
        empty=empty,
        actions=list(create) if may else [],
        **kw,
    )


def create_page(request, model, form_class, service, *, units, title, back, message, **form_kw):
    """A 登记 form for one of `units` (the user's), run through `service`; `back` is the list's
    (crumb, address)."""
    require(request, Action.CREATE, model.work_line)
    form = form_class(request.POST or None, units=units, request=request, **form_kw)
    return form_page(
        request, form, service, title=title, crumbs=[back], back=back[1], message=message
    )


def detail_page(request, record, *, template: str, name: str):
    """A record's page: `template` with the record as `name` and its field history."""
    history = core_selectors.record_history(request.user, record)
    return render(request, template, {name: record, "history": history})


@dataclass(frozen=True)
class RecordPages:
    """One declared kind of record. URL names are <namespace>:<name>_list, _create and _detail;
    the record's page is <namespace>/<name>_detail.html."""

    namespace: str  # the app's URL namespace: legal_aid, legal_services …
    name: str
    model: type
    ledger: Ledger
    selector: Callable  # (user, search=…) -> the user's records
    units: Callable  # (user) -> the units the 登记 form offers
    title: str  # the 台账's title
    placeholder: str
    empty: str
    create_label: str  # the button: 登记人员, 登记站点 …
    form_class: type
    service: Callable
    message: str | Callable
    create_title: str = ""  # by default 登记<title>
    crumb: str = ""  # the 台账 as the form's crumb names it; by default its title

    def list_page(self, request):
        return records_page(
            request,
            self.selector(request.user, search=search_text(request)),
            model=self.model,
            ledger=self.ledger,
            title=self.title,
            placeholder=self.placeholder,
            empty=self.empty,
            create=[(self.create_label, reverse(f"{self.namespace}:{self.name}_create"))],
        )

    def create_page(self, request):
        return create_page(
            request,
            self.model,
            self.form_class,
            self.service,
            units=self.units(request.user),
            title=self.create_title or f"登记{self.title}",
            back=(self.crumb or self.title, reverse(f"{self.namespace}:{self.name}_list")),
            message=self.message,
        )

    def detail_page(self, request, record):
        template = f"{self.namespace}/{self.name}_detail.html"
        return detail_page(request, record, template=template, name=self.name)

    def views(self):
        """(list, create) views, as the URLconf names them."""
        return require_safe(self.list_page), self.create_page

    def detail_view(self):
        """The record's page, scoped (404 outside the user's records)."""
        return record_view(self.model)(require_safe(self.detail_page))
