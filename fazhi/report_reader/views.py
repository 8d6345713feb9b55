from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.ledgers import Column, Ledger, ledger_page
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action
from fazhi.core.viewtools import (
    list_template,
    paginate,
    record_view,
    require,
    run_posted_form,
    run_service_form,
    xlsx_response,
)
from fazhi.indicators.catalog import CATALOG

from . import selectors, services, work
from .forms import FigureReviewForm, PublishForm, UploadForm
from .models import ReadReport, ReportFigure
from .numbers import QUALIFIER_LABELS

REPORT_LEDGER = Ledger(
    "报告解析台账.xlsx",
    "报告",
    (
        Column("文件名", lambda r: r.file_name),
        Column("地区", lambda r: r.region, empty="—"),
        Column("报告机关", lambda r: r.agency, empty="—"),
        Column("年度", lambda r: r.year, empty="—"),
        Column("发布日期", lambda r: r.published, empty="—"),
        Column("上传单位", lambda r: r.unit.name),
        Column("上传时间", lambda r: timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M")),
        Column(
            "公开",
            lambda r: "是" if r.is_public else "否",
            cell=lambda r: "公开" if r.is_public else "",
            empty="—",
        ),
    ),
)


def report_list(request):
    queryset = selectors.reports(request.user, request.GET.get("q", "").strip())
    return ledger_page(
        request,
        queryset,
        ledger=REPORT_LEDGER,
        title="法治政府建设情况报告解析",
        section="报告解析",
        search_placeholder="文件名、地区、报告机关、年度",
        empty="没有符合条件的报告",
        actions=[
            ("上传报告", reverse("report_reader:report_upload")),
            ("数据对比", reverse("report_reader:report_compare")),
        ],
    )


def report_upload(request):
    """One file is read in the request; several are a background job (work.py) whose page
    counts the files — or, done already (the immediate backend), answered here as before."""
    require(request, Action.VIEW)
    membership = active_membership(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, request=request)
    several = len(request.FILES.getlist("uploads")) > 1
    service = work.start_reading if several else services.store_reports
    result = run_service_form(request, form, service, unit=membership.unit) if membership else None
    if result is not None and several:
        return _reading_answer(request, result)
    if result is not None:
        reports, errors = result
        if reports:
            messages.success(request, f"已解析并保存{len(reports)}份报告")
        if not errors and len(reports) == 1:
            return redirect("report_reader:report_detail", pk=reports[0].pk)
        if not errors:
            return redirect("report_reader:report_list")
        return render(
            request,
            "report_reader/upload.html",
            {"form": UploadForm(request=request), "errors": errors, "stored": reports},
        )
    return render(request, "report_reader/upload.html", {"form": form})


def _reading_answer(request, job):
    if not job.finished:
        return redirect(job)
    errors = [message for _row, _column, message in job.errors]
    if job.status == job.Status.DONE:
        messages.success(request, job.message)
        if not errors:
            return redirect(job.done_url)
    context = {"form": UploadForm(request=request), "errors": errors, "stored": []}
    return render(request, "report_reader/upload.html", context)


@record_view(ReadReport)
def report_detail(request, report):
    result = report.result
    may_review = selectors.may_publish(request.user, report)
    uncertain = selectors.uncertain_figures(report) if may_review else []
    platform_unit, differences = selectors.platform_differences(request.user, report)
    return render(
        request,
        "report_reader/report_detail.html",
        {
            "report": report,
            "parts": selectors.parts(report),
            "figures": [
                {"row": f, "name": selectors.indicator_name(f.indicator)}
                for f in report.figures.select_related("reviewed_by")
            ],
            "reviews": [(f, FigureReviewForm(request=request)) for f in uncertain[:50]],
            "uncertain_count": len(uncertain),
            "catalog": sorted(CATALOG.values(), key=lambda entry: entry.id) if uncertain else [],
            "platform_unit": platform_unit,
            "differences": differences,
            "unmapped": result.get("unmapped", []),
            "findings": result.get("findings", []),
            "marked_text": selectors.marked_text(report),
            "publish_form": PublishForm(
                request=request, initial={"is_public": not report.is_public}
            )
            if selectors.may_publish(request.user, report)
            else None,
        },
    )


@record_view(ReadReport)
@require_POST
def report_publish(request, report):
    """公开 / 取消公开: a published report becomes readable by every platform user."""
    report = selectors.report_to_publish(request.user, report.pk)
    form = PublishForm(request.POST, request=request)
    run_posted_form(
        request,
        form,
        services.set_public,
        lambda done: "报告已公开" if done.is_public else "报告已取消公开",
        report=report,
    )
    return redirect("report_reader:report_detail", pk=report.pk)


@record_view(ReportFigure)
@require_POST
def figure_review(request, figure):
    """确认 / 更正 / 排除 one figure: kept (audited) and used by every comparison."""
    figure = selectors.figure_to_review(request.user, figure.pk)
    form = FigureReviewForm(request.POST, request=request)
    run_posted_form(
        request,
        form,
        services.review_figure,
        lambda done: f"数据已{done.get_review_display().removeprefix('已')}",
        figure=figure,
    )
    return redirect(reverse("report_reader:report_detail", args=[figure.report_id]) + "#review")


def report_table(request):
    """Reports (rows) × indicators (columns), the chosen ones or those most reports state;
    a rate a report does not state but whose parts it does is computed and marked."""
    indicators = [i for i in request.GET.getlist("indicator") if i in CATALOG][:20]
    indicators = indicators or selectors.common_indicators(request.user)
    reports = selectors.reports(request.user, request.GET.get("q", "").strip()).order_by(
        "region", "-year", "pk"
    )
    columns = [(i, selectors.indicator_name(i), CATALOG[i].unit) for i in indicators]
    if request.GET.get("export") == "xlsx":
        rows = selectors.report_table(request.user, list(reports[:5000]), indicators)
        return xlsx_response(
            "报告数据总表.xlsx",
            "报告×指标",
            ["地区", "年度", "报告", *(f"{name}（{unit}）" for _, name, unit in columns)],
            (
                (
                    row["report"].region,
                    row["report"].year,
                    row["report"].file_name,
                    *(
                        None
                        if cell is None
                        else (cell.value if cell.figure else f"{cell.value}（由分项计算）")
                        for cell in row["cells"]
                    ),
                )
                for row in rows
            ),
        )
    page = paginate(request, reports)
    return render(
        request,
        list_template(request, "report_reader/table.html", "report_reader/_table_rows.html"),
        {
            "columns": columns,
            "chosen": set(indicators),
            "choices": selectors.indicator_choices(request.user),
            "page": page,
            "rows": selectors.report_table(request.user, list(page), indicators),
            "q": request.GET.get("q", ""),
        },
    )


def report_compare(request):
    """One indicator across regions and years (?indicator=), or one region across years (?region=)."""
    region = request.GET.get("region", "").strip()
    if region:
        return _region_across_years(request, region)
    choices = selectors.indicator_choices(request.user)
    indicator = request.GET.get("indicator", "").strip()
    rows = list(selectors.comparison(request.user, indicator)) if indicator else []
    if request.GET.get("export") == "xlsx" and indicator:
        return xlsx_response(
            "报告数据对比.xlsx",
            "对比",
            ["地区", "年度", "数值", "单位", "限定", "原文"],
            (
                (
                    f.report.region,
                    f.report.year,
                    f.value,
                    f.unit,
                    QUALIFIER_LABELS.get(f.qualifier, f.qualifier),
                    f.quote,
                )
                for f in rows
            ),
        )
    top = max((float(f.value) for f in rows), default=0) or 1
    bars = [
        {"figure": f, "width": round(float(f.value) / top * 400, 1), "y": i * 28}
        for i, f in enumerate(rows)
    ]
    return render(
        request,
        "report_reader/compare.html",
        {
            "choices": choices,
            "regions": selectors.region_choices(request.user),
            "indicator": indicator,
            "indicator_name": selectors.indicator_name(indicator) if indicator else "",
            "rows": rows,
            "bars": bars,
            "chart_height": len(rows) * 28 + 4,
        },
    )


def _region_across_years(request, region: str):
    years, rows = selectors.region_across_years(request.user, region)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(
            f"{region}历年报告数据.xlsx",
            "历年对比",
            ["指标", "编号", "单位", *(f"{year}年" for year in years)],
            (
                (row["name"], row["indicator"], row["unit"])
                + tuple(cell.value if cell else None for cell in row["cells"])
                for row in rows
            ),
        )
    return render(
        request,
        "report_reader/compare_region.html",
        {
            "choices": selectors.indicator_choices(request.user),
            "regions": selectors.region_choices(request.user),
            "region": region,
            "years": years,
            "rows": rows,
            "trend_width": max(len(years), 1) * 14,
        },
    )
