"""Every read of the 公共法律服务 records, already scoped to what the user may see."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action

from .models import (
    AdviserLog,
    Approval,
    HotlineContact,
    NotaryComplaint,
    NotaryOffice,
    NotaryReport,
    ServicePoint,
    Village,
    VillageAdviser,
)


def points(user, search=""):
    queryset = ServicePoint.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(services__icontains=search))
    return queryset


def on_roster(on: datetime.date) -> Q:
    """Villages on the 一村一法律顾问 roster on `on`: listed by then, not yet 撤并 (the
    register of `legal_services.villages`)."""
    return Q(listed_date__lte=on) & (Q(removed_date__isnull=True) | Q(removed_date__gt=on))


# What the village list shows: the villages on the roster today, those removed, or both.
ROSTER, REMOVED, ALL = "", "removed", "all"


def villages(
    user,
    search="",
    without_adviser=False,
    on: datetime.date | None = None,
    roster: str | None = ALL,
):
    """Villages with whether an adviser serves them on `on` (today); `roster` keeps those on
    the roster then (ROSTER) or those removed by then (REMOVED). Villages without an adviser
    are looked for among those on the roster only."""
    on = on or datetime.date.today()
    serving = VillageAdviser.objects.filter(village=OuterRef("pk"), start__lte=on, left_date__gt=on)
    queryset = (
        Village.objects.restrict(user)
        .select_related("unit", "township", "merged_into__township")
        .annotate(has_adviser=Exists(serving))
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(township__name__icontains=search))
    if without_adviser:
        roster = ROSTER
        queryset = queryset.filter(has_adviser=False)
    if roster == ROSTER:
        queryset = queryset.filter(on_roster(on))
    elif roster == REMOVED:
        queryset = queryset.filter(removed_date__lte=on)
    return queryset


def coverage(user, on):
    """(villages on the roster on `on`, of which with an adviser then)."""
    counts = villages(user, on=on, roster=ROSTER).aggregate(
        total=Count("pk"), covered=Count("pk", filter=Q(has_adviser=True))
    )
    return counts["total"], counts["covered"]


def merge_targets(user, village, on: datetime.date | None = None):
    """The villages `village` may be merged into: others of its roster, on it `on`."""
    on = on or datetime.date.today()
    return (
        Village.objects.restrict(user)
        .filter(on_roster(on), unit_id=village.unit_id)
        .exclude(pk=village.pk)
        .select_related("township")
    )


def merged_into(user, village):
    """The villages merged into `village` (撤并 into it)."""
    return Village.objects.restrict(user).filter(merged_into=village).select_related("township")


def advisers_of(user, village):
    return VillageAdviser.objects.restrict(user).filter(village=village)


def logs_of(user, village):
    return (
        AdviserLog.objects.restrict(user).filter(adviser__village=village).select_related("adviser")
    )


def contacts(user, search="", channel=""):
    queryset = HotlineContact.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(category__icontains=search) | Q(summary__icontains=search))
    if channel:
        queryset = queryset.filter(channel=channel)
    return queryset


def offices(user, search=""):
    queryset = NotaryOffice.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(name__icontains=search)
    return queryset


def reports_of(user, office):
    return NotaryReport.objects.restrict(user).filter(office=office)


def complaints_of(user, office):
    return NotaryComplaint.objects.restrict(user).filter(office=office)


def open_complaints(user, horizon):
    return (
        NotaryComplaint.objects.restrict(user)
        .filter(Q(due__lte=horizon) | Q(due__isnull=True), handled_date__isnull=True)
        .select_related("office")
    )


def units_for(user):
    return (
        Unit.objects.restrict(user, Action.CREATE)
        .filter(is_active=True)
        .exclude(kind__in=Unit.AREA_KINDS)
    )


def townships_for(user):
    """The townships of the areas of the units the user registers for."""
    areas = [unit.parent_id for unit in units_for(user)]
    return Unit.objects.filter(kind=Unit.Kind.TOWNSHIP, parent_id__in=areas, is_active=True)


def api_contacts(user):
    return HotlineContact.objects.restrict(user)


def api_villages(user):
    return villages(user)


def api_reports(user):
    return NotaryReport.objects.restrict(user).select_related("office")


def aid_agencies(user):
    """The legal-aid agencies a referral may go to: units the user may register for on
    the 法律援助 line (its service checks the line again)."""
    from fazhi.legal_aid import selectors as legal_aid

    return legal_aid.agencies(user)


def mediation_choices(user):
    from fazhi.mediation import selectors as mediation

    return mediation.committees_for(user), mediation.mediators_for(user)


def approvals(user, search=""):
    queryset = Approval.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(applicant__icontains=search)
    return queryset


def open_approvals(user, horizon):
    return Approval.objects.restrict(user).filter(
        Q(due__lte=horizon) | Q(due__isnull=True), decided_date__isnull=True
    )
