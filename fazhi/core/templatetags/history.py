"""A record's field history in words: verbose field names and choice labels (auditlog's
display dict), never the stored codes ("hearing → awaiting_service")."""

from django import template

register = template.Library()

EMPTY = {"", "None", "[]", "{}"}
BOOLEANS = {"True": "是", "False": "否"}


def _shown(value) -> str:
    value = str(value)
    return "（空）" if value in EMPTY else BOOLEANS.get(value, value)


@register.filter
def shown_changes(entry) -> list[tuple[str, str, str]]:
    """(field label, before, after) of one auditlog entry."""
    return [
        (str(field), _shown(values[0]), _shown(values[1]) if len(values) > 1 else "（空）")
        for field, values in entry.changes_display_dict.items()
    ]
