from .navigation import nav_for


def platform(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_groups": nav_for(user),
        "active_membership": getattr(request, "membership", None),
        "switchable_memberships": getattr(request, "memberships", []),
    }
