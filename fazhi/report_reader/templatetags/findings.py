from django import template

from fazhi.report_reader.checks import CHECK_LABELS, KIND_LABELS

register = template.Library()


@register.filter
def check_label(code: str) -> str:
    return CHECK_LABELS.get(code, code)


@register.filter
def kind_label(code: str) -> str:
    return KIND_LABELS.get(code, code)
