"""The statutory clocks of a 行政复议 case.

Each clock is computed from the case's recorded dates, stored on the case by every step
(so lists and the due list can filter on it) and can be recomputed from the timeline at
any time: `clocks(case)` is the single rule.

# 行政复议法 第八十八条: 本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，
#   不含法定休假日 — every other period (15, 30, 60 days) counts calendar days, and a
#   calendar period ending on a holiday ends on the next workday (民事诉讼法 第八十五条).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from fazhi.core.calendar import (
    CalendarYearUnknown,
    PendingDate,
    add_days,
    add_working_days,
    is_workday,
    pending_or_none,
    working_days_between,
)
from fazhi.core.deadlines import DueItem

from .models import ActKind, Procedure, State, Suspension

# 行政复议法 第三十条第一款: 收到行政复议申请后，应当在五日内进行审查 (also 第三十一条: 补正通知)
REVIEW_WORKDAYS = 5
# 第三十一条第二款: 申请人应当自收到补正通知之日起十日内提交补正材料
SUPPLEMENT_WORKDAYS = 10
# 第四十八条: 受理之日起七日内发送副本；收到副本之日起十日内答复. 第五十四条 (简易): 三日、五日.
COPY_WORKDAYS = {Procedure.ORDINARY: 7, Procedure.SIMPLE: 3}
REPLY_WORKDAYS = {Procedure.ORDINARY: 10, Procedure.SIMPLE: 5}
# 第六十二条: 普通程序自受理之日起六十日内决定（可延长不超过三十日）；简易程序三十日内
DECISION_DAYS = {Procedure.ORDINARY: 60, Procedure.SIMPLE: 30}
MAX_EXTENSION_DAYS = 30
# 第四十一条第一款第五项: 中止满六十日原因仍未消除的，终止
TERMINATION_PROMPT_DAYS = 60
# 第七十六条: 自收到意见书之日起六十日内报送纠正情况
OPINION_REPORT_DAYS = 60
# Whether the decision clock stops during 中止 (statutes.md, open question 4): it does.
PAUSE_DURING_SUSPENSION = True
# Whether the copy (第四十八条 7日/第五十四条 3日) and reply (10日/5日) clocks stop during 中止:
# the 2023 law is silent; read (docs/rules.md) as standing still like the decision clock, by
# the working days the suspension covered. False lets them run through a suspension.
PAUSE_COPY_REPLY_DURING_SUSPENSION = True
# 第五十一条第一款: 应当于举行听证的五日前……书面通知当事人. Read (docs/rules.md): five whole
# working days lie between the notice and the hearing, neither day counted; True counts the
# hearing day itself as the fifth day.
HEARING_NOTICE_WORKDAYS = 5
HEARING_DAY_COUNTS = False
# 第三十条第三款 视为受理: nobody assessed whether 第五十三条's 事实清楚、争议不大 holds, so the
# case is heard under 普通程序 (docs/rules.md); "by_act" applies 简易程序 when the act qualifies.
DEEMED_ACCEPTANCE_PROCEDURE = Procedure.ORDINARY


def acceptance_due(review_start: datetime.date) -> datetime.date:
    return add_working_days(review_start, REVIEW_WORKDAYS)


def supplement_notice_due(received: datetime.date) -> datetime.date:
    """第三十一条第一款: 补正通知 自收到申请之日起五日（工作日）内."""
    return add_working_days(received, REVIEW_WORKDAYS)


# 第三十二条第二款: 认为需要维持行政处罚决定的，应当自收到行政复议申请之日起五日内转送
FORWARDING_WORKDAYS = 5


def forwarding_due(case) -> datetime.date | None:
    if case.via_respondent_date is None:
        return None
    return add_working_days(case.via_respondent_date, FORWARDING_WORKDAYS)


def forwarded_late(case) -> bool:
    """Whether the penalty organ forwarded the application after its five working days."""
    if case.via_respondent_date is None:
        return False
    try:
        return case.received_date > forwarding_due(case)
    except CalendarYearUnknown:
        return False


def latest_hearing_notice(hearing: datetime.date) -> datetime.date:
    """The last day a 听证 notice may go out for a hearing on `hearing` (第五十一条第一款)."""
    day, counted = hearing, 0
    if HEARING_DAY_COUNTS and is_workday(hearing):
        counted = 1
    while counted < HEARING_NOTICE_WORKDAYS:
        day -= datetime.timedelta(days=1)
        counted += is_workday(day)
    return day - datetime.timedelta(days=1)


def deemed_acceptance_procedure(case, simple_ground: str | None) -> str:
    if DEEMED_ACCEPTANCE_PROCEDURE == "by_act" and simple_ground:
        return Procedure.SIMPLE
    return Procedure.ORDINARY


def supplement_due(notice_date: datetime.date, extra_workdays: int = 0) -> datetime.date:
    return add_working_days(notice_date, SUPPLEMENT_WORKDAYS + extra_workdays)


def suspended_days(case, until: datetime.date | None = None) -> int:
    """Calendar days the decision clock stood still (a running suspension up to `until`)."""
    if case.pk is None:
        return 0
    total = 0
    for suspension in case.suspensions.all():
        end = suspension.end_date or until
        if end is not None:
            total += (end - suspension.start_date).days
    return total


def _paused_working_days(case, start: datetime.date, workdays: int) -> datetime.date:
    """`workdays` working days from `start`, the working days of every ended 中止 that fell
    after `start` added (中止 day itself not paused, the 恢复 day paused — as the decision
    clock counts end - start days)."""
    due = add_working_days(start, workdays)
    if not PAUSE_COPY_REPLY_DURING_SUSPENSION or case.pk is None:
        return due
    for suspension in sorted(case.suspensions.all(), key=lambda s: s.start_date):
        if suspension.end_date is None or suspension.start_date >= due:
            continue
        paused = working_days_between(max(suspension.start_date, start), suspension.end_date)
        due = add_working_days(due, paused)
    return due


def reply_due(case) -> datetime.date | None:
    """第四十八条、第五十四条: 自收到申请书副本或者申请笔录复印件之日起 — from the respondent's
    recorded receipt; None until the receipt is recorded."""
    if case.copy_received_date is None:
        return None
    procedure = case.procedure or Procedure.ORDINARY
    return _paused_working_days(case, case.copy_received_date, REPLY_WORKDAYS[procedure])


def simple_due(case) -> datetime.date | None:
    """The 30 days of 简易程序 (第六十二条第二款) from acceptance, 中止 excluded."""
    if case.accepted_date is None:
        return None
    days = DECISION_DAYS[Procedure.SIMPLE]
    if PAUSE_DURING_SUSPENSION:
        days += suspended_days(case)
    return add_days(case.accepted_date, days)


def decision_due(case) -> datetime.date | None:
    if case.accepted_date is None or not case.procedure:
        return None
    days = DECISION_DAYS[case.procedure] + case.extension_days
    if PAUSE_DURING_SUSPENSION:
        days += suspended_days(case)
    return add_days(case.accepted_date, days)


CLOCK_FIELDS = ("acceptance_due", "copy_due", "reply_due", "decision_due")


def _clock_rules(case) -> dict:
    accepted = case.accepted_date
    procedure = case.procedure or Procedure.ORDINARY
    return {
        "acceptance_due": lambda: acceptance_due(case.review_start),
        "copy_due": lambda: (
            _paused_working_days(case, accepted, COPY_WORKDAYS[procedure]) if accepted else None
        ),
        "reply_due": lambda: reply_due(case),
        "decision_due": lambda: decision_due(case),
    }


def clocks(case) -> tuple[dict, list[str]]:
    """Every clock of the case from its recorded dates alone, and a warning for each clock
    that ends in a year whose holidays are not known yet (that clock is None, not a guess)."""
    values, warnings = {}, []
    for name, rule in _clock_rules(case).items():
        try:
            values[name] = rule()
        except CalendarYearUnknown as unknown:
            values[name] = None
            warnings.append(unknown.message)
    return values, sorted(set(warnings))


def refresh_clocks(case) -> None:
    """Store the clocks on the case (the caller saves it)."""
    values, _ = clocks(case)
    for name, value in values.items():
        setattr(case, name, value)


def decided_on_time(case, day: datetime.date) -> bool | None:
    """Whether a case concluded on `day` kept its decision period (None: cannot be known yet)."""
    if case.accepted_date is None:
        return None
    # 第五十五条、第六十二条第二款: a conversion after the 30 days of 简易程序 (recorded before the
    # guard existed) does not give the case the 60 days of 普通程序.
    if case.converted_date is not None:
        try:
            bound = simple_due(case)
        except CalendarYearUnknown:
            bound = None
        if bound is not None and case.converted_date > bound:
            return day <= bound
    if case.decision_due is not None:
        return day <= case.decision_due
    # The due day lies in a year not yet entered; a holiday can only move it later.
    days = DECISION_DAYS[case.procedure] + case.extension_days + suspended_days(case)
    return True if day <= case.accepted_date + datetime.timedelta(days=days) else None


@dataclass(frozen=True)
class Clock:
    label: str
    due: datetime.date
    basis: str
    done: bool
    paused: bool = False  # 中止: the review's clocks stand still
    pending: PendingDate | None = None  # ends in a year not entered; `due` is its bound

    def status(self, today: datetime.date) -> str:
        """red when overdue, yellow within three working days."""
        if self.done:
            return "done"
        if self.paused:
            return "paused"
        if self.pending is not None:
            return "pending"
        if self.due < today:
            return "red"
        return "yellow" if working_days_between(today, self.due) <= 3 else "green"

    def days_left(self, today: datetime.date) -> int:
        return (self.due - today).days


def _due(case, name: str) -> tuple[datetime.date | None, PendingDate | None]:
    """A stored clock, or the natural-day bound and PendingDate of one left open."""
    stored = getattr(case, name)
    if stored is not None:
        return stored, None
    pending = pending_or_none(_clock_rules(case)[name])
    return (pending.bound, pending) if pending else (None, None)


def running_clocks(case) -> list[Clock]:
    """The clocks shown on the case page, with whether each is satisfied or paused."""
    result = []
    acceptance, pending = (
        _due(case, "acceptance_due") if case.state == State.REGISTERED else (None, None)
    )
    if acceptance:
        result.append(Clock("受理审查", acceptance, "第三十条", False, pending=pending))
    if case.state == State.AWAITING_SUPPLEMENT and case.supplement_due:
        result.append(Clock("申请人补正", case.supplement_due, "第三十一条", False))
    if case.state in (State.HEARING, State.SUSPENDED):
        paused = case.state == State.SUSPENDED
        for label, name, done in (
            ("发送申请书副本", "copy_due", case.copy_sent_date),
            ("被申请人答复", "reply_due", case.reply_date),
        ):
            due, pending = _due(case, name)
            if due:
                result.append(Clock(label, due, "第四十八条", bool(done), paused, pending))
        due, pending = _due(case, "decision_due")
        if due:
            result.append(Clock("审理期限", due, "第六十二条", False, paused, pending))
    if case.performance_due and not case.performed_date:
        result.append(Clock("履行期限", case.performance_due, "第七十七条", False))
        if case.performance_order_due:
            result.append(Clock("责令限期履行", case.performance_order_due, "第七十七条", False))
    return result


def pre_review_ground(case) -> str | None:
    """第二十三条第一款: why the applicant had to come to 复议 before a court, or None."""
    if case.act_on_the_spot and case.act_kind in (ActKind.PENALTY, ActKind.WARNING):
        return "第二十三条第一款第一项（当场作出的行政处罚）"
    if case.act_kind == ActKind.NONPERFORMANCE:
        return "第二十三条第一款第三项（未履行法定职责）"
    if case.act_kind == ActKind.INFO_DISCLOSURE:
        return "第二十三条第一款第四项（政府信息不予公开）"
    if case.pre_review_by_law:
        return "第二十三条第一款第二项或者第五项（法律、行政法规规定）"
    return None


SUIT_DAYS = 15


def suit_window(case) -> tuple[datetime.date, str] | None:
    """The applicant's fifteen days to sue, from receipt of the decision or the refusal.

    # 行政复议法 第三十四条: 复议前置 … 决定不予受理、驳回申请 … 自收到决定书之日起 … 十五日内
    # 行政诉讼法 第四十五条: 不服复议决定的 … 在收到复议决定书之日起十五日内向人民法院提起诉讼
    The receipt is the recorded 送达 of the decision (the case's 送达日期) or of the
    不予受理决定书; none recorded, no window shown. A clock for the applicant, not a duty of
    the office: shown on the case page, not on the due list.
    """
    served = None
    if case.state == State.CLOSED:
        served = case.served_date
    elif case.state == State.NOT_ACCEPTED and case.pk:
        services = [
            service.served_date
            for document in case.documents.all()
            if document.kind == "refusal"
            for service in document.services.all()
        ]
        served = min(services, default=None)
    if served is None:
        return None
    basis = "第三十四条" if pre_review_ground(case) else "行政诉讼法第四十五条"
    try:
        return add_days(served, SUIT_DAYS), basis
    except CalendarYearUnknown:
        return None


def termination_prompt_due(suspension: Suspension) -> datetime.date | None:
    if suspension.ground in Suspension.TERMINATING_GROUNDS and suspension.end_date is None:
        return add_days(suspension.start_date, TERMINATION_PROMPT_DAYS)
    return None


def opinion_report_due(issued: datetime.date) -> datetime.date | None:
    """None while the day falls in a year whose holidays are not entered yet."""
    try:
        return add_days(issued, OPINION_REPORT_DAYS)
    except CalendarYearUnknown:
        return None


def due_items(user, today: datetime.date, horizon: datetime.date):
    """待办: the running clocks of the open cases the user may handle."""
    from .selectors import cases_with_running_clocks

    # In chunks: the due list stops reading once it has enough.
    for case in cases_with_running_clocks(user, horizon).iterator(chunk_size=100):
        url = reverse("reconsideration:case_detail", kwargs={"pk": case.pk})
        if case.acceptance_due is None or (case.accepted_date and case.decision_due is None):
            yield from clocks(case)[1]  # a clock that ends in a year not yet entered
        for clock in running_clocks(case):
            if not (clock.done or clock.paused):
                yield DueItem(
                    title=f"{case.number} {case.applicant_names} · {clock.label}",
                    due_date=clock.due,
                    url=url,
                    work_line="行政复议",
                    basis=f"行政复议法 {clock.basis}",
                    pending=clock.pending,
                )
        for suspension in case.suspensions.all():
            prompt = termination_prompt_due(suspension)
            if prompt:
                yield DueItem(
                    title=f"{case.number} 中止满六十日，审查是否终止",
                    due_date=prompt,
                    url=url,
                    work_line="行政复议",
                    basis="行政复议法 第四十一条第一款第五项",
                )


def fill_open_clocks(*, year: int, actor, **kwargs) -> None:
    """Once a year's holidays are entered, compute the clocks that were left open for it."""
    from .models import Case, OpinionLetter

    open_clock = Q(acceptance_due__isnull=True) | Q(
        accepted_date__isnull=False, decision_due__isnull=True
    )
    open_clock |= Q(accepted_date__isnull=False, copy_due__isnull=True)
    open_clock |= Q(copy_received_date__isnull=False, reply_due__isnull=True)
    for case in Case.objects.filter(open_clock).prefetch_related("suspensions"):
        before = [getattr(case, name) for name in CLOCK_FIELDS]
        refresh_clocks(case)
        if [getattr(case, name) for name in CLOCK_FIELDS] != before:
            case.save()
    for letter in OpinionLetter.objects.filter(
        kind=OpinionLetter.Kind.OPINION, report_due__isnull=True, received_date__isnull=False
    ):
        letter.report_due = opinion_report_due(letter.received_date)
        if letter.report_due is not None:
            letter.save()
