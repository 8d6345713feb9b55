from django.utils.functional import SimpleLazyObject

from .selectors import unread_count


def unread(request):
    """The unread notices of the header: one indexed count, made when a template first reads it
    (a page's layout once; a fragment rendered with the request, such as a ledger's table, never)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notice_unread": SimpleLazyObject(lambda: unread_count(user))}
