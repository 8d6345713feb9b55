"""Every read of stored reports, already scoped to what the user may see."""

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from fazhi.core.models import Unit
from fazhi.core.roles import Action
from fazhi.core.selectors import get_visible
from fazhi.indicators import engine
from fazhi.indicators.catalog import CATALOG
from fazhi.indicators.registry import registered

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


def counted_figures(user):
    """The figures comparisons count: every visible one but those a person excluded (a
    corrected figure counts as corrected)."""
    return ReportFigure.objects.restrict(user).exclude(review=ReportFigure.Review.REJECTED)


def indicator_choices(user) -> list[tuple[str, str]]:
    ids = counted_figures(user).order_by().values_list("indicator", flat=True).distinct()
    return sorted((i, indicator_name(i)) for i in set(ids))


def comparison(user, indicator: str):
    return (
        counted_figures(user)
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
        counted_figures(user)
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


def figure_to_review(user, pk) -> ReportFigure:
    """A figure the user may confirm, correct or exclude: one of a report they uploaded or
    may review (审核) — the same people who may publish it."""
    figure = get_visible(ReportFigure, user, pk)
    try:
        report_to_publish(user, figure.report_id)
    except PermissionDenied:
        raise PermissionDenied("只有上传人或本单位审核人、负责人可以确认报告中的数据") from None
    return figure


def uncertain_figures(report: ReadReport) -> list[ReportFigure]:
    """The figures a person should look at: read by the nearest words or with the work line
    inferred from the passage, and not reviewed yet."""
    return [
        f for f in report.figures.all() if f.uncertain and f.review == ReportFigure.Review.PENDING
    ]


# — reports × indicators —


@dataclass
class Cell:
    value: Decimal
    figure: ReportFigure | None = None  # the statement; None for a rate computed from parts
    parts: tuple[Decimal, Decimal] | None = None  # numerator, denominator of a computed rate


def _first_statements(figures) -> dict[int, dict[str, ReportFigure]]:
    """Per report, the first statement of each indicator (as a reader would quote it)."""
    stated: dict[int, dict[str, ReportFigure]] = {}
    for figure in figures:
        stated.setdefault(figure.report_id, {}).setdefault(figure.indicator, figure)
    return stated


def _cell(indicator: str, stated: dict[str, ReportFigure]) -> Cell | None:
    """The report's own figure; for a rate it does not state, the rate computed from the
    parts it does state (纠错率 from 纠错 and 审结) — never one rate in another's place
    (纠错率 and 综合纠错率 are different figures)."""
    if indicator in stated:
        return Cell(stated[indicator].value, stated[indicator])
    computed = registered().get(indicator)
    if computed is None or not computed.is_ratio:
        return None
    numerator, denominator = stated.get(computed.numerator), stated.get(computed.denominator)
    if numerator is None or denominator is None or not denominator.value:
        return None
    rate = (numerator.value * 100 / denominator.value).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return Cell(rate, parts=(numerator.value, denominator.value))


def common_indicators(user, limit: int = 8) -> list[str]:
    """The indicators most reports state: the table's columns when none are chosen."""
    pairs = counted_figures(user).values_list("report_id", "indicator").distinct().order_by()
    counts = Counter(indicator for _, indicator in pairs)
    return [indicator for indicator, _ in counts.most_common(limit)]


def report_table(user, reports_page, indicators: list[str]) -> list[dict]:
    """Rows of the reports × indicators table for the reports given (one page of them)."""
    figures = (
        counted_figures(user)
        .filter(report__in=[r.pk for r in reports_page], indicator__in=_with_parts(indicators))
        .order_by("report", "span_start")
    )
    stated = _first_statements(figures)
    return [
        {"report": report, "cells": [_cell(i, stated.get(report.pk, {})) for i in indicators]}
        for report in reports_page
    ]


def _with_parts(indicators: list[str]) -> set[str]:
    needed = set(indicators)
    for indicator in indicators:
        computed = registered().get(indicator)
        if computed is not None and computed.is_ratio:
            needed |= {computed.numerator, computed.denominator}
    return needed


# — a published figure against the platform's own records —


def matching_unit(user, region: str) -> Unit | None:
    """The unit of the user's scope a report's region names (“示范市东湖区” → 东湖区): the
    longest unit name the region ends with, its parent named as well where two units share
    the name; None when no unit or more than one fits."""
    if not region:
        return None
    suffixes = {region[i:] for i in range(len(region)) if len(region) - i >= 2}
    found = list(
        Unit.objects.restrict(user)
        .filter(name__in=suffixes, kind__in=Unit.AREA_KINDS)
        .select_related("parent")
    )
    if not found:
        return None
    longest = max(len(u.name) for u in found)
    found = [u for u in found if len(u.name) == longest]
    if len(found) > 1:
        found = [u for u in found if u.parent and u.parent.name in region]
    return found[0] if len(found) == 1 else None


def platform_differences(user, report: ReadReport) -> tuple[Unit | None, list[dict]]:
    """Where the report's figure for its region and year differs from what the platform's
    records of the same unit and year give (only figures the user's work lines compute)."""
    unit = matching_unit(user, report.region)
    if unit is None or report.year is None:
        return unit, []
    stated = _first_statements(counted_figures(user).filter(report=report))
    mine = stated.get(report.pk, {})
    computed = registered()
    shown = engine.shown_to(user, [computed[i] for i in mine if i in computed])
    if not shown:
        return unit, []
    period = engine.Period.year(report.year)
    values = engine.compute([i.id for i in shown], user=user, unit=unit, period=period)
    rows = []
    for indicator in shown:
        ours, theirs = values[indicator.id], mine[indicator.id].value
        if ours is None or Decimal(ours) == theirs:
            continue
        rows.append({"indicator": indicator, "report": theirs, "platform": ours})
    return unit, rows
