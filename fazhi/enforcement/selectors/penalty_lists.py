"""Reads of the 免罚轻罚清单 and their items."""

from django.db.models import Count, Q

from fazhi.core.models import Unit

from ..models.actions import ActionStatus, EnforcementAction
from ..models.penalty_lists import ListStatus, PenaltyList, PenaltyListItem


def region_list_items(user, unit: Unit):
    """Items of the lists ever in force in the unit's region (drafts excluded)."""
    segments = unit.path.strip("/").split("/")
    regions = ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments))]
    return (
        PenaltyListItem.objects.restrict(user)
        .filter(penalty_list__region__path__in=regions)
        .exclude(penalty_list__status=ListStatus.DRAFT)
        .select_related("penalty_list")
    )


def search_penalty_lists(user, search: str = ""):
    queryset = (
        PenaltyList.objects.restrict(user)
        .select_related("region")
        .annotate(
            item_count=Count("items", distinct=True),
            case_count=Count("items__cases", filter=Q(items__cases__status=ActionStatus.DECIDED)),
        )
        .order_by("-year", "-pk")  # an aggregate query drops Meta.ordering
    )
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(version__icontains=search))
    return queryset


def list_items(user, penalty_list: PenaltyList):
    """The items with the cases recorded under each (counted among those the user may see)."""
    visible = EnforcementAction.objects.restrict(user).filter(status=ActionStatus.DECIDED)
    return (
        PenaltyListItem.objects.restrict(user)
        .filter(penalty_list=penalty_list)
        .annotate(case_count=Count("cases", filter=Q(cases__in=visible)))
    )
