"""案卷评查: the supervising bureau's campaigns, the case files drawn and their scores."""

import datetime
import random

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_unit, saved
from fazhi.core.models import Unit
from fazhi.core.roles import Action, WorkLine

from ..models.actions import ActionStatus, EnforcementAction
from ..models.reviews import CaseFile, ReviewCampaign, Score, ScoreItem
from ..workflow import CAMPAIGN_FLOW

# The usual 行政执法案卷评查标准 (100 points).
STANDARD_ITEMS = [
    ("主体合法", 15),
    ("事实清楚", 20),
    ("证据充分", 20),
    ("程序合法", 20),
    ("适用法律正确", 15),
    ("文书规范", 10),
]


@service
def create_campaign(
    *, actor, unit: Unit, title: str, year: int, started_date: datetime.date, items=None
) -> ReviewCampaign:
    """A campaign with its scoring sheet ((name, max points); the standard sheet by default)."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    not_future(started_date, "开始日期")
    items = list(items or STANDARD_ITEMS)
    names = [name for name, _ in items]
    if len(set(names)) != len(names) or any(points <= 0 for _, points in items):
        raise ValidationError("评分表的项目不能重复，分值应大于0")
    campaign = saved(
        ReviewCampaign(
            unit=unit, title=title.strip(), year=year, started_date=started_date, created_by=actor
        )
    )
    for order, (name, points) in enumerate(items, start=1):
        saved(ScoreItem(campaign=campaign, order=order, name=name, max_points=points))
    record_event(
        actor=actor,
        action="enforcement.campaign",
        summary=f"启动案卷评查：{campaign.title}（评分表{len(items)}项，满分{sum(p for _, p in items)}分）",
        target=campaign,
        unit=unit,
    )
    return campaign


def _add_file(
    actor, campaign, agency, *, file_number, title, action=None, randomly=False
) -> CaseFile:
    if CaseFile.objects.filter(campaign=campaign, agency=agency, file_number=file_number).exists():
        raise ValidationError(f"{agency.name}的案卷{file_number}已在本次评查中")
    return saved(
        CaseFile(
            campaign=campaign,
            agency=agency,
            action=action,
            file_number=file_number,
            title=title,
            selected_randomly=randomly,
            created_by=actor,
        )
    )


@service
def select_case_files(
    *, actor, campaign: ReviewCampaign, candidates, count: int | None = None, seed=None
) -> list[CaseFile]:
    """Draw case files from the agencies' decided enforcement actions (`candidates`, already
    scoped to the actor): `count` at random per agency, or all the chosen ones."""
    CAMPAIGN_FLOW.check(campaign, "select_case_files", actor=actor)
    allowed = EnforcementAction.objects.restrict(actor).filter(
        pk__in=[a.pk for a in candidates], unit__path__startswith=campaign.unit.scope_root.path
    )
    chosen = [a for a in allowed.select_related("unit") if a.status == ActionStatus.DECIDED]
    taken = set(campaign.case_files.exclude(action=None).values_list("action_id", flat=True))
    chosen = [a for a in chosen if a.pk not in taken]
    if count is not None:
        if count <= 0:
            raise ValidationError("每个单位抽取的案卷数应大于0")
        by_agency: dict[int, list] = {}
        for action in sorted(chosen, key=lambda a: a.pk):
            by_agency.setdefault(action.unit_id, []).append(action)
        draw = random.Random(seed)
        chosen = [
            a for group in by_agency.values() for a in draw.sample(group, min(count, len(group)))
        ]
    if not chosen:
        raise ValidationError("没有可抽取的已办结案卷")
    files = [
        _add_file(
            actor,
            campaign,
            action.unit,
            file_number=action.number,
            title=f"{action.get_kind_display()}：{action.party}{action.summary}",
            action=action,
            randomly=count is not None,
        )
        for action in chosen
    ]
    record_event(
        actor=actor,
        action="enforcement.select_files",
        summary=f"{'随机抽取' if count is not None else '选定'}案卷{len(files)}本",
        target=campaign,
        unit=campaign.unit,
        data={"files": [f.pk for f in files]},
    )
    return files


@service
def add_case_file(
    *, actor, campaign: ReviewCampaign, agency: Unit, file_number: str, title: str
) -> CaseFile:
    """A case file an agency submitted on paper, entered by its number."""
    CAMPAIGN_FLOW.check(campaign, "add_case_file", actor=actor)
    enforcing = agency.kind in (Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP)
    if not (enforcing and agency.path.startswith(campaign.unit.scope_root.path)):
        raise ValidationError(f"“{agency.name}”不是本辖区的执法单位")
    case_file = _add_file(
        actor, campaign, agency, file_number=file_number.strip(), title=title.strip()
    )
    record_event(
        actor=actor,
        action="enforcement.add_file",
        summary=f"登记评查案卷{case_file}",
        target=campaign,
        unit=campaign.unit,
    )
    return case_file


@service
def score_case_file(
    *, actor, case_file: CaseFile, points: dict, problems: str, scored_date: datetime.date
) -> CaseFile:
    """Score every item of the sheet (`points`: {ScoreItem pk: points}); no item above its maximum."""
    require(actor, Action.CHANGE, case_file)
    CAMPAIGN_FLOW.check(case_file.campaign, "score_case_file", actor=actor)
    not_future(scored_date, "评查日期")
    items = list(case_file.campaign.score_items.all())
    errors = []
    for item in items:
        value = points.get(item.pk)
        if value is None:
            errors.append(f"请为“{item.name}”打分")
        elif not 0 <= value <= item.max_points:
            errors.append(f"“{item.name}”得分{value}分超出该项分值（0至{item.max_points}分）")
    if set(points) - {item.pk for item in items}:
        errors.append("评分项目不属于本次评查的评分表")
    if errors:
        raise ValidationError(errors)
    total = sum(points[item.pk] for item in items)
    if total < sum(item.max_points for item in items) and not problems.strip():
        raise ValidationError("有扣分的，请填写发现的问题")
    existing = {score.item_id: score for score in Score.objects.filter(case_file=case_file)}
    for item in items:
        score = existing.get(item.pk) or Score(case_file=case_file, item=item)
        if score.pk is None or score.points != points[item.pk]:
            score.points = points[item.pk]
            saved(score)
    case_file.total, case_file.problems, case_file.scored_date = (
        total,
        problems.strip(),
        scored_date,
    )
    saved(case_file)
    record_event(
        actor=actor,
        action="enforcement.score",
        summary=f"评查{case_file}：{total}分（{case_file.grade}）",
        target=case_file,
        unit=case_file.campaign.unit,
        data={"points": {str(k): v for k, v in points.items()}},
    )
    return case_file


@service
def close_campaign(
    *, actor, campaign: ReviewCampaign, closed_date: datetime.date
) -> ReviewCampaign:
    step = CAMPAIGN_FLOW.check(campaign, "close_campaign", actor=actor)
    not_future(closed_date, "结束日期")
    if closed_date < campaign.started_date:
        raise ValidationError("结束日期不能早于开始日期")
    unscored = campaign.case_files.filter(total__isnull=True).count()
    if unscored or not campaign.case_files.exists():
        raise ValidationError(f"还有{unscored}本案卷未评查" if unscored else "评查活动还没有案卷")
    CAMPAIGN_FLOW.move(campaign, step)
    campaign.closed_date = closed_date
    saved(campaign)
    record_event(
        actor=actor,
        action="enforcement.campaign_close",
        summary="结束案卷评查",
        target=campaign,
        unit=campaign.unit,
    )
    return campaign


def campaign_problems(campaign: ReviewCampaign, agency: Unit) -> str:
    """The problems found in the agency's case files, for its rectification notice."""
    files = campaign.case_files.filter(agency=agency).exclude(problems="")
    return "\n".join(f"{f.file_number}（{f.total}分）：{f.problems}" for f in files)
