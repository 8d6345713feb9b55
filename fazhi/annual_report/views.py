import functools
from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from fazhi.core.filters import YearQuery, query_values
from fazhi.core.guards import permits
from fazhi.core.jobs import jobs
from fazhi.core.jobs.models import Job
from fazhi.core.ledgers import Column, Ledger, ledger_page
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action, Role
from fazhi.core.selectors import can
from fazhi.core.viewtools import (
    record_view,
    require,
    run_posted_form,
    run_service_form,
)
from fazhi.indicators import charts
from fazhi.indicators.registry import get

from . import (
    checks,
    deadlines,
    document,
    drafting,
    overview,
    selectors,
    services,
    structure,
    work,
)
from .forms import (
    CreateReportForm,
    EditReportForm,
    OverrideForm,
    PlainForm,
    ReportingDatesForm,
    StepForm,
    UrgeForm,
)
from .models import AnnualReport
from .workflow import REPORT_FLOW

REPORT_LEDGER = Ledger(
    "法治政府建设年度报告台账.xlsx",
    "年度报告",
    (
        Column("标题", lambda r: r.title),
        Column("年度", lambda r: r.year),
        Column(
            "版本",
            lambda r: r.version,
            cell=lambda r: f"第{r.version}版{'（已更正）' if r.superseded else ''}",
        ),
        Column(
            "状态",
            lambda r: r.get_state_display(),
            cell=lambda r: format_html(
                '<span class="badge state-{}">{}</span>', r.state, r.get_state_display()
            ),
        ),
        Column("报送期限", lambda r: r.report_due),
        Column("报送日期", lambda r: r.submitted_on, empty="—"),
        Column("公开期限", lambda r: r.publish_due, on_page=False),
        Column("公开日期", lambda r: r.published_on, empty="—"),
    ),
)


def report_list(request):
    membership = active_membership(request.user)
    form = None
    if membership is not None and can(request.user, Action.CREATE, AnnualReport.work_line):
        form = CreateReportForm(request=request, initial={"year": timezone.localdate().year - 1})
    actions = [("各地报告情况", reverse("annual_report:report_overview"))]
    if can(request.user, Action.MANAGE_UNITS):
        actions.append(("期限设置", reverse("annual_report:reporting_dates")))
    return ledger_page(
        request,
        selectors.reports(request.user, request.GET.get("q", "").strip()),
        ledger=REPORT_LEDGER,
        title="法治政府建设年度报告",
        template="annual_report/report_list.html",
        search_placeholder="标题、年度",
        empty="没有符合条件的报告",
        actions=actions,
        create_form=form,
        unit=membership.unit if membership else None,
    )


@require_POST
def report_create(request):
    require(request, Action.CREATE, AnnualReport.work_line)
    membership = active_membership(request.user)
    form = CreateReportForm(request.POST, request=request)
    report = run_posted_form(
        request,
        form,
        services.create_report,
        lambda r: f"已起草《{r.title}》，数据已按记录生成",
        unit=membership.unit,
    )
    return redirect(report or "annual_report:report_list")


def _segments_with_links(user, report, paragraphs, internal: bool):
    """The generated paragraphs with each figure's link: within the report's tree to the
    records behind it (over the report's area when the viewer may see it, else over what the
    viewer may see of it); beyond it, to the figures the unit published with the report —
    never to the viewer's own records, which are not what the report counted."""
    base = reverse("indicators:records")
    area = report.unit.scope_root
    unit = f"&unit={area.pk}" if permits(user, Action.VIEW, area) else ""
    published = reverse("annual_report:report_figures", args=[report.pk])

    def url(indicator):
        if internal:
            return f"{base}?id={indicator}&year={report.year}{unit}"
        return f"{published}#figure-{indicator.replace('.', '-')}"

    return [
        [
            {
                **segment,
                "url": url(segment["indicator"]),
                "name": get(segment["indicator"]).name,
            }
            if "indicator" in segment
            else segment
            for segment in paragraph
        ]
        for paragraph in paragraphs
    ]


# Notes on the draft contributed by other apps: `note(request, unit, year) -> html or ""`.
NOTES = []


def register_notes(*notes) -> None:
    NOTES.extend(notes)


@record_view(AnnualReport)
def report_detail(request, report):
    parts = list(selectors.parts(request.user, report))
    # Beyond its tree a public report shows its published text and figures only: no checks,
    # no workflow log, no names of who drafted, reviewed or signed it (docs/permissions.md).
    internal = selectors.within_scope(request.user, report)
    problems = services.problems(report) if internal and not report.is_frozen else []
    accepted = {o.problem: o for o in selectors.overrides(request.user, report)}
    # A public report is readable, not workable, beyond its tree (the scope of each step).
    may_review = permits(request.user, Action.REVIEW, report)
    parts = checks.parts_shown(parts)
    rows = [
        {
            "spec": structure.BY_KEY[part.key],
            "title": structure.numbered_title(part.key, report.year, index),
            "paragraphs": _segments_with_links(request.user, report, part.generated, internal),
            "blocks": document.blocks(document.narrative_lines(part.narrative)),
            "empty": checks.is_empty(part) and not part.generated,
        }
        for index, part in enumerate(parts)
    ]
    return render(
        request,
        "annual_report/report_detail.html",
        {
            "report": report,
            "internal": internal,
            "parts": rows,
            "problems": [{"problem": p, "override": accepted.get(p.key)} for p in problems],
            "open_problems": len([p for p in problems if p.key not in accepted]),
            "stale": [p for p in problems if p.key.startswith("stale:")],
            "notes": [
                html
                for note in NOTES
                if internal and not report.is_frozen
                if (html := note(request, report.unit, report.year))
            ],
            "buttons": REPORT_FLOW.buttons(
                report, request.user, lambda t: StepForm(request=request, action=t.action)
            ),
            "workflow": REPORT_FLOW,
            "override_form": OverrideForm(request=request) if may_review else None,
            "plain_form": PlainForm(request=request),
            "may_edit": REPORT_FLOW.allows(report, "edit_report", request.user),
            "may_correct": REPORT_FLOW.allows(report, "start_correction", request.user),
            "steps": selectors.steps(request.user, report),
            "versions": selectors.versions(request.user, report),
        },
    )


@record_view(AnnualReport)
def report_edit(request, report):
    form = EditReportForm(request.POST or None, request=request, report=report)
    if run_service_form(request, form, services.edit_report, report=report) is not None:
        messages.success(request, "已保存")
        return redirect(report)
    return render(request, "annual_report/report_edit.html", {"report": report, "form": form})


@record_view(AnnualReport)
@require_POST
def report_step(request, report):
    action = request.POST.get("action", "")
    if action not in REPORT_FLOW.by_action:
        raise Http404("没有这个办理步骤")
    form = StepForm(request.POST, request=request, action=action)
    label = REPORT_FLOW.by_action[action].label
    run_posted_form(request, form, getattr(services, action), f"已办理：{label}", report=report)
    return redirect(report)


def _plain_post(request, report, service, success: str):
    form = PlainForm(request.POST, request=request)
    done = run_posted_form(request, form, service, success, report=report)
    return redirect(done if isinstance(done, AnnualReport) else report)


@record_view(AnnualReport)
@require_POST
def report_refresh(request, report):
    return _plain_post(request, report, services.refresh_figures, "已按记录刷新数据")


@record_view(AnnualReport)
@require_POST
def report_correct(request, report):
    return _plain_post(request, report, services.start_correction, "已创建更正版本，原版本保留")


@record_view(AnnualReport)
@require_POST
def report_override(request, report):
    form = OverrideForm(request.POST, request=request)
    run_posted_form(request, form, services.override_problem, "已记录忽略理由", report=report)
    return redirect(report)


@record_view(AnnualReport)
def report_docx(request, report):
    parts = selectors.parts(request.user, report)
    response = HttpResponse(
        document.docx_bytes(report, parts),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = _attachment(f"{report.title}.docx")
    return response


@record_view(AnnualReport)
@require_POST
def report_pdf(request, report):
    """下载PDF: a background job (fazhi/core/jobs) makes the file; done already (the immediate
    backend), it downloads at once, otherwise the job's page offers it when ready."""
    job = jobs.start_work(
        actor=request.user,
        kind=Job.Kind.PDF,
        title=f"生成PDF：{report.title}",
        run=functools.partial(work.report_pdf, report=report),
        done=report.get_absolute_url(),
    )
    return jobs.answer(request, job)


@record_view(AnnualReport)
def report_figures(request, report):
    """The figures the unit published with the report: each with its definition and the value
    as published — what a figure link of a public report opens for readers beyond its tree."""
    figures = drafting.figures_of(
        [p for part in selectors.parts(request.user, report) for p in part.generated]
    )
    rows = [
        {"indicator": get(key), "anchor": f"figure-{key.replace('.', '-')}", "value": value}
        for key, value in figures.items()
    ]
    return render(request, "annual_report/figures.html", {"report": report, "rows": rows})


def _attachment(name: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(name)}"


@record_view(AnnualReport)
def report_publication(request, report):
    """The report as a standalone page for the unit's site, with its charts."""
    parts = list(selectors.parts(request.user, report))
    lines = document.report_lines(report, parts)
    measures = next((p for p in parts if p.key == "measures_and_results"), None)
    figures = [
        (get(s["indicator"]), s["value"])
        for paragraph in (measures.generated if measures else [])
        for s in paragraph
        if "indicator" in s and get(s["indicator"]).unit != "%"
    ]
    chart = charts.bars([(indicator.name, float(value)) for indicator, value in figures][:12])
    return render(
        request,
        "annual_report/publication.html",
        {
            "report": report,
            # the chart follows the first part's heading (title, opening, heading)
            "opening": document.blocks(lines[:3]),
            "rest": document.blocks(lines[3:]),
            "bars": chart,
            "chart": {"width": charts.WIDTH, "height": charts.HEIGHT},
        },
    )


def report_overview(request):
    """督察: every subordinate area's reports of a year, with status and key figures."""
    year = query_values(request, YearQuery)["year"] or timezone.localdate().year - 1
    table = overview.table(request.user, year, timezone.localdate())
    if request.GET.get("export") == "xlsx":
        return table.ledger.xlsx(table.lines())
    membership = active_membership(request.user)
    urge_form = None
    if membership is not None and membership.role == Role.INSPECTOR:
        urge_form = UrgeForm(request=request, areas=Unit.objects.none())
    return render(
        request,
        "annual_report/overview.html",
        {"year": year, "table": table, "urge_form": urge_form},
    )


@require_POST
def report_urge(request):
    """催报 from the overview: the reminder lands on the area's due list."""
    _, areas = selectors.subordinate_areas(request.user)
    form = UrgeForm(
        request.POST, request=request, areas=Unit.objects.filter(pk__in=[a.pk for a in areas])
    )
    notice = run_posted_form(
        request,
        form,
        services.urge_report,
        lambda notice: f"已向{notice.unit.name}催报{notice.year}年度报告",
    )
    year = notice.year if notice else "".join(filter(str.isdigit, request.POST.get("year", "")))
    return redirect(f"{reverse('annual_report:report_overview')}?year={year}")


def reporting_dates(request):
    """The due dates of the user's area and its subtree; a 单位管理员 may set earlier ones."""
    require(request, Action.MANAGE_UNITS)
    membership = active_membership(request.user)
    area = membership.unit.scope_root if membership else None
    if area is None or not area.is_area:
        return render(
            request,
            "annual_report/reporting_dates.html",
            {"error": "当前单位不是地区，不能设置报告期限"},
            status=400,
        )
    current = {name: deadlines.month_day_text(v) for name, v in deadlines.dates_for(area).items()}
    form = ReportingDatesForm(request.POST or None, request=request, initial=current)
    if run_service_form(request, form, services.set_reporting_dates, unit=area) is not None:
        messages.success(request, f"已设置{area.name}及所属单位的年度报告期限")
        return redirect("annual_report:reporting_dates")
    return render(
        request,
        "annual_report/reporting_dates.html",
        {"area": area, "form": form, "defaults": deadlines.DEFAULT_DATES},
    )
