"""Every read of the 人民调解 records, scoped to what the user may see.

Who sees a case file (worklines.md §2.2(e)): the committee's mediators and the guiding 司法所
(the unit the case belongs to) see it; the county bureau (a 司法局 of a 区/县) sees it on
demand, each view recorded with its reason; the 依法治办 and superiors see the figures only.
"""

import datetime
import json

from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q

from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    Agreement,
    Committee,
    Confirmation,
    Dispute,
    Finding,
    FollowUp,
    Mediator,
    NilReport,
    Party,
    PetitionReview,
    Screening,
    Seat,
    Session,
    Status,
    TypicalCase,
)

OWN, RECORDED, FIGURES = "own", "recorded", "figures"


def case_access(user) -> str:
    """How the active membership reads case files: OWN, RECORDED (the county bureau) or
    FIGURES (only the indicators)."""
    if user.is_superuser:
        return OWN
    membership = active_membership(user)
    if membership is None:
        return FIGURES
    unit = membership.unit
    if (
        unit.kind == Unit.Kind.JUSTICE_BUREAU
        and unit.parent
        and unit.parent.kind == Unit.Kind.DISTRICT
    ):
        return RECORDED
    if unit.kind in (Unit.Kind.TOWNSHIP, Unit.Kind.JUSTICE_BUREAU, Unit.Kind.OTHER_AGENCY):
        return OWN
    return FIGURES


def view_needs_reason(user, dispute: Dispute) -> bool:
    """The county bureau reading a case of a 司法所 below it: recorded, with a reason."""
    if case_access(user) != RECORDED:
        return False
    return active_membership(user).unit_id != dispute.unit_id


def disputes(user, *, search="", status="", source="", overdue_on=None):
    queryset = Dispute.objects.restrict(user).select_related("committee", "mediator", "unit")
    if case_access(user) == FIGURES:
        return queryset.none()
    if search:
        # The summary of a non-public case is not searched (it is not shown either).
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(committee__name__icontains=search)
            | Q(source_reference__icontains=search)
            | Q(summary__icontains=search, non_public=False)
            | Q(parties__name__icontains=search)
        ).distinct()
    if status:
        queryset = queryset.filter(status=status)
    if source:
        queryset = queryset.filter(source=source)
    if overdue_on is not None:
        queryset = queryset.filter(
            Q(extended_due__lt=overdue_on) | Q(extended_due__isnull=True, due_date__lt=overdue_on),
            status=Status.MEDIATING,
        )
    return queryset


# The case list counts exactly up to this many rows; beyond, PostgreSQL's estimate is shown.
EXACT_COUNT_UP_TO = 10_000


class Approximate(int):
    """A row count from the planner's estimate: shown as "约N"."""

    def __str__(self) -> str:
        return f"约{int(self)}"


def with_estimated_count(queryset):
    """The case list's queryset, counted for its pager without an exact COUNT(*) over a
    province's million disputes: exact while there are at most `EXACT_COUNT_UP_TO` rows (a
    count of a LIMITed subquery), then on PostgreSQL the planner's estimate of the rows
    (an `Approximate`; a page past the real end is empty, not an error); SQLite counts
    exactly. Only this object is counted so: its clones (the page's rows) are plain."""
    queryset = queryset.all()
    queryset.count = lambda: estimated_count(queryset)
    return queryset


def estimated_count(queryset) -> int:
    capped = queryset.values("pk")[: EXACT_COUNT_UP_TO + 1].count()
    if capped <= EXACT_COUNT_UP_TO:
        return capped
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.values("pk").count()
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return Approximate(max(EXACT_COUNT_UP_TO + 1, int(plan[0]["Plan"]["Plan Rows"])))


def ledger_rows(queryset):
    return queryset.prefetch_related("parties").select_related("agreement", "confirmation")


def committees(user, search=""):
    queryset = (
        Committee.objects.restrict(user)
        .select_related("unit")
        .annotate(
            members=Count("seats", filter=Q(seats__post__in=("director", "deputy", "member")))
        )
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(field__icontains=search))
    return queryset.order_by("unit__path", "name", "pk")


def committees_for(user, action=Action.CREATE):
    return Committee.objects.restrict(user, action).filter(active=True).select_related("unit")


def mediators(user, search=""):
    queryset = (
        Mediator.objects.restrict(user).select_related("unit").prefetch_related("seats__committee")
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(specialty__icontains=search))
    return queryset


def mediators_for(user):
    return Mediator.objects.restrict(user).filter(status="active")


def seats_of(user, committee):
    return Seat.objects.restrict(user).filter(committee=committee).select_related("mediator")


def seats_of_mediator(user, mediator):
    return Seat.objects.restrict(user).filter(mediator=mediator).select_related("committee")


def units_for(user):
    """Units a committee or mediator may be registered for: 司法所 (乡镇/街道) and bureaus."""
    return Unit.objects.restrict(user, Action.CREATE).filter(
        is_active=True, kind__in=(Unit.Kind.TOWNSHIP, Unit.Kind.JUSTICE_BUREAU)
    )


def parties_of(user, dispute):
    return Party.objects.restrict(user).filter(dispute=dispute)


def sessions_of(user, dispute):
    return Session.objects.restrict(user).filter(dispute=dispute)


def follow_ups_of(user, dispute):
    return FollowUp.objects.restrict(user).filter(dispute=dispute)


def agreement_of(user, dispute):
    return Agreement.objects.restrict(user).filter(dispute=dispute).first()


def confirmation_of(user, dispute):
    return Confirmation.objects.restrict(user).filter(dispute=dispute).first()


def screenings(user, search=""):
    queryset = (
        Screening.objects.restrict(user)
        .select_related("committee")
        .annotate(found=Count("findings"))
    )
    if search:
        queryset = queryset.filter(Q(committee__name__icontains=search) | Q(area__icontains=search))
    return queryset.order_by("-date", "-pk")


def findings_of(user, screening):
    return Finding.objects.restrict(user).filter(screening=screening).select_related("dispute")


def open_findings(user, committee):
    return Finding.objects.restrict(user).filter(
        screening__committee=committee, outcome="", dispute__isnull=True
    )


def nil_reports(user):
    # The latest first, by an index (month, id): not sorted by the committees' names, which
    # made a province's page sort every nil report of every month.
    return NilReport.objects.restrict(user).select_related("committee").order_by("-month", "-pk")


def not_reported(user, month: datetime.date):
    """Active committees with neither a screening round nor a nil report in `month`: "not
    reported", told apart from "reported nothing" (零上报)."""
    month = month.replace(day=1)
    screened = Screening.objects.filter(
        committee=OuterRef("pk"), date__gte=month, date__lt=_next_month(month)
    )
    nil = NilReport.objects.filter(committee=OuterRef("pk"), month=month)
    return (
        Committee.objects.restrict(user)
        .filter(active=True, created_at__date__lt=_next_month(month))
        .annotate(screened=Exists(screened), nil=Exists(nil))
        .filter(screened=False, nil=False)
        .select_related("unit")
    )


def _next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


# — the due list —


def mediating_due(user, horizon):
    return (
        Dispute.objects.restrict(user, Action.CHANGE)
        .filter(status=Status.MEDIATING)
        .filter(Q(extended_due__lte=horizon) | Q(extended_due__isnull=True, due_date__lte=horizon))
        .select_related("committee")
        .order_by("due_date", "pk")
    )


def confirmations_open(user, today):
    """Agreements whose 30 days still run and that have no application yet (the window is
    the parties' option: a lapsed one leaves the list)."""
    return (
        Agreement.objects.restrict(user, Action.CHANGE)
        .filter(confirmation_due__isnull=False, confirmation_due__gte=today)
        .filter(dispute__confirmation__isnull=True, dispute__status=Status.AGREED)
        .select_related("dispute")
    )


def confirmations_pending(user):
    """Agreements whose window ends in a year whose holidays are not entered yet."""
    return (
        Agreement.objects.restrict(user, Action.CHANGE)
        .filter(confirmation_due__isnull=True)
        .filter(dispute__confirmation__isnull=True, dispute__status=Status.AGREED)
        .select_related("dispute")
    )


def court_periods_open(user, horizon):
    return (
        Confirmation.objects.restrict(user, Action.CHANGE)
        .filter(result="")
        .filter(
            Q(accepted_date__isnull=True, acceptance_due__lte=horizon)
            | Q(accepted_date__isnull=False, decision_due__lte=horizon)
        )
        .select_related("dispute")
    )


def returns_open(user, horizon):
    return (
        Dispute.objects.restrict(user, Action.CHANGE)
        .filter(return_due__isnull=False, return_due__lte=horizon, returned_date__isnull=True)
        .select_related("committee")
        .order_by("return_due", "pk")
    )


def routes_open(user, horizon):
    """Petitions registered by the office and not routed, due by `horizon` or without a due
    date yet (a year whose holidays are not entered)."""
    return (
        Dispute.objects.restrict(user, Action.CHANGE)
        .filter(petition_registered_date__isnull=False, routed_date__isnull=True)
        .filter(Q(route_due__lte=horizon) | Q(route_due__isnull=True))
        .order_by("route_due", "pk")
    )


def notices_open(user, horizon):
    """Petition-referred disputes whose written notice to the petitioner (信访工作条例 第二十三条
    第三款) is not recorded, while the result is not fed back: due by `horizon`, or without a
    stored due date (a year whose holidays are not entered, or a row older than the clock)."""
    return (
        Dispute.objects.restrict(user, Action.CHANGE)
        .filter(source="petition", notice_date__isnull=True, returned_date__isnull=True)
        .filter(Q(notice_due__lte=horizon) | Q(notice_due__isnull=True))
        .order_by("notice_due", "pk")
    )


def filings_open(user, horizon):
    return Committee.objects.restrict(user, Action.CHANGE).filter(
        active=True, filed_date__isnull=True, filing_due__lte=horizon
    )


def api_disputes(user):
    """The disputes in scope (the API refuses the file to figures-only users itself)."""
    return (
        Dispute.objects.restrict(user)
        .select_related("committee")
        .prefetch_related("parties")
        .order_by("-received_date", "-pk")
    )


def api_committees(user):
    return committees(user)


def typical_cases(user, search=""):
    """Published cases (never a non-public one: refused at publication, excluded here too)."""
    queryset = (
        TypicalCase.objects.restrict(user)
        .filter(dispute__non_public=False)
        .select_related("dispute__committee")
    )
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(text__icontains=search))
    return queryset


def reviews_open(user, horizon):
    """复查/复核 without an opinion, due by `horizon` or still without a due date (a year
    whose holidays are not entered)."""
    return (
        PetitionReview.objects.restrict(user, Action.CHANGE)
        .filter(opinion_date__isnull=True)
        .filter(Q(opinion_due__lte=horizon) | Q(opinion_due__isnull=True))
        .select_related("dispute")
        .order_by("opinion_due", "pk")
    )


def reviews_of(user, dispute):
    return PetitionReview.objects.restrict(user).filter(dispute=dispute)
