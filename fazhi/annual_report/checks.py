"""Checks before approval: every required part present and non-empty; every number in the
narrative that names a catalog indicator agrees with the computed value (the report reader's
figure finder reads the narrative as it would read a published report); parts sum to their
wholes; the generated figures still match the records; the title names the record's unit
and year. Each problem names its place in the text."""

from dataclasses import dataclass
from decimal import Decimal

from fazhi.report_reader.reader import analyse

from . import drafting, structure
from .models import AnnualReport


@dataclass(frozen=True)
class Problem:
    key: str  # stable identity, for an override
    part: str  # the part's Chinese name, or 标题
    message: str
    quote: str = ""


def is_empty(part) -> bool:
    """Empty when nothing but the template's topic headings was written."""
    template = set(structure.topics_template(part.key).splitlines())
    written = [
        structure.without_hints(line.strip())
        for line in part.narrative.splitlines()
        if line.strip()
    ]
    return not [line for line in written if line not in template]


def parts_shown(parts) -> list:
    """The parts a reader sees: 其他需要报告的情况 is optional, shown (and numbered) only when
    something was written in it."""
    return [p for p in parts if structure.BY_KEY[p.key].required or not is_empty(p)]


def _narrative_figures(text: str):
    result = analyse(text, "narrative.txt")
    return result.figures, [f for f in result.findings if f.kind == "error"]


def _close(stated: float, computed) -> bool:
    if computed is None:
        return False
    tolerance = Decimal("0.01") if isinstance(computed, Decimal) else Decimal(0)
    return abs(Decimal(str(stated)) - Decimal(computed)) <= tolerance


def check_report(report: AnnualReport, computed: dict) -> list[Problem]:
    """The problems that block approval. `computed`: indicator id → value for the year."""
    problems: list[Problem] = []
    parts = {part.key: part for part in report.parts.all()}
    for spec in structure.PARTS:
        part = parts.get(spec.key)
        name = spec.title.format(year=report.year, next_year=report.year + 1)
        generated = part is not None and part.generated
        if spec.required and (part is None or (is_empty(part) and not generated)):
            problems.append(Problem(f"empty:{spec.key}", name, "该部分为空，须填写"))
        if part is None or not part.narrative.strip():
            continue
        figures, errors = _narrative_figures(part.narrative)
        for figure in figures:
            if figure.indicator not in computed:
                continue
            value = computed[figure.indicator]
            if figure.qualifier == "exact" and not _close(figure.value, value):
                shown = "—" if value is None else drafting.format_value(value)
                problems.append(
                    Problem(
                        f"figure:{spec.key}:{figure.indicator}:{figure.value}",
                        name,
                        f"正文中的数据与系统计算不一致：写为{drafting.format_value(figure.value)}，"
                        f"按记录计算为{shown}（{figure.indicator}）",
                        figure.quote,
                    )
                )
        for finding in errors:
            quote = "；".join(q.get("quote", "") for q in finding.quotes)
            problems.append(
                Problem(f"sum:{spec.key}:{finding.message}", name, finding.message, quote)
            )
    stale_figures = drafting.stale_figures(
        report.unit.scope_root, report.year, _generated(parts), values=computed
    )
    for stale in stale_figures:
        problems.append(
            Problem(
                f"stale:{stale['indicator']}:{stale['now']}",
                "主要举措和成效（生成数据）",
                f"{stale['name']}的记录已变化：草稿为{stale['was'] or '无'}，现为{stale['now'] or '无'}，"
                "请刷新数据",
            )
        )
    title = report.title
    if str(report.year) not in title or report.unit.name not in title:
        problems.append(Problem("title", "标题", "标题中的单位或年度与报告记录不一致", title))
    return problems


def _generated(parts) -> list:
    part = parts.get("measures_and_results")
    return part.generated if part is not None else []


def open_problems(report: AnnualReport, problems: list[Problem]) -> list[Problem]:
    accepted = set(report.overrides.values_list("problem", flat=True))
    return [p for p in problems if p.key not in accepted]
