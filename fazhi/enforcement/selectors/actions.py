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
