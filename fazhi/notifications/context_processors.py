from .selectors import unread_count


def unread(request):
    """The unread notices of the header (one indexed count per page)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notice_unread": unread_count(user)}
