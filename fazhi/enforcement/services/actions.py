"""Enforcement actions and their 三项制度 records (公示, 全过程记录, 法制审核), the decision,
and the import of an agency's historical ledger."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import add_days, add_working_days, date_or_none, shift_years
from fazhi.core.guards import not_future, require_unit, saved
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.roles import WorkLine

from .. import imports
from ..models.actions import ActionKind, ActionStatus, EnforcementAction, PenaltyOutcome, RevokedBy
from ..models.agencies import MajorDecisionItem, Officer
from ..models.penalty_lists import ListCategory, ListStatus, PenaltyListItem
from ..selectors.penalty_lists import region_list_items
from ..workflow import ACTION_FLOW
from .agencies import check_officers


@service
def register_action(
    *,
    actor,
    unit: Unit,
    kind: str,
    number: str,
    party: str,
    summary: str,
    started_date: datetime.date,
    officers,
    major_item: MajorDecisionItem | None = None,
    offence_date: datetime.date | None = None,
    discovered_date: datetime.date | None = None,
    limitation_extended: bool = False,
) -> EnforcementAction:
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    not_future(started_date, "立案日期")
    if offence_date is not None:
        not_future(offence_date, "违法行为发生（终了）日期")
        if offence_date > (discovered_date or started_date):
            raise ValidationError("违法行为发生（终了）日期不能晚于发现日期和立案日期")
    if discovered_date is not None and discovered_date > started_date:
        raise ValidationError("违法行为被发现日期不能晚于立案日期")
    officers = check_officers(officers, unit, started_date, label="执法行为")
    if major_item is not None and major_item.unit_id != unit.pk:
        raise ValidationError("重大执法决定事项应取自本单位的目录")
    if EnforcementAction.objects.filter(unit=unit, number=number.strip()).exists():
        raise ValidationError(f"“{unit.name}”已登记案件编号{number.strip()}")
    enforcement_action = saved(
        EnforcementAction(
            unit=unit,
            kind=kind,
            number=number.strip(),
            party=party.strip(),
            summary=summary.strip(),
            started_date=started_date,
            major_item=major_item,
            offence_date=offence_date,
            discovered_date=discovered_date,
            limitation_extended=limitation_extended,
            created_by=actor,
        )
    )
    enforcement_action.officers.set(officers)
    record_event(
        actor=actor,
        action="enforcement.action",
        summary=f"登记{enforcement_action.get_kind_display()}{enforcement_action.number}（{enforcement_action.party}）"
        + ("，属重大执法决定" if major_item else ""),
        target=enforcement_action,
        unit=unit,
        data={"officers": [o.pk for o in officers]},
    )
    return enforcement_action


@service
def record_publicity(
    *, actor, enforcement_action: EnforcementAction, stage: str, date: datetime.date, link: str
) -> EnforcementAction:
    """公示: 事前 (行政处罚法 第三十九条) or, for a decision, 事后 (第四十八条)."""
    step = "record_post_publicity" if stage == "post" else "record_publicity"
    ACTION_FLOW.check(enforcement_action, step, actor=actor)
    not_future(date, "公示日期")
    if stage == "post":
        if date < enforcement_action.decided_date:
            raise ValidationError("事后公示日期不能早于决定日期")
        enforcement_action.post_publicity_date, enforcement_action.post_publicity_link = (
            date,
            link.strip(),
        )
    elif stage == "pre":
        enforcement_action.pre_publicity_date, enforcement_action.pre_publicity_link = (
            date,
            link.strip(),
        )
    else:
        raise ValidationError("请选择事前公示或事后公示")
    saved(enforcement_action)
    record_event(
        actor=actor,
        action=f"enforcement.publicity.{stage}",
        summary=f"登记{'事前' if stage == 'pre' else '事后'}公示（{date:%Y-%m-%d}）",
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


@service
def record_recording(
    *, actor, enforcement_action: EnforcementAction, recording_forms: str, recording_location: str
) -> EnforcementAction:
    """执法全过程记录 (行政处罚法 第四十七条): what was recorded, and where it is archived."""
    ACTION_FLOW.check(enforcement_action, "record_recording", actor=actor)
    if not recording_forms.strip() or not recording_location.strip():
        raise ValidationError("请填写记录的形式和环节，以及归档保存的位置（行政处罚法 第四十七条）")
    enforcement_action.recording_forms, enforcement_action.recording_location = (
        recording_forms.strip(),
        recording_location.strip(),
    )
    saved(enforcement_action)
    record_event(
        actor=actor,
        action="enforcement.recording",
        summary=f"登记执法全过程记录：{enforcement_action.recording_forms}",
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


@service
def record_legal_review(
    *,
    actor,
    enforcement_action: EnforcementAction,
    reviewer: Officer,
    review_date: datetime.date,
    review_opinion: str,
    review_passed: bool,
) -> EnforcementAction:
    """重大执法决定法制审核 (行政处罚法 第五十八条) by the agency's 法制审核人员."""
    ACTION_FLOW.check(enforcement_action, "record_legal_review", actor=actor)
    not_future(review_date, "法制审核日期")
    if review_date < enforcement_action.started_date:
        raise ValidationError("法制审核日期不能早于立案日期")
    if reviewer.unit_id != enforcement_action.unit_id or not reviewer.is_legal_reviewer:
        raise ValidationError(f"{reviewer.name}不是{enforcement_action.unit.name}的法制审核人员")
    if reviewer.needs_legal_qualification() and not reviewer.has_legal_qualification:
        began = reviewer.legal_review_since
        raise ValidationError(
            f"{reviewer.name}"
            + (f"于{began:%Y-%m-%d}" if began else "未登记开始从事法制审核的日期，视为")
            + "初次从事行政处罚决定法制审核（2021年7月15日以后），应当取得法律职业资格"
            "（行政处罚法 第五十八条第二款）"
        )
    if not review_opinion.strip():
        raise ValidationError("请填写法制审核意见")
    enforcement_action.reviewer, enforcement_action.review_date = reviewer, review_date
    enforcement_action.review_opinion, enforcement_action.review_passed = (
        review_opinion.strip(),
        review_passed,
    )
    saved(enforcement_action)
    record_event(
        actor=actor,
        action="enforcement.legal_review",
        summary=f"法制审核{'通过' if review_passed else '未通过'}（审核人员：{reviewer.name}）",
        target=enforcement_action,
        unit=enforcement_action.unit,
    )
    return enforcement_action


OUTCOME_CATEGORY = {
    PenaltyOutcome.NO_PENALTY: ListCategory.NO_PENALTY,
    PenaltyOutcome.LIGHTER: ListCategory.LIGHTER,
    PenaltyOutcome.MITIGATED: ListCategory.MITIGATED,
}


def _check_list_item(
    enforcement_action: EnforcementAction, item: PenaltyListItem, outcome: str, day
) -> None:
    """A case recorded under a 免罚轻罚清单 item: a published list of the agency's region."""
    penalty_list = item.penalty_list
    if not enforcement_action.unit.path.startswith(penalty_list.region.path):
        raise ValidationError(f"“{penalty_list.title}”不适用于{enforcement_action.unit.name}")
    if penalty_list.status == ListStatus.DRAFT or penalty_list.published_date > day:
        raise ValidationError(f"“{penalty_list.title}”在决定日期尚未公布施行")
    if OUTCOME_CATEGORY.get(outcome) != item.category:
        raise ValidationError(
            f"清单第{item.number}项为{item.get_category_display()}事项，与处罚结果“{PenaltyOutcome(outcome).label}”不符"
        )


@service
def decide_action(
    *,
    actor,
    enforcement_action: EnforcementAction,
    decided_date: datetime.date,
    outcome: str = "",
    list_item: PenaltyListItem | None = None,
    education: str = "",
) -> EnforcementAction:
    """作出决定. 行政处罚法 第五十八条: 未经法制审核或者审核未通过的，不得作出决定."""
    step = ACTION_FLOW.check(enforcement_action, "decide_action", actor=actor)
    not_future(decided_date, "决定日期")
    if decided_date < enforcement_action.started_date:
        raise ValidationError("决定日期不能早于立案日期")
    if enforcement_action.is_major:
        if enforcement_action.review_passed is not True:
            raise ValidationError(
                f"“{enforcement_action.major_item.title}”属于重大执法决定，未经法制审核或者审核未通过的，不得作出决定（行政处罚法 第五十八条）"
            )
        if enforcement_action.review_date > decided_date:
            raise ValidationError("决定日期不能早于法制审核日期（行政处罚法 第五十八条）")
    if enforcement_action.kind == ActionKind.PENALTY:
        if outcome not in PenaltyOutcome.values:
            raise ValidationError("请选择处罚结果")
        _check_hearing_before_decision(enforcement_action, decided_date)
        if outcome != PenaltyOutcome.NO_PENALTY:
            _check_limitation(enforcement_action)
        # 行政处罚法 第三十三条第三款: 依法不予行政处罚的，行政机关应当对当事人进行教育.
        if outcome == PenaltyOutcome.NO_PENALTY and not education.strip():
            raise ValidationError(
                "不予行政处罚的，应当对当事人进行教育，请填写教育情况（行政处罚法 第三十三条第三款）"
            )
        if list_item is not None:
            _check_list_item(enforcement_action, list_item, outcome, decided_date)
    elif outcome or list_item is not None:
        raise ValidationError("只有行政处罚案件登记处罚结果和免罚轻罚清单事项")
    ACTION_FLOW.move(enforcement_action, step)
    enforcement_action.decided_date = decided_date
    enforcement_action.outcome, enforcement_action.list_item, enforcement_action.education = (
        outcome,
        list_item,
        education.strip(),
    )
    saved(enforcement_action)
    due = date_or_none(decision_due, enforcement_action)
    late = enforcement_action.kind == ActionKind.PENALTY and due is not None and decided_date > due
    record_event(
        actor=actor,
        action="enforcement.decide",
        summary=f"作出决定（{decided_date:%Y-%m-%d}）"
        + (f"：{enforcement_action.get_outcome_display()}" if outcome else "")
        + (f"，适用{list_item}" if list_item else "")
        + (f"，超过决定期限（{due:%Y-%m-%d}，行政处罚法 第六十条）" if late else ""),
        target=enforcement_action,
        unit=enforcement_action.unit,
        data={"late": late},
    )
    return enforcement_action


# — 行政处罚法 clocks of a penalty case. 第八十五条: 本法中“二日”“三日”“五日”“七日”的规定是指
#   工作日，不含法定节假日; the longer periods (九十日) are natural days, a last day on a
#   holiday moving to the next working day (民事诉讼法 第八十五条). —

# 第六十条: 行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。
DECISION_DAYS = 90
SERVICE_WORKING_DAYS = 7  # 第六十一条: 七日内……将行政处罚决定书送达当事人
HEARING_REQUEST_WORKING_DAYS = 5  # 第六十四条第一项: 告知后五日内提出
HEARING_NOTICE_WORKING_DAYS = 7  # 第六十四条第二项: 举行听证的七日前通知
WITHDRAWAL_WORKING_DAYS = 3  # 第四十八条第二款: 三日内撤回行政处罚决定信息
# 第三十六条: 二年内未被发现的，不再给予行政处罚; 涉及公民生命健康安全、金融安全且有危害后果的，
#   上述期限延长至五年.
LIMITATION_YEARS, EXTENDED_LIMITATION_YEARS = 2, 5


def decision_due(enforcement_action: EnforcementAction) -> datetime.date:
    """第六十条: ninety days from 立案, or the later date a law, regulation or rule allows."""
    if enforcement_action.decision_extended_until:
        return enforcement_action.decision_extended_until
    return add_days(enforcement_action.started_date, DECISION_DAYS)


def service_due(enforcement_action: EnforcementAction) -> datetime.date:
    return add_working_days(enforcement_action.decided_date, SERVICE_WORKING_DAYS)


def hearing_request_due(enforcement_action: EnforcementAction) -> datetime.date:
    return add_working_days(enforcement_action.hearing_informed_date, HEARING_REQUEST_WORKING_DAYS)


# 第六十四条第二项 “在举行听证的七日前”: seven whole working days lie between the notice and
# the hearing, the hearing day not counted (as for 复议 听证, reconsideration/deadlines.py);
# True counts the hearing day as the seventh (docs/rules.md).
HEARING_DAY_COUNTS = False


def earliest_hearing(notice_date: datetime.date) -> datetime.date:
    """The first day on which a hearing notified on `notice_date` may be held."""
    seventh = add_working_days(notice_date, HEARING_NOTICE_WORKING_DAYS)
    return seventh if HEARING_DAY_COUNTS else seventh + datetime.timedelta(days=1)


def withdrawal_due(enforcement_action: EnforcementAction) -> datetime.date:
    return add_working_days(enforcement_action.revoked_date, WITHDRAWAL_WORKING_DAYS)


def limitation_ends(enforcement_action: EnforcementAction) -> datetime.date | None:
    """第三十六条: calendar years from the offence (or its end); None when not recorded."""
    if enforcement_action.offence_date is None:
        return None
    years = (
        EXTENDED_LIMITATION_YEARS if enforcement_action.limitation_extended else LIMITATION_YEARS
    )
    return shift_years(enforcement_action.offence_date, years)


def _check_limitation(enforcement_action: EnforcementAction) -> None:
    ends = limitation_ends(enforcement_action)
    discovered = enforcement_action.discovered_date or enforcement_action.started_date
    if ends is not None and discovered > ends:
        years = "五" if enforcement_action.limitation_extended else "二"
        raise ValidationError(
            f"违法行为发生于{enforcement_action.offence_date:%Y-%m-%d}，在{years}年内"
            f"（至{ends:%Y-%m-%d}）未被发现，不再给予行政处罚（行政处罚法 第三十六条）"
        )


def _check_hearing_before_decision(enforcement_action, decided_date) -> None:
    """第六十四条、第六十五条: no decision while the party may still ask for a hearing, nor before
    the hearing it asked for."""
    if enforcement_action.hearing_informed_date and not enforcement_action.hearing_requested_date:
        due = hearing_request_due(enforcement_action)
        if decided_date <= due:
            raise ValidationError(
                f"当事人可以在告知后五日内（至{due:%Y-%m-%d}）要求听证，期满前不能作出决定"
                "（行政处罚法 第六十四条第一项）"
            )
    if enforcement_action.hearing_requested_date:
        held = enforcement_action.hearing_date
        if held is None or held > decided_date:
            raise ValidationError(
                "当事人要求听证的，应当在听证结束后根据听证笔录作出决定（行政处罚法 第六十五条）"
            )


def clocks(enforcement_action: EnforcementAction) -> list[dict]:
    """The record page's clocks: what is due when, on which article, whether it is met (None:
    not yet) and whether it is still `pending` (the due list's items). A date in a year whose
    holidays are not entered is None."""
    a = enforcement_action
    rows = []

    def row(key, label, compute, basis, done_date):
        due = date_or_none(compute, a)
        met = None if done_date is None or due is None else done_date <= due
        rows.append(
            {
                "key": key,
                "label": label,
                "due": due,
                "basis": basis,
                "done": done_date,
                "met": met,
                "pending": done_date is None,
            }
        )

    if a.kind != ActionKind.PENALTY:
        return rows
    if a.offence_date:
        rows.append(
            {
                "key": "limitation",
                "label": "追责期限（"
                + (
                    "五年：涉及生命健康安全、金融安全且有危害后果"
                    if a.limitation_extended
                    else "二年"
                )
                + "）",
                "due": limitation_ends(a),
                "basis": "行政处罚法 第三十六条",
                "done": a.discovered_date or a.started_date,
                "met": (a.discovered_date or a.started_date) <= limitation_ends(a),
                "pending": False,  # met or not once discovered: nothing falls due
            }
        )
    basis = "行政处罚法 第六十条" + (
        f"（延长：{a.decision_extension_basis}）" if a.decision_extended_until else ""
    )
    row("decision", "作出处罚决定", decision_due, basis, a.decided_date)
    if a.hearing_informed_date:
        row(
            "hearing_request",
            "当事人要求听证",
            hearing_request_due,
            "行政处罚法 第六十四条第一项",
            a.hearing_requested_date,
        )
    if a.hearing_date:
        rows.append(
            {
                "key": "hearing",
                "label": "举行听证（七日前通知）",
                "due": a.hearing_date,
                "basis": "行政处罚法 第六十四条第二项",
                "done": a.hearing_notice_date,
                "met": True,  # the notice's seven days are checked when it is recorded
                "pending": a.status == ActionStatus.OPEN,
            }
        )
    if a.decided_date:
        row(
            "service",
            "送达处罚决定书",
            service_due,
            "行政处罚法 第六十一条",
            a.decision_served_date,
        )
    if a.revoked_date and a.post_publicity_date:
        row(
            "withdrawal",
            "撤回公示的处罚决定信息",
            withdrawal_due,
            "行政处罚法 第四十八条第二款",
            a.publicity_withdrawn_date,
        )
    return rows


def _penalty_step(enforcement_action, action, actor):
    step = ACTION_FLOW.check(enforcement_action, action, actor=actor)
    if enforcement_action.kind != ActionKind.PENALTY:
        raise ValidationError(f"“{step.label}”仅适用于行政处罚案件（行政处罚法）")
    return step


def _clock_event(actor, enforcement_action, action, summary, **data):
    saved(enforcement_action)
    record_event(
        actor=actor,
        action=f"enforcement.{action}",
        summary=summary,
        target=enforcement_action,
        unit=enforcement_action.unit,
        data=data,
    )
    return enforcement_action


@service
def record_decision_extension(
    *, actor, enforcement_action: EnforcementAction, extended_until: datetime.date, basis: str
) -> EnforcementAction:
    """第六十条: 法律、法规、规章另有规定的，从其规定 — a longer period, on its stated basis."""
    _penalty_step(enforcement_action, "record_decision_extension", actor)
    if not basis.strip():
        raise ValidationError(
            "延长决定期限须有法律、法规、规章的规定，请写明依据（行政处罚法 第六十条）"
        )
    current = decision_due(enforcement_action)
    if extended_until <= current:
        raise ValidationError(f"延长后的决定期限应晚于现有期限（{current:%Y-%m-%d}）")
    enforcement_action.decision_extended_until = extended_until
    enforcement_action.decision_extension_basis = basis.strip()
    return _clock_event(
        actor,
        enforcement_action,
        "decision_extension",
        f"决定期限延长至{extended_until:%Y-%m-%d}（{basis.strip()}）",
    )


@service
def record_hearing_informed(
    *, actor, enforcement_action: EnforcementAction, hearing_informed_date: datetime.date
) -> EnforcementAction:
    """第六十三条、第六十四条: the party told of its right to a hearing; five working days run."""
    _penalty_step(enforcement_action, "record_hearing_informed", actor)
    not_future(hearing_informed_date, "告知听证权利日期")
    if hearing_informed_date < enforcement_action.started_date:
        raise ValidationError("告知听证权利日期不能早于立案日期")
    enforcement_action.hearing_informed_date = hearing_informed_date
    return _clock_event(
        actor,
        enforcement_action,
        "hearing_informed",
        f"告知当事人有要求听证的权利（{hearing_informed_date:%Y-%m-%d}）",
    )


@service
def record_hearing_request(
    *, actor, enforcement_action: EnforcementAction, hearing_requested_date: datetime.date
) -> EnforcementAction:
    """第六十四条第一项: 当事人要求听证的，应当在行政机关告知后五日内提出."""
    _penalty_step(enforcement_action, "record_hearing_request", actor)
    if enforcement_action.hearing_informed_date is None:
        raise ValidationError("请先登记告知听证权利的日期（行政处罚法 第六十四条第一项）")
    not_future(hearing_requested_date, "当事人要求听证日期")
    if hearing_requested_date < enforcement_action.hearing_informed_date:
        raise ValidationError("当事人要求听证日期不能早于告知日期")
    due = hearing_request_due(enforcement_action)
    if hearing_requested_date > due:
        raise ValidationError(
            f"当事人要求听证的，应当在行政机关告知后五日内（至{due:%Y-%m-%d}）提出"
            "（行政处罚法 第六十四条第一项）"
        )
    enforcement_action.hearing_requested_date = hearing_requested_date
    return _clock_event(
        actor,
        enforcement_action,
        "hearing_request",
        f"当事人要求听证（{hearing_requested_date:%Y-%m-%d}）",
    )


@service
def record_hearing_notice(
    *,
    actor,
    enforcement_action: EnforcementAction,
    hearing_notice_date: datetime.date,
    hearing_date: datetime.date,
) -> EnforcementAction:
    """第六十四条第二项: 行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点."""
    _penalty_step(enforcement_action, "record_hearing_notice", actor)
    if enforcement_action.hearing_requested_date is None:
        raise ValidationError("当事人未要求听证（行政处罚法 第六十四条第一项）")
    not_future(hearing_notice_date, "通知听证日期")
    if hearing_notice_date < enforcement_action.hearing_requested_date:
        raise ValidationError("通知听证日期不能早于当事人要求听证日期")
    earliest = earliest_hearing(hearing_notice_date)
    if hearing_date < earliest:
        raise ValidationError(
            f"应当在举行听证的七日前通知当事人及有关人员：{hearing_notice_date:%Y-%m-%d}通知的，"
            f"最早于{earliest:%Y-%m-%d}举行听证（行政处罚法 第六十四条第二项、第八十五条）"
        )
    enforcement_action.hearing_notice_date = hearing_notice_date
    enforcement_action.hearing_date = hearing_date
    return _clock_event(
        actor,
        enforcement_action,
        "hearing_notice",
        f"通知听证（{hearing_notice_date:%Y-%m-%d}），定于{hearing_date:%Y-%m-%d}举行",
    )


@service
def record_decision_served(
    *, actor, enforcement_action: EnforcementAction, decision_served_date: datetime.date
) -> EnforcementAction:
    """第六十一条: 当事人不在场的，七日内送达 (a late service is recorded, and marked late)."""
    _penalty_step(enforcement_action, "record_decision_served", actor)
    not_future(decision_served_date, "决定书送达日期")
    if decision_served_date < enforcement_action.decided_date:
        raise ValidationError("决定书送达日期不能早于决定日期")
    enforcement_action.decision_served_date = decision_served_date
    due = date_or_none(service_due, enforcement_action)
    late = due is not None and decision_served_date > due
    return _clock_event(
        actor,
        enforcement_action,
        "decision_served",
        f"送达行政处罚决定书（{decision_served_date:%Y-%m-%d}）"
        + (f"，超过七日送达期限（{due:%Y-%m-%d}，行政处罚法 第六十一条）" if late else ""),
        late=late,
    )


@service
def record_revocation(
    *,
    actor,
    enforcement_action: EnforcementAction,
    revoked_date: datetime.date,
    revoked_by: str,
) -> EnforcementAction:
    """The decision was changed, revoked or found unlawful or void in 复议 or in court; a
    published one must then be withdrawn within three working days (第四十八条第二款)."""
    _penalty_step(enforcement_action, "record_revocation", actor)
    if revoked_by not in RevokedBy.values:
        raise ValidationError("请选择行政复议或行政诉讼")
    not_future(revoked_date, "决定被变更、撤销日期")
    if revoked_date < enforcement_action.decided_date:
        raise ValidationError("决定被变更、撤销日期不能早于决定日期")
    enforcement_action.revoked_date, enforcement_action.revoked_by = revoked_date, revoked_by
    return _clock_event(
        actor,
        enforcement_action,
        "revocation",
        f"处罚决定经{RevokedBy(revoked_by).label}被依法变更、撤销或确认违法、无效（{revoked_date:%Y-%m-%d}）",
    )


@service
def record_publicity_withdrawn(
    *, actor, enforcement_action: EnforcementAction, publicity_withdrawn_date: datetime.date
) -> EnforcementAction:
    """第四十八条第二款: 三日内撤回行政处罚决定信息并公开说明理由."""
    _penalty_step(enforcement_action, "record_publicity_withdrawn", actor)
    if enforcement_action.revoked_date is None or enforcement_action.post_publicity_date is None:
        raise ValidationError(
            "只有已公开且被依法变更、撤销或确认违法、无效的处罚决定需要撤回（行政处罚法 第四十八条第二款）"
        )
    not_future(publicity_withdrawn_date, "撤回公示日期")
    if publicity_withdrawn_date < enforcement_action.revoked_date:
        raise ValidationError("撤回公示日期不能早于决定被变更、撤销日期")
    enforcement_action.publicity_withdrawn_date = publicity_withdrawn_date
    due = date_or_none(withdrawal_due, enforcement_action)
    late = due is not None and publicity_withdrawn_date > due
    return _clock_event(
        actor,
        enforcement_action,
        "publicity_withdrawn",
        f"撤回行政处罚决定信息并公开说明理由（{publicity_withdrawn_date:%Y-%m-%d}）"
        + (f"，超过三日期限（{due:%Y-%m-%d}，行政处罚法 第四十八条第二款）" if late else ""),
        late=late,
    )


@service
def import_actions(*, actor, unit: Unit, data) -> int:
    """导入历史执法记录 from an .xlsx ledger. Each row goes through the same steps as a record
    entered by hand (执法资格、法制审核、清单事项, with their articles); all rows or none."""
    require_unit(actor, unit, work_line=WorkLine.ENFORCEMENT)
    rows = imports.ACTIONS.read_rows(data)
    names: dict[str, list[Officer]] = {}
    for officer in Officer.objects.restrict(actor).filter(unit=unit):
        names.setdefault(officer.name, []).append(officer)
    majors = {
        item.title: item for item in MajorDecisionItem.objects.restrict(actor).filter(unit=unit)
    }
    items = {(i.penalty_list.version, i.number): i for i in region_list_items(actor, unit)}
    errors = []
    for row in rows:
        found, row_errors = _resolve_row(row, names, majors, items)
        if row_errors:
            errors += row_errors
            continue
        try:
            with transaction.atomic():  # a savepoint: a refused row leaves nothing behind
                _import_action(actor, unit, row, found)
        except ValidationError as error:
            errors += [RowError(row["row"], "整行", message) for message in error.messages]
    if errors:
        raise ImportRefused(errors)
    record_event(
        actor=actor,
        action="enforcement.import_actions",
        summary=f"导入历史执法记录{len(rows)}件",
        target=unit,
        unit=unit,
    )
    return len(rows)


def _resolve_row(row, names, majors, items):
    """The officers, catalogue entry and list item a row names, or the row's errors."""
    found, errors = {"officers": []}, []

    def officer(name, column):
        matches = names.get(name, [])
        if len(matches) != 1:
            problem = "本单位有重名的执法人员" if matches else "不是本单位登记的执法人员"
            errors.append(RowError(row["row"], column, f"“{name}”{problem}"))
            return None
        return matches[0]

    found["officers"] = [officer(name, "执法人员") for name in row["officers"]]
    found["reviewer"] = officer(row["reviewer"], "法制审核人员") if row["reviewer"] else None
    found["major_item"] = None
    if row["major_item"]:
        found["major_item"] = majors.get(row["major_item"])
        if found["major_item"] is None:
            errors.append(
                RowError(row["row"], "重大执法决定事项", "不在本单位的重大执法决定目录中")
            )
    found["list_item"] = None
    if row["list_item"]:
        found["list_item"] = items.get(row["list_item"])
        if found["list_item"] is None:
            version, number = row["list_item"]
            errors.append(
                RowError(row["row"], "适用清单事项", f"本区域没有已公布的{version}第{number}项")
            )
    return found, errors


def _import_action(actor, unit, row, found) -> None:
    enforcement_action = register_action(
        actor=actor,
        unit=unit,
        kind=row["kind"],
        number=row["number"],
        party=row["party"],
        summary=row["summary"],
        started_date=row["started_date"],
        officers=found["officers"],
        major_item=found["major_item"],
    )
    if row["pre_publicity_date"]:
        record_publicity(
            actor=actor,
            enforcement_action=enforcement_action,
            stage="pre",
            date=row["pre_publicity_date"],
            link=row["pre_publicity_link"] or "",
        )
    if row["recording_forms"] or row["recording_location"]:
        record_recording(
            actor=actor,
            enforcement_action=enforcement_action,
            recording_forms=row["recording_forms"] or "",
            recording_location=row["recording_location"] or "",
        )
    if found["reviewer"] is not None:
        if row["review_date"] is None:
            raise ValidationError("登记了法制审核人员的，请填写法制审核日期")
        record_legal_review(
            actor=actor,
            enforcement_action=enforcement_action,
            reviewer=found["reviewer"],
            review_date=row["review_date"],
            review_opinion=row["review_opinion"] or "",
            review_passed=bool(row["review_passed"]),
        )
    if row["decided_date"]:
        decide_action(
            actor=actor,
            enforcement_action=enforcement_action,
            decided_date=row["decided_date"],
            outcome=row["outcome"] or "",
            list_item=found["list_item"],
            education=row["education"] or "",
        )
    elif row["outcome"] or found["list_item"]:
        raise ValidationError("填写处罚结果或清单事项的，请填写决定日期")
    if row["post_publicity_date"]:
        record_publicity(
            actor=actor,
            enforcement_action=enforcement_action,
            stage="post",
            date=row["post_publicity_date"],
            link=row["post_publicity_link"] or "",
        )
