from django.utils.functional import SimpleLazyObject

from .navigation import nav_for, nav_html


def platform(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_groups": SimpleLazyObject(lambda: nav_for(user)),
        "nav_html": SimpleLazyObject(lambda: nav_html(user, request.path)),
        "active_membership": getattr(request, "membership", None),
        "switchable_memberships": getattr(request, "memberships", []),
    }
