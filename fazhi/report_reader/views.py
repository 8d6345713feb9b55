from django.contrib import messages
from django.shortcuts import redirect, render

from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action
from fazhi.core.viewtools import (
    Ledger,
    ledger_page,
    record_view,
    require,
    run_service_form,
    xlsx_response,
)

from . import selectors, services
from .forms import UploadForm
from .models import ReadReport

REPORT_LEDGER = Ledger(
    "报告解析台账.xlsx",
    "报告",
    ["文件名", "地区", "报告机关", "年度", "发布日期", "上传单位", "上传时间"],
    lambda r: (
        r.file_name,
        r.region,
        r.agency,
        r.year,
        r.published,
        r.unit.name,
        r.created_at.strftime("%Y-%m-%d %H:%M"),
    ),
)


def report_list(request):
    queryset = selectors.reports(request.user, request.GET.get("q", "").strip())
    return ledger_page(
        request,
        queryset,
        ledger=REPORT_LEDGER,
        template="report_reader/report_list.html",
        rows_template="report_reader/_report_rows.html",
    )


def report_upload(request):
    require(request, Action.VIEW)
    membership = active_membership(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, request=request)
    result = (
        run_service_form(request, form, services.store_reports, unit=membership.unit)
        if membership
        else None
    )
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


@record_view(ReadReport)
def report_detail(request, report):
    result = report.result
    return render(
        request,
        "report_reader/report_detail.html",
        {
            "report": report,
            "parts": selectors.parts(report),
            "figures": [
                {**f, "name": selectors.indicator_name(f.get("indicator"))}
                for f in result.get("figures", [])
            ],
            "unmapped": result.get("unmapped", []),
            "findings": result.get("findings", []),
            "marked_text": selectors.marked_text(report),
        },
    )


def report_compare(request):
    choices = selectors.indicator_choices(request.user)
    indicator = request.GET.get("indicator", "").strip()
    rows = list(selectors.comparison(request.user, indicator)) if indicator else []
    if request.GET.get("export") == "xlsx" and indicator:
        return xlsx_response(
            "报告数据对比.xlsx",
            "对比",
            ["地区", "年度", "数值", "单位", "限定", "原文"],
            ((f.report.region, f.report.year, f.value, f.unit, f.qualifier, f.quote) for f in rows),
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
            "indicator": indicator,
            "indicator_name": selectors.indicator_name(indicator) if indicator else "",
            "rows": rows,
            "bars": bars,
            "chart_height": len(rows) * 28 + 4,
        },
    )
