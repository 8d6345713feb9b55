"""The supervising bureau's steps: 案卷评查 campaigns, 监督检查 and the rectification notices
both issue, answered by the agency and closed (销号). Audited, atomic services."""

import datetime
import random

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.models import Unit

from .models import (
    ActionStatus,
    CampaignStatus,
    CaseFile,
    EnforcementAction,
    NoticeStatus,
    RectificationNotice,
    ReviewCampaign,
    Score,
    ScoreItem,
    SupervisionInspection,
)
from .services import _saved, not_future, require_record, require_unit

# The usual 行政执法案卷评查标准 (100 points).
STANDARD_ITEMS = [
    ("主体合法", 15),
    ("事实清楚", 20),
    ("证据充分", 20),
    ("程序合法", 20),
    ("适用法律正确", 15),
    ("文书规范", 10),
]


def _require_open(campaign: ReviewCampaign) -> None:
    if campaign.status != CampaignStatus.OPEN:
        raise ValidationError("评查活动已结束")


@service
def create_campaign(
    *, actor, unit: Unit, title: str, year: int, started_date: datetime.date, items=None
) -> ReviewCampaign:
    """A campaign with its scoring sheet ((name, max points); the standard sheet by default)."""
    require_unit(actor, unit)
    not_future(started_date, "开始日期")
    items = list(items or STANDARD_ITEMS)
    names = [name for name, _ in items]
    if len(set(names)) != len(names) or any(points <= 0 for _, points in items):
        raise ValidationError("评分表的项目不能重复，分值应大于0")
    campaign = _saved(
        ReviewCampaign(
            unit=unit, title=title.strip(), year=year, started_date=started_date, created_by=actor
        )
    )
    for order, (name, points) in enumerate(items, start=1):
        _saved(ScoreItem(campaign=campaign, order=order, name=name, max_points=points))
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
    return _saved(
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
    require_record(actor, campaign)
    _require_open(campaign)
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
    require_record(actor, campaign)
    _require_open(campaign)
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
    require_record(actor, case_file)
    _require_open(case_file.campaign)
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
            _saved(score)
    case_file.total, case_file.problems, case_file.scored_date = (
        total,
        problems.strip(),
        scored_date,
    )
    _saved(case_file)
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
    require_record(actor, campaign)
    _require_open(campaign)
    not_future(closed_date, "结束日期")
    if closed_date < campaign.started_date:
        raise ValidationError("结束日期不能早于开始日期")
    unscored = campaign.case_files.filter(total__isnull=True).count()
    if unscored or not campaign.case_files.exists():
        raise ValidationError(f"还有{unscored}本案卷未评查" if unscored else "评查活动还没有案卷")
    campaign.status, campaign.closed_date = CampaignStatus.CLOSED, closed_date
    _saved(campaign)
    record_event(
        actor=actor,
        action="enforcement.campaign_close",
        summary="结束案卷评查",
        target=campaign,
        unit=campaign.unit,
    )
    return campaign


@service
def create_supervision(
    *,
    actor,
    unit: Unit,
    kind: str,
    title: str,
    scope: str,
    team: str,
    date: datetime.date,
    agencies,
    findings: str = "",
) -> SupervisionInspection:
    """专项监督 or 执法监督检查 of agencies of the bureau's area."""
    require_unit(actor, unit)
    not_future(date, "检查日期")
    agencies = list(agencies)
    if not agencies:
        raise ValidationError("请选择被检查单位")
    outside = [a.name for a in agencies if not a.path.startswith(unit.scope_root.path)]
    if outside:
        raise ValidationError(f"{'、'.join(outside)}不在本辖区")
    inspection = _saved(
        SupervisionInspection(
            unit=unit,
            kind=kind,
            title=title.strip(),
            scope=scope.strip(),
            team=team.strip(),
            date=date,
            findings=findings.strip(),
            created_by=actor,
        )
    )
    inspection.agencies.set(agencies)
    record_event(
        actor=actor,
        action="enforcement.supervision",
        summary=f"{inspection.get_kind_display()}：{inspection.title}（{len(agencies)}个单位）",
        target=inspection,
        unit=unit,
    )
    return inspection


def _next_number(unit: Unit, year: int) -> str:
    count = RectificationNotice.objects.filter(unit=unit, issued_date__year=year).count()
    return f"执法监督整改〔{year}〕{count + 1}号"


@service
def issue_notice(
    *,
    actor,
    agency: Unit,
    problems: str,
    issued_date: datetime.date,
    due_date: datetime.date,
    inspection: SupervisionInspection | None = None,
    campaign: ReviewCampaign | None = None,
) -> RectificationNotice:
    """整改通知 to one agency, from a 监督检查 or a 案卷评查 of the bureau."""
    source = inspection or campaign
    if (inspection is None) == (campaign is None):
        raise ValidationError("整改通知应来自一次监督检查或一次案卷评查")
    require_record(actor, source)
    not_future(issued_date, "下发日期")
    if due_date <= issued_date:
        raise ValidationError("整改期限应晚于下发日期")
    if inspection is not None and not inspection.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(f"{agency.name}不是该次监督检查的被检查单位")
    if campaign is not None and not campaign.case_files.filter(agency=agency).exists():
        raise ValidationError(f"本次评查没有{agency.name}的案卷")
    if not problems.strip():
        raise ValidationError("请填写存在问题及整改要求")
    notice = _saved(
        RectificationNotice(
            unit=source.unit,
            agency=agency,
            inspection=inspection,
            campaign=campaign,
            number=_next_number(source.unit, issued_date.year),
            problems=problems.strip(),
            issued_date=issued_date,
            due_date=due_date,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="enforcement.notice",
        summary=f"向{agency.name}下发{notice.number}，整改期限{due_date:%Y-%m-%d}",
        target=notice,
        unit=notice.unit,
    )
    return notice


def campaign_problems(campaign: ReviewCampaign, agency: Unit) -> str:
    """The problems found in the agency's case files, for its rectification notice."""
    files = campaign.case_files.filter(agency=agency).exclude(problems="")
    return "\n".join(f"{f.file_number}（{f.total}分）：{f.problems}" for f in files)


@service
def respond_notice(
    *, actor, notice: RectificationNotice, responded_date: datetime.date, response: str
) -> RectificationNotice:
    """The agency's 整改报告, as received by the bureau."""
    require_record(actor, notice)
    if notice.status != NoticeStatus.ISSUED:
        raise ValidationError("该通知已反馈整改情况")
    not_future(responded_date, "反馈日期")
    if responded_date < notice.issued_date:
        raise ValidationError("反馈日期不能早于下发日期")
    if not response.strip():
        raise ValidationError("请填写整改情况")
    notice.status, notice.responded_date, notice.response = (
        NoticeStatus.RESPONDED,
        responded_date,
        response.strip(),
    )
    _saved(notice)
    late = responded_date > notice.due_date
    record_event(
        actor=actor,
        action="enforcement.notice_response",
        summary=f"{notice.agency.name}反馈整改情况" + ("（逾期）" if late else ""),
        target=notice,
        unit=notice.unit,
        data={"late": late},
    )
    return notice


@service
def close_notice(
    *, actor, notice: RectificationNotice, closed_date: datetime.date
) -> RectificationNotice:
    """销号 once the bureau has checked the rectification."""
    require_record(actor, notice)
    if notice.status != NoticeStatus.RESPONDED:
        raise ValidationError("整改单位反馈整改情况后方可销号")
    not_future(closed_date, "销号日期")
    if closed_date < notice.responded_date:
        raise ValidationError("销号日期不能早于反馈日期")
    notice.status, notice.closed_date = NoticeStatus.CLOSED, closed_date
    _saved(notice)
    record_event(
        actor=actor,
        action="enforcement.notice_close",
        summary=f"{notice.number}整改销号",
        target=notice,
        unit=notice.unit,
    )
    return notice
