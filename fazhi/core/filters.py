"""The query parameters of lists and dashboards (?year=, ?unit=, ?from=, ?due_within=, ids),
parsed by a form whose fields have bounds.

A page reads its filters through `query_values(request, FormClass)`: each value is cleaned by
its field (a year the platform can count, an id that fits the database, a number of days of at
most ten years, a date between the years); a bad value is left out, with a Chinese message on
the page, so that an edited address never reaches the database or the date functions as
something they cannot take (a server error).
"""

import datetime

from django import forms
from django.contrib import messages

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_ID = 2**63 - 1  # the largest BigAutoField
MAX_DAYS = 3660  # ten years


def year_field(label: str = "年度", **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "invalid": "须为年份，例如 2025",
            "min_value": f"须在{MIN_YEAR}年至{MAX_YEAR}年之间",
            "max_value": f"须在{MIN_YEAR}年至{MAX_YEAR}年之间",
        },
        **kwargs,
    )


def id_field(label: str, **kwargs) -> forms.IntegerField:
    """The id of a record chosen in a filter (a unit, a respondent, a handler)."""
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=MAX_ID,
        error_messages={
            "invalid": "须为编号",
            "min_value": "编号无效",
            "max_value": "编号无效",
        },
        **kwargs,
    )


def days_field(label: str, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_DAYS,
        error_messages={
            "invalid": "须为天数",
            "min_value": f"须在0至{MAX_DAYS}天之间",
            "max_value": f"须在0至{MAX_DAYS}天之间",
        },
        **kwargs,
    )


def date_field(label: str, **kwargs) -> forms.DateField:
    """A date between the years a filter can take (1 January MIN_YEAR to 31 December
    MAX_YEAR): 0002-01-01 or 9999-12-31 is refused, not counted over."""
    first, last = datetime.date(MIN_YEAR, 1, 1), datetime.date(MAX_YEAR, 12, 31)
    return forms.DateField(
        label=label,
        required=False,
        validators=[_between(first, last)],
        error_messages={"invalid": "须为日期，例如 2025-01-01"},
        **kwargs,
    )


def _between(first: datetime.date, last: datetime.date):
    def validate(value):
        if value is not None and not first <= value <= last:
            raise forms.ValidationError(f"须在{first:%Y年%m月%d日}至{last:%Y年%m月%d日}之间")

    return validate


def search_field(label: str = "搜索", **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=200, **kwargs)


class QueryForm(forms.Form):
    """A page's query parameters. `values()` gives every field's cleaned value, or its empty
    value where the parameter was bad; `problems` says (in Chinese) which were left out."""

    def values(self) -> dict:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name] if name in cleaned else field.to_python(None)
            for name, field in self.fields.items()
        }

    @property
    def problems(self) -> list[str]:
        return [
            f"筛选条件“{self.fields[name].label or name}”的值无效（{message}），已忽略"
            if name in self.fields
            else message
            for name, errors in self.errors.items()
            for message in errors
        ]


def query_values(request, form_class: type[QueryForm], **kwargs) -> dict:
    """`form_class`'s values from the request's query; each bad one a warning on the page."""
    form = form_class(request.GET, **kwargs)
    values = form.values()
    for problem in form.problems:
        messages.warning(request, problem)
    return values


class SearchQuery(QueryForm):
    q = search_field()


def search_text(request) -> str:
    """A list's ?q=, bounded and stripped."""
    return query_values(request, SearchQuery)["q"].strip()


class YearQuery(QueryForm):
    year = year_field()


class UnitQuery(QueryForm):
    unit = id_field("单位")
