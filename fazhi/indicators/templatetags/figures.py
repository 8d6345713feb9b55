from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value):
    """A computed value as the reports write it: "—" for an empty rate, rates with two decimals."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return f"{value:,}"


@register.filter
def signed(value):
    if value is None:
        return ""
    return f"+{value}" if value > 0 else f"{value}"
