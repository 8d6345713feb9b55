"""Reads of the 监督检查 and the rectification notices."""

from django.db.models import Q

from ..models.supervision import NoticeStatus, RectificationNotice, SupervisionInspection


def supervisions(user, search: str = ""):
    queryset = SupervisionInspection.objects.restrict(user).prefetch_related("agencies")
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(scope__icontains=search))
    return queryset


def notices(user, *, search: str = "", status: str = "", overdue_on=None):
    queryset = RectificationNotice.objects.restrict(user).select_related(
        "agency", "unit", "inspection", "campaign"
    )
    if search:
        queryset = queryset.filter(Q(number__icontains=search) | Q(agency__name__icontains=search))
    if status:
        queryset = queryset.filter(status=status)
    if overdue_on is not None:
        queryset = queryset.filter(status=NoticeStatus.ISSUED, due_date__lt=overdue_on)
    return queryset


def notices_of(user, *, campaign=None, inspection=None):
    queryset = RectificationNotice.objects.restrict(user).select_related("agency")
    if campaign is not None:
        return queryset.filter(campaign=campaign)
    return queryset.filter(inspection=inspection)


def notices_pending(user, horizon):
    return (
        notices(user)
        .filter(status=NoticeStatus.ISSUED, due_date__lte=horizon)
        .order_by("due_date", "pk")
    )


def inspected_units(inspection: SupervisionInspection):
    return inspection.agencies.all()
