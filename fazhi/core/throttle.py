"""Throttling of failed logins per username and per address (django-axes' database handler).

Axes compares the largest failure count of its lockout parameters with one limit. Failures
from one address (a whole office may sit behind it) are allowed more than failures on one
username: the address's count is scaled down to the username's limit.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def _sum(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottle(AxesDatabaseHandler):
    # AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]], in that order.
    def get_failures(self, request, credentials=None) -> int:
        by_username, by_address = (_sum(a) for a in self.get_user_attempts(request, credentials))
        scaled = (
            by_address * settings.AXES_FAILURE_LIMIT // settings.FAZHI_LOGIN_ADDRESS_FAILURE_LIMIT
        )
        return max(by_username, scaled)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears its username's failures, not its address's: an attacker
        with one valid account must not reset the count of a spray."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count
