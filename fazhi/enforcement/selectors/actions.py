"""Reads of the enforcement actions and what their steps may choose from."""

from django.db.models import Q

from ..models.actions import ActionStatus, EnforcementAction
from ..models.agencies import Officer
from ..models.penalty_lists import ListStatus
from .agencies import officers_prefetch
from .penalty_lists import region_list_items


def search_actions(user, *, search: str = "", kind: str = "", status: str = "", gaps: bool = False):
    queryset = (
        EnforcementAction.objects.restrict(user)
        .select_related("unit", "major_item", "list_item__penalty_list")
        .prefetch_related(officers_prefetch(user))
    )
    if search:
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(party__icontains=search)
            | Q(summary__icontains=search)
            | Q(unit__name__icontains=search)
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if gaps:
        queryset = queryset.filter(
            Q(pre_publicity_date__isnull=True)
            | Q(recording_location="")
            | Q(major_item__isnull=False) & ~Q(review_passed=True)
            | Q(status=ActionStatus.DECIDED, post_publicity_date__isnull=True)
        )
    return queryset


def legal_reviewers(user, enforcement_action: EnforcementAction):
    return Officer.objects.restrict(user).filter(
        unit=enforcement_action.unit, is_legal_reviewer=True, is_active=True
    )


def applicable_list_items(user, enforcement_action: EnforcementAction):
    """Items of the published lists of the agency's region, for recording a case under one."""
    return region_list_items(user, enforcement_action.unit).filter(
        penalty_list__status=ListStatus.PUBLISHED
    )


def penalty_clocks_pending(user, horizon):
    """Penalty cases with a 行政处罚法 clock still open that can fall due by `horizon` (each
    period is at least as long in natural days as its count: a first cut in the database)."""
    from datetime import timedelta

    def before(days):
        return horizon - timedelta(days=days)

    open_clock = (
        Q(
            status=ActionStatus.OPEN,
            decision_extended_until__isnull=True,
            started_date__lte=before(90),
        )
        | Q(status=ActionStatus.OPEN, decision_extended_until__lte=horizon)
        | Q(
            status=ActionStatus.OPEN,
            hearing_informed_date__lte=before(5),
            hearing_requested_date__isnull=True,
        )
        | Q(status=ActionStatus.OPEN, hearing_date__lte=horizon)
        | Q(
            status=ActionStatus.DECIDED,
            decision_served_date__isnull=True,
            decided_date__lte=before(7),
        )
        | Q(
            post_publicity_date__isnull=False,
            revoked_date__lte=before(3),
            publicity_withdrawn_date__isnull=True,
        )
    )
    return (
        EnforcementAction.objects.restrict(user)
        .filter(open_clock, kind="penalty")
        .select_related("unit")
        .order_by("pk")
    )
