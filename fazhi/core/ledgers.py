"""台账: one declaration of a list's columns serves its page and its Excel file.

A `Ledger` names its file, its sheet and its `Column`s; a column is in the Excel file, on the
page, or both (a wide ledger shows its key columns and exports them all). `ledger_page` is
the one list page: searchable, paged with the fast paging of paging.py, `?export=xlsx`
downloads all of it, and an htmx search or page swaps only the table.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from .dataversion import query_key, remember
from .filters import search_text
from .querysets import full_scope_key
from .viewtools import paginate, xlsx_response


def day(value) -> str:
    """A date as the ledgers write it in text (2025-03-01), empty for none."""
    return value.strftime("%Y-%m-%d") if value else ""


@dataclass(frozen=True)
class Column:
    """One column: `value` is the cell in the Excel file and, unless `cell` says what the page
    shows instead (a badge, the running clocks: safe HTML), on the page; `empty` is the
    page's text for an empty cell."""

    title: str
    value: Callable[[Any], object]
    on_page: bool = True
    in_export: bool = True
    cell: Callable[[Any], object] | None = None
    empty: str = ""

    def page_cell(self, record):
        value = self.value(record) if self.cell is None else self.cell(record)
        if value is None or value == "":
            return self.empty
        if isinstance(value, datetime.date):
            return day(value)
        return value


@dataclass(frozen=True)
class Ledger:
    filename: str
    sheet: str
    columns: tuple[Column, ...]
    link: bool = True  # the page's first cell opens the record (its get_absolute_url)

    @property
    def header(self) -> list[str]:
        return [column.title for column in self.columns if column.in_export]

    def row(self, record) -> list:
        return [column.value(record) for column in self.columns if column.in_export]

    @property
    def page_header(self) -> list[str]:
        return [column.title for column in self.columns if column.on_page]

    def page_row(self, record) -> list:
        return [column.page_cell(record) for column in self.columns if column.on_page]

    def xlsx(self, records: Iterable) -> HttpResponse:
        return xlsx_response(self.filename, self.sheet, self.header, map(self.row, records))


def ledger_page(
    request,
    queryset,
    *,
    ledger: Ledger,
    title: str,
    export_rows=None,
    cached: bool = False,
    template: str = "core/ledger.html",
    rows_template: str = "core/_ledger_rows.html",
    **context,
):
    """A ledger's list page (core/ledger.html), or all of it as Excel on `?export=xlsx`.

    `export_rows` is the queryset to export when it needs more than the page shows;
    `rows_template` replaces the table when its rows carry more than cells (a form);
    `cached` keeps the rendered table per change of the records, user, query and day (a
    list viewed again and again: back from a record, paging to and fro). The template's
    context: `title`, `section` (the breadcrumb before it), `search_placeholder`,
    `filter_form` (its fields beside the search), `actions` ((label, url) buttons),
    `empty` (the text of an empty list), and whatever else an extending template reads.
    """
    if request.GET.get("export") == "xlsx":
        return ledger.xlsx(queryset if export_rows is None else export_rows)
    table = _table(request, queryset, ledger, rows_template, context.get("empty"), cached)
    if request.htmx and request.htmx.target == "table-area":  # search and paging
        return HttpResponse(table)
    context = {
        "ledger": ledger,
        "table": table,
        "title": title,
        "q": search_text(request),
        **context,
    }
    return render(request, template, context)


def _table(request, queryset, ledger: Ledger, rows_template: str, empty, cached: bool) -> str:
    def render_table() -> str:
        page = paginate(request, queryset)
        context = {
            "ledger": ledger,
            "page": page,
            "rows": [(record, ledger.page_row(record)) for record in page],
            "empty": empty,
        }
        return render_to_string(rows_template, context, request)

    statement = query_key(queryset) if cached else None
    if statement is None:  # not cached, or nothing in scope
        return mark_safe(render_table())  # our own rendering
    today = timezone.localdate()
    key = (full_scope_key(request.user), ledger.filename, statement, request.GET.urlencode(), today)
    return mark_safe(remember("ledger_table", key, render_table, user=request.user))
