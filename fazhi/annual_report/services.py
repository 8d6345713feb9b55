"""Every change of an annual report: one audited, atomic service per step."""

import datetime
import functools

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.guards import require, require_line
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action, Role
from fazhi.indicators import engine
from fazhi.indicators.registry import registered

from . import checks, deadlines, drafting, structure, workflow
from .models import AnnualReport, CheckOverride, Part, ReportingDates, ReportStep, UrgeNotice
from .selectors import BEFORE_SUBMISSION
from .workflow import REPORT_FLOW


def computed_figures(report: AnnualReport) -> dict:
    """Every catalog indicator of the report's year over the unit's whole area."""
    ids = list(registered())
    return engine.compute(
        ids, user=None, unit=report.unit.scope_root, period=engine.Period.year(report.year)
    )


def problems(report: AnnualReport) -> list[checks.Problem]:
    return checks.check_report(report, computed_figures(report))


@service
def create_report(*, actor, unit: Unit, year: int) -> AnnualReport:
    """起草: the report of `unit` for `year`, with its parts and the generated figures."""
    today = timezone.localdate()
    if year >= today.year + 1 or year < 2000:
        raise ValidationError(f"报告年度{year}年无效：只能报告已开始的年度")
    require_line(actor, AnnualReport.work_line)
    require(actor, Action.CREATE, unit, "无权为该单位起草报告")
    if AnnualReport.objects.filter(unit=unit, year=year, superseded=False).exists():
        raise ValidationError(f"{unit.name}{year}年度的报告已经存在，请打开已有报告")
    report = AnnualReport(
        unit=unit,
        year=year,
        drafted_by=actor,
        report_due=deadlines.report_due(unit, year),
        publish_due=deadlines.publish_due(unit, year),
        figures_computed_at=timezone.now(),
    )
    report.title = report.default_title()
    try:
        report.save()
    except IntegrityError as clash:  # a concurrent draft of the same unit and year
        raise ValidationError(f"{unit.name}{year}年度的报告已经存在") from clash
    generated = drafting.draft_measures(unit.scope_root, year)
    for order, spec in enumerate(structure.PARTS):
        Part.objects.create(
            report=report,
            key=spec.key,
            order=order,
            generated=generated
            if spec.key == "measures_and_results"
            else drafting.draft_first_responsible(unit.scope_root, year)
            if spec.key == "first_responsible_person"
            else drafting.draft_problems(unit.scope_root, year)
            if spec.key == "problems"
            else [],
            narrative=structure.topics_template(spec.key),
        )
    record_event(
        actor=actor,
        action="annual_report.create",
        summary=f"起草《{report.title}》",
        target=report,
        unit=unit,
    )
    return report


@service
def edit_report(
    *, actor, report: AnnualReport, title: str, narratives: dict[str, str]
) -> AnnualReport:
    """The drafter's edit of the title and the parts' narrative (起草, before review)."""
    REPORT_FLOW.check(report, "edit_report", actor=actor)
    title = title.strip()
    if not title:
        raise ValidationError("报告标题不能为空")
    changed = []
    if title != report.title:
        report.title = title
        report.save(update_fields=["title"])
        changed.append("标题")
    for part in report.parts.all():
        if part.key not in narratives:
            continue
        text = narratives[part.key].replace("\r\n", "\n").strip()
        if text != part.narrative:
            part.narrative = text
            part.save()
            changed.append(
                structure.BY_KEY[part.key].title.format(year=report.year, next_year=report.year + 1)
            )
    if changed:
        record_event(
            actor=actor,
            action="annual_report.edit",
            summary=f"编辑《{report.title}》：{'、'.join(changed)}",
            target=report,
            unit=report.unit,
        )
    return report


@service
def refresh_figures(*, actor, report: AnnualReport) -> list[dict]:
    """Recompute the generated figures from the records (only on request, never silently)."""
    REPORT_FLOW.check(report, "refresh_figures", actor=actor)
    part = report.parts.get(key="measures_and_results")
    stale = drafting.stale_figures(report.unit.scope_root, report.year, part.generated)
    part.generated = drafting.draft_measures(report.unit.scope_root, report.year)
    part.save()
    drafts = {
        "first_responsible_person": drafting.draft_first_responsible,
        "problems": drafting.draft_problems,
    }
    for first in report.parts.filter(key__in=drafts):
        drafted = drafts[first.key](report.unit.scope_root, report.year)
        if drafted != first.generated:
            first.generated = drafted
            first.save()
    report.figures_computed_at = timezone.now()
    report.save(update_fields=["figures_computed_at"])
    record_event(
        actor=actor,
        action="annual_report.refresh_figures",
        summary=f"刷新《{report.title}》的数据（{len(stale)}项有变化）",
        target=report,
        unit=report.unit,
        data={"changed": stale},
    )
    return stale


@service
def override_problem(*, actor, report: AnnualReport, problem: str, reason: str) -> CheckOverride:
    """Accept one check problem for approval, with the reason (audited)."""
    require(actor, Action.REVIEW, report, "当前角色无权办理该报告")
    if report.is_frozen:
        raise ValidationError("报告已报送，不能再处理检查问题")
    if not reason.strip():
        raise ValidationError("忽略检查问题须写明理由")
    known = {p.key: p for p in problems(report)}
    if problem not in known:
        raise ValidationError("该检查问题已不存在，请刷新页面")
    override = CheckOverride.objects.create(
        report=report, problem=problem, reason=reason.strip(), by=actor
    )
    record_event(
        actor=actor,
        action="annual_report.override",
        summary=f"《{report.title}》忽略检查问题：{known[problem].message}",
        target=report,
        unit=report.unit,
        reason=reason.strip(),
    )
    return override


def _take_step(action: str):
    """A workflow step from the table: state and role checked before the step's own rules."""

    def decorate(func):
        @functools.wraps(func)
        def checked(*, actor, report: AnnualReport, comment: str = "", on=None, **kwargs):
            step = REPORT_FLOW.check(report, action, actor=actor)
            today = timezone.localdate()
            on = on or today
            if on > today:
                raise ValidationError("办理日期不能晚于今天")
            if report.superseded:
                raise ValidationError("该版本已被更正版本取代")
            if action in workflow.NEEDS_COMMENT and not comment.strip():
                raise ValidationError(f"{step.label}须填写意见")
            if action in workflow.CHECKED:
                still_open = checks.open_problems(report, problems(report))
                if still_open:
                    raise ValidationError(
                        [f"{p.part}：{p.message}" for p in still_open]
                        + [f"尚有{len(still_open)}个检查问题，须修改或说明理由后才能{step.label}"]
                    )
            func(actor=actor, report=report, on=on, **kwargs)
            from_state = REPORT_FLOW.move(report, step)
            ReportStep.objects.create(
                report=report,
                action=action,
                from_state=from_state,
                to_state=step.target,
                actor=actor,
                comment=comment.strip(),
            )
            report.save()
            record_event(
                actor=actor,
                action=f"annual_report.{action}",
                summary=f"《{report.title}》{step.label}",
                target=report,
                unit=report.unit,
                reason=comment.strip(),
            )
            return report

        return service(checked)

    return decorate


@_take_step("submit_for_review")
def submit_for_review(*, actor, report, on):
    """起草人提交审核."""


@_take_step("approve_review")
def approve_review(*, actor, report, on):
    """审核人审核通过 (blocked while check problems are open)."""


@_take_step("return_for_revision")
def return_for_revision(*, actor, report, on):
    """审核人或负责人退回修改, with comments."""


@_take_step("sign_report")
def sign_report(*, actor, report, on):
    """负责人签发 (blocked while check problems are open)."""
    report.signed_by = actor
    report.signed_on = on


@_take_step("submit_report")
def submit_report(*, actor, report, on):
    """报送 to the recipients the rules name; the report is frozen from here on."""
    report.submitted_on = on
    report.recipients = recipients(report.unit)


@_take_step("publish_report")
def publish_report(*, actor, report, on, publication_url: str = ""):
    """公开 (督察工作规定 第二十四条: before 4月1日), on the unit's site at `publication_url`."""
    report.published_on = on
    report.publication_url = publication_url
    report.is_public = True


def recipients(unit: Unit) -> list[str]:
    """报送对象 by reporter type (statutes.md §9): a department reports to its own 党委 and
    government and to the department one level up; a government to the same-level 党委 and
    人大常委会 and to the next level up; copies to the coordinating office."""
    area = unit.parent if unit.parent and unit.parent.is_area else unit
    upper = area.parent
    if unit.kind in deadlines.DEPARTMENT_KINDS:
        names = [f"中共{area.name}委", f"{area.name}人民政府"]
        if upper is not None:
            peer = Unit.objects.filter(parent=upper, kind=unit.kind).first()
            names.append(peer.name if peer else f"{upper.name}有关部门")
        office = Unit.objects.filter(parent=area, kind=Unit.Kind.RULE_OF_LAW_OFFICE).first()
        if office is not None:
            names.append(f"{office.name}（抄送）")
        return names
    names = [f"中共{area.name}委", f"{area.name}人大常委会"]
    if upper is not None:
        names += [f"中共{upper.name}委", f"{upper.name}人民政府"]
    return names


@service
def start_correction(*, actor, report: AnnualReport) -> AnnualReport:
    """更正: a submitted report stays as it was; the correction is a new version in drafting."""
    step = REPORT_FLOW.check(report, "start_correction", actor=actor)
    if report.superseded:
        raise ValidationError(step.refusal)
    report.superseded = True
    report.save(update_fields=["superseded"])
    correction = AnnualReport(
        unit=report.unit,
        year=report.year,
        version=report.version + 1,
        previous_version=report,
        title=report.title,
        drafted_by=actor,
        report_due=report.report_due,
        publish_due=report.publish_due,
        figures_computed_at=report.figures_computed_at,
    )
    correction.save()
    for part in report.parts.all():
        Part.objects.create(
            report=correction,
            key=part.key,
            order=part.order,
            generated=part.generated,
            narrative=part.narrative,
        )
    record_event(
        actor=actor,
        action="annual_report.start_correction",
        summary=f"创建《{report.title}》第{correction.version}版（更正）",
        target=correction,
        unit=report.unit,
    )
    return correction


@service
def set_reporting_dates(
    *, actor, unit: Unit, department_report_by: str, government_report_by: str, publish_by: str
) -> ReportingDates:
    """An area's earlier due dates for its subtree; never later than the rules allow."""
    if not unit.is_area:
        raise ValidationError("期限只能由省、市、区县等地区设置")
    require(actor, Action.MANAGE_UNITS, unit, "无权设置该地区的报告期限")
    values = {
        "department_report_by": department_report_by,
        "government_report_by": government_report_by,
        "publish_by": publish_by,
    }
    errors = []
    for name, text in values.items():
        label = ReportingDates._meta.get_field(name).verbose_name
        try:
            month, day = deadlines.month_day(text)
            datetime.date(2023, month, day)  # a year without 2月29日: valid every year
        except ValueError:
            errors.append(f"{label}“{text}”不是有效的月-日（如03-01）")
            continue
        if (month, day) > deadlines.DEFAULT_DATES[name]:
            default = deadlines.month_day_text(deadlines.DEFAULT_DATES[name])
            errors.append(f"{label}不得晚于规定的{default}")
    if errors:
        raise ValidationError(errors)
    dates = ReportingDates.objects.filter(unit=unit).first() or ReportingDates(unit=unit)
    for name, text in values.items():
        setattr(dates, name, text)
    dates.save()
    record_event(
        actor=actor,
        action="annual_report.set_dates",
        summary=f"设置{unit.name}年度报告期限：部门{department_report_by}、政府{government_report_by}、公开{publish_by}",
        target=dates,
        unit=unit,
    )
    return dates


@service
def urge_report(*, actor, unit: Unit, year: int) -> UrgeNotice:
    """催报: a 依法治办 督察员 reminds an area under it of its late report of `year` (the
    督察 of 法治政府建设与责任落实督察工作规定); the reminder stands on the area's due list."""
    membership = active_membership(actor)
    if not actor.is_superuser and (membership is None or membership.role != Role.INSPECTOR):
        raise PermissionDenied("只有依法治办督察员可以催报")
    if not unit.is_area:
        raise ValidationError(f"“{unit.name}”不是地区，催报的对象是下级地区")
    require(actor, Action.VIEW, unit, f"无权催报“{unit.name}”")
    reports = AnnualReport.objects.filter(unit__path__startswith=unit.path, year=year)
    current = [report for report in reports if not report.superseded]
    if current and all(report.state not in BEFORE_SUBMISSION for report in current):
        raise ValidationError(f"{unit.name}{year}年度报告均已报送，无需催报")
    notice = UrgeNotice.objects.create(
        unit=unit, year=year, urged_by=actor, urged_on=timezone.localdate()
    )
    record_event(
        actor=actor,
        action="annual_report.urge",
        summary=f"催报{unit.name}{year}年度法治政府建设年度报告",
        target=notice,
        unit=unit,
    )
    return notice
