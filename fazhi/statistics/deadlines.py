"""The returns on the due list: each open return by its 报送时间 (the template's day of the
month after the period; a consolidating level some days later), the latest ended period of
every table not yet begun, and 催报 from the superior until the return is submitted."""

import datetime

from django.urls import reverse

from fazhi.core.deadlines import DueItem
from fazhi.core.querysets import active_membership, acts_on
from fazhi.core.roles import Action

from . import filling, periods, selectors
from .models import ReturnTemplate, StatReturn

BASIS = "《中华人民共和国统计法》第七条（不得迟报）；报表制度的报送时间"
LINE = "统计报表"
REMIND_DAYS = 10


def returns_due(user, today, horizon):
    for statreturn in selectors.open_returns(user, horizon):
        waiting = ""
        if statreturn.consolidated:
            missing = [r for r in selectors.children_status(statreturn) if not r["submitted"]]
            if missing:
                waiting = f"；下级未报：{'、'.join(r['area'].name for r in missing)}"
        yield DueItem(
            title=f"{statreturn}{statreturn.get_state_display()}，待上报{waiting}",
            due_date=statreturn.due_date,
            url=statreturn.get_absolute_url(),
            work_line=LINE,
            basis=BASIS,
            remind_from=statreturn.due_date - datetime.timedelta(days=REMIND_DAYS),
        )
    yield from _not_begun(user, today, horizon)


def _not_begun(user, today, horizon):
    """The latest ended period of each table, for a 司法局 that may open returns and has not."""
    membership = active_membership(user)
    if membership is None or not acts_on(user, "statistics", Action.CREATE):
        return
    unit = membership.unit
    if unit.kind != unit.Kind.JUSTICE_BUREAU or unit.parent is None:
        return
    area = unit.parent
    extra = bool(filling.child_areas(area))
    seen = set()
    for template in ReturnTemplate.objects.order_by("code", "-version"):
        if template.code in seen:
            continue
        seen.add(template.code)
        key = periods.last_ended(template.period_type, today)
        _, start, end = periods.parse(template.period_type, key)
        if not (template.valid_from <= start.year <= (template.valid_until or 9999)):
            continue
        due = periods.due_date(end, template.due_day, template.consolidation_days if extra else 0)
        if due > horizon + datetime.timedelta(days=REMIND_DAYS):
            continue
        if StatReturn.objects.filter(
            template__code=template.code, area=area, period_key=key
        ).exists():
            continue
        yield DueItem(
            title=f"{area.name}{periods.label(key)}《{template.name}》（{template.code}）尚未填报",
            due_date=due,
            url=reverse("statistics:return_create") + f"?template={template.code}&period={key}",
            work_line=LINE,
            basis=BASIS,
            remind_from=due - datetime.timedelta(days=REMIND_DAYS),
        )


def urged_returns(user, today, horizon):
    for notice in selectors.open_urge_notices(user):
        yield DueItem(
            title=f"催报：{notice.area.name}{periods.label(notice.period_key)}《{notice.template.name}》——{notice.message}",
            due_date=min(notice.urged_on, today),
            url=reverse("statistics:return_list"),
            work_line=LINE,
            basis=BASIS,
            remind_from=today,
        )
