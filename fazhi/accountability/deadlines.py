"""督察 rectification on the due lists of both sides: the inspected unit's 整改方案 and
its deadline; the 依法治办's 销号 to verify and the late items to escalate."""

from django.urls import reverse

from fazhi.core.deadlines import DueItem
from fazhi.core.querysets import active_membership

from . import selectors, services
from .models import FindingState, is_rule_of_law_office
from .workflow import BASIS

LABEL = "法治督察"


def _item(finding, title, due_date):
    return DueItem(
        title=f"{finding.inspected_unit.name}：{title}（{finding.description[:30]}）",
        due_date=due_date,
        url=reverse("accountability:finding_detail", kwargs={"pk": finding.pk}),
        work_line=LABEL,
        basis=BASIS,
    )


def findings_due(user, today, horizon):
    office = user.is_superuser or is_rule_of_law_office(active_membership(user))
    for finding in selectors.open_findings(user).filter(
        state__in=[FindingState.FED_BACK, FindingState.RECTIFYING, FindingState.SUBMITTED]
    )[:500]:
        if finding.state == FindingState.SUBMITTED:
            if office:
                yield _item(finding, "核验整改佐证材料并销号", finding.submitted_date)
            continue
        if finding.state == FindingState.FED_BACK:
            due, title = services.plan_due(finding.fed_back_date), "报送整改方案"
        else:
            due, title = finding.deadline, "完成整改并申请销号"
        if office and services.is_late(finding, today) and finding.next_escalation:
            yield _item(finding, f"逾期未整改，{finding.get_escalation_display()}后可升级督办", due)
        elif not office:
            yield _item(finding, title, due)
