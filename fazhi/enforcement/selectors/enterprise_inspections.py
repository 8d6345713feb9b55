"""Reads of the 入企执法报备, with the inspections several agencies make of one enterprise."""

import datetime

from django.db.models import Exists, OuterRef, Q

from ..models.enterprise_inspections import EnterpriseInspection, InspectionStatus
from .agencies import officers_prefetch

# Inspections of one enterprise by several agencies within this many days are shown together
# (双随机、一公开: they could have been one joint inspection).
REPEAT_WINDOW_DAYS = 30


def search_enterprise_inspections(
    user, *, search: str = "", status: str = "", repeated: bool = False
):
    """The reports the user may see; `repeated` marks those whose enterprise another agency
    inspects within the window (among the reports the user may see)."""
    window = datetime.timedelta(days=REPEAT_WINDOW_DAYS)
    others = (
        EnterpriseInspection.objects.restrict(user)
        .filter(
            credit_code=OuterRef("credit_code"),
            planned_date__gte=OuterRef("planned_date") - window,
            planned_date__lte=OuterRef("planned_date") + window,
        )
        .exclude(unit=OuterRef("unit"))
        .exclude(status=InspectionStatus.CANCELLED)
    )
    queryset = (
        EnterpriseInspection.objects.restrict(user)
        .annotate(repeated=Exists(others))
        .select_related("unit")
        .prefetch_related(officers_prefetch(user))
    )
    if repeated:
        queryset = queryset.filter(repeated=True).exclude(status=InspectionStatus.CANCELLED)
    if search:
        queryset = queryset.filter(
            Q(enterprise__icontains=search)
            | Q(credit_code__icontains=search)
            | Q(unit__name__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def _nearby(user, credit_code: str, day: datetime.date):
    window = datetime.timedelta(days=REPEAT_WINDOW_DAYS)
    return (
        EnterpriseInspection.objects.restrict(user)
        .filter(credit_code=credit_code, planned_date__range=(day - window, day + window))
        .exclude(status=InspectionStatus.CANCELLED)
        .select_related("unit")
    )


def repeated_inspections(user, inspection: EnterpriseInspection):
    """Other agencies' inspections of the same enterprise within the window."""
    return _nearby(user, inspection.credit_code, inspection.planned_date).exclude(
        unit=inspection.unit
    )
