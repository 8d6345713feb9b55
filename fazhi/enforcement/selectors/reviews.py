"""Reads of the 案卷评查 campaigns, their case files, scores and results by agency."""

from dataclasses import dataclass

from django.db.models import Count

from fazhi.core.models import Unit

from ..models.actions import ActionStatus, EnforcementAction
from ..models.reviews import CaseFile, ReviewCampaign, Score, ScoreItem
from .supervision import notices_of


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
