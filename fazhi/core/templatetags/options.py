from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def options(choices, selected) -> str:
    """`<option>`s for (value, label) pairs with `selected` marked: a province's hundreds of
    units are much cheaper to join here (with the standard library's escape) than through a
    template loop or format_html."""
    selected = str(selected or "")
    return mark_safe(  # every value and label is escaped
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )
