"""Every read of stored reports, already scoped to what the user may see."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from fazhi.core.roles import Action
from fazhi.indicators.catalog import CATALOG

from .models import ReadReport, ReportFigure
from .sections import KEYS, NAMES, REQUIRED

STATUS = {"present": "完整", "merged": "与其他部分合并", "missing": "缺失"}


def reports(user, search: str = ""):
    queryset = ReadReport.objects.restrict(user).select_related("unit", "uploaded_by")
    if search:
        queryset = queryset.filter(
            Q(file_name__icontains=search)
            | Q(region__icontains=search)
            | Q(agency__icontains=search)
            | Q(year__icontains=search)
        )
    return queryset


def indicator_name(indicator: str | None) -> str:
    entry = CATALOG.get(indicator or "")
    return entry.name if entry else (indicator or "未归类数据")


def indicator_choices(user) -> list[tuple[str, str]]:
    ids = (
        ReportFigure.objects.restrict(user)
        .order_by()
        .values_list("indicator", flat=True)
        .distinct()
    )
    return sorted((i, indicator_name(i)) for i in set(ids))


def comparison(user, indicator: str):
    return (
        ReportFigure.objects.restrict(user)
        .filter(indicator=indicator)
        .select_related("report")
        .order_by("report__region", "report__year", "span_start")
    )


def may_publish(user, report: ReadReport) -> bool:
    try:
        report_to_publish(user, report.pk)
    except PermissionDenied:
        return False
    return True


def report_to_publish(user, pk) -> ReadReport:
    """A report of the user's own scope that they uploaded or may review (审核).

    Public visibility does not extend to changing it: another unit's public report is not
    theirs to withdraw.
    """
    reviewable = ReadReport.objects.restrict(user, Action.REVIEW)
    uploaded = ReadReport.objects.restrict(user).filter(uploaded_by=user)
    found = (reviewable | uploaded).filter(pk=pk).first()
    if found is None:
        raise PermissionDenied("只有上传人或本单位审核人、负责人可以公开或取消公开该报告")
    return found


def region_choices(user) -> list[str]:
    regions = ReadReport.objects.restrict(user).exclude(region="").values_list("region", flat=True)
    return sorted(set(regions))


def region_across_years(user, region: str) -> tuple[list[int], list[dict]]:
    """One region's figures by indicator (rows) and year (columns).

    Where a year's report states an indicator more than once (or the report was read twice),
    the first statement of the most recently read report counts, as a reader would quote it.
    """
    figures = (
        ReportFigure.objects.restrict(user)
        .filter(report__region=region, report__year__isnull=False)
        .select_related("report")
        .order_by("-report__created_at", "-report__pk", "span_start")
    )
    cells: dict[str, dict[int, ReportFigure]] = {}
    for figure in figures:
        cells.setdefault(figure.indicator, {}).setdefault(figure.report.year, figure)
    years = sorted({year for row in cells.values() for year in row})
    rows = []
    for indicator in sorted(cells):
        by_year = cells[indicator]
        top = max((float(f.value) for f in by_year.values()), default=0) or 1
        rows.append(
            {
                "indicator": indicator,
                "name": indicator_name(indicator),
                "unit": next(iter(by_year.values())).unit,
                "cells": [by_year.get(year) for year in years],
                "bars": [
                    {
                        "x": i * 14,
                        "height": (h := round(float(by_year[year].value) / top * 24, 1)),
                        "y": 26 - h,
                    }
                    for i, year in enumerate(years)
                    if year in by_year
                ],
            }
        )
    return years, rows


def parts(report: ReadReport) -> list[dict]:
    rows = []
    for key in KEYS:
        part = report.sections.get(key) or {"status": "missing"}
        status = part.get("status", "missing")
        rows.append(
            {
                "name": NAMES[key],
                "title": part.get("title") or "",
                "status": status,
                "label": STATUS.get(status, status),
                "flagged": status == "missing" and key in REQUIRED,
            }
        )
    return rows


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def marked_text(report: ReadReport) -> SafeString:
    """The report's text, escaped, with every figure wrapped in <mark title="id · value">."""
    text = report.text
    figures = report.result.get("figures", []) + report.result.get("unmapped", [])
    spans = sorted(
        (f for f in figures if f.get("span") and len(f["span"]) == 2),
        key=lambda f: (f["span"][0], -f["span"][1]),
    )
    pieces, cursor = [], 0
    for figure in spans:
        start, end = figure["span"]
        if start < cursor or end > len(text) or start >= end:
            continue  # overlapping or out of range: leave unmarked
        pieces.append(escape(text[cursor:start]))
        title = f"{figure.get('indicator') or '未归类'} · {_number(figure.get('value'))} {figure.get('unit') or ''}".strip()
        css = "figure" if figure.get("indicator") else "figure unmapped"
        pieces.append(
            format_html('<mark class="{}" title="{}">{}</mark>', css, title, text[start:end])
        )
        cursor = end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(str(p) for p in pieces))  # every piece is escaped above
