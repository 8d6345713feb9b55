"""The workbook of the provincial 智慧矫正 platform's periodic export, imported by 矫正编号:
no identity field is read (the platform keeps them; Fazhi keeps the pseudonymous number)."""

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, cell_date, choice

from .models import Category, SubjectStatus

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
