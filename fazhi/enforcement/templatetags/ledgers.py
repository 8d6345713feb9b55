from django import template

register = template.Library()


@register.filter
def ledger_row(record, ledger) -> list:
    """The cells a ledger (台账) shows for one record."""
    return ledger.row(record)
