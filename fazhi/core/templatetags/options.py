from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def option_list(choices) -> list[tuple[str, str]]:
    """(value, escaped label) pairs, computed once for a cached list of choices: a province
    has hundreds of units, which are slow to escape on every page."""
    return [(str(value), escape(str(label))) for value, label in choices]


@register.simple_tag
def options(prepared, selected) -> str:
    """`<option>`s of `option_list` pairs with `selected` marked."""
    selected = str(selected or "")
    return mark_safe(  # labels are escaped by option_list, values are digits or escaped here
        "".join(
            f'<option value="{escape(value)}"{" selected" if value == selected else ""}>'
            f"{label}</option>"
            for value, label in prepared
        )
    )
