"""Every read of the 行政应诉 records, already scoped to what the user may see."""

import datetime

from django.db.models import Count, Prefetch, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action

from .models import Hearing, JudicialSuggestion, Lawsuit, Status


def lawsuits(
    user,
    *,
    search: str = "",
    status: str = "",
    trial_level: str = "",
    judgment_type: str = "",
    overdue_on: datetime.date | None = None,
):
    """The suits the user may see, filtered; `overdue_on` keeps unanswered ones past due."""
    queryset = Lawsuit.objects.restrict(user).select_related("unit", "handler")
    if search:
        queryset = queryset.filter(
            Q(case_number__icontains=search)
            | Q(plaintiff__icontains=search)
            | Q(contested_act__icontains=search)
            | Q(court__icontains=search)
            | Q(unit__name__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    if trial_level:
        queryset = queryset.filter(trial_level=trial_level)
    if judgment_type:
        queryset = queryset.filter(judgment_type=judgment_type)
    if overdue_on is not None:
        queryset = unanswered(queryset).filter(answer_due__lt=overdue_on)
    return queryset


def unanswered(queryset):
    return queryset.filter(status=Status.PENDING, answer_filed_date__isnull=True)


def answers_pending(user, horizon):
    """Pending suits whose 答辩状 has not gone to the court yet and is due by `horizon`
    (or whose period waits for a year's holidays), for the due list."""
    due = Q(answer_due__lte=horizon) | Q(answer_due__isnull=True)
    return (
        unanswered(Lawsuit.objects.restrict(user))
        .filter(due)
        .select_related("unit")
        .order_by("answer_due", "pk")
    )


def appeals_pending(user, horizon):
    """Concluded suits whose 判决书/裁定书 was served and whose appeal is not recorded yet, due
    by `horizon` (or waiting for a year's holidays), for the due list."""
    due = Q(appeal_due__lte=horizon) | Q(appeal_due__isnull=True)
    return (
        Lawsuit.objects.restrict(user)
        .filter(due, status=Status.CONCLUDED, judgment_served_date__isnull=False, appeal="")
        .select_related("unit")
        .order_by("appeal_due", "pk")
    )


def ledger_rows(queryset, user):
    """The list's suits with what the 台账 shows of their hearings and 司法建议."""
    return queryset.annotate(suggestion_count=Count("suggestions")).prefetch_related(
        Prefetch("hearings", queryset=Hearing.objects.restrict(user))
    )


def hearings_of(user, lawsuit: Lawsuit):
    return Hearing.objects.restrict(user).filter(lawsuit=lawsuit)


def suggestions_of(user, lawsuit: Lawsuit):
    return JudicialSuggestion.objects.restrict(user).filter(lawsuit=lawsuit)


def defendant_units(user):
    """Agencies (not areas) the user may register a suit against."""
    return (
        Unit.objects.restrict(user, Action.CREATE)
        .exclude(kind__in=Unit.AREA_KINDS)
        .filter(is_active=True)
    )


def api_lawsuits(user):
    return (
        Lawsuit.objects.restrict(user)
        .select_related("unit")
        .prefetch_related(Prefetch("hearings", queryset=Hearing.objects.restrict(user)))
    )


def prior_case(user, lawsuit):
    """The linked 复议 case, only for those who may see it (others see the number alone)."""
    if lawsuit.prior_case_id is None:
        return None
    return type(lawsuit.prior_case).objects.restrict(user).filter(pk=lawsuit.prior_case_id).first()
