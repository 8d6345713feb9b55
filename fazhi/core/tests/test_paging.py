"""Paging by keys first (a deferred join) gives exactly the rows of plain OFFSET paging, and
the cached count follows every change of the records."""

import pytest
from django.core.paginator import Paginator

from fazhi.core.paging import ListPaginator
from fazhi.core.templatetags.options import option_list, options
from fazhi.reconsideration import selectors
from fazhi.reconsideration.models import Case


def pages(paginator):
    return [
        [row.pk for row in paginator.page(number).object_list] for number in paginator.page_range
    ]


@pytest.mark.parametrize("search", ["", "东湖", "申请人"])
@pytest.mark.parametrize("per_page", [1, 3, 7])
def test_pages_by_keys_are_the_offset_pages(demo, search, per_page):
    queryset = selectors.cases(demo.admin, search=search)
    assert queryset.count() > per_page  # several pages
    assert pages(ListPaginator(queryset, per_page)) == pages(Paginator(queryset, per_page))


def test_pages_keep_their_related_rows(demo):
    queryset = selectors.cases(demo.users["donghu_leader"])
    row = ListPaginator(queryset, 5).page(2).object_list[0]
    expected = queryset[5]
    assert (row.pk, row.applicant_names, row.unit.name) == (
        expected.pk,
        expected.applicant_names,
        expected.unit.name,
    )


def test_the_cached_count_follows_changes(demo):
    queryset = Case.objects.restrict(demo.users["donghu_leader"])
    before = ListPaginator(queryset, 20).count
    assert ListPaginator(queryset, 20).count == before
    queryset.order_by("pk").first().delete()
    assert ListPaginator(queryset, 20).count == before - 1


def test_nothing_in_scope_is_no_page(demo):
    page = ListPaginator(Case.objects.none(), 20).page(1)
    assert page.paginator.count == 0 and list(page) == []


def test_options_are_escaped_and_marked():
    html = options(option_list([(1, "甲<b>"), (2, '乙"')]), "2")
    assert html == (
        '<option value="1">甲&lt;b&gt;</option><option value="2" selected>乙&quot;</option>'
    )
