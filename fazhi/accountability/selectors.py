"""Every read of the 述法 · 督察 · 考核 records, scoped to what the user may see (findings
and scores also by the data rule of models.ConfidentialQuerySet)."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    AssessmentItem,
    AssessmentScheme,
    AssessmentScore,
    DemonstrationProject,
    Finding,
    FindingState,
    InspectionPlan,
    LawReport,
)

# The units that report (述法) and are inspected: agencies and 乡镇（街道）, not areas.
REPORTING_KINDS = (
    Unit.Kind.GOVERNMENT,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.ENFORCEMENT,
    Unit.Kind.OTHER_AGENCY,
    Unit.Kind.TOWNSHIP,
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
    shown = set(scores_of(user, scheme).values_list("assessed_unit", flat=True))
    membership = active_membership(user)
    if user.is_superuser or (membership and membership.unit.kind == Unit.Kind.RULE_OF_LAW_OFFICE):
        shown = set(
            AssessmentScheme.objects.restrict(user)
            .filter(pk=scheme.pk)
            .values_list("assessed_units", flat=True)
        )
    return [
        {
            "unit": units[pk],
            "self": totals[pk]["self"],
            "review": totals[pk]["review"],
            "rank": ranks[pk],
            "grade": grade(totals[pk]["review"], full),
            "of": len(order),
        }
        for pk in order
        if pk in shown
    ]


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


def coverage(user, year: int) -> dict:
    """述法 coverage of the year: the reporting units in scope and those without a report."""
    units = list(target_units(user))
    reported = set(reports(user, year=year).values_list("unit", flat=True))
    missing = [unit for unit in units if unit.pk not in reported]
    rate = (
        (Decimal(len(units) - len(missing)) * 100 / len(units)).quantize(Decimal("0.1"))
        if units
        else None
    )
    return {"units": units, "missing": missing, "reported": len(units) - len(missing), "rate": rate}


def projects(user, *, search: str = ""):
    queryset = DemonstrationProject.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(name__icontains=search)
    return queryset
