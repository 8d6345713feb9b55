"""Paging that stays fast on a province's lists (a million cases for a system administrator).

Django's Paginator counts every row on every page and fetches a page as
`SELECT <every column> … ORDER BY … LIMIT 20 OFFSET n`, which makes the database read and
throw away n full rows. Here the count is cached under the data version (it is exact, and
recounted after any change of the records), and a page's keys are found first
(`SELECT pk … ORDER BY … LIMIT/OFFSET` in a subquery, which an index on the ordering answers
without touching the table) and only the page's own rows are read — a "deferred join".
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .dataversion import query_key, remember


class ListPaginator(Paginator):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user  # whose scope the rows are of: the count's data versions

    def _is_query(self) -> bool:
        return isinstance(self.object_list, QuerySet)

    @cached_property
    def count(self) -> int:
        if not self._is_query():
            return super().count
        key = query_key(self.object_list)
        if key is None:
            return 0
        return remember("count", key, self.object_list.count, user=self.user)

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
        # One statement: the page's keys in a subquery, then only those rows, in list order.
        keys = self.object_list.values("pk")[bottom:top]
        return self.object_list.filter(pk__in=keys)
