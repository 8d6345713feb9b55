"""Every read of the 行政执法监督 records, already scoped to what the user may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action
from fazhi.core.selectors import units_in_area

from .models import (
    ActionStatus,
    Agency,
    CaseFile,
    Certificate,
    CertificateStatus,
    EnforcementAction,
    EnterpriseInspection,
    InspectionStatus,
    ListStatus,
    MajorDecisionItem,
    NoticeStatus,
    Officer,
    PenaltyList,
    PenaltyListItem,
    RectificationNotice,
    ReviewCampaign,
    Score,
    ScoreItem,
    SupervisionInspection,
    TrainingRecord,
)

# 国办发〔2018〕118号: 原则上各级行政执法机关的法制审核人员不少于本单位执法人员总数的5%.
LEGAL_REVIEW_FLOOR = 5
# Inspections of one enterprise by several agencies within this many days are shown together
# (双随机、一公开: they could have been one joint inspection).
REPEAT_WINDOW_DAYS = 30


def can_change(user, record) -> bool:
    return type(record).objects.restrict(user, Action.CHANGE).filter(pk=record.pk).exists()


def creatable_units(user):
    return Unit.objects.restrict(user, Action.CREATE).filter(is_active=True)


def enforcing_units(user, action: str = Action.CREATE):
    """Agencies the user may act for: enforcement departments and 街道、乡镇."""
    return Unit.objects.restrict(user, action).filter(
        is_active=True, kind__in=[Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP]
    )


# — agencies and officers —


def _officers_with_certificates(queryset, user):
    return queryset.select_related("unit").prefetch_related(
        Prefetch("certificates", queryset=Certificate.objects.restrict(user))
    )


def _named_officers(user) -> Prefetch:
    """The officers a record names, with their certificates for the validity flag."""
    return Prefetch(
        "officers", queryset=_officers_with_certificates(Officer.objects.restrict(user), user)
    )


def agencies(user, search: str = ""):
    queryset = Agency.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(
            Q(unit__name__icontains=search) | Q(devolved_powers__icontains=search)
        )
    return queryset


@dataclass(frozen=True)
class StaffRatio:
    certified: int
    reviewers: int

    @property
    def percent(self):
        return round(self.reviewers * 100 / self.certified, 1) if self.certified else None

    @property
    def below_floor(self) -> bool:
        return self.certified > 0 and self.reviewers * 100 < LEGAL_REVIEW_FLOOR * self.certified


def staff_ratios(user, units, day: datetime.date) -> dict[int, StaffRatio]:
    """法制审核人员 among each agency's officers with a certificate valid on `day`, by unit
    pk: one query for a whole list of agencies."""
    officers = _officers_with_certificates(
        Officer.objects.restrict(user).filter(unit__in=units, is_active=True), user
    )
    certified: dict[int, list] = {unit.pk: [] for unit in units}
    for officer in officers:
        if not officer.certificate_problem(day):
            certified[officer.unit_id].append(officer)
    return {
        pk: StaffRatio(len(group), sum(1 for o in group if o.is_legal_reviewer))
        for pk, group in certified.items()
    }


def staff_ratio(user, unit: Unit, day: datetime.date) -> StaffRatio:
    return staff_ratios(user, [unit], day)[unit.pk]


def major_items(user, unit: Unit):
    return MajorDecisionItem.objects.restrict(user).filter(unit=unit)


def officers(user, *, search: str = "", unit: Unit | None = None):
    queryset = _officers_with_certificates(Officer.objects.restrict(user), user).prefetch_related(
        Prefetch("trainings", queryset=TrainingRecord.objects.restrict(user))
    )
    if unit is not None:
        queryset = queryset.filter(unit=unit)
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(unit__name__icontains=search))
    return queryset


def active_officers(user, units):
    return officers(user).filter(unit__in=units, is_active=True)


def certificates(user, *, search: str = "", status: str = "", review_due_by=None):
    queryset = Certificate.objects.restrict(user).select_related("officer__unit")
    if search:
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(officer__name__icontains=search)
            | Q(officer__unit__name__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    if review_due_by is not None:
        queryset = queryset.filter(
            status=CertificateStatus.VALID, annual_review_due__lte=review_due_by
        )
    return queryset


def certificates_of(user, officer: Officer):
    return Certificate.objects.restrict(user).filter(officer=officer).prefetch_related("checks")


def trainings_of(user, officer: Officer):
    return TrainingRecord.objects.restrict(user).filter(officer=officer)


def open_certificates(user, officer: Officer):
    """The officer's application waiting for its training, for the training form."""
    return certificates_of(user, officer).filter(status=CertificateStatus.APPLIED)


# — enforcement actions —


def actions(user, *, search: str = "", kind: str = "", status: str = "", gaps: bool = False):
    queryset = (
        EnforcementAction.objects.restrict(user)
        .select_related("unit", "major_item", "list_item__penalty_list")
        .prefetch_related(_named_officers(user))
    )
    if search:
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(party__icontains=search)
            | Q(summary__icontains=search)
            | Q(unit__name__icontains=search)
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if gaps:
        queryset = queryset.filter(
            Q(pre_publicity_date__isnull=True)
            | Q(recording_location="")
            | Q(major_item__isnull=False) & ~Q(review_passed=True)
            | Q(status=ActionStatus.DECIDED, post_publicity_date__isnull=True)
        )
    return queryset


def legal_reviewers(user, action: EnforcementAction):
    return Officer.objects.restrict(user).filter(
        unit=action.unit, is_legal_reviewer=True, is_active=True
    )


def region_list_items(user, unit: Unit):
    """Items of the lists ever in force in the unit's region (drafts excluded)."""
    segments = unit.path.strip("/").split("/")
    regions = ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments))]
    return (
        PenaltyListItem.objects.restrict(user)
        .filter(penalty_list__region__path__in=regions)
        .exclude(penalty_list__status=ListStatus.DRAFT)
        .select_related("penalty_list")
    )


def applicable_list_items(user, action: EnforcementAction):
    """Items of the published lists of the agency's region, for recording a case under one."""
    return region_list_items(user, action.unit).filter(penalty_list__status=ListStatus.PUBLISHED)


# — 免罚轻罚清单 —


def penalty_lists(user, search: str = ""):
    queryset = (
        PenaltyList.objects.restrict(user)
        .select_related("region")
        .annotate(
            item_count=Count("items", distinct=True),
            case_count=Count("items__cases", filter=Q(items__cases__status=ActionStatus.DECIDED)),
        )
        .order_by("-year", "-pk")  # an aggregate query drops Meta.ordering
    )
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(version__icontains=search))
    return queryset


def list_items(user, penalty_list: PenaltyList):
    """The items with the cases recorded under each (counted among those the user may see)."""
    visible = EnforcementAction.objects.restrict(user).filter(status=ActionStatus.DECIDED)
    return (
        PenaltyListItem.objects.restrict(user)
        .filter(penalty_list=penalty_list)
        .annotate(case_count=Count("cases", filter=Q(cases__in=visible)))
    )


# — 入企执法报备 —


def enterprise_inspections(user, *, search: str = "", status: str = "", repeated: bool = False):
    """The reports the user may see; `repeated` marks those whose enterprise another agency
    inspects within the window (among the reports the user may see)."""
    window = datetime.timedelta(days=REPEAT_WINDOW_DAYS)
    others = (
        EnterpriseInspection.objects.restrict(user)
        .filter(
            credit_code=OuterRef("credit_code"),
            planned_date__gte=OuterRef("planned_date") - window,
            planned_date__lte=OuterRef("planned_date") + window,
        )
        .exclude(unit=OuterRef("unit"))
        .exclude(status=InspectionStatus.CANCELLED)
    )
    queryset = (
        EnterpriseInspection.objects.restrict(user)
        .annotate(repeated=Exists(others))
        .select_related("unit")
        .prefetch_related(_named_officers(user))
    )
    if repeated:
        queryset = queryset.filter(repeated=True).exclude(status=InspectionStatus.CANCELLED)
    if search:
        queryset = queryset.filter(
            Q(enterprise__icontains=search)
            | Q(credit_code__icontains=search)
            | Q(unit__name__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def _nearby(user, credit_code: str, day: datetime.date):
    window = datetime.timedelta(days=REPEAT_WINDOW_DAYS)
    return (
        EnterpriseInspection.objects.restrict(user)
        .filter(credit_code=credit_code, planned_date__range=(day - window, day + window))
        .exclude(status=InspectionStatus.CANCELLED)
        .select_related("unit")
    )


def repeated_inspections(user, inspection: EnterpriseInspection):
    """Other agencies' inspections of the same enterprise within the window."""
    return _nearby(user, inspection.credit_code, inspection.planned_date).exclude(
        unit=inspection.unit
    )


# — 案卷评查 —


def campaigns(user, search: str = ""):
    queryset = (
        ReviewCampaign.objects.restrict(user)
        .annotate(
            file_count=Count("case_files", distinct=True),
            agency_count=Count("case_files__agency", distinct=True),
        )
        .order_by("-started_date", "-pk")
    )
    if search:
        queryset = queryset.filter(title__icontains=search)
    return queryset


def score_items(user, campaign: ReviewCampaign):
    return ScoreItem.objects.restrict(user).filter(campaign=campaign)


def case_files(user, campaign: ReviewCampaign):
    return CaseFile.objects.restrict(user).filter(campaign=campaign).select_related("agency")


def scores_of(user, case_file: CaseFile):
    return Score.objects.restrict(user).filter(case_file=case_file).select_related("item")


@dataclass(frozen=True)
class AgencyResult:
    agency: Unit
    files: int
    scored: int
    average: float | None
    failed: int
    notices: list


def campaign_results(user, campaign: ReviewCampaign) -> list[AgencyResult]:
    """Per agency: files drawn, scored, the average score, files below 60 and its notices."""
    files = list(case_files(user, campaign))
    notices = list(notices_of(user, campaign=campaign))
    results = []
    for agency in sorted({f.agency for f in files}, key=lambda u: u.path):
        mine = [f for f in files if f.agency_id == agency.pk]
        totals = [f.total for f in mine if f.total is not None]
        results.append(
            AgencyResult(
                agency=agency,
                files=len(mine),
                scored=len(totals),
                average=round(sum(totals) / len(totals), 1) if totals else None,
                failed=sum(1 for t in totals if t < 60),
                notices=[n for n in notices if n.agency_id == agency.pk],
            )
        )
    return results


def selectable_actions(user, campaign: ReviewCampaign):
    """Decided enforcement actions of the area not yet in the campaign, to draw files from."""
    return (
        EnforcementAction.objects.restrict(user)
        .filter(status=ActionStatus.DECIDED, unit__path__startswith=campaign.unit.scope_root.path)
        .exclude(case_files__campaign=campaign)
        .select_related("unit")
    )


# — 监督检查 and rectification —


def supervisions(user, search: str = ""):
    queryset = SupervisionInspection.objects.restrict(user).prefetch_related("agencies")
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(scope__icontains=search))
    return queryset


def notices(user, *, search: str = "", status: str = "", overdue_on=None):
    queryset = RectificationNotice.objects.restrict(user).select_related(
        "agency", "unit", "inspection", "campaign"
    )
    if search:
        queryset = queryset.filter(Q(number__icontains=search) | Q(agency__name__icontains=search))
    if status:
        queryset = queryset.filter(status=status)
    if overdue_on is not None:
        queryset = queryset.filter(status=NoticeStatus.ISSUED, due_date__lt=overdue_on)
    return queryset


def notices_of(user, *, campaign=None, inspection=None):
    queryset = RectificationNotice.objects.restrict(user).select_related("agency")
    if campaign is not None:
        return queryset.filter(campaign=campaign)
    return queryset.filter(inspection=inspection)


def notices_pending(user, horizon):
    return (
        notices(user)
        .filter(status=NoticeStatus.ISSUED, due_date__lte=horizon)
        .order_by("due_date", "pk")
    )


def reviews_pending(user, horizon):
    return certificates(user, review_due_by=horizon).order_by("annual_review_due", "pk")


def certificates_expiring(user, horizon):
    """Valid certificates whose validity ends by `horizon`: the officer should apply for 换发."""
    return (
        certificates(user, status=CertificateStatus.VALID)
        .filter(valid_until__lte=horizon)
        .order_by("valid_until", "pk")
    )


def major_items_of(user, units):
    return MajorDecisionItem.objects.restrict(user).filter(unit__in=units).select_related("unit")


def named_officers(user, record):
    """The officers an action or an inspection report names, with their certificates."""
    return _officers_with_certificates(
        Officer.objects.restrict(user).filter(pk__in=record.officers.all()), user
    )


def area_agencies(user):
    """Agencies of the user's area, to choose the inspected ones (as 被申请人 are chosen)."""
    return units_in_area(user).filter(kind__in=[Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP])


def inspected_units(inspection: SupervisionInspection):
    return inspection.agencies.all()
