"""When the annual report is due (法治政府建设与责任落实督察工作规定, see statutes.md §9) and its
reminders on the due list, 30, 14 and 3 days ahead."""

import datetime

from django.db.models.functions import Length
from django.urls import reverse

from fazhi.core.deadlines import DueItem
from fazhi.core.models import Unit

from . import selectors

REMINDER_DAYS = (30, 14, 3)
# 法治政府建设与责任落实督察工作规定 (厅字〔2019〕28号), the report chain (quoted in docs/rules.md):
# “每年3月1日之前，县级以上各级政府部门应当向本级党委和政府、上一级政府有关部门报告上一年度法治
#  政府建设情况……；省、市、县政府应当向同级党委、人大常委会报告上一年度法治政府建设情况；市、县、乡
#  党委和政府应当向上一级党委和政府报告上一年度法治政府建设情况” — departments and governments
# alike by 3月1日 (only 省委和省政府's report to 党中央、国务院 is due by 4月1日).
DEPARTMENT_KINDS = (
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.ENFORCEMENT,
    Unit.Kind.OTHER_AGENCY,
    Unit.Kind.RULE_OF_LAW_OFFICE,
)
SUBMISSION_BASIS = (
    "法治政府建设与责任落实督察工作规定（每年3月1日之前报告上一年度法治政府建设情况）"
)
PUBLICATION_BASIS = "法治政府建设与责任落实督察工作规定 第二十四条"


# The rules' dates (month, day) of the year after the one reported on.
DEFAULT_DATES = {
    "department_report_by": (3, 1),  # 县级以上各级政府部门: 每年3月1日之前
    "government_report_by": (3, 1),  # 省、市、县政府 and 市、县、乡政府: the same sentence
    "publish_by": (3, 31),  # 督察工作规定 第二十四条: published before 4月1日
}


def month_day(text: str) -> tuple[int, int]:
    month, day = (int(part) for part in text.split("-"))
    return month, day


def month_day_text(value: tuple[int, int]) -> str:
    return f"{value[0]:02d}-{value[1]:02d}"


def dates_for(unit: Unit) -> dict[str, tuple[int, int]]:
    """The due dates that hold for `unit`: the nearest area above it (or itself) that set
    earlier ones, else the rules' defaults."""
    from .models import ReportingDates

    paths = [ancestor.path for ancestor in unit.ancestors()] + [unit.path]
    nearest = (
        ReportingDates.objects.filter(unit__path__in=paths)
        .order_by(Length("unit__path").desc())
        .first()
    )
    if nearest is None:
        return dict(DEFAULT_DATES)
    return {name: month_day(getattr(nearest, name)) for name in DEFAULT_DATES}


def report_due(unit: Unit, year: int) -> datetime.date:
    """报送: departments and governments by 1 March of the next year (督察工作规定)."""
    key = "department_report_by" if unit.kind in DEPARTMENT_KINDS else "government_report_by"
    return datetime.date(year + 1, *dates_for(unit)[key])


def publish_due(unit: Unit, year: int) -> datetime.date:
    # 督察工作规定 第二十四条: published before 4月1日 of the next year.
    return datetime.date(year + 1, *dates_for(unit)["publish_by"])


def reminder_stage(due: datetime.date, today: datetime.date) -> str:
    days = (due - today).days
    if days < 0:
        return f"已逾期{-days}天"
    stage = min(d for d in REMINDER_DAYS if days <= d) if days <= REMINDER_DAYS[0] else None
    return f"距期限{days}天（{stage}天提醒）" if stage else f"距期限{days}天"


def reports_due(user, today, horizon):
    """The open steps of the user's reports: 报送 until submitted, 公开 until published; and a
    reporting unit's report of last year not yet begun (until its publication is due)."""
    for report in selectors.reports_in_progress(user):
        if report.state in selectors.BEFORE_SUBMISSION:
            due, step, basis = report.report_due, "报送", SUBMISSION_BASIS
        else:
            due, step, basis = report.publish_due, "公开", PUBLICATION_BASIS
        yield DueItem(
            title=f"《{report.title}》{step}（{reminder_stage(due, today)}）",
            due_date=due,
            url=report.get_absolute_url(),
            work_line="法治政府建设年度报告",
            basis=basis,
            remind_from=due - datetime.timedelta(days=REMINDER_DAYS[0]),
        )
    unit, year = selectors.unit_without_report(user, today)
    # Until publication is due; after that the superior's overview shows it as overdue.
    if unit is not None and today <= publish_due(unit, year):
        due = report_due(unit, year)
        yield DueItem(
            title=f"《{unit.name}{year}年度法治政府建设情况的报告》尚未起草（{reminder_stage(due, today)}）",
            due_date=due,
            url=reverse("annual_report:report_list"),
            work_line="法治政府建设年度报告",
            basis=SUBMISSION_BASIS,
            remind_from=due - datetime.timedelta(days=REMINDER_DAYS[0]),
        )
