"""Every read of annual reports, already scoped to what the user may see."""

from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action
from fazhi.core.selectors import can

from .models import AnnualReport, CheckOverride, Part, ReportStep, State

BEFORE_SUBMISSION = (State.DRAFTING, State.IN_REVIEW, State.AWAITING_SIGNATURE, State.SIGNED)
REPORTING_KINDS = (
    Unit.Kind.GOVERNMENT,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.ENFORCEMENT,
    Unit.Kind.OTHER_AGENCY,
    Unit.Kind.RULE_OF_LAW_OFFICE,
)


def reports(user, search: str = ""):
    queryset = AnnualReport.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(year__icontains=search))
    return queryset


def within_scope(user, report: AnnualReport) -> bool:
    """Whether `user` sees `report` through the own scope (its tree), not only as a public
    document: a public report shows others its published text and figures only."""
    return AnnualReport.objects.restrict(user, public=False).filter(pk=report.pk).exists()


def parts(user, report: AnnualReport):
    return Part.objects.restrict(user).filter(report=report).order_by("order")


def steps(user, report: AnnualReport):
    return ReportStep.objects.restrict(user).filter(report=report).select_related("actor")


def overrides(user, report: AnnualReport):
    return CheckOverride.objects.restrict(user).filter(report=report).select_related("by")


def versions(user, report: AnnualReport):
    return AnnualReport.objects.restrict(user).filter(unit=report.unit, year=report.year)


def reports_in_progress(user):
    """Current reports of the user's scope not yet published (not those merely public)."""
    return (
        AnnualReport.objects.restrict(user, Action.CHANGE)
        .filter(superseded=False)
        .exclude(state=State.PUBLISHED)
        .select_related("unit")
    )


def unit_without_report(user, today):
    """(the user's reporting unit, last year) when its report of last year is not begun."""
    membership = active_membership(user)
    if membership is None or membership.unit.kind not in REPORTING_KINDS:
        return None, None
    if not can(user, Action.CREATE, AnnualReport.work_line):
        return None, None
    year = today.year - 1
    if AnnualReport.objects.filter(unit=membership.unit, year=year).exists():
        return None, None
    return membership.unit, year


def subordinate_areas(user) -> tuple[Unit | None, list[Unit]]:
    """For a superior (督察): the top of the user's scope and the areas right under it."""
    membership = active_membership(user)
    if membership is None:
        return None, []
    root = membership.unit.scope_root
    areas = Unit.objects.restrict(user).filter(parent=root, kind__in=Unit.AREA_KINDS)
    return root, list(areas.order_by("name"))


def reports_of_areas(user, areas, year: int) -> dict[int, list[AnnualReport]]:
    """Each area's current reports of `year` (its government's, its departments'…)."""
    found: dict[int, list[AnnualReport]] = {area.pk: [] for area in areas}
    if not areas:
        return found
    paths = {area.path: area.pk for area in areas}
    query = Q()
    for path in paths:
        query |= Q(unit__path__startswith=path)
    queryset = (
        AnnualReport.objects.restrict(user)
        .filter(query, year=year, superseded=False)
        .select_related("unit")
        .prefetch_related("parts")  # completeness is read from every report's parts
        .order_by("unit__path")
    )
    for report in queryset:
        for path, pk in paths.items():
            if report.unit.path.startswith(path):
                found[pk].append(report)
    return found


def open_urge_notices(user) -> list:
    """The latest 催报 of each year to an area over the user's reporting unit, while the
    unit's report of that year is not yet submitted (for the unit's drafters)."""
    from .models import UrgeNotice

    membership = active_membership(user)
    if membership is None or membership.unit.kind not in REPORTING_KINDS:
        return []
    if not can(user, Action.CREATE, AnnualReport.work_line):
        return []
    unit = membership.unit
    latest = {}
    for notice in UrgeNotice.objects.select_related("unit", "urged_by"):
        if unit.path.startswith(notice.unit.path) and notice.year not in latest:
            latest[notice.year] = notice  # ordered newest first
    submitted = set(
        AnnualReport.objects.filter(unit=unit, year__in=latest, superseded=False)
        .exclude(state__in=BEFORE_SUBMISSION)
        .values_list("year", flat=True)
    )
    return [notice for year, notice in sorted(latest.items()) if year not in submitted]


def urge_notices_of_areas(user, areas, year: int) -> dict[int, list]:
    """For the overview: each area's 催报 of `year`, newest first."""
    from .models import UrgeNotice

    found: dict[int, list] = {area.pk: [] for area in areas}
    for notice in UrgeNotice.objects.restrict(user).filter(unit__in=areas, year=year):
        found[notice.unit_id].append(notice)
    return found
