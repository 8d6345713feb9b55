"""Every state change of a return: create and fill, type a figure, explain a warning, the steps
of the flow (workflow.py), consolidation and 催报 — keyword-only, atomic, audited."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_unit, saved, today
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from . import checks, filling, periods, selectors, tables
from .models import (
    EDITABLE,
    FROZEN,
    ReturnTemplate,
    ReturnVersion,
    SendBack,
    State,
    StatReturn,
    UrgeNotice,
)
from .workflow import RETURN_FLOW, SUPERIOR_STEPS

LINE = "statistics"


def area_of(unit: Unit) -> Unit:
    return unit if unit.is_area else unit.parent


def _acting_area(actor) -> Unit | None:
    membership = active_membership(actor)
    return area_of(membership.unit) if membership else None


def _check_level(actor, statreturn: StatReturn, action: str) -> None:
    """The filing area takes its own steps; the area above it (上级) the superior's."""
    if actor.is_superuser:
        return
    area = _acting_area(actor)
    if action in SUPERIOR_STEPS:
        if area is None or area.pk != statreturn.area.parent_id:
            raise PermissionDenied(
                f"“{RETURN_FLOW.transition(action).label}”须由上一级统计区域办理"
            )
    elif area is None or area.pk != statreturn.area_id:
        raise PermissionDenied(
            f"“{RETURN_FLOW.transition(action).label}”须由{statreturn.area.name}本级办理"
        )


def _step(actor, statreturn, action):
    step = RETURN_FLOW.check(statreturn, action, actor=actor)
    _check_level(actor, statreturn, action)
    return step


def template_for(code: str, year: int) -> ReturnTemplate:
    """The version of table `code` that holds for `year`."""
    versions = ReturnTemplate.objects.filter(code=code, valid_from__lte=year)
    found = [t for t in versions if t.valid_until is None or t.valid_until >= year]
    if not found:
        raise ValidationError(f"报表“{code}”没有适用于{year}年的版本")
    return max(found, key=lambda t: t.version)


@service
def install_template(*, actor, definition: dict) -> ReturnTemplate:
    """Add a table version; refused when a cell names an unknown indicator or cell."""
    tables.validate(definition["code"], definition["layout"], definition.get("checks", []))
    if ReturnTemplate.objects.filter(
        code=definition["code"], version=definition["version"]
    ).exists():
        raise ValidationError(f"报表{definition['code']}第{definition['version']}版已存在")
    template = saved(ReturnTemplate(**definition))
    record_event(
        actor=actor,
        action="statistics.install_template",
        summary=f"登记报表制度{template}",
        target=template,
        unit=None,
    )
    return template


@service
def install_shipped(*, actor) -> list[ReturnTemplate]:
    """The shipped tables (tables.SHIPPED) not yet installed (migration 0002 installs them; a
    database emptied since gets them again)."""
    return [
        install_template(actor=actor, definition=definition)
        for definition in tables.SHIPPED
        if not ReturnTemplate.objects.filter(
            code=definition["code"], version=definition["version"]
        ).exists()
    ]


def _refill(statreturn: StatReturn) -> None:
    children = selectors.children_returns(statreturn) if statreturn.consolidated else []
    included = [c for c in children if c.state in FROZEN]
    values, sources, parts = filling.fill(statreturn, included)
    records = {cell: values[cell] for cell, source in sources.items() if source == "computed"}
    # A figure the filler typed over stays typed over; the records' figure is kept beside it.
    for cell, source in statreturn.sources.items():
        if source == "override" and cell in records:
            values[cell], sources[cell] = statreturn.values.get(cell), "override"
    statreturn.values = filling.derive(statreturn.template.layout, values)
    statreturn.sources, statreturn.parts, statreturn.records = sources, parts, records
    statreturn.computed_at = timezone.now()


@service
def create_return(*, actor, unit: Unit, template_code: str, period_key: str) -> StatReturn:
    """Open the unit's return of a table for a period, filled from the records (or, for an area
    with child areas, consolidated from their submitted returns). A period not yet ended is
    allowed as 草稿 only."""
    require_unit(actor, unit, Action.CREATE, LINE)
    codes = set(ReturnTemplate.objects.values_list("code", flat=True))
    if template_code not in codes:
        raise ValidationError(f"未知的报表：{template_code}")
    period_type = ReturnTemplate.objects.filter(code=template_code).first().period_type
    key, start, end = periods.parse(period_type, period_key)
    template = template_for(template_code, start.year)
    area = area_of(unit)
    if area is None:
        raise ValidationError(f"“{unit.name}”不属于任何统计区域")
    acting = _acting_area(actor)
    if not actor.is_superuser and (acting is None or acting.pk != area.pk):
        raise PermissionDenied(f"{area.name}的报表由其本级填报，上级只能汇总、审核")
    if StatReturn.objects.filter(template__code=template_code, area=area, period_key=key).exists():
        raise ValidationError(f"{area.name}{periods.label(key)}的《{template.name}》已经建立")
    consolidated = bool(filling.child_areas(area))
    statreturn = StatReturn(
        unit=unit,
        area=area,
        template=template,
        period_key=key,
        period_start=start,
        period_end=end,
        due_date=periods.due_date(
            end, template.due_day, template.consolidation_days if consolidated else 0
        ),
        consolidated=consolidated,
        created_by=actor,
        filled_by=actor,
    )
    _refill(statreturn)
    saved(statreturn)
    record_event(
        actor=actor,
        action="statistics.create_return",
        summary=f"建立{statreturn}",
        target=statreturn,
        unit=unit,
    )
    return statreturn


@service
def refresh_return(*, actor, statreturn: StatReturn) -> StatReturn:
    """取数: the counted cells again from the records, a consolidation again from the
    children's latest submitted returns; typed cells stay."""
    _step(actor, statreturn, "edit_return")
    before = dict(statreturn.values)
    _refill(statreturn)
    statreturn.filled_by = actor
    saved(statreturn)
    changed = {k: [before.get(k), v] for k, v in statreturn.values.items() if before.get(k) != v}
    record_event(
        actor=actor,
        action="statistics.refresh_return",
        summary=f"重新取数：{statreturn}",
        target=statreturn,
        unit=statreturn.unit,
        data={"changed": changed},
    )
    return statreturn


def parse_figure(text, label: str) -> int | float:
    raw = str(text if text is not None else "").strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(f"{label}：“{text}”不是数字") from None
    if not value.is_finite():
        raise ValidationError(f"{label}：“{text}”不是数字")
    if value < 0:
        raise ValidationError(f"{label}：不能为负数")
    return filling.number(value)


@service
def set_manual_value(
    *, actor, statreturn: StatReturn, cell: str, value: str, explanation: str
) -> StatReturn:
    """Type a figure no record holds, with where it comes from."""
    _step(actor, statreturn, "edit_return")
    layout = statreturn.template.layout
    spec = tables.cells(layout).get(cell)
    label = tables.cell_label(layout, cell)
    if spec is None or "manual" not in spec:
        raise ValidationError(f"{label}不是手工填报项，其数值由记录计算")
    if statreturn.consolidated:
        raise ValidationError("汇总表的手工填报项为下级报表之和，不能直接修改")
    figure = parse_figure(value, label)
    if spec.get("unit") == "%" and figure > 100:
        raise ValidationError(f"{label}：比率不能超过100%")
    if not (explanation or "").strip():
        raise ValidationError(f"{label}：手工填报须说明数据来源")
    before = statreturn.values.get(cell)
    statreturn.values = filling.derive(layout, {**statreturn.values, cell: figure})
    statreturn.explanations = {**statreturn.explanations, cell: explanation.strip()}
    saved(statreturn)
    record_event(
        actor=actor,
        action="statistics.set_manual_value",
        summary=f"{statreturn}：{label}由{before}改为{figure}",
        target=statreturn,
        unit=statreturn.unit,
        reason=explanation.strip(),
    )
    return statreturn


@service
def override_value(
    *, actor, statreturn: StatReturn, cell: str, value: str, explanation: str
) -> StatReturn:
    """Type over a figure counted from the records (the records are incomplete, a case was
    counted under the wrong period …): the records' figure stays beside it, the difference is
    shown, and the reason is part of the return (checks: 记录). Typing the records' figure
    again takes the override back."""
    _step(actor, statreturn, "edit_return")
    layout = statreturn.template.layout
    spec = tables.cells(layout).get(cell)
    label = tables.cell_label(layout, cell)
    if spec is None or "indicator" not in spec:
        raise ValidationError(f"{label}不是由记录计算的数字，不能改写")
    if statreturn.consolidated:
        raise ValidationError("汇总表的数值为下级报表之和与本级记录，不能改写")
    figure = parse_figure(value, label)
    records = statreturn.records.get(cell)
    sources, explanations = dict(statreturn.sources), dict(statreturn.explanations)
    if records is not None and figure == records:
        sources[cell] = "computed"
        explanations.pop(cell, None)
        reason = "恢复为记录数"
    else:
        if not (explanation or "").strip():
            raise ValidationError(f"{label}：改写记录数须说明理由")
        sources[cell] = "override"
        explanations[cell] = reason = explanation.strip()
    before = statreturn.values.get(cell)
    statreturn.values = filling.derive(layout, {**statreturn.values, cell: figure})
    statreturn.sources, statreturn.explanations = sources, explanations
    saved(statreturn)
    record_event(
        actor=actor,
        action="statistics.override_value",
        summary=f"{statreturn}：{label}由{before}改为{figure}（记录数{records}）",
        target=statreturn,
        unit=statreturn.unit,
        reason=reason,
        data={"cell": cell, "records": records, "typed": figure},
    )
    return statreturn


def problems(statreturn: StatReturn) -> list[checks.Problem]:
    """The return's check results (with last year's figures and the unit's other tables)."""
    return checks.run(
        statreturn,
        last_year=selectors.last_year_values(statreturn),
        others=selectors.other_tables(statreturn),
    )


@service
def explain_warning(
    *, actor, statreturn: StatReturn, cell: str, explanation: str, rule: str = ""
) -> StatReturn:
    """The written explanation of a ±50% change or of a figure typed over the records' (before
    上报); `rule`: which of the cell's warnings (同比 or 记录; default the cell's first)."""
    RETURN_FLOW.lock(statreturn)
    if statreturn.state not in (*EDITABLE, State.FILLED, State.APPROVED):
        raise ValidationError(f"报表当前为“{statreturn.get_state_display()}”，说明已冻结，不能修改")
    require(actor, Action.CHANGE, statreturn, "无权办理该报表")
    _check_level(actor, statreturn, "edit_return")
    label = tables.cell_label(statreturn.template.layout, cell)
    warning = next(
        (
            p
            for p in problems(statreturn)
            if p.warning and p.cell == cell and (not rule or p.rule == rule)
        ),
        None,
    )
    if warning is None:
        raise ValidationError(f"{label}没有需要说明的同比异常或改写")
    if not (explanation or "").strip():
        raise ValidationError(f"{label}：说明不能为空")
    statreturn.explanations = {**statreturn.explanations, warning.key: explanation.strip()}
    saved(statreturn)
    record_event(
        actor=actor,
        action="statistics.explain_warning",
        summary=f"{statreturn}：说明{label}",
        target=statreturn,
        unit=statreturn.unit,
        reason=explanation.strip(),
    )
    return statreturn


def _period_ended(statreturn: StatReturn) -> None:
    if statreturn.period_end >= today():
        raise ValidationError(
            f"报告期{statreturn.period_label}尚未结束（至{statreturn.period_end:%Y-%m-%d}），只能保存为草稿"
        )


def _summary(found) -> str:
    return "；".join(f"{p.where}【{p.rule}】{p.message}" for p in found)


@service
def complete_filling(*, actor, statreturn: StatReturn) -> StatReturn:
    """填报完成: the period has ended, no check fails, a consolidation has all its children."""
    step = _step(actor, statreturn, "complete_filling")
    _period_ended(statreturn)
    children = []
    if statreturn.consolidated:
        status = selectors.children_status(statreturn)
        waiting = [row for row in status if row["state"] not in (State.ACCEPTED, State.LOCKED)]
        if waiting:
            raise ValidationError(
                "下级报表尚未全部上报并审核通过，不能完成汇总："
                + "、".join(f"{row['area'].name}（{row['state_label']}）" for row in waiting)
            )
        children = [row["return"] for row in status]
        _refill(statreturn)
    errors = [p for p in problems(statreturn) if p.blocking]
    if errors:
        raise ValidationError(f"审核未通过，请修改后再完成填报：{_summary(errors)}")
    RETURN_FLOW.move(statreturn, step)
    statreturn.filled_by = actor
    saved(statreturn)
    _lock_children([c.pk for c in children if c.state == State.ACCEPTED])
    record_event(
        actor=actor,
        action="statistics.complete_filling",
        summary=f"{statreturn}填报完成",
        target=statreturn,
        unit=statreturn.unit,
        data={"locked_children": [c.pk for c in children]},
    )
    return statreturn


def _lock_children(pks) -> None:
    """汇总锁定: the accepted children moved to 已汇总锁定 by one UPDATE of their one changed
    field (validated: a choice of State), each change logged in the field history and each
    child's unit's data version changed — two statements a child, whatever the table's rows.
    No indicator reads a return's state (fazhi/statistics/indicators.py: due dates, dates of
    上报 and send-backs), so no partial changes; `test_scale` checks `indicators_check`."""
    from auditlog.models import LogEntry
    from django.db.models import QuerySet

    from fazhi.core import dataversion

    StatReturn._meta.get_field("state").clean(State.LOCKED, None)
    rows = StatReturn.objects.select_for_update().filter(pk__in=pks, state=State.ACCEPTED)
    children = list(rows.select_related("area", "template"))
    # The platform's querysets refuse update() because auditlog would not see it: this one
    # writes the field history itself, a log entry per child below (the service's write
    # counter still requires them).
    QuerySet.update(StatReturn.objects.filter(pk__in=[c.pk for c in children]), state=State.LOCKED)
    for child in children:
        child.state = State.LOCKED
        LogEntry.objects.log_create(
            child,
            action=LogEntry.Action.UPDATE,
            changes={"state": [State.ACCEPTED.label, State.LOCKED.label]},
        )
        dataversion.bump_unit(child.unit_id)


@service
def approve_return(*, actor, statreturn: StatReturn) -> StatReturn:
    step = _step(actor, statreturn, "approve_return")
    RETURN_FLOW.move(statreturn, step)
    statreturn.reviewed_by = actor
    saved(statreturn)
    record_event(
        actor=actor,
        action="statistics.approve_return",
        summary=f"{statreturn}审核通过",
        target=statreturn,
        unit=statreturn.unit,
    )
    return statreturn


def _with_reason(actor, statreturn, action, comment, event_summary):
    if not (comment or "").strip():
        raise ValidationError("须填写意见或理由")
    step = _step(actor, statreturn, action)
    RETURN_FLOW.move(statreturn, step)
    statreturn.comment = comment.strip()
    saved(statreturn)
    saved(
        SendBack(
            statreturn=statreturn,
            kind=action,
            returned_on=today(),
            comment=comment.strip(),
            returned_by=actor,
        )
    )
    record_event(
        actor=actor,
        action=f"statistics.{action}",
        summary=f"{statreturn}{event_summary}",
        target=statreturn,
        unit=statreturn.unit,
        reason=comment.strip(),
    )
    return statreturn


@service
def return_for_correction(*, actor, statreturn: StatReturn, comment: str) -> StatReturn:
    return _with_reason(actor, statreturn, "return_for_correction", comment, "退回修改")


@service
def send_back(*, actor, statreturn: StatReturn, comment: str) -> StatReturn:
    return _with_reason(actor, statreturn, "send_back", comment, "被上级退回")


@service
def unlock_return(*, actor, statreturn: StatReturn, comment: str) -> StatReturn:
    """Only the superior unlocks, with a reason; the values stay as the last version kept."""
    return _with_reason(actor, statreturn, "unlock_return", comment, "由上级解锁更正")


@service
def accept_return(*, actor, statreturn: StatReturn) -> StatReturn:
    step = _step(actor, statreturn, "accept_return")
    RETURN_FLOW.move(statreturn, step)
    saved(statreturn)
    record_event(
        actor=actor,
        action="statistics.accept_return",
        summary=f"{statreturn}上级审核通过",
        target=statreturn,
        unit=statreturn.unit,
    )
    return statreturn


@service
def submit_return(
    *, actor, statreturn: StatReturn, submitted_on: datetime.date | None = None
) -> StatReturn:
    """上报: signed by the unit's 负责人, every warning explained; the values are frozen as a
    new version. A correction of a return already consolidated reopens the superior's return.
    `submitted_on`: the day a return sent on paper before it was entered (default today)."""
    step = _step(actor, statreturn, "submit_return")
    day = submitted_on or today()
    not_future(day, "上报日期")
    unexplained = [p for p in problems(statreturn) if p.open]
    if unexplained:
        raise ValidationError(f"以下问题须修改或书面说明后才能上报：{_summary(unexplained)}")
    statreturn.nil_return = False
    return _freeze(actor, statreturn, step, day)


@service
def file_nil_return(
    *, actor, statreturn: StatReturn, submitted_on: datetime.date | None = None
) -> StatReturn:
    """零上报: the 负责人 declares, signed, that the unit has nothing to report this period — a
    return filed (and counted on time or late as any other), not a missing one. Refused when
    the records or the typed cells hold any figure: such a return is filled and reviewed."""
    step = _step(actor, statreturn, "file_nil_return")
    day = submitted_on or today()
    not_future(day, "上报日期")
    if statreturn.consolidated:
        raise ValidationError("汇总表不能零上报：请汇总下级报表（下级可各自零上报）")
    _period_ended(statreturn)
    _refill(statreturn)
    layout = statreturn.template.layout
    specs = tables.cells(layout)
    held = [
        f"{tables.cell_label(layout, cell)}为{statreturn.values.get(cell)}"
        for cell, spec in specs.items()
        if ("indicator" in spec or "manual" in spec) and statreturn.values.get(cell)
    ]
    held += [
        f"{tables.cell_label(layout, cell)}记录为{figure}"
        for cell, figure in statreturn.records.items()
        if figure and statreturn.sources.get(cell) == "override"
    ]
    if held:
        raise ValidationError("本期有数据，不能零上报，请填报后上报：" + "；".join(held))
    manual = {cell: 0 for cell, spec in specs.items() if "manual" in spec}
    statreturn.values = filling.derive(layout, {**statreturn.values, **manual})
    statreturn.explanations = {**statreturn.explanations, **dict.fromkeys(manual, "零上报")}
    statreturn.filled_by = statreturn.reviewed_by = actor
    statreturn.nil_return = True
    return _freeze(actor, statreturn, step, day)


def _freeze(actor, statreturn: StatReturn, step, day: datetime.date) -> StatReturn:
    """The values frozen as a new version signed by `actor`; a consolidated superior's
    return that had summed an earlier version is reopened."""
    RETURN_FLOW.move(statreturn, step)
    statreturn.version += 1
    statreturn.signed_by = actor
    statreturn.submitted_on = day
    statreturn.on_time = day <= statreturn.due_date
    saved(statreturn)
    saved(
        ReturnVersion(
            statreturn=statreturn,
            number=statreturn.version,
            values=statreturn.values,
            explanations=statreturn.explanations,
            submitted_on=day,
            signed_by=actor,
        )
    )
    parent = selectors.parent_return(statreturn)
    reopened = None
    if parent is not None and str(statreturn.pk) in parent.parts and parent.state != State.DRAFT:
        RETURN_FLOW.lock(parent)
        parent.state = State.RETURNED
        parent.comment = (
            f"{statreturn.area.name}更正后重新上报（第{statreturn.version}版），请重新汇总"
        )
        saved(parent)
        reopened = parent.pk
    kind = "零上报" if statreturn.nil_return else "上报"
    record_event(
        actor=actor,
        action=f"statistics.{step.action}",
        summary=f"{statreturn}{kind}（第{statreturn.version}版{'' if statreturn.on_time else '，逾期'}）",
        target=statreturn,
        unit=statreturn.unit,
        data={"reopened_parent": reopened, "nil_return": statreturn.nil_return},
    )
    return statreturn


@service
def urge(*, actor, statreturn: StatReturn, area: Unit, message: str = "") -> UrgeNotice:
    """催报: the consolidating unit reminds a child area that has not submitted."""
    require(actor, Action.CHANGE, statreturn, "无权办理该报表")
    _check_level(actor, statreturn, "edit_return")
    row = next((r for r in selectors.children_status(statreturn) if r["area"].pk == area.pk), None)
    if row is None:
        raise ValidationError(f"“{area.name}”不是{statreturn.area.name}的下级统计区域")
    if row["state"] in FROZEN:
        raise ValidationError(f"{area.name}已经上报，无需催报")
    filer = row["return"].unit if row["return"] else selectors.filing_unit(area)
    if filer is None:
        raise ValidationError(f"{area.name}没有司法局，无法催报")
    text = (message or "").strip() or (
        f"请于{statreturn.due_date:%Y-%m-%d}前上报{statreturn.period_label}《{statreturn.template.name}》"
    )
    notice = saved(
        UrgeNotice(
            unit=filer,
            area=area,
            template=statreturn.template,
            period_key=statreturn.period_key,
            urged_on=today(),
            message=text[:300],
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="statistics.urge",
        summary=f"催报{area.name}{statreturn.period_label}《{statreturn.template.name}》",
        target=notice,
        unit=filer,
    )
    return notice
