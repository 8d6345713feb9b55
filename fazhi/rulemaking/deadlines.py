"""The rulemaking clocks on the due list: 合法性审核 period, 报备 period, 有效期 expiry,
correction replies, adviser contracts."""

import datetime

from django.urls import reverse

from fazhi.core.deadlines import DueItem

from . import selectors, services

LINE = "规范性文件·重大行政决策"


def reviews_due(user, today, horizon):
    """A document's 合法性审核 within its period (a setting, docs/rules.md)."""
    for document in selectors.reviews_running(user, horizon):
        yield DueItem(
            title=f"《{document.title}》合法性审核",
            due_date=document.review_due,
            url=reverse("rulemaking:document_detail", kwargs={"pk": document.pk}),
            work_line=LINE,
            basis="国办发〔2018〕115号（审核期限：设置项）",
        )


def filings_due(user, today, horizon):
    """法规规章备案审查条例 第四条 (by reference): 报备 within the area's period."""
    for document in selectors.filings_due(user):
        days = services.filing_days(document.unit)
        due = document.published_date + datetime.timedelta(days=days)
        if due > horizon:
            continue
        yield DueItem(
            title=f"{document}报送备案",
            due_date=due,
            url=reverse("rulemaking:document_detail", kwargs={"pk": document.pk}),
            work_line=LINE,
            basis=f"公布之日起{days}日内报送备案",
        )


def expiries_due(user, today, horizon):
    """有效期 expiry: reminded 60 days ahead, to renew (到期继续执行) or let it lapse."""
    horizon = max(horizon, today + datetime.timedelta(days=60))
    for document in selectors.documents_expiring(user, horizon):
        yield DueItem(
            title=f"{document}有效期届满",
            due_date=document.valid_until,
            url=reverse("rulemaking:document_detail", kwargs={"pk": document.pk}),
            work_line=LINE,
            basis="有效期届满前评估，决定继续执行或失效",
            remind_from=document.valid_until - datetime.timedelta(days=60),
        )


def contracts_due(user, today, horizon):
    """法律顾问 contracts ending: the 选聘动态提醒 (60 days ahead)."""
    horizon = max(horizon, today + datetime.timedelta(days=60))
    for adviser in selectors.advisers_expiring(user, today, horizon):
        yield DueItem(
            title=f"{adviser.unit.name}法律顾问{adviser.name}聘期届满",
            due_date=adviser.contract_to,
            url=reverse("rulemaking:adviser_detail", kwargs={"pk": adviser.pk}),
            work_line=LINE,
            basis="法律顾问选聘动态提醒",
            remind_from=adviser.contract_to - datetime.timedelta(days=60),
        )


def incidental_due(user, today, horizon):
    """行政复议法 第五十六至五十八条: the 附带审查's clocks while the 复议 case is suspended."""
    for request in selectors.incidental_due(user, horizon):
        url = reverse("rulemaking:document_detail", kwargs={"pk": request.document_id})
        title = f"{request.case.number}附带审查{request.document}"
        if request.competent and request.notice_date is None and request.notice_due:
            yield DueItem(
                title=f"{title}：书面通知制定机关",
                due_date=request.notice_due,
                url=url,
                work_line=LINE,
                basis="行政复议法 第五十八条（三个工作日）",
            )
        elif request.organ_reply_due and request.organ_reply_date is None and request.competent:
            yield DueItem(
                title=f"{title}：制定机关书面答复",
                due_date=request.organ_reply_due,
                url=url,
                work_line=LINE,
                basis="行政复议法 第五十八条（十个工作日）",
            )
        if request.handle_due:
            basis = "三十日内依法处理" if request.competent else "七个工作日内转送"
            yield DueItem(
                title=f"{title}：{'处理' if request.competent else '转送'}",
                due_date=request.handle_due,
                url=url,
                work_line=LINE,
                basis=f"行政复议法 第五十六条、第五十七条（{basis}）",
            )
