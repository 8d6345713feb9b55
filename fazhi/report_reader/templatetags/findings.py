from django import template

from fazhi.report_reader.checks import CHECK_LABELS, KIND_LABELS
from fazhi.report_reader.numbers import QUALIFIER_LABELS

register = template.Library()


@register.filter
def check_label(code: str) -> str:
    return CHECK_LABELS.get(code, code)


@register.filter
def kind_label(code: str) -> str:
    return KIND_LABELS.get(code, code)


@register.filter
def qualifier_label(code: str) -> str:
    """ "exact" says nothing to a reader: 以上, 近, 约 or nothing."""
    return QUALIFIER_LABELS.get(code, code)
