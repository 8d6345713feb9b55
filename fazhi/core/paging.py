"""Paging that stays fast on a province's lists (a million cases for a system administrator).

Django's Paginator counts every row on every page and fetches a page as
`SELECT <every column> … ORDER BY … LIMIT 20 OFFSET n`, which makes the database read and
throw away n full rows. Here the count is cached under the data version (it is exact, and
recounted after any change of the records), and a page is found by its keys first
(`SELECT pk … ORDER BY … LIMIT/OFFSET`, which an index on the ordering answers without
touching the table) and only its own rows are then fetched — a "deferred join".
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .dataversion import remember


class ListPaginator(Paginator):
    def _is_query(self) -> bool:
        return isinstance(self.object_list, QuerySet)

    @cached_property
    def count(self) -> int:
        if not self._is_query():
            return super().count
        try:
            statement = self.object_list.query.sql_with_params()
        except EmptyResultSet:  # nothing in scope: no query to send
            return 0
        # The statement carries the user's scope and filters, so equal keys mean equal rows.
        return remember("count", (self.object_list.db, statement), self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self._slice(bottom, top), number, self)

    def _slice(self, bottom: int, top: int):
        if not self._is_query():
            return self.object_list[bottom:top]
        queryset = self.object_list
        keys = list(queryset.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
        return [rows[key] for key in keys if key in rows]  # one may be gone in between
