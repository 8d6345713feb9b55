"""The superior's view (督察): every subordinate area's reports of one year — status, dates,
completeness, overdue steps — and its key figures beside the others' and last year's."""

from dataclasses import dataclass, field

from fazhi.core.ledgers import Column, Ledger
from fazhi.indicators import engine
from fazhi.indicators.dashboard import key_indicators

from . import checks, deadlines, selectors, structure
from .drafting import format_value
from .models import State

REQUIRED = [spec.key for spec in structure.PARTS if spec.required]


@dataclass
class Row:
    area: object
    reports: list
    figures: list  # [(this year, last year)] as shown, in the order of Table.indicators
    notes: dict = field(default_factory=dict)  # report pk → completeness and overdue notes
    months_behind: int = 0  # no report begun: whole months past its report's due date
    urged: list = field(default_factory=list)  # 催报 of the year, newest first

    @property
    def report_notes(self) -> list:
        return [(report, self.notes[report.pk]) for report in self.reports]


@dataclass
class Table:
    year: int
    root: object
    indicators: list
    rows: list

    @property
    def ledger(self) -> Ledger:
        """The Excel file: a line per report (or per area without one), its figures beside."""

        def report(value):
            return lambda line: "" if line.report is None else value(line.report)

        def figure(index: int):
            return lambda line: line.values[index]

        figures = [
            f"{i.name}（{i.unit}）{label}" for i in self.indicators for label in ("本年", "上年")
        ]
        return Ledger(
            f"{self.year}年度法治政府建设年度报告情况.xlsx",
            "报告情况",
            (
                Column("地区", lambda line: line.area.name),
                Column("报告", lambda line: line.report.title if line.report else "未起草"),
                Column("状态", report(lambda r: r.get_state_display())),
                Column("报送期限", report(lambda r: r.report_due)),
                Column("报送日期", report(lambda r: r.submitted_on)),
                Column("公开日期", report(lambda r: r.published_on)),
                Column("完整性", lambda line: line.notes.get("completeness", "")),
                Column("提示", lambda line: "；".join(line.notes.get("overdue", []))),
                *(Column(title, figure(index)) for index, title in enumerate(figures)),
            ),
        )

    def lines(self) -> list["Line"]:
        return [
            Line(
                row.area,
                report,
                row.notes[report.pk] if report else {},
                [value for pair in row.figures for value in pair],
            )
            for row in self.rows
            for report in row.reports or [None]
        ]


@dataclass(frozen=True)
class Line:
    area: object
    report: object
    notes: dict
    values: list


def _shown(value) -> str:
    return "—" if value is None else format_value(value)


def months_behind(due, today) -> int:
    """Whole months past `due` (0 until a full month has gone by)."""
    if today <= due:
        return 0
    months = (today.year - due.year) * 12 + today.month - due.month
    return months - 1 if today.day < due.day else months


def _notes(report, today) -> dict:
    parts = {part.key: part for part in report.parts.all()}
    filled = sum(
        1
        for key in REQUIRED
        if key in parts and (parts[key].generated or not checks.is_empty(parts[key]))
    )
    overdue = []
    behind = 0
    if report.state not in (State.SUBMITTED, State.PUBLISHED) and today > report.report_due:
        overdue.append("逾期未报送")
        behind = months_behind(report.report_due, today)
    if report.state != State.PUBLISHED and today > report.publish_due:
        overdue.append("逾期未公开")
    return {
        "completeness": f"{filled}/{len(REQUIRED)}",
        "overdue": overdue,
        "months_behind": behind,
    }


def table(user, year: int, today) -> Table:
    root, areas = selectors.subordinate_areas(user)
    indicators = key_indicators()[:6]
    ids = [i.id for i in indicators]
    now, before = (
        engine.breakdown(
            ids, user=user, unit=root, period=engine.Period.year(y), by="child", children=areas
        )
        if root is not None and areas
        else {}
        for y in (year, year - 1)
    )
    reports = selectors.reports_of_areas(user, areas, year)
    urged = selectors.urge_notices_of_areas(user, areas, year)
    rows = []
    for area in areas:
        row = Row(
            area=area,
            reports=reports[area.pk],
            urged=urged[area.pk],
            figures=[(_shown(now[area].get(i)), _shown(before[area].get(i))) for i in ids],
        )
        row.notes = {report.pk: _notes(report, today) for report in row.reports}
        if not row.reports:
            row.months_behind = months_behind(deadlines.report_due(area, year), today)
        rows.append(row)
    return Table(year=year, root=root, indicators=indicators, rows=rows)
