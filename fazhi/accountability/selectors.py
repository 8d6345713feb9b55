"""Every read of the 述法 · 督察 · 考核 records, scoped to what the user may see (findings
and scores also by the data rule of models.ConfidentialQuerySet)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    REPORTING_KINDS,
    AssessmentItem,
    AssessmentResult,
    AssessmentScheme,
    AssessmentScore,
    AssignedTask,
    DemonstrationProject,
    Finding,
    FindingState,
    InspectionPlan,
    LawReport,
    LeadershipSession,
    ReportingUnit,
    ScoreAppeal,
)


def plans(user, *, search: str = ""):
    queryset = InspectionPlan.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(groups__icontains=search))
    return queryset


def targets_of(user, plan):
    return Unit.objects.restrict(user).filter(pk__in=plan.targets.values("pk"))


def findings(user, *, search: str = "", state: str = "", plan=None):
    queryset = Finding.objects.restrict(user).select_related(
        "plan", "inspected_unit", "verifier", "unit"
    )
    if search:
        queryset = queryset.filter(
            Q(description__icontains=search)
            | Q(inspected_unit__name__icontains=search)
            | Q(plan__title__icontains=search)
            | Q(responsible_person__icontains=search)
        )
    if state:
        queryset = queryset.filter(state=state)
    if plan is not None:
        queryset = queryset.filter(plan=plan)
    return queryset


def appeals(user, *, score=None):
    queryset = ScoreAppeal.objects.restrict(user).select_related(
        "score__item", "score__assessed_unit", "decided_by"
    )
    return queryset if score is None else queryset.filter(score=score)


def sessions(user, *, search: str = "", year: int | None = None):
    queryset = LeadershipSession.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(topic__icontains=search) | Q(unit__name__icontains=search))
    if year:
        queryset = queryset.filter(date__year=year)
    return queryset


# — the one rectification ledger —


@dataclass(frozen=True)
class Rectification:
    """One row of the shared rectification ledger: a 督察 or 述法 finding of this line, or a
    整改通知 of 行政执法监督 (fazhi/enforcement), read where each lives, never copied."""

    source: str  # 法治督察 / 述法 / 执法监督
    title: str
    unit: Unit  # the unit that rectifies
    issuer: Unit
    problem: str
    deadline: datetime.date | None
    state: str
    is_open: bool
    closed_date: datetime.date | None
    url: str

    def get_absolute_url(self) -> str:
        return self.url


def _from_finding(finding: Finding) -> Rectification:
    return Rectification(
        source=finding.source_kind,
        title=finding.source_title,
        unit=finding.inspected_unit,
        issuer=finding.unit,
        problem=finding.description,
        deadline=finding.deadline,
        state=finding.get_state_display(),
        is_open=finding.state != FindingState.CLOSED,
        closed_date=finding.closed_date,
        url=finding.get_absolute_url(),
    )


def _from_notice(notice) -> Rectification:
    from fazhi.enforcement.models.supervision import NoticeStatus

    return Rectification(
        source="执法监督",
        title=f"整改通知 {notice.number}",
        unit=notice.agency,
        issuer=notice.unit,
        problem=notice.problems,
        deadline=notice.due_date,
        state=notice.get_status_display(),
        is_open=notice.status != NoticeStatus.CLOSED,
        closed_date=notice.closed_date,
        url=notice.get_absolute_url(),
    )


def rectifications(user, *, search: str = "", open_only: bool = False, unit=None) -> list:
    """督察 and 述法 findings (as the unit was told of them) and the enforcement line's
    整改通知 in one list, each read through its own scoping: a user sees a row only where
    the record's own page would show it. `unit`: only what that unit rectifies."""
    from fazhi.enforcement.models.supervision import NoticeStatus
    from fazhi.enforcement.selectors.supervision import notices

    found = findings(user, search=search).exclude(state=FindingState.DRAFT)
    found = found.select_related("law_report", "assessment_score__item__scheme")
    issued = notices(user, search=search)
    if open_only:
        found = found.exclude(state=FindingState.CLOSED)
        issued = issued.exclude(status=NoticeStatus.CLOSED)
    if unit is not None:
        found = found.filter(inspected_unit=unit)
        issued = issued.filter(agency=unit)
    rows = [_from_finding(f) for f in found[:2000]] + [_from_notice(n) for n in issued[:2000]]
    far = datetime.date.max
    return sorted(rows, key=lambda row: (not row.is_open, row.deadline or far, row.source))


def open_findings(user):
    """Findings not yet closed (the annual report's shortcomings, the due list)."""
    return findings(user).exclude(state__in=[FindingState.DRAFT, FindingState.CLOSED])


def target_units(user):
    """Units a 督察 may target or an assessment cover: agencies and townships in scope."""
    return (
        Unit.objects.restrict(user)
        .filter(kind__in=REPORTING_KINDS, is_active=True)
        .order_by("path")
    )


def office_units(user, action: str = Action.CREATE):
    return Unit.objects.restrict(user, action).filter(kind=Unit.Kind.RULE_OF_LAW_OFFICE)


def schemes(user, *, search: str = ""):
    queryset = AssessmentScheme.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(name__icontains=search)
    return queryset


def items_of(user, scheme):
    return AssessmentItem.objects.restrict(user).filter(scheme=scheme).order_by("code")


def scores_of(user, scheme):
    return (
        AssessmentScore.objects.restrict(user)
        .filter(item__scheme=scheme)
        .select_related("item", "assessed_unit", "reviewer")
    )


def ranking(user, scheme) -> list[dict]:
    """Totals (评审得分; 自评 beside it), ranks and grades of the assessed units the user may
    see the scores of. Ranks are taken among all units of the scheme: a unit learns its own
    place, never its siblings' scores."""
    shown = set(scores_of(user, scheme).values_list("assessed_unit", flat=True))
    membership = active_membership(user)
    if user.is_superuser or (membership and membership.unit.kind == Unit.Kind.RULE_OF_LAW_OFFICE):
        shown = set(
            AssessmentScheme.objects.restrict(user)
            .filter(pk=scheme.pk)
            .values_list("assessed_units", flat=True)
        )
    return [row for row in standings(scheme) if row["unit"].pk in shown]


def standings(scheme) -> list[dict]:
    """Every assessed unit's totals, rank and grade (unscoped: callers filter)."""
    totals: dict[int, dict] = defaultdict(lambda: {"self": Decimal(0), "review": Decimal(0)})
    for score in AssessmentScore.objects.filter(item__scheme=scheme):
        totals[score.assessed_unit_id]["self"] += score.self_score or 0
        totals[score.assessed_unit_id]["review"] += score.review_score or 0
    units = {unit.pk: unit for unit in scheme.assessed_units.all()}
    order = sorted(units, key=lambda pk: -totals[pk]["review"])
    ranks, previous, rank = {}, None, 0
    for position, pk in enumerate(order, start=1):
        if totals[pk]["review"] != previous:
            rank, previous = position, totals[pk]["review"]
        ranks[pk] = rank
    full = sum((item.points for item in scheme.items.filter(children__isnull=True)), Decimal(0))
    return [
        {
            "unit": units[pk],
            "self": totals[pk]["self"],
            "review": totals[pk]["review"],
            "rank": ranks[pk],
            "grade": grade(totals[pk]["review"], full),
            "of": len(order),
            "full": full,
        }
        for pk in order
    ]


def results_of(user, scheme):
    return (
        AssessmentResult.objects.restrict(user)
        .filter(scheme=scheme)
        .select_related("assessed_unit")
    )


def grade(total: Decimal, full: Decimal) -> str:
    """优秀 ≥ 90%, 良好 ≥ 80%, 合格 ≥ 60% of the full points (the common bands of 考核办法)."""
    if not full:
        return "—"
    share = total / full
    if share >= Decimal("0.9"):
        return "优秀"
    if share >= Decimal("0.8"):
        return "良好"
    return "合格" if share >= Decimal("0.6") else "不合格"


def reports(user, *, search: str = "", year: int | None = None):
    queryset = LawReport.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(
            Q(person__icontains=search)
            | Q(post__icontains=search)
            | Q(unit__name__icontains=search)
        )
    if year:
        queryset = queryset.filter(year=year)
    return queryset


def reporting_units(user, *, year: int | None = None):
    queryset = ReportingUnit.objects.restrict(user).select_related("unit")
    return queryset.filter(year=year) if year else queryset


def coverage(user, year: int) -> dict:
    """述法 coverage of the year: the units on its 述法名单 in scope (the records of
    `accountability.law_report_coverage_rate`) and those of them without a report. Before the
    list is made (`listed` False) the agencies and 乡镇（街道） in scope stand in for it."""
    listed = list(reporting_units(user, year=year))
    units = [row.unit for row in listed] if listed else list(target_units(user))
    reported = set(reports(user, year=year).values_list("unit", flat=True))
    missing = [unit for unit in units if unit.pk not in reported]
    rate = (
        (Decimal(len(units) - len(missing)) * 100 / len(units)).quantize(Decimal("0.1"))
        if units
        else None
    )
    return {
        "units": units,
        "missing": missing,
        "reported": len(units) - len(missing),
        "rate": rate,
        "listed": bool(listed),
    }


def projects(user, *, search: str = ""):
    queryset = DemonstrationProject.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(name__icontains=search)
    return queryset


def tasks(user, *, search: str = ""):
    queryset = AssignedTask.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(assigned_by__icontains=search))
    return queryset
