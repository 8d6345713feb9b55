"""Every state change of the 行政应诉 records: one audited, atomic function per step."""

import datetime
import re

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import add_days, date_or_none
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.guards import today as guards_today
from fazhi.core.models import Unit
from fazhi.core.roles import Action

from .models import (
    Appeal,
    Attendance,
    DefendantRole,
    Hearing,
    JudgmentType,
    JudicialSuggestion,
    Lawsuit,
    TrialLevel,
    head_duty_fulfilled,
    is_loss,
)
from .workflow import LAWSUIT_FLOW

# 行政诉讼法 第六十七条: 被告应当在收到起诉状副本之日起十五日内……提出答辩状 (calendar days).
ANSWER_DAYS = 15

# 最高人民法院关于人民法院案件案号的若干规定 with its 案件类型代字标准: 行初 = 行政一审,
# 行终 = 行政二审, 行再 = 行政再审.
CASE_NUMBER = re.compile(r"^（\d{4}）\S+?(行[初终再])\d+号$")
LEVEL_CODES = {"行初": TrialLevel.FIRST, "行终": TrialLevel.SECOND, "行再": TrialLevel.RETRIAL}


def _not_before_filing(day: datetime.date, label: str, lawsuit: Lawsuit) -> None:
    if day < lawsuit.filed_date:
        raise ValidationError(
            f"{label}（{day:%Y-%m-%d}）不能早于立案日期（{lawsuit.filed_date:%Y-%m-%d}）"
        )


def normalize_case_number(case_number: str, trial_level: str) -> str:
    """The 案号 in full-width brackets, checked against the chosen 审级."""
    number = re.sub(r"\s+", "", case_number).replace("(", "（").replace(")", "）")
    match = CASE_NUMBER.match(number)
    if match is None:
        raise ValidationError(f"案号“{case_number}”格式不正确，应如“（2025）鲁0402行初12号”")
    code = match.group(1)
    if LEVEL_CODES[code] != trial_level:
        raise ValidationError(
            f"案号中的“{code}”表示{LEVEL_CODES[code].label}，"
            f"与所选审级“{TrialLevel(trial_level).label}”不符"
        )
    return number


def answer_due(served_date: datetime.date) -> datetime.date:
    """15 days from service; a last day on a holiday rolls over (民事诉讼法 第八十五条).

    A year the calendar does not know raises CalendarYearUnknown; registration then leaves
    the period open until the year is entered (see `fill_open_answer_periods`).
    """
    return add_days(served_date, ANSWER_DAYS)


def _prior_case(unit: Unit, number: str | None):
    """The 复议 case of that number in the defendant's own area, if it is on file."""
    if not (number or "").strip():
        return None
    from fazhi.reconsideration.models import Case

    area = unit if unit.is_area else unit.parent
    found = list(Case.objects.filter(unit__path__startswith=area.path, number=number.strip())[:2])
    return found[0] if len(found) == 1 else None


@service
def register_lawsuit(
    *,
    actor,
    unit: Unit,
    case_number: str,
    court: str,
    plaintiff: str,
    contested_act: str,
    trial_level: str,
    filed_date: datetime.date,
    served_date: datetime.date,
    defendant_role: str = DefendantRole.SOLE,
    prior_reconsideration_number: str | None = None,
    handler=None,
) -> Lawsuit:
    """Register a suit against `unit` once the court has served the complaint on it."""
    require_line(actor, Lawsuit.work_line)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记应诉案件")
    if unit.is_area:
        raise ValidationError(f"被告应为行政机关，“{unit.name}”是行政区划")
    number = normalize_case_number(case_number, trial_level)
    not_future(filed_date, "立案日期")
    not_future(served_date, "收到起诉状副本日期")
    if served_date < filed_date:
        raise ValidationError("收到起诉状副本日期不能早于法院立案日期")
    if Lawsuit.objects.filter(unit=unit, case_number=number).exists():
        raise ValidationError(f"“{unit.name}”已登记案号{number}")
    lawsuit = Lawsuit(
        unit=unit,
        case_number=number,
        court=court.strip(),
        plaintiff=plaintiff.strip(),
        contested_act=contested_act.strip(),
        trial_level=trial_level,
        filed_date=filed_date,
        served_date=served_date,
        answer_due=date_or_none(answer_due, served_date),
        defendant_role=defendant_role,
        prior_reconsideration_number=(prior_reconsideration_number or "").strip() or None,
        prior_case=_prior_case(unit, prior_reconsideration_number),
        handler=handler or actor,
        created_by=actor,
    )
    saved(lawsuit)
    record_event(
        actor=actor,
        action="litigation.register",
        summary=f"登记行政应诉案件{number}（{lawsuit.plaintiff}诉{unit.name}）",
        target=lawsuit,
        unit=unit,
        data={"answer_due": lawsuit.answer_due.isoformat() if lawsuit.answer_due else None},
    )
    return lawsuit


@service
def record_answer_filed(*, actor, lawsuit: Lawsuit, answer_filed_date: datetime.date) -> Lawsuit:
    """The 答辩状 and the evidence went to the court (行政诉讼法 第六十七条)."""
    LAWSUIT_FLOW.check(lawsuit, "record_answer_filed", actor=actor)
    if lawsuit.answer_filed_date is not None:
        raise ValidationError(f"已于{lawsuit.answer_filed_date:%Y-%m-%d}登记提交答辩状")
    not_future(answer_filed_date, "提交答辩状日期")
    if answer_filed_date < lawsuit.served_date:
        raise ValidationError("提交答辩状日期不能早于收到起诉状副本日期")
    lawsuit.answer_filed_date = answer_filed_date
    lawsuit.save()
    late = lawsuit.answer_due is not None and answer_filed_date > lawsuit.answer_due
    record_event(
        actor=actor,
        action="litigation.answer",
        summary=f"提交答辩状和证据（{answer_filed_date:%Y-%m-%d}）{'，已逾期' if late else ''}",
        target=lawsuit,
        unit=lawsuit.unit,
        data={"late": late},
    )
    return lawsuit


@service
def record_hearing(
    *,
    actor,
    lawsuit: Lawsuit,
    date: datetime.date,
    attendance: str,
    head_summoned: bool = False,
    head_name: str = "",
    head_post: str = "",
    head_post_kind: str = "",
    head_id_proof: bool = False,
    staff_name: str = "",
    absence_reason: str = "",
    absence_proof: bool = False,
    lawyer: str = "",
    note: str = "",
) -> Hearing:
    """Record a hearing and who appeared; `hearing.issues()` says what falls short.

    A 负责人 without ID proof is recorded as such but counts as not appeared (规定 第六条).
    """
    LAWSUIT_FLOW.check(lawsuit, "record_hearing", actor=actor)
    not_future(date, "开庭日期")
    _not_before_filing(date, "开庭日期", lawsuit)
    if lawsuit.concluded_date and date > lawsuit.concluded_date:
        raise ValidationError(f"开庭日期不能晚于结案日期（{lawsuit.concluded_date:%Y-%m-%d}）")
    head = attendance == Attendance.HEAD
    if head and not (head_name.strip() and head_post.strip() and head_post_kind):
        raise ValidationError("负责人出庭的，请填写负责人姓名、职务和负责人类别")
    if attendance == Attendance.STAFF and not staff_name.strip():
        raise ValidationError("请填写出庭的工作人员")
    if attendance == Attendance.LAWYER_ONLY and not lawyer.strip():
        raise ValidationError("请填写出庭的律师")
    # Only the fields of the chosen attendance are kept: no stale 负责人 on a staff hearing.
    hearing = Hearing(
        lawsuit=lawsuit,
        date=date,
        attendance=attendance,
        head_summoned=head_summoned,
        head_name=head_name.strip() if head else "",
        head_post=head_post.strip() if head else "",
        head_post_kind=head_post_kind if head else "",
        head_id_proof=head_id_proof if head else False,
        staff_name=staff_name.strip() if not head else "",
        absence_reason=absence_reason if not head else "",
        absence_proof=absence_proof if not head else False,
        lawyer=lawyer.strip(),
        note=note.strip(),
        head_appeared=Hearing.counts_as_head(attendance, head_post_kind, head_id_proof),
        recorded_by=actor,
    )
    saved(hearing)
    hearings = list(lawsuit.hearings.all())
    level_record = (min(h.date for h in hearings), head_duty_fulfilled(hearings))
    # Saved only on a change: an unchanged save would be a write without an audit entry.
    if level_record != (lawsuit.first_hearing_date, lawsuit.head_appeared):
        lawsuit.first_hearing_date, lawsuit.head_appeared = level_record
        lawsuit.save()
    issues = hearing.issues()
    record_event(
        actor=actor,
        action="litigation.hearing",
        summary=f"登记庭审（{date:%Y-%m-%d}）：{hearing.get_attendance_display()}"
        + ("，计入负责人出庭" if hearing.head_appeared else ""),
        target=lawsuit,
        unit=lawsuit.unit,
        data={"hearing": hearing.pk, "head_appeared": hearing.head_appeared, "issues": issues},
    )
    return hearing


@service
def record_judgment(
    *, actor, lawsuit: Lawsuit, judgment_type: str, concluded_date: datetime.date
) -> Lawsuit:
    """The judgment or ruling that ends this 审级; 败诉 follows from its type."""
    step = LAWSUIT_FLOW.check(lawsuit, "record_judgment", actor=actor)
    if judgment_type == JudgmentType.WITHDRAWN:
        raise ValidationError("原告撤诉的，请通过“登记撤诉”办理")
    if judgment_type not in JudgmentType.values:
        raise ValidationError("请选择有效的裁判结果")
    not_future(concluded_date, "裁判日期")
    _not_before_filing(concluded_date, "裁判日期", lawsuit)
    LAWSUIT_FLOW.move(lawsuit, step)
    lawsuit.judgment_type = judgment_type
    lawsuit.concluded_date = concluded_date
    lawsuit.lost = is_loss(judgment_type)
    saved(lawsuit)
    record_event(
        actor=actor,
        action="litigation.judgment",
        summary=f"登记裁判结果：{lawsuit.get_judgment_type_display()}"
        + ("（败诉）" if lawsuit.lost else ""),
        target=lawsuit,
        unit=lawsuit.unit,
        data={"judgment_type": judgment_type, "lost": lawsuit.lost},
    )
    return lawsuit


@service
def record_withdrawal(
    *, actor, lawsuit: Lawsuit, withdrawal_date: datetime.date, reason: str
) -> Lawsuit:
    """The plaintiff withdrew (准予撤诉 or 按撤诉处理): concluded, but neither won nor lost."""
    step = LAWSUIT_FLOW.check(lawsuit, "record_withdrawal", actor=actor)
    if not reason.strip():
        raise ValidationError("请填写撤诉的原因（如被告改变被诉行政行为后原告申请撤诉）")
    not_future(withdrawal_date, "撤诉裁定日期")
    _not_before_filing(withdrawal_date, "撤诉裁定日期", lawsuit)
    LAWSUIT_FLOW.move(lawsuit, step)
    lawsuit.judgment_type = JudgmentType.WITHDRAWN
    lawsuit.concluded_date = withdrawal_date
    lawsuit.lost = False
    saved(lawsuit)
    record_event(
        actor=actor,
        action="litigation.withdrawal",
        summary=f"原告撤诉（{withdrawal_date:%Y-%m-%d}）",
        target=lawsuit,
        unit=lawsuit.unit,
        reason=reason.strip(),
    )
    return lawsuit


@service
def record_judicial_suggestion(
    *,
    actor,
    lawsuit: Lawsuit,
    received_date: datetime.date,
    ground: str,
    content: str,
    court: str = "",
) -> JudicialSuggestion:
    """A 司法建议 received about the suit (规定 第十二条; 行政诉讼法 第六十六条第二款)."""
    LAWSUIT_FLOW.check(lawsuit, "record_judicial_suggestion", actor=actor)
    not_future(received_date, "收到司法建议日期")
    _not_before_filing(received_date, "收到司法建议日期", lawsuit)
    if not content.strip():
        raise ValidationError("请填写司法建议的内容")
    suggestion = JudicialSuggestion(
        lawsuit=lawsuit,
        received_date=received_date,
        court=court.strip() or lawsuit.court,
        ground=ground,
        content=content.strip(),
        created_by=actor,
    )
    saved(suggestion)
    record_event(
        actor=actor,
        action="litigation.judicial_suggestion",
        summary=f"收到司法建议：{suggestion.get_ground_display()}",
        target=lawsuit,
        unit=lawsuit.unit,
        data={"suggestion": suggestion.pk},
    )
    return suggestion


def appeal_due(lawsuit: Lawsuit, served: datetime.date) -> datetime.date:
    """行政诉讼法 第八十五条: 判决书送达之日起十五日内, 裁定书送达之日起十日内 (natural days;
    a last day on a holiday rolls over, 民事诉讼法 第八十五条)."""
    return add_days(served, lawsuit.appeal_days)


@service
def record_judgment_served(
    *, actor, lawsuit: Lawsuit, judgment_served_date: datetime.date
) -> Lawsuit:
    """The 判决书/裁定书 was served on the agency: the appeal clock starts (第八十五条)."""
    LAWSUIT_FLOW.check(lawsuit, "record_judgment_served", actor=actor)
    if lawsuit.appeal_days is None:
        raise ValidationError(
            "只有第一审判决和可以上诉的第一审裁定（驳回起诉）有上诉期限（行政诉讼法 第八十五条）"
        )
    if lawsuit.judgment_served_date is not None:
        raise ValidationError(f"已登记裁判文书于{lawsuit.judgment_served_date:%Y-%m-%d}送达")
    not_future(judgment_served_date, "裁判文书送达日期")
    if judgment_served_date < lawsuit.concluded_date:
        raise ValidationError(
            f"裁判文书送达日期不能早于裁判日期（{lawsuit.concluded_date:%Y-%m-%d}）"
        )
    lawsuit.judgment_served_date = judgment_served_date
    lawsuit.appeal_due = date_or_none(appeal_due, lawsuit, judgment_served_date)
    saved(lawsuit)
    record_event(
        actor=actor,
        action="litigation.judgment_served",
        summary=f"裁判文书送达（{judgment_served_date:%Y-%m-%d}），上诉期限"
        + (f"至{lawsuit.appeal_due:%Y-%m-%d}" if lawsuit.appeal_due else "待录入节假日安排后计算"),
        target=lawsuit,
        unit=lawsuit.unit,
        data={"appeal_due": lawsuit.appeal_due.isoformat() if lawsuit.appeal_due else None},
    )
    return lawsuit


@service
def record_appeal(
    *,
    actor,
    lawsuit: Lawsuit,
    appeal: str,
    appeal_date: datetime.date | None = None,
) -> Lawsuit:
    """Whether the first-instance judgment was appealed (by either party) within the period
    of 行政诉讼法 第八十五条; 逾期不提起上诉的，第一审判决或者裁定发生法律效力."""
    LAWSUIT_FLOW.check(lawsuit, "record_appeal", actor=actor)
    if lawsuit.judgment_served_date is None:
        raise ValidationError(
            "请先登记裁判文书送达日期：上诉期限自送达之日起计算（行政诉讼法 第八十五条）"
        )
    if lawsuit.appeal:
        raise ValidationError(f"已登记：{lawsuit.get_appeal_display()}")
    if lawsuit.appeal_due is None:
        raise ValidationError("上诉期限所在年度的节假日安排尚未录入，录入后方可登记")
    if appeal == Appeal.APPEALED:
        if appeal_date is None:
            raise ValidationError("请填写提起上诉的日期")
        not_future(appeal_date, "提起上诉日期")
        if appeal_date < lawsuit.judgment_served_date:
            raise ValidationError("提起上诉日期不能早于裁判文书送达日期")
        if appeal_date > lawsuit.appeal_due:
            raise ValidationError(
                f"上诉期限已于{lawsuit.appeal_due:%Y-%m-%d}届满，逾期不提起上诉的，"
                "第一审判决或者裁定发生法律效力（行政诉讼法 第八十五条）"
            )
    elif appeal == Appeal.NOT_APPEALED:
        if appeal_date is not None:
            raise ValidationError("未上诉的，不填写提起上诉日期")
        if guards_today() <= lawsuit.appeal_due:
            raise ValidationError(
                f"上诉期限{lawsuit.appeal_due:%Y-%m-%d}届满前，不能登记未上诉（行政诉讼法 第八十五条）"
            )
    else:
        raise ValidationError("请选择是否上诉")
    lawsuit.appeal, lawsuit.appeal_date = appeal, appeal_date
    saved(lawsuit)
    record_event(
        actor=actor,
        action="litigation.appeal",
        summary=lawsuit.get_appeal_display()
        + (f"（{appeal_date:%Y-%m-%d}）" if appeal_date else ""),
        target=lawsuit,
        unit=lawsuit.unit,
        data={"appeal": appeal},
    )
    return lawsuit


def fill_open_periods(*, year: int, actor, **kwargs) -> None:
    """Once a year's holidays are entered, compute the 答辩期限 and 上诉期限 left open."""
    for lawsuit in Lawsuit.objects.filter(answer_due__isnull=True):
        lawsuit.answer_due = date_or_none(answer_due, lawsuit.served_date)
        if lawsuit.answer_due is not None:
            lawsuit.save()
    for lawsuit in Lawsuit.objects.filter(
        appeal_due__isnull=True, judgment_served_date__isnull=False
    ):
        lawsuit.appeal_due = date_or_none(appeal_due, lawsuit, lawsuit.judgment_served_date)
        if lawsuit.appeal_due is not None:
            lawsuit.save()
