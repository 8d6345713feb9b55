"""The 行政执法监督 clocks on the due list: certificates' 年审 and rectification notices."""

from django.urls import reverse

from fazhi.core.calendar import CalendarYearUnknown
from fazhi.core.deadlines import DueItem

from .selectors.actions import penalty_clocks_pending
from .selectors.certificates import certificates_expiring, reviews_pending
from .selectors.supervision import notices_pending
from .services import actions as action_services


def annual_reviews_due(user, today, horizon):
    """执法证件年审: due a year after the issue or the last 年审."""
    for certificate in reviews_pending(user, horizon):
        yield DueItem(
            title=f"执法证件{certificate.number}（{certificate.officer}）年审",
            due_date=certificate.annual_review_due,
            url=reverse("enforcement:officer_detail", kwargs={"pk": certificate.officer_id}),
            work_line="行政执法监督",
            basis="行政执法证件管理（年审）",
        )


def certificate_renewals_due(user, today, horizon):
    """执法证件有效期届满: 换发 before the certificate lapses."""
    for certificate in certificates_expiring(user, horizon):
        yield DueItem(
            title=f"执法证件{certificate.number}（{certificate.officer}）有效期届满，申请换发",
            due_date=certificate.valid_until,
            url=reverse("enforcement:officer_detail", kwargs={"pk": certificate.officer_id}),
            work_line="行政执法监督",
            basis="行政执法证件管理（有效期）",
        )


def rectifications_due(user, today, horizon):
    """整改通知: the agency's 整改报告 by the notice's due date; overdue ones stay on the list
    of the bureau and of its superiors (依法治区办, the city) until answered."""
    for notice in notices_pending(user, horizon):
        yield DueItem(
            title=f"{notice.number}：{notice.agency.name}反馈整改情况",
            due_date=notice.due_date,
            url=reverse("enforcement:notice_detail", kwargs={"pk": notice.pk}),
            work_line="行政执法监督",
            basis="整改通知书规定的期限",
        )


def penalty_clocks_due(user, today, horizon):
    """The 行政处罚法 clocks of penalty cases not yet met: the decision (第六十条), a hearing
    the party may still ask for (第六十四条第一项) or that is set (第二项), the service of the
    decision (第六十一条) and the withdrawal of a revoked published decision (第四十八条第二款)."""
    for action in penalty_clocks_pending(user, horizon):
        try:
            clocks = action_services.clocks(action)
        except CalendarYearUnknown as unknown:
            yield str(unknown)
            continue
        for clock in clocks:
            if not clock["pending"] or clock["due"] is None:
                continue
            yield DueItem(
                title=f"{action.number}（{action.party}）{clock['label']}",
                due_date=clock["due"],
                url=reverse("enforcement:action_detail", kwargs={"pk": action.pk}),
                work_line="行政执法监督",
                basis=clock["basis"],
            )


PROVIDERS = (annual_reviews_due, certificate_renewals_due, rectifications_due, penalty_clocks_due)
