"""Checks within one report: parts against their whole, stated rates against the counts,
breakdown percentages against their counts, and the completeness of the statutory parts."""

import re
from dataclasses import dataclass, field

from fazhi.indicators.catalog import CATALOG

from .figures import Figure
from .sections import NAMES, REQUIRED, Section

_R = "reconsideration."
DECISIONS = tuple(
    _R + name
    for name in ("upheld", "dismissed", "revoked", "altered", "confirmed_illegal", "ordered_performance",
                 "confirmed_invalid", "mediated", "terminated")
)  # fmt: skip
CORRECTIONS = tuple(
    _R + name
    for name in (
        "revoked",
        "altered",
        "confirmed_illegal",
        "ordered_performance",
        "confirmed_invalid",
    )
)
# whole = sum of its parts (when the report lists at least two parts)
SUMS = (
    (_R + "received", (_R + "accepted", _R + "not_accepted", _R + "not_supplemented")),
    (_R + "closed", DECISIONS),
)
# rate = sum(numerators) / denominator × 100; `complete` says whether every numerator is listed
RATES = (
    (_R + "correction_rate", CORRECTIONS, _R + "closed"),
    (_R + "correction_rate", (_R + "corrected",), _R + "closed"),
    (_R + "comprehensive_correction_rate", (_R + "comprehensive_corrected",), _R + "closed"),
    ("legal_aid.closure_rate", ("legal_aid.cases_closed",), "legal_aid.cases_accepted"),
    ("mediation.success_rate", ("mediation.disputes_resolved",), "mediation.disputes_mediated"),
    ("litigation.loss_rate", ("litigation.lost",), "litigation.concluded"),
)
BREAKDOWN_RE = re.compile(r"占[^，。；%]{0,12}?(\d+(?:\.\d+)?)%")


# How the pages name the checks and their results.
CHECK_LABELS = {
    "parts_sum": "分项之和",
    "rate": "比率",
    "breakdown": "构成比例",
    "completeness": "完整性",
    "year": "报告年度",
    "storage": "存储",
}
KIND_LABELS = {
    "consistent": "一致",
    "error": "不符",
    "unexplained difference": "差异未说明",
    "missing part": "缺少法定内容",
    "not stored": "超出范围",
}


@dataclass
class Finding:
    kind: str  # consistent | error | unexplained difference | missing part (KIND_LABELS)
    check: str  # parts_sum | rate | breakdown | completeness | year
    message: str
    quotes: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "check": self.check,
            "message": self.message,
            "quotes": self.quotes,
        }


def _quote(figure: Figure) -> dict:
    return {"quote": figure.quote, "span": list(figure.span)}


def _exact(figures: list[Figure]) -> dict[str, Figure]:
    """The first exactly stated value of each indicator (余/近/约 values cannot be added)."""
    found: dict[str, Figure] = {}
    for figure in figures:
        if figure.indicator and figure.qualifier == "exact":
            found.setdefault(figure.indicator, figure)
    return found


def _rounds_to(computed: float, stated: float) -> bool:
    text = repr(stated)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return abs(computed - stated) <= 0.5 * 10**-decimals + 1e-9


def _name(indicator: str) -> str:
    return CATALOG[indicator].name


def check_sums(figures: list[Figure]) -> list[Finding]:
    exact, findings = _exact(figures), []
    for whole_id, part_ids in SUMS:
        whole = exact.get(whole_id)
        parts = [exact[i] for i in part_ids if i in exact]
        if whole is None or len(parts) < 2:
            continue
        total = sum(part.value for part in parts)
        listing = "+".join(f"{_name(part.indicator)}{part.value:g}" for part in parts)
        quotes = [_quote(whole)] + [_quote(part) for part in parts]
        if total == whole.value:
            findings.append(
                Finding(
                    "consistent",
                    "parts_sum",
                    f"{_name(whole_id)}{whole.value:g}件 = {listing}",
                    quotes,
                )
            )
        elif total > whole.value or len(parts) == len(part_ids):
            findings.append(
                Finding(
                    "error",
                    "parts_sum",
                    f"{_name(whole_id)}{whole.value:g}件，但各项合计{total:g}件（{listing}）",
                    quotes,
                )
            )
    return findings


def check_rates(figures: list[Figure]) -> list[Finding]:
    exact, findings, checked = _exact(figures), [], set()
    for rate_id, numerator_ids, denominator_id in RATES:
        rate, denominator = exact.get(rate_id), exact.get(denominator_id)
        numerators = [exact[i] for i in numerator_ids if i in exact]
        if (
            rate is None
            or denominator is None
            or not numerators
            or rate_id in checked
            or not denominator.value
        ):
            continue
        checked.add(rate_id)
        computed = sum(n.value for n in numerators) / denominator.value * 100
        listing = "+".join(f"{n.value:g}" for n in numerators)
        quotes = [_quote(rate)] + [_quote(n) for n in numerators] + [_quote(denominator)]
        text = f"{_name(rate_id)}：({listing})/{denominator.value:g} = {computed:.2f}%，报告为{rate.value:g}%"
        if _rounds_to(computed, rate.value):
            findings.append(Finding("consistent", "rate", text, quotes))
        elif len(numerators) < len(numerator_ids) and rate.value > computed:
            findings.append(
                Finding(
                    "unexplained difference",
                    "rate",
                    text + "；所列分项不全，口径可能不同（如含变更等），差异未说明",
                    quotes,
                )
            )
        else:
            findings.append(Finding("error", "rate", text + "，两者不符", quotes))
    return findings


def _breakdown_runs(ordered: list[Figure]) -> list[list[tuple[Figure, Figure]]]:
    """Runs of (count, share) pairs: "民事案件150件，占…19%，刑事案件633件，占…81%"."""
    runs: list[list[tuple[Figure, Figure]]] = []
    last_share = None
    for index in range(1, len(ordered)):
        count, share = ordered[index - 1], ordered[index]
        if share.unit != "%" or not BREAKDOWN_RE.search(share.quote) or count.unit == "%":
            continue
        if last_share == index - 2:
            runs[-1].append((count, share))
        else:
            runs.append([(count, share)])
        last_share = index
    return [run for run in runs if len(run) >= 2]


def check_breakdowns(text: str, figures: list[Figure]) -> list[Finding]:
    """A breakdown's parts against the whole they share, found earlier in the sentence."""
    findings = []
    ordered = sorted({figure.span: figure for figure in figures}.values(), key=lambda f: f.span[0])
    for run in _breakdown_runs(ordered):
        start = run[0][0].span[0]
        sentence_start = max(text.rfind(mark, 0, start) for mark in "。\n") + 1
        parts_total = sum(count.value for count, _ in run)
        wholes = [
            f for f in ordered if sentence_start <= f.span[0] < start and f.unit == run[0][0].unit
        ]
        if not wholes:
            continue
        whole = next((f for f in wholes if f.value == parts_total), wholes[-1])
        quotes = [_quote(whole)] + [_quote(f) for pair in run for f in pair]
        listing = "+".join(f"{count.value:g}({share.value:g}%)" for count, share in run)
        problems = (
            [f"分项合计{parts_total:g}，总数{whole.value:g}"] if parts_total != whole.value else []
        )
        problems += [
            f"{count.value:g}/{whole.value:g} = {count.value / whole.value * 100:.2f}%，报告为{share.value:g}%"
            for count, share in run
            if not _rounds_to(count.value / whole.value * 100, share.value)
        ]
        if problems:
            findings.append(
                Finding("error", "breakdown", "构成不符：" + "；".join(problems), quotes)
            )
        else:
            findings.append(
                Finding(
                    "consistent",
                    "breakdown",
                    f"{whole.value:g} = {listing}，各占比与数字相符",
                    quotes,
                )
            )
    return findings


def check_completeness(sections: dict[str, Section], title_quote: dict | None) -> list[Finding]:
    return [
        Finding(
            "missing part",
            "completeness",
            f"缺少法定内容：“{NAMES[key]}”",
            [title_quote] if title_quote else [],
        )
        for key in REQUIRED
        if sections[key].status == "missing"
    ]
