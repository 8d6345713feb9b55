"""The checks of a return (审核): balance (合计 = Σ分项), logic (审结 ≤ 受理 + 上期结转, 成功 ≤
受理, a rate ≤ 100 and equal to its parts), cross-table (the same figure in another table of the
unit and period) — hard errors that block 填报完成 — and plausibility (more than ±50% against
the same period last year), a warning that needs a written explanation before 上报. Every
problem names the cell and the rule."""

from dataclasses import dataclass, replace
from decimal import Decimal

from . import periods, tables

# ±50% against the same period last year (issue 19 item 3; worklines.md §2.8 design note).
PLAUSIBLE_CHANGE = Decimal("0.5")
RATE_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class Problem:
    cell: str  # the cell id ("05-1")
    where: str  # the cell in words
    rule: str  # 平衡 / 逻辑 / 比率 / 表间 / 填报 / 同比
    message: str
    warning: bool = False
    explanation: str = ""

    @property
    def key(self) -> str:
        """The explanation's key in the return's `explanations`: a typed-over figure's reason
        is kept under the cell itself, a 同比 warning's under "同比:<cell>"."""
        return self.cell if self.rule == "记录" else f"同比:{self.cell}"

    @property
    def blocking(self) -> bool:
        return not self.warning

    @property
    def open(self) -> bool:
        return not self.warning or not self.explanation.strip()


def _value(values: dict, cell_id: str) -> Decimal:
    value = values.get(cell_id)
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def _sum(values: dict, cell_ids) -> Decimal:
    return sum((_value(values, c) for c in cell_ids), Decimal(0))


def _names(layout, cell_ids) -> str:
    return " + ".join(tables.cell_label(layout, c) for c in cell_ids)


def run(statreturn, *, last_year: dict | None = None, others: dict | None = None) -> list[Problem]:
    """The problems of `statreturn`'s values. `last_year`: the same period's values a year
    before ({cell id: value}); `others`: {template code: values} of the unit's other returns of
    the period, for the cross-table checks."""
    layout = statreturn.template.layout
    values = statreturn.values
    specs = tables.cells(layout)
    problems: list[Problem] = []

    def add(cell_id, rule, message, warning=False):
        where = tables.cell_label(layout, cell_id)
        problem = Problem(cell_id, where, rule, message, warning)
        if warning:
            problem = replace(problem, explanation=statreturn.explanations.get(problem.key, ""))
        problems.append(problem)

    # A figure typed over the records' (issue 19 item 5: the return, the dashboard and the
    # annual report agree, or the return says why not).
    records = getattr(statreturn, "records", None) or {}
    for cell_id, source in (getattr(statreturn, "sources", None) or {}).items():
        if source != "override" or cell_id not in records:
            continue
        typed, counted = _value(values, cell_id), _value(records, cell_id)
        if typed != counted:
            add(
                cell_id,
                "记录",
                f"填报数{typed}与记录数{counted}不一致（相差{typed - counted:+}），须说明理由",
                warning=True,
            )

    for cell_id, spec in specs.items():
        value = values.get(cell_id)
        if "manual" in spec and value in (None, ""):
            add(cell_id, "填报", "手工填报项尚未填写（无数据请填0）")
        if spec.get("unit") == "%" and value is not None and Decimal(str(value)) > 100:
            add(cell_id, "比率", f"比率为{value}%，超过100%")
    for check in statreturn.template.checks:
        kind = check["kind"]
        if kind == "balance":
            total, parts = _value(values, check["total"]), _sum(values, check["parts"])
            if total != parts:
                add(
                    check["total"],
                    "平衡",
                    f"合计{total}不等于分项之和{parts}（{_names(layout, check['parts'])}）",
                )
        elif kind == "le":
            left, right = _sum(values, check["left"]), _sum(values, check["right"])
            if left > right:
                add(
                    check["left"][0],
                    "逻辑",
                    f"{_names(layout, check['left'])}为{left}，不能大于"
                    f"{_names(layout, check['right'])}之和{right}",
                )
        elif kind == "rate":
            denominator = _value(values, check["denominator"])
            if denominator:
                expected = _value(values, check["numerator"]) * 100 / denominator
                if abs(_value(values, check["cell"]) - expected) > RATE_TOLERANCE:
                    add(
                        check["cell"],
                        "比率",
                        f"比率应为{expected.quantize(Decimal('0.01'))}%"
                        f"（{tables.cell_label(layout, check['numerator'])} ÷ "
                        f"{tables.cell_label(layout, check['denominator'])}）",
                    )
        elif kind == "cross" and others is not None and check["template"] in others:
            theirs = others[check["template"]]
            mine = _value(values, check["cell"])
            if Decimal(str(theirs.get(check["other"]) or 0)) != mine:
                add(
                    check["cell"],
                    "表间",
                    f"本表为{mine}，《{check['template']}》第{check['other'].split('-')[0]}行为"
                    f"{theirs.get(check['other'])}，同一数字两表不一致",
                )
    if last_year:
        for cell_id, spec in specs.items():
            if spec.get("unit") == "%" or "rate" in spec:
                continue
            before = last_year.get(cell_id)
            if not before:
                continue
            before, now = Decimal(str(before)), _value(values, cell_id)
            change = (now - before) / before
            if abs(change) > PLAUSIBLE_CHANGE:
                add(
                    cell_id,
                    "同比",
                    f"本期{now}，上年同期{before}，"
                    f"{'增长' if change > 0 else '下降'}{abs(change) * 100:.0f}%（超过±50%），须书面说明",
                    warning=True,
                )
    return problems


def last_year_key(statreturn) -> str:
    return periods.same_period_last_year(statreturn.period_key)
