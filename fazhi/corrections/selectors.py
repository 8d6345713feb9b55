"""Every read of 社区矫正, scoped (rows.py): the platform's scope and the line's row rules."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action

from .models import (
    Access,
    Category,
    CountReport,
    DailyRecord,
    Investigation,
    InvestigationStatus,
    Leave,
    LocationOrder,
    LocationPoint,
    ReleasedPerson,
    Sanction,
    Subject,
    SubjectStatus,
)

SUPPRESSED_BELOW = 5  # 第五十四、五十八条: a count of minors under 5 is not shown in breakdowns


def subjects(user, *, search: str = "", status: str = "", category: str = ""):
    queryset = Subject.objects.rows(user).select_related("unit", "station")
    if search:  # by 矫正编号, 司法所 or 村/社区 — never by an identity field
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(station__name__icontains=search)
            | Q(community__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    if category:
        queryset = queryset.filter(category=category)
    return queryset


def exportable_subjects(queryset):
    """第五十四、五十八条: a minor's record is never exported."""
    return queryset.filter(is_minor=False)


def investigations(user, *, search: str = "", status: str = ""):
    queryset = Investigation.objects.rows(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(organ__icontains=search) | Q(reference__icontains=search))
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def daily_of(user, subject):
    return DailyRecord.objects.rows(user).filter(subject=subject)


def leaves_of(user, subject):
    return Leave.objects.rows(user).filter(subject=subject)


def sanctions_of(user, subject):
    return Sanction.objects.rows(user).filter(subject=subject)


def orders_of(user, subject):
    return LocationOrder.objects.rows(user).filter(subject=subject)


def points_of(user, subject):
    """Only the subject's named handlers (rows.py: handlers_only)."""
    return LocationPoint.objects.rows(user).filter(subject=subject)


def released(user, *, search: str = ""):
    queryset = ReleasedPerson.objects.rows(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(number__icontains=search) | Q(prison__icontains=search))
    return queryset


def accesses_of(user, record):
    field = {Subject: "subject", Investigation: "investigation", ReleasedPerson: "person"}[
        type(record)
    ]
    return Access.objects.restrict(user).filter(**{field: record}).select_related("created_by")


def _visible_accesses(queryset, user):
    """A reveal names its record: only those of records the user sees as rows."""
    return queryset.filter(
        Q(subject__isnull=True) | Q(subject__in=Subject.objects.rows(user)),
        Q(investigation__isnull=True) | Q(investigation__in=Investigation.objects.rows(user)),
        Q(person__isnull=True) | Q(person__in=ReleasedPerson.objects.rows(user)),
    )


def access_months(user, year: int):
    """The reveals per month of the leader's units (申请查看的月度报告)."""
    return (
        _visible_accesses(Access.objects.restrict(user, Action.REVIEW), user)
        .filter(created_at__year=year)
        .select_related("created_by", "subject", "investigation", "unit")
        .order_by("-created_at")
    )


def stations(user):
    """The 司法所 (街道、乡镇) of the counties whose bureau the user registers records for."""
    within = Q(pk__in=[])
    for bureau in bureaus(user):
        within |= Q(path__startswith=bureau.scope_root.path)
    return Unit.objects.filter(within, kind=Unit.Kind.TOWNSHIP, is_active=True)


def bureaus(user):
    return Unit.objects.restrict(user, Action.CREATE).filter(
        kind=Unit.Kind.JUSTICE_BUREAU, is_active=True
    )


def colleagues(user, subject):
    return (
        get_user_model()
        .objects.filter(
            memberships__is_active=True,
            memberships__unit__path__startswith=subject.unit.scope_root.path,
        )
        .distinct()
    )


def open_investigations(user, horizon: datetime.date):
    return (
        investigations(user)
        .filter(status=InvestigationStatus.OPEN)
        .filter(Q(due_date__lte=horizon) | Q(due_date__isnull=True))
        .order_by("due_date", "pk")
    )


def ending_orders(user, horizon: datetime.date, today: datetime.date):
    return (
        LocationOrder.objects.rows(user)
        .filter(
            end__lte=horizon,
            end__gte=today,
            subject__status=SubjectStatus.SUPERVISED,
            extension__isnull=True,
        )
        .select_related("subject")
        .order_by("end")
    )


def overview(user):
    """Counts by 司法所 and category of the subjects in the user's scope (counts only, so a
    督察员 reads them too); minors counted apart and suppressed under 5."""
    counted = Subject.objects.restrict(user).filter(status=SubjectStatus.SUPERVISED)
    table = []
    grouped = (
        counted.values("station__name")
        .annotate(
            total=Count("pk"),
            minors=Count("pk", filter=Q(is_minor=True)),
            **{c.value: Count("pk", filter=Q(category=c.value)) for c in Category},
        )
        .order_by("station__name")
    )
    for row in grouped:
        row["minors_shown"] = suppress(row["minors"])
        table.append(row)
    totals = counted.aggregate(total=Count("pk"), minors=Count("pk", filter=Q(is_minor=True)))
    totals["minors_shown"] = suppress(totals["minors"])
    return table, totals


def suppress(count: int) -> str:
    if count == 0:
        return "0"
    return "<5" if count < SUPPRESSED_BELOW else str(count)


def api_subjects(user):
    """The API carries records off the platform: never a minor's (第五十四条第二款)."""
    return Subject.objects.rows(user).filter(is_minor=False).select_related("unit", "station")


def counts(user) -> dict:
    counted = Subject.objects.restrict(user)
    return {
        "在矫": counted.filter(status=SubjectStatus.SUPERVISED).count(),
        "已解除": counted.filter(status=SubjectStatus.RELEASED).count(),
        "移出": counted.filter(status=SubjectStatus.TRANSFERRED).count(),
        "终止": counted.filter(status=SubjectStatus.TERMINATED).count(),
        "调查评估": Investigation.objects.restrict(user).count(),
        "安置帮教": ReleasedPerson.objects.restrict(user).count(),
    }


def count_reports(user):
    """Counts only (no person behind a row): the platform's scope, for every role that reads
    the line's figures."""
    return CountReport.objects.restrict(user).select_related("unit")
