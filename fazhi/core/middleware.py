"""Per-request state: which membership (unit + role) the user acts through."""

from .querysets import set_active_membership
from .selectors import own_memberships

SESSION_KEY = "fazhi_membership_id"


class ActiveMembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        if request.user.is_authenticated:
            memberships = list(own_memberships(request.user))
            chosen = request.session.get(SESSION_KEY)
            membership = next((m for m in memberships if m.pk == chosen), None)
            if membership is None and memberships:
                membership = memberships[0]
            set_active_membership(request.user, membership)
            request.membership = membership
            request.memberships = memberships
        return self.get_response(request)
