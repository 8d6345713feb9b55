"""Draft the part on measures and results (主要举措和成效) from the indicators of the
reporting year: one paragraph per work line that has data, in the register of the seeds
("2025年，共收到行政复议申请30件，其中受理20件…纠错率23.5%。"). Every number is a segment
that carries its indicator id, so it can be traced, linked and checked for staleness."""

import datetime
from collections import defaultdict
from decimal import Decimal

from fazhi.indicators import engine
from fazhi.indicators.dashboard import area_label
from fazhi.indicators.registry import get, registered

# Sentences of the work lines the seeds report in prose of their own; any other work line
# gets the generic sentence. Each item: (text before, indicator id, text after), a clause
# left out when its value is zero or undefined.
WORK_LINES: dict[str, list[list[tuple[str, str, str]]]] = {
    "reconsideration": [
        [
            ("共收到行政复议申请", "reconsideration.received", "件"),
            ("，其中受理", "reconsideration.accepted", "件"),
            ("，不予受理", "reconsideration.not_accepted", "件"),
            ("，未按要求补正视为放弃", "reconsideration.not_supplemented", "件"),
        ],
        [
            ("审结", "reconsideration.closed", "件"),
            ("，其中维持", "reconsideration.upheld", "件"),
            ("，驳回", "reconsideration.dismissed", "件"),
            ("，撤销", "reconsideration.revoked", "件"),
            ("，变更", "reconsideration.altered", "件"),
            ("，确认违法", "reconsideration.confirmed_illegal", "件"),
            ("，责令履行", "reconsideration.ordered_performance", "件"),
            ("，确认无效", "reconsideration.confirmed_invalid", "件"),
            ("，调解结案", "reconsideration.mediated", "件"),
            ("，终止", "reconsideration.terminated", "件"),
            ("，纠错率", "reconsideration.correction_rate", "%"),
            ("，按期结案率", "reconsideration.on_time_rate", "%"),
        ],
        [("制发行政复议意见书、建议书", "reconsideration.opinion_letters", "份")],
    ],
    "litigation": [
        [
            ("办理行政应诉案件", "litigation.cases", "件"),
            ("，审结", "litigation.concluded", "件"),
            ("，其中败诉", "litigation.lost", "件"),
            ("，败诉率", "litigation.loss_rate", "%"),
        ],
        [
            ("行政机关负责人出庭应诉", "litigation.head_appearances", "件"),
            ("，出庭应诉率", "litigation.head_appearance_rate", "%"),
        ],
    ],
}
# The figure compared with the previous year in each work line's paragraph.
HEADLINE = {"reconsideration": "reconsideration.received", "litigation": "litigation.cases"}


def format_value(value) -> str:
    """Counts as integers, rates with at most two decimals, as the seeds write them."""
    if isinstance(value, Decimal):
        value = value.quantize(Decimal("0.01"))
        text = format(value, "f").rstrip("0").rstrip(".")
        return text or "0"
    return str(value)


def _figure(indicator_id: str, value) -> dict:
    return {"indicator": indicator_id, "value": format_value(value), "text": format_value(value)}


def year_on_year(current, previous) -> str | None:
    """ "同比上升12.3%" for a count whose previous year is known and non-zero."""
    if not previous or current is None:
        return None
    change = (Decimal(current) - Decimal(previous)) / Decimal(previous) * 100
    change = change.quantize(Decimal("0.1"))
    if change == 0:
        return "与上年持平"
    return f"同比{'上升' if change > 0 else '下降'}{format_value(abs(change))}%"


def _areas() -> dict[str, list[str]]:
    """Registered indicator ids by work line (the id's prefix), in registration order."""
    areas: dict[str, list[str]] = defaultdict(list)
    for indicator_id in registered():
        areas[indicator_id.split(".", 1)[0]].append(indicator_id)
    return areas


def _has_data(ids, values) -> bool:
    return any(values.get(i) for i in ids if not get(i).is_ratio)


def _sentence(clauses, values) -> list[dict]:
    """The clauses with a value; no sentence at all when its first figure (the whole) is 0."""
    if not values.get(clauses[0][1]):
        return []
    segments: list[dict] = []
    for before, indicator_id, after in clauses:
        value = values.get(indicator_id)
        if value is None or (value == 0 and not get(indicator_id).is_ratio):
            continue  # a rate of 0% is reported (败诉率0%); a count of 0 is not
        segments += [{"text": before}, _figure(indicator_id, value), {"text": after}]
    return segments


def _generic(ids, values) -> list[list[dict]]:
    segments: list[dict] = []
    for indicator_id in ids:
        indicator, value = get(indicator_id), values.get(indicator_id)
        if not value:
            continue
        segments += [
            {"text": ("，" if segments else "") + indicator.name},
            _figure(indicator_id, value),
            {"text": indicator.unit},
        ]
    return [segments] if segments else []


def paragraph(area: str, ids, values, previous, year: int) -> list[dict]:
    sentences = (
        [_sentence(clauses, values) for clauses in WORK_LINES[area]]
        if area in WORK_LINES
        else _generic(ids, values)
    )
    sentences = [s for s in sentences if s]
    label = area_label(get(ids[0]))
    segments: list[dict] = [{"text": f"{label}：{year}年，"}]
    for index, sentence in enumerate(sentences):
        segments += sentence + [{"text": "；" if index < len(sentences) - 1 else "。"}]
    headline = HEADLINE.get(area)
    change = year_on_year(values.get(headline), previous.get(headline)) if headline else None
    if change:
        segments.append({"text": f"{get(headline).name}数{change}。"})
    return segments


# The 第一责任人 part: what the 依法治办's records say of the leaders' duties (督察 and its
# rectification, 述法); these lines stay out of the measures part.
FIRST_PART: dict[str, list[list[tuple[str, str, str]]]] = {
    "accountability": [
        [
            ("开展法治督察", "accountability.inspections", "次"),
            ("，督察单位", "accountability.inspected_units", "个"),
            ("，反馈问题", "accountability.inspection_findings", "个"),
            ("，已整改销号", "accountability.rectified", "个"),
            ("，整改销号率", "accountability.rectification_rate", "%"),
        ],
        [
            ("领导干部述法", "accountability.law_reports", "人"),
            ("，其中现场述法", "accountability.law_reports_onsite", "人"),
            ("，述法名单单位覆盖率", "accountability.law_report_coverage_rate", "%"),
        ],
        [
            ("领导班子会议学法和专题法治讲座", "accountability.leadership_study_sessions", "次"),
            ("，听取研究法治工作", "accountability.leadership_meetings_on_rule_of_law", "次"),
        ],
        [("统筹落实上级交办任务", "accountability.tasks_assigned", "项")],
        [
            ("法治建设考核公布结果的单位", "accountability.assessment_results", "个"),
            ("，其中等次为优秀", "accountability.assessment_excellent", "个"),
        ],
        # the unit's own result, when it is the one assessed (none for an area of several)
        [
            ("本单位法治建设考核得分", "accountability.assessment_score", "分"),
            ("，名列第", "accountability.assessment_rank", "名"),
        ],
    ],
}
# The shortcomings part: the rectifications still open at the year's end, linked to them.
PROBLEMS_PART: dict[str, list[list[tuple[str, str, str]]]] = {
    "accountability": [
        [
            (
                "督察、述法发现的问题中，截至年底尚有",
                "accountability.open_rectifications",
                "个未整改销号",
            )
        ],
    ],
}


def draft_problems(unit, year: int) -> list[list[dict]]:
    """The shortcomings part's generated paragraph (open rectifications), linked likewise."""
    return draft_first_responsible(unit, year, PROBLEMS_PART)


def draft_first_responsible(unit, year: int, part=None) -> list[list[dict]]:
    """The 第一责任人 part's generated paragraph, its figures linked as the measures part's."""
    registered_ids = registered()
    clauses = [
        sentence
        for sentences in (part or FIRST_PART).values()
        for sentence in sentences
        if all(i in registered_ids for _, i, _ in sentence)
    ]
    ids = [i for sentence in clauses for _, i, _ in sentence]
    values = (
        engine.compute(ids, user=None, unit=unit, period=engine.Period.year(year)) if ids else {}
    )
    sentences = [s for s in (_sentence(c, values) for c in clauses) if s]
    if not sentences:
        return []
    segments: list[dict] = [{"text": f"{year}年，"}]
    for index, sentence in enumerate(sentences):
        segments += sentence + [{"text": "；" if index < len(sentences) - 1 else "。"}]
    return [segments]


def draft_measures(unit, year: int, values: dict | None = None) -> list[list[dict]]:
    """The generated paragraphs for `unit`'s subtree and `year`, one per work line with data.

    Computed over the whole subtree (not the drafter's data scope): the figures of a unit's
    statutory report must not depend on who drafts it. `values`: the year's catalog when the
    caller has computed it already.
    """
    areas = _areas()
    ids = [i for area_ids in areas.values() for i in area_ids]
    if values is None:
        values = engine.compute(ids, user=None, unit=unit, period=engine.Period.year(year))
    previous = engine.compute(ids, user=None, unit=unit, period=engine.Period.year(year - 1))
    return [
        paragraph(area, area_ids, values, previous, year)
        for area, area_ids in areas.items()
        if area not in FIRST_PART and _has_data(area_ids, values)
    ]


def figures_of(paragraphs) -> dict[str, str]:
    return {
        segment["indicator"]: segment["value"]
        for paragraph in paragraphs
        for segment in paragraph
        if "indicator" in segment
    }


def stale_figures(unit, year: int, paragraphs, values: dict | None = None) -> list[dict]:
    """Generated figures whose records have changed since drafting: [{indicator, was, now}]."""
    stored = figures_of(paragraphs)
    fresh = figures_of(draft_measures(unit, year, values))
    return [
        {"indicator": i, "name": get(i).name, "was": stored.get(i), "now": fresh.get(i)}
        for i in sorted(set(stored) | set(fresh))
        if stored.get(i) != fresh.get(i)
    ]


def plain_text(paragraphs) -> list[str]:
    return ["".join(segment["text"] for segment in paragraph) for paragraph in paragraphs]


def is_open(year: int, today: datetime.date) -> bool:
    return today <= datetime.date(year, 12, 31)
