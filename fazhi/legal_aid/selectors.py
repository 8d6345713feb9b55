"""Every read of the 法律援助 records, already scoped to what the user may see."""

import datetime

from django.db.models import Q

from fazhi.core.guards import permits
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    AidCase,
    Complaint,
    Consultation,
    DutyService,
    Objection,
    OutreachEvent,
    Progress,
    Provider,
    QualityCheck,
    State,
    Subsidy,
    SubsidyStandard,
)

OPEN_FOR_DECISION = (State.RECEIVED,)


def cases(user, *, search: str = "", state: str = "", case_type: str = "", origin: str = ""):
    queryset = AidCase.objects.restrict(user).select_related("unit", "provider")
    if search:
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(applicant_name__icontains=search)
            | Q(case_organ__icontains=search)
            | Q(provider__name__icontains=search)
        )
    if state:
        queryset = queryset.filter(state=state)
    if case_type:
        queryset = queryset.filter(case_type=case_type)
    if origin:
        queryset = queryset.filter(origin=origin)
    return queryset


def _of_the_agency(user, case: AidCase) -> bool:
    membership = active_membership(user)
    return membership is not None and membership.unit_id == case.unit_id


def may_see_economic_evidence(user, case: AidCase) -> bool:
    """The agency's own reviewers (审核 on the case: 审核人, 负责人 of the 法律援助机构) only
    (法律援助法 第二十一条); superiors see the figures, not the evidence."""
    return _of_the_agency(user, case) and permits(user, Action.REVIEW, case)


def may_see_criminal_charge(user, case: AidCase) -> bool:
    """The agency's staff who handle or review the file and the assigned provider; not
    inspectors, not superiors."""
    if case.assigned_user_id is not None and case.assigned_user_id == user.pk:
        return True
    return _of_the_agency(user, case) and (
        permits(user, Action.CHANGE, case) or permits(user, Action.REVIEW, case)
    )


def may_see_case_file(user, case: AidCase, which: str) -> bool:
    """审批卷: the agency's staff who handle or review the file. 承办卷: them and the
    assigned provider (who keeps it)."""
    if (
        which == "handling"
        and case.assigned_user_id is not None
        and case.assigned_user_id == user.pk
    ):
        return True
    return _of_the_agency(user, case) and (
        permits(user, Action.CHANGE, case) or permits(user, Action.REVIEW, case)
    )


def progress_of(user, case):
    return Progress.objects.restrict(user).filter(case=case)


def objections_of(user, case):
    return Objection.objects.restrict(user).filter(case=case)


def quality_checks_of(user, case):
    return QualityCheck.objects.restrict(user).filter(case=case)


def subsidies_of(user, case):
    return Subsidy.objects.restrict(user).filter(case=case).select_related("standard")


def providers(user, search: str = ""):
    queryset = Provider.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(firm__icontains=search))
    return queryset


def providers_for(user, case: AidCase):
    return Provider.objects.restrict(user).filter(unit=case.unit, active=True)


def standards(user, search: str = ""):
    queryset = SubsidyStandard.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(version__icontains=search)
    return queryset


def consultations(user, search: str = "", channel: str = ""):
    queryset = Consultation.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(person_name__icontains=search) | Q(question__icontains=search))
    if channel:
        queryset = queryset.filter(channel=channel)
    return queryset


def duty_services(user, search: str = ""):
    queryset = DutyService.objects.restrict(user).select_related("unit", "provider")
    if search:
        queryset = queryset.filter(
            Q(place_name__icontains=search) | Q(provider__name__icontains=search)
        )
    return queryset


def outreach_events(user, search: str = ""):
    queryset = OutreachEvent.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(place__icontains=search))
    return queryset


def agencies(user):
    """Units the user may register legal-aid records for (agencies, not areas)."""
    return (
        Unit.objects.restrict(user, Action.CREATE)
        .exclude(kind__in=Unit.AREA_KINDS)
        .filter(is_active=True)
    )


def due_cases(user, horizon: datetime.date):
    """Open periods for the due list: 审查决定, 补正, 指派, and 结案材料 (第五十条) once the
    matter's end is recorded (record_conclusion) and until the closure report comes in."""
    mine = AidCase.objects.restrict(user).select_related("unit")
    # A period left open (None) ends in a year whose holidays are not entered yet.
    return mine.filter(
        Q(state=State.RECEIVED) & (Q(decision_due__lte=horizon) | Q(decision_due__isnull=True))
        | Q(state=State.SUPPLEMENT)
        & (Q(supplement_due__lte=horizon) | Q(supplement_due__isnull=True))
        | Q(state=State.GRANTED) & (Q(assignment_due__lte=horizon) | Q(assignment_due__isnull=True))
        | Q(state=State.ASSIGNED, concluded_date__isnull=False)
        & (Q(closure_due__lte=horizon) | Q(closure_due__isnull=True))
    ).order_by("received_date", "pk")


def due_objections(user, horizon: datetime.date):
    return (
        Objection.objects.restrict(user)
        .filter(Q(due__lte=horizon) | Q(due__isnull=True), decided_date__isnull=True)
        .select_related("case")
    )


def complaints(user, search: str = ""):
    queryset = Complaint.objects.restrict(user).select_related("case", "case__unit")
    if search:
        queryset = queryset.filter(
            Q(case__number__icontains=search)
            | Q(complainant__icontains=search)
            | Q(content__icontains=search)
        )
    return queryset.order_by("-received_date", "-pk")


def complaints_of(user, case):
    return Complaint.objects.restrict(user).filter(case=case)


def due_complaints(user, horizon: datetime.date):
    """Open complaints whose next period (受理, 办结, 告知) ends by `horizon` (or is open)."""

    def by(field):
        return Q(**{f"{field}__lte": horizon}) | Q(**{f"{field}__isnull": True})

    waiting = Q(accepted_date__isnull=True, rejected_date__isnull=True) & by("accept_due")
    handling = Q(accepted_date__isnull=False, handled_date__isnull=True) & by("handle_due")
    telling = (Q(handled_date__isnull=False) | Q(rejected_date__isnull=False)) & by("reply_due")
    return (
        Complaint.objects.restrict(user)
        .filter(replied_date__isnull=True)
        .filter(waiting | handling | telling)
        .select_related("case")
    )


def api_cases(user):
    return AidCase.objects.restrict(user).select_related("unit", "provider")


def api_consultations(user):
    return Consultation.objects.restrict(user).select_related("unit")
