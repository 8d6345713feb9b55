"""Every read of the rulemaking records, already scoped to what the user may see."""

import datetime

from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    AdviserService,
    CatalogItem,
    CleanupBatch,
    CleanupEntry,
    CollectiveMeeting,
    ConsultationReply,
    Coverage,
    CoverageKind,
    Decision,
    DecisionCatalog,
    ExecutionReport,
    Filing,
    LegalAdviser,
    NormativeDocument,
    OtherReview,
    ParticipationEvent,
    PostEvaluation,
    ReviewRequest,
    Stage,
    StatusChange,
    Validity,
)


def can_read_restricted(user, record) -> bool:
    """Draft texts, dissent records and risk assessments (docs/permissions.md): only the
    deciding (issuing) organ's handlers — a member of the record's own unit or of its
    承办/起草单位 whose role may 办理 (经办人, 审核人) or 签发 (负责人) it, and the system
    administrator; 督察员, other units and superiors see that the item exists, not its text."""
    if user.is_superuser:
        return True
    membership = active_membership(user)
    if membership is None:
        return False
    units = {
        record.unit_id,
        getattr(record, "undertaking_unit_id", None),
        getattr(record, "drafting_unit_id", None),
    }
    if membership.unit_id not in units:
        return False
    model = type(record)
    return any(
        model.objects.restrict(user, action).filter(pk=record.pk).exists()
        for action in (Action.CHANGE, Action.SIGN)
    )


def _search(queryset, search, *fields):
    if not search:
        return queryset
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__icontains": search})
    return queryset.filter(query)


def documents(user, *, search: str = "", stage: str = "", status: str = ""):
    queryset = NormativeDocument.objects.restrict(user).select_related(
        "unit", "drafting_unit", "review_body"
    )
    queryset = _search(queryset, search, "title", "doc_number", "registration_number", "unit__name")
    if stage:
        queryset = queryset.filter(stage=stage)
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def status_history(user, document):
    return StatusChange.objects.restrict(user).filter(document=document)


def review_requests(user, document):
    return ReviewRequest.objects.restrict(user).filter(document=document)


def filing_of(user, document):
    return Filing.objects.restrict(user).filter(document=document).first()


def filings(user, *, search: str = "", state: str = "", late: bool = False):
    queryset = Filing.objects.restrict(user).select_related(
        "document", "document__unit", "filing_body"
    )
    queryset = _search(
        queryset, search, "document__title", "document__doc_number", "document__unit__name"
    )
    if state:
        queryset = queryset.filter(state=state)
    if late:
        queryset = queryset.filter(late=True)
    return queryset


def quarterly_catalog(user, year: int, quarter: int):
    """The filings registered in a quarter, as the 公报 lists them (备案目录)."""
    first = datetime.date(year, 3 * quarter - 2, 1)
    last = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return (
        filings(user)
        .filter(registered_date__gte=first, registered_date__lt=last)
        .order_by("registered_date")
    )


def documents_expiring(user, horizon: datetime.date):
    return (
        NormativeDocument.objects.restrict(user, Action.CHANGE)
        .filter(
            stage=Stage.PUBLISHED,
            status__in=[Validity.VALID, Validity.RENEWED, Validity.AMENDED],
            valid_until__lte=horizon,
        )
        .select_related("unit")
        .order_by("valid_until", "pk")
    )


def reviews_running(user, horizon: datetime.date):
    return (
        NormativeDocument.objects.restrict(user, Action.CHANGE)
        .filter(stage=Stage.REVIEWING, review_due__lte=horizon)
        .select_related("unit")
        .order_by("review_due", "pk")
    )


def filings_due(user):
    """Published documents not yet filed (the 报备 clock)."""
    return (
        NormativeDocument.objects.restrict(user, Action.CHANGE)
        .filter(stage=Stage.PUBLISHED, filing__isnull=True)
        .select_related("unit")
        .order_by("published_date", "pk")
    )


def catalogs(user, *, search: str = ""):
    queryset = DecisionCatalog.objects.restrict(user).select_related("unit")
    return _search(queryset, search, "unit__name", "adjustment_note")


def catalog_items(user, catalog):
    return (
        CatalogItem.objects.restrict(user)
        .filter(catalog=catalog)
        .select_related("undertaking_unit")
    )


def open_catalog_items(user, unit=None):
    items = CatalogItem.objects.restrict(user).filter(
        catalog__published_date__isnull=False, catalog__superseded=False
    )
    return items.filter(catalog__unit=unit) if unit is not None else items


def decisions(user, *, search: str = "", state: str = ""):
    queryset = Decision.objects.restrict(user).select_related("unit", "undertaking_unit")
    queryset = _search(queryset, search, "name", "unit__name", "undertaking_unit__name")
    return queryset.filter(state=state) if state else queryset


def execution_reports(user, decision):
    return ExecutionReport.objects.restrict(user).filter(decision=decision)


def advisers(user, *, search: str = "", kind: str = ""):
    queryset = LegalAdviser.objects.restrict(user).select_related("unit")
    queryset = _search(queryset, search, "name", "firm", "unit__name", "certificate_number")
    return queryset.filter(kind=kind) if kind else queryset


def adviser_services(user, adviser):
    return AdviserService.objects.restrict(user).filter(adviser=adviser)


def advisers_expiring(user, today, horizon):
    return (
        LegalAdviser.objects.restrict(user, Action.CHANGE)
        .filter(contract_to__gte=today - datetime.timedelta(days=30), contract_to__lte=horizon)
        .select_related("unit")
        .order_by("contract_to")
    )


def other_reviews(user, *, search: str = "", kind: str = ""):
    queryset = OtherReview.objects.restrict(user).select_related("unit", "requesting_unit")
    queryset = _search(queryset, search, "matter", "requesting_unit__name")
    return queryset.filter(kind=kind) if kind else queryset


def agencies(user, action: str = Action.CREATE):
    """Agencies (not areas) the user may register records for."""
    return (
        Unit.objects.restrict(user, action).exclude(kind__in=Unit.AREA_KINDS).filter(is_active=True)
    )


def area_agencies(user):
    """Agencies of the user's area: 起草/承办单位, 审核机构, 备案机关 to choose from."""
    membership = active_membership(user)
    if membership is None:
        return Unit.objects.none()
    unit = membership.unit
    area = unit if unit.is_area else (unit.parent or unit)
    root = area.parent if area.parent_id else area
    return Unit.objects.filter(path__startswith=root.path, is_active=True).exclude(
        kind__in=Unit.AREA_KINDS
    )


def coverage(user):
    """法律顾问 coverage: the agencies in the user's scope, whether each has an adviser under
    contract today and whether it is on the list of 党政机关 that must have one (the rate of
    legal_advisers.units_covered_rate counts the listed ones only, docs/rules.md)."""
    today = datetime.date.today()
    units = list(
        Unit.objects.restrict(user).exclude(kind__in=Unit.AREA_KINDS).filter(is_active=True)
    )
    covered = set(
        LegalAdviser.objects.restrict(user)
        .filter(contract_from__lte=today, contract_to__gte=today)
        .values_list("unit_id", flat=True)
    )
    listed = set(
        Coverage.objects.filter(kind=CoverageKind.DUTY, start__lte=today, unit__in=units)
        .filter(Q(until__isnull=True) | Q(until__gt=today))
        .values_list("unit_id", flat=True)
    )
    return [(unit, unit.pk in covered, unit.pk in listed) for unit in units]


def cleanups(user, *, search: str = ""):
    return _search(
        CleanupBatch.objects.restrict(user).select_related("unit"), search, "title", "unit__name"
    )


def cleanup_entries(user, batch):
    return CleanupEntry.objects.restrict(user).filter(batch=batch).select_related("document")


def cleanable_documents(user):
    return NormativeDocument.objects.restrict(user, Action.CHANGE).filter(
        stage=Stage.PUBLISHED, status__in=[Validity.VALID, Validity.AMENDED, Validity.RENEWED]
    )


def evaluations(user, document):
    return PostEvaluation.objects.restrict(user).filter(document=document)


def incidental_requests(user):
    return (
        ReviewRequest.objects.restrict(user)
        .exclude(source="citizen")
        .select_related("document", "document__unit", "case")
        .order_by("-received_date", "-pk")
    )


def cases_for_incidental_review(user):
    """The 复议 cases under hearing the user may suspend for a 附带审查 (the 复议 line's
    records, read through their own scope)."""
    from fazhi.reconsideration.models import Case, State

    return (
        Case.objects.restrict(user, Action.CHANGE).filter(state=State.HEARING).order_by("-pk")[:50]
    )


def incidental_due(user, horizon):
    return (
        ReviewRequest.objects.restrict(user, Action.CHANGE)
        .exclude(source="citizen")
        .filter(result="")
        .select_related("document", "case")
    )


def participation_events(user, decision):
    return ParticipationEvent.objects.restrict(user).filter(decision=decision)


def meetings(user, *, search: str = ""):
    queryset = CollectiveMeeting.objects.restrict(user).select_related("unit")
    return _search(queryset, search, "title", "unit__name")


def meetings_for(user, decision):
    """The meetings of the decision's own 决策机关 (条例 第三十条第一款), latest first."""
    return CollectiveMeeting.objects.restrict(user).filter(unit=decision.unit_id)


def meeting_decisions(user, meeting):
    return Decision.objects.restrict(user).filter(meeting=meeting).order_by("pk")


def consultation_replies(user, *, search: str = ""):
    queryset = ConsultationReply.objects.restrict(user).select_related("unit", "requesting_unit")
    return _search(queryset, search, "draft_title", "requesting_unit__name", "unit__name")


def replies_to(user, document):
    return ConsultationReply.objects.restrict(user).filter(document=document).select_related("unit")
