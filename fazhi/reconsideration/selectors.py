"""Every read of 行政复议 records, scoped through `restrict`."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action
from fazhi.core.selectors import units_in_area
from fazhi.core.templatetags.options import option_list

from .models import (
    OPEN_STATES,
    Case,
    CaseFile,
    Document,
    OpinionLetter,
    Party,
    State,
    Step,
    Suspension,
)

CLOCK_STATES = (*OPEN_STATES, State.AWAITING_SERVICE, State.CLOSED, State.MEDIATED)


def _with_parties(queryset):
    """What every list of cases shows: the applicants and the respondent."""
    return queryset.select_related("respondent").prefetch_related(
        Prefetch("parties", queryset=Party.objects.order_by("role", "pk"))
    )


def cases(
    user,
    *,
    search="",
    state="",
    procedure="",
    respondent="",
    outcome="",
    handler="",
    due_within=None,
    overdue=False,
    today=None,
):
    """The case list with its filters (状态、程序、被申请人、结果、承办人、临期、逾期)."""
    queryset = _with_parties(Case.objects.restrict(user))
    if search:
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(parties__name__icontains=search)
            | Q(request__icontains=search)
            | Q(respondent_name__icontains=search)
            | Q(respondent__name__icontains=search)
        ).distinct()
    for field, value in (
        ("state", state),
        ("procedure", procedure),
        ("outcome", outcome),
        ("respondent_id", respondent),
        ("handler_id", handler),
    ):
        if value:
            queryset = queryset.filter(**{field: value})
    if due_within is not None or overdue:
        today = today or datetime.date.today()
        queryset = queryset.filter(
            _running_clock_before(
                today if overdue else today + datetime.timedelta(days=due_within), strict=overdue
            )
        )
    return queryset


def _running_clock_before(day: datetime.date, *, strict: bool) -> Q:
    """Cases with a running clock due before `day` (on or before, unless strict)."""
    lookup = "lt" if strict else "lte"
    return (
        Q(state=State.REGISTERED, **{f"acceptance_due__{lookup}": day})
        | Q(state=State.AWAITING_SUPPLEMENT, **{f"supplement_due__{lookup}": day})
        | Q(state=State.HEARING, copy_sent_date__isnull=True, **{f"copy_due__{lookup}": day})
        | Q(state=State.HEARING, reply_date__isnull=True, **{f"reply_due__{lookup}": day})
        | Q(state=State.HEARING, **{f"decision_due__{lookup}": day})
    )


def overdue_cases(user, today: datetime.date):
    """督察: open cases in the user's subtree whose statutory clock has run out."""
    return cases(user, overdue=True, today=today).select_related("unit")


def cases_with_running_clocks(user, horizon: datetime.date):
    """The cases whose clocks the user is to keep (those the user may handle or approve)
    and that can have something due by `horizon`, the oldest first."""
    # Both scopes in one WHERE: `pk IN (…) OR pk IN (…)` makes PostgreSQL scan a million
    # keys for every candidate row once they no longer fit in a hash.
    handle_or_approve = Case.objects.restrict(user, Action.CHANGE) | Case.objects.restrict(
        user, Action.REVIEW
    )
    due = (
        _running_clock_before(horizon, strict=False)
        | Q(performance_due__lte=horizon, performed_date__isnull=True)
        | Q(performance_order_due__lte=horizon, performed_date__isnull=True)
        | Q(state=State.SUSPENDED)  # the sixty-day prompt of 第四十一条
        | Q(state__in=OPEN_STATES, acceptance_due__isnull=True)  # a year not yet entered
        | Q(state__in=OPEN_STATES, accepted_date__isnull=False, decision_due__isnull=True)
    )
    return (
        _with_parties(handle_or_approve.filter(due, state__in=CLOCK_STATES))
        .prefetch_related("suspensions")
        .order_by("received_date", "pk")
    )


def timeline(user, case):
    return Step.objects.restrict(user).filter(case=case).select_related("actor")


def case_documents(user, case):
    return Document.objects.restrict(user).filter(case=case)


def case_files(user, case):
    """案卷材料 of the case the user may see (each downloaded through core's scoped view)."""
    return CaseFile.objects.restrict(user).filter(case=case).select_related("attachment")


def suspensions_to_watch(user):
    """第四十条: running suspensions on the catch-all ground, for the superior's review."""
    return (
        Suspension.objects.restrict(user)
        .filter(end_date__isnull=True, ground=Suspension.Ground.OTHER)
        .select_related("case")
    )


def letters(user, search=""):
    queryset = OpinionLetter.objects.restrict(user).select_related("case")
    if search:
        queryset = queryset.filter(Q(recipient__icontains=search) | Q(content__icontains=search))
    return queryset


def respondent_choices(user):
    """The agencies of the user's area that can be a 被申请人 (not the areas themselves)."""
    return units_in_area(user).exclude(kind__in=Unit.AREA_KINDS)


def case_handlers(user):
    """The 承办人 of the cases the user may see, for the list's filter."""
    handler_ids = Case.objects.restrict(user).values("handler_id")
    return get_user_model().objects.filter(pk__in=handler_ids).order_by("username")


def filter_choices(user) -> dict:
    """The options of the list's 被申请人 and 承办人 filters."""
    return {
        "respondents": option_list(respondent_choices(user).values_list("pk", "name")),
        "handlers": option_list((h.pk, h.first_name or h.username) for h in case_handlers(user)),
    }


def proceedings_on_the_same_act(case: Case) -> list[tuple[str, bool]]:
    """第三十条第一款第七项: earlier 复议 cases this applicant brought on the same act, and suits
    a court accepted from them on it (第二十九条第二款), named for the refusal message, each
    with whether it was a 复议 ended by withdrawal (第七十四条第二款 may allow re-filing).

    A legal bar, so the whole register is read, not the user's scope: only the 收案编号 or the
    court's 案号 is shown. The act is matched by its 文号 and the respondent; an act without a
    文号 cannot be matched (docs/rules.md)."""
    from fazhi.litigation.models import Lawsuit

    if not case.act_number.strip() or case.respondent_id is None:
        return []
    names = [p.name for p in case.parties.all() if p.role == Party.Role.APPLICANT]
    earlier = (
        Case.objects.filter(
            respondent_id=case.respondent_id,
            act_number=case.act_number,
            accepted_date__isnull=False,
            parties__role=Party.Role.APPLICANT,
            parties__name__in=names,
        )
        .exclude(pk=case.pk)
        .values_list("number", "outcome_ground")
        .distinct()
    )
    named = Q()
    for name in names:
        named |= Q(plaintiff__contains=name)
    suits = Lawsuit.objects.filter(
        named, unit_id=case.respondent_id, contested_act__contains=case.act_number
    ).values_list("court", "case_number")
    return [(f"行政复议案件{number}", ground == "41.1") for number, ground in earlier] + [
        (f"{court}{number}", False) for court, number in suits
    ]


def same_act_warning(case: Case) -> str | None:
    """第二十九条、第三十条第一款第七项: told at registration, barred at 受理 (services.accept)."""
    same_act = proceedings_on_the_same_act(case)
    if not same_act:
        return None
    return (
        "该申请人就同一行政行为已有"
        + "、".join(label for label, _ in same_act)
        + "，受理时将依第三十条第一款第七项（第二十九条第二款）审查。"
    )
