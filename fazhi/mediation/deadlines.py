"""The 人民调解 clocks: the mediation period of a dispute, the 30 days to apply for 司法确认,
the court's acceptance and decision periods, the risk grades' handling days and the 备案
period; and the due list's items for them. The readings are in docs/rules.md (人民调解).

Settings (module constants, changed here):
- `MEDIATION_MONTHS` (1): 宁波市人民调解条例 第二十七条 "一般应当在一个月内调结" (also 人民调解
  工作若干规定 第三十六条 [S]); a month counted as the same day of the next month (31 January
  → 28/29 February), not moved off holidays (no court period).
- `FILING_WORKING_DAYS` (30): 宁波市人民调解条例 第十三条 (a local rule; 人民调解法 第十条 sets
  no period).
- `RISK_HANDLING_DAYS`: the 红/橙/黄 grades [S 临海]: red and orange the same day, yellow 3 days.
- `PETITION_ROLLOVER` (True): whether a 信访 period whose last day is a 法定休假日 ends on the
  next working day — the same question for every 信访 period here (转送交办 15 日, 办理 60 日 + 延长
  30 日, 复查/复核 30 日). 信访工作条例 第二十二、三十四、三十五、三十六条 fix 日 (calendar days:
  the 条例 says 工作日 where it means them, 第二十三条第三款) but say nothing of counting; the
  default reads them as 民事诉讼法 第八十五条 counts (start day not counted, holiday end
  moved), False counts plain natural days. See docs/rules.md (信访复查、复核).
"""

import calendar as month_calendar
import datetime

from django.urls import reverse

from fazhi.core.calendar import add_days, add_working_days, pending_or_none
from fazhi.core.deadlines import DueItem

from . import selectors
from .models import COURT_SOURCES, Risk, Source

MEDIATION_MONTHS = 1
FILING_WORKING_DAYS = 30
RISK_HANDLING_DAYS = {Risk.RED: 0, Risk.ORANGE: 0, Risk.YELLOW: 3}
# 人民调解法 第三十三条: 自调解协议生效之日起三十日内共同向人民法院申请司法确认.
CONFIRMATION_DAYS = 30
# 最高人民法院关于人民调解协议司法确认程序的若干规定 第四条 (三日内决定是否受理), 第五条
# (受理之日起十五日内作出决定；经院长批准可以延长十日).
ACCEPTANCE_DAYS = 3
DECISION_DAYS = 15
DECISION_EXTENSION_DAYS = 10
# 最高人民法院关于人民法院特邀调解的规定 第二十七条: 委派调解 30日; 委托调解 15日 (简易程序 7日),
# from the day the mediator signed for the materials (the dispute's 受理日期).
COURT_DAYS = {"pre": 30, "post": 15, "post_simple": 7}
# 信访工作条例 第三十四条: 自受理之日起60日内办结 — the petition office's period, which the
# committee's feedback serves (counted from the office's handoff, or the intake).
PETITION_DAYS = 60
# 信访工作条例 第三十四条: 情况复杂的，经本机关、单位负责人批准，可以适当延长办理期限，但延长期限
# 不得超过30日，并告知信访人延期理由.
PETITION_EXTENSION_DAYS = 30
# 信访工作条例 第二十二条: 信访部门收到信访事项，应当予以登记，并区分情况，在15日内分别按照下列
# 方式处理 (转送, 交办); 第二十三条第二款: 15日内书面告知.
ROUTE_DAYS = 15
# 信访工作条例 第三十五条: 自收到书面答复之日起30日内请求……复查; 自收到复查请求之日起30日内
# 提出复查意见. 第三十六条: 复核 the same, 听证所需时间不计算在前款规定的期限内.
REVIEW_REQUEST_DAYS = 30
REVIEW_OPINION_DAYS = 30
# 信访工作条例 第二十三条第三款: 对……转送、交办的信访事项，属于本机关、单位职权范围的，有关机关、
# 单位应当自收到之日起15日内书面告知信访人接收情况以及处理途径和程序.
NOTICE_DAYS = 15
PETITION_ROLLOVER = True
# 人民法院在线调解规则 第十二条: 收到……委派委托调解信息……后三个工作日内确认接受.
ONLINE_CONFIRM_WORKING_DAYS = 3
RETURNED_SOURCES = (Source.COURT_PRE_FILING, Source.COURT_POST_FILING, Source.PETITION)
LINE = "人民调解"


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, month_calendar.monthrange(year, month)[1])
    )


def mediation_due(received: datetime.date, source: str, simple: bool = False) -> datetime.date:
    """The end of the mediation period; a court's own period for the cases it refers."""
    if source == Source.COURT_PRE_FILING:
        return add_days(received, COURT_DAYS["pre"])
    if source == Source.COURT_POST_FILING:
        return add_days(received, COURT_DAYS["post_simple" if simple else "post"])
    return add_months(received, MEDIATION_MONTHS)


def mediation_basis(dispute) -> str:
    if dispute.source == Source.COURT_PRE_FILING:
        return "最高人民法院关于人民法院特邀调解的规定 第二十七条（委派调解三十日）"
    if dispute.source == Source.COURT_POST_FILING:
        days = COURT_DAYS["post_simple" if dispute.simple_procedure else "post"]
        return f"最高人民法院关于人民法院特邀调解的规定 第二十七条（委托调解{days}日）"
    return "宁波市人民调解条例 第二十七条（一般在一个月内调结，双方同意可以延长）"


def confirm_due(referred: datetime.date) -> datetime.date:
    return add_working_days(referred, ONLINE_CONFIRM_WORKING_DAYS)


def return_due(dispute) -> datetime.date | None:
    """When the result goes back to the referrer: the court's mediation period (特邀调解规定
    第二十七条), the petition office's 60 days (信访工作条例 第三十四条); None otherwise."""
    if dispute.source in COURT_SOURCES:
        return dispute.due_date
    if dispute.source == Source.PETITION:
        return petition_handling_due(dispute, dispute.petition_extension_days)
    return None


def petition_start(dispute) -> datetime.date:
    """The day the 60 days run from (自受理之日起): the office's handoff, or the intake."""
    return dispute.referred_date or dispute.received_date


def petition_handling_due(dispute, extension_days: int = 0) -> datetime.date:
    """信访工作条例 第三十四条: 60 days from 受理, an extension's days added to the period (one
    period of 60 + n days, counted once, not a second period after the first)."""
    return petition_days(petition_start(dispute), PETITION_DAYS + extension_days)


def route_due(registered: datetime.date) -> datetime.date:
    """信访工作条例 第二十二条: 登记 and 转送/交办 within 15 days of receiving the petition."""
    return petition_days(registered, ROUTE_DAYS)


def routes_due(user, today, horizon):
    """Petitions registered and not yet routed (信访工作条例 第二十二条), late ones included."""
    for dispute in selectors.routes_open(user, horizon):
        common = {
            "title": f"{dispute.number}信访事项转送、交办（{dispute.source_reference}）",
            "url": _url("mediation:dispute_detail", dispute.pk),
            "work_line": LINE,
            "basis": "信访工作条例 第二十二条",
        }
        yield from _clock(
            dispute.route_due, horizon, common, route_due, dispute.petition_registered_date
        )


def returns_due(user, today, horizon):
    """The feedback to the court or the petition office, until it is recorded."""
    for dispute in selectors.returns_open(user, horizon):
        extended = dispute.petition_extension_days
        yield DueItem(
            title=f"{dispute.number}向来源单位反馈调解结果（{dispute.source_reference}）"
            + (f"（经批准延长{extended}日）" if extended else ""),
            due_date=dispute.return_due,
            url=_url("mediation:dispute_detail", dispute.pk),
            work_line=LINE,
            basis="信访工作条例 第三十四条"
            if dispute.source == Source.PETITION
            else "最高人民法院关于人民法院特邀调解的规定 第二十七条",
        )


def _clock(stored, horizon, common: dict, compute, *args):
    """A period's due item: its stored last day; while that is None, the natural-day bound
    of a year whose holidays are not entered (pending), or — a row stored before the period
    was — the day computed now, if it is due by `horizon`."""
    if stored is not None:
        yield DueItem(due_date=stored, **common)
    elif pending := pending_or_none(compute, *args):
        yield DueItem(due_date=pending.bound, pending=pending, **common)
    elif (due := compute(*args)) <= horizon:
        yield DueItem(due_date=due, **common)


def notice_due(dispute) -> datetime.date:
    """信访工作条例 第二十三条第三款: the written notice to the petitioner, 15 days from the
    receiving body's receipt (the office's handoff, or the intake)."""
    return petition_days(petition_start(dispute), NOTICE_DAYS)


def notices_due(user, today, horizon):
    """The written notice (书面告知) owed to the petitioner, until recorded or the result is
    fed back; a row from before the clock was stored gets it computed here."""
    for dispute in selectors.notices_open(user, horizon):
        common = {
            "title": f"{dispute.number}书面告知信访人接收情况及处理途径（{dispute.source_reference}）",
            "url": _url("mediation:dispute_detail", dispute.pk),
            "work_line": LINE,
            "basis": "信访工作条例 第二十三条第三款",
        }
        yield from _clock(dispute.notice_due, horizon, common, notice_due, dispute)


def petition_days(start: datetime.date, n: int) -> datetime.date:
    """`n` days of 信访工作条例 from `start` (not counted), by `PETITION_ROLLOVER`."""
    if PETITION_ROLLOVER:
        return add_days(start, n)
    return start + datetime.timedelta(days=n)


def review_request_due(reply_received: datetime.date) -> datetime.date:
    """信访工作条例 第三十五、三十六条: the petitioner's 30 days from receiving the reply."""
    return petition_days(reply_received, REVIEW_REQUEST_DAYS)


def review_opinion_due(requested: datetime.date, hearing_days: int = 0) -> datetime.date:
    """The reviewing body's 30 days from receiving the request; a 复核's hearing days are
    added (第三十六条第二款: 听证所需时间不计算在前款规定的期限内)."""
    return petition_days(requested, REVIEW_OPINION_DAYS + hearing_days)


def reviews_due(user, today, horizon):
    """The 复查 and 复核 opinions owed (信访工作条例 第三十五、三十六条), until recorded."""
    for review in selectors.reviews_open(user, horizon):
        dispute = review.dispute
        stage = review.get_stage_display()
        title = f"{dispute.number}{review.body}提出{stage}意见（{dispute.source_reference}）"
        article = "第三十五条" if review.stage == "review" else "第三十六条"
        common = {
            "title": title,
            "url": _url("mediation:dispute_detail", dispute.pk),
            "work_line": LINE,
            "basis": f"信访工作条例 {article}",
        }
        yield from _clock(
            review.opinion_due,
            horizon,
            common,
            review_opinion_due,
            review.requested_date,
            review.hearing_days,
        )


def confirmation_due(effective: datetime.date) -> datetime.date:
    return add_days(effective, CONFIRMATION_DAYS)


def acceptance_due(applied: datetime.date) -> datetime.date:
    return add_days(applied, ACCEPTANCE_DAYS)


def decision_due(accepted: datetime.date, extended: bool = False) -> datetime.date:
    return add_days(accepted, DECISION_DAYS + (DECISION_EXTENSION_DAYS if extended else 0))


def handling_due(screened: datetime.date, risk: str) -> datetime.date:
    return screened + datetime.timedelta(days=RISK_HANDLING_DAYS[risk])


def filing_due(changed: datetime.date) -> datetime.date:
    return add_working_days(changed, FILING_WORKING_DAYS)


def _url(name, pk):
    return reverse(name, kwargs={"pk": pk})


def disputes_due(user, today, horizon):
    """Disputes still in mediation whose period ends by `horizon`."""
    for dispute in selectors.mediating_due(user, horizon):
        yield DueItem(
            title=f"{dispute.number}（{dispute.committee.name}）调解期限届满",
            due_date=dispute.current_due,
            url=_url("mediation:dispute_detail", dispute.pk),
            work_line=LINE,
            basis=mediation_basis(dispute),
        )


def confirmations_due(user, today, horizon):
    """人民调解法 第三十三条: the 30 days to apply for 司法确认, listed from the agreement on;
    and the court's periods of the applications it has not decided."""
    for agreement in selectors.confirmations_pending(user):
        # The window ends in a year whose holidays are not entered: its natural-day bound.
        pending = pending_or_none(confirmation_due, agreement.effective_date)
        if pending is not None:
            yield DueItem(
                title=f"{agreement.dispute.number}申请司法确认期限（如双方认为有必要）",
                due_date=pending.bound,
                pending=pending,
                url=_url("mediation:dispute_detail", agreement.dispute.pk),
                work_line=LINE,
                basis="人民调解法 第三十三条",
                remind_from=agreement.effective_date,
            )
    for agreement in selectors.confirmations_open(user, today):
        dispute = agreement.dispute
        yield DueItem(
            title=f"{dispute.number}申请司法确认期限（如双方认为有必要）",
            due_date=agreement.confirmation_due,
            url=_url("mediation:dispute_detail", dispute.pk),
            work_line=LINE,
            basis="人民调解法 第三十三条",
            remind_from=agreement.effective_date,
        )
    for confirmation in selectors.court_periods_open(user, horizon):
        dispute = confirmation.dispute
        if confirmation.accepted_date is None:
            title, due = (
                f"{dispute.number}法院决定是否受理司法确认申请",
                confirmation.acceptance_due,
            )
            basis = "司法确认程序若干规定 第四条"
        else:
            title, due = f"{dispute.number}法院作出是否确认的决定", confirmation.decision_due
            basis = "司法确认程序若干规定 第五条"
        if due is not None:
            yield DueItem(
                title=title,
                due_date=due,
                url=_url("mediation:dispute_detail", dispute.pk),
                work_line=LINE,
                basis=basis,
            )


def filings_due(user, today, horizon):
    """宁波市人民调解条例 第十三条: 备案 within 30 working days of a change."""
    for committee in selectors.filings_open(user, horizon):
        yield DueItem(
            title=f"{committee.name}向县级司法行政机关备案",
            due_date=committee.filing_due,
            url=_url("mediation:committee_detail", committee.pk),
            work_line=LINE,
            basis="宁波市人民调解条例 第十三条；人民调解法 第十条",
        )
