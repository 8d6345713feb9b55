"""The workbook of the provincial 智慧矫正 platform's periodic export, imported by 矫正编号:
no identity field is read (the platform keeps them; Fazhi keeps the pseudonymous number)."""

import datetime
import io

from fazhi.core.guards import today
from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice

from .models import Category, CountReport, SubjectStatus

CATEGORY_LABELS = {label: value for value, label in Category.choices}
STATUS_LABELS = {
    "在矫": SubjectStatus.SUPERVISED,
    "解除矫正": SubjectStatus.RELEASED,
    "已解除矫正": SubjectStatus.RELEASED,
}

SUBJECTS = ImportSpec(
    sheet="社区矫正对象",
    noun="社区矫正对象",
    fields=(
        Field("number", "矫正编号", max_length=40),
        Field("station", "司法所", max_length=100),
        Field("community", "村（社区）", required=False, max_length=60),
        Field(
            "category",
            "矫正类别",
            parse=choice(CATEGORY_LABELS),
            expected="管制、缓刑、假释或暂予监外执行",
        ),
        Field("decision_organ", "决定机关", max_length=100),
        Field("effective_date", "生效日期", parse=cell_date, expected=DATE_EXPECTED),
        Field("term_start", "矫正期限起", parse=cell_date, expected=DATE_EXPECTED),
        Field("term_end", "矫正期限止", parse=cell_date, expected=DATE_EXPECTED),
        Field("status", "状态", parse=choice(STATUS_LABELS), expected="在矫或解除矫正"),
        Field("released_date", "解除日期", required=False, parse=cell_date, expected=DATE_EXPECTED),
        Field("certificate_number", "解除证明书编号", required=False, max_length=60),
    ),
    example=(
        "JZ3799012026101",
        "东湖区湖滨街道",
        "幸福社区",
        "缓刑",
        "东湖区人民法院",
        "2026-01-05",
        "2026-01-05",
        "2027-01-04",
        "在矫",
        "",
        "",
    ),
)


def _month(value) -> datetime.date:
    """A month as 2026-01, 2026-01-01 or a date cell: its first day."""
    if isinstance(value, datetime.date):
        return (value.date() if isinstance(value, datetime.datetime) else value).replace(day=1)
    text = str(value).strip()
    if len(text) == 7:
        text += "-01"
    return datetime.date.fromisoformat(text).replace(day=1)


def _count(value) -> int:
    """A whole number of persons or cases (Excel may store 3 as 3.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = int(str(value).strip())
    if number < 0:
        raise ValueError(number)
    return number


COUNT_FIELDS = (
    "subjects",
    "received",
    "released",
    "transferred_out",
    "investigations",
    "investigations_on_time",
    "warnings",
    "revocation_proposals",
    "absconded",
    "electronic_monitoring",
)
# Columns added later: a blank cell is 0 (older workbooks of the platform leave them empty).
CATEGORY_FIELDS = (
    "subjects_control",
    "subjects_probation",
    "subjects_parole",
    "subjects_medical_parole",
)
OPTIONAL_FIELDS = (
    *CATEGORY_FIELDS,
    "terminated_revoked",
    "terminated_recommitted",
    "terminated_died",
    "reoffended",
    "public_security_penalties",
    "home_visits",
)


def _label(name: str) -> str:
    return CountReport._meta.get_field(name).verbose_name


def _check_counts(rows: list[dict]) -> list[RowError]:
    """One row per month, of a month that has ended; no more on time than done."""
    errors, seen = [], set()
    this_month = today().replace(day=1)
    for row in rows:
        month = row["month"]
        if month is not None:
            if month in seen:
                errors.append(RowError(row["row"], "月份", f"{month:%Y-%m}在表格中重复"))
            seen.add(month)
            if month >= this_month:
                errors.append(RowError(row["row"], "月份", f"{month:%Y-%m}尚未结束，不能报送月报"))
        categories = [row[name] for name in CATEGORY_FIELDS]
        given = [count for count in categories if count is not None]
        if given and row["subjects"] is not None and sum(given) != row["subjects"]:
            errors.append(
                RowError(
                    row["row"],
                    "在册管制",
                    f"各矫正类别之和（{sum(given)}）应等于月末在册（{row['subjects']}）",
                )
            )
        ended = (row["terminated_revoked"] or 0) + (row["terminated_recommitted"] or 0)
        if (row["reoffended"] or 0) > ended:
            errors.append(
                RowError(row["row"], "重新犯罪", "不能多于因撤销缓刑、假释或收监执行而终止的人数")
            )
        done, on_time = row["investigations"], row["investigations_on_time"]
        if done is not None and on_time is not None and on_time > done:
            errors.append(
                RowError(row["row"], "按期完成调查评估", "不能多于出具调查评估意见的数量")
            )
    return errors


# A county that keeps its subjects in the provincial platform only: one row per month.
COUNTS = ImportSpec(
    sheet="社区矫正数量月报",
    noun="月报",
    fields=(
        Field("month", "月份", parse=_month, expected="月份，例如 2026-01"),
        *(
            Field(
                name,
                _label(name),
                required=name not in OPTIONAL_FIELDS,
                parse=_count,
                expected="不小于0的整数",
                column=getattr(CountReport, name),
            )
            for name in COUNT_FIELDS + OPTIONAL_FIELDS
        ),
    ),
    example=("2026-01", 228, 6, 5, 0, 20, 20, 1, 0, 0, 0, 10, 180, 30, 8, 1, 0, 0, 0, 0, 40),
    check=_check_counts,
)


def workbook_bytes(spec: ImportSpec, rows) -> bytes:
    """A workbook of `spec`'s columns holding `rows` (the demo's and the tests' imports)."""
    book = spec.template_workbook()
    sheet = book.active
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(list(row))
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()
