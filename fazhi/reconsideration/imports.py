"""Import of historical cases from an .xlsx ledger (core/imports.py): every row is checked,
and either all rows are imported or none (the errors are listed by row and column)."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice
from fazhi.core.validators import validate_credit_code, validate_id_number

from .models import ActKind, Case, Channel, Outcome, Party, Procedure

# Choices are written in Chinese in the ledger; the short forms staff use are accepted too.
APPLICANT_KINDS = {label: value for value, label in Party.Kind.choices}
CHANNELS = {label: value for value, label in Channel.choices}
ACT_KINDS = {label: value for value, label in ActKind.choices}
PROCEDURES = {label: value for value, label in Procedure.choices}
OUTCOMES = {
    **{label: value for value, label in Outcome.choices},
    **{label.split("（")[0]: value for value, label in Outcome.choices},
    "撤销": Outcome.REVOKED,
    "部分撤销": Outcome.REVOKED,
    "驳回复议请求": Outcome.CLAIM_DISMISSED,
    "调解结案": Outcome.MEDIATED,
    "撤回终止": Outcome.TERMINATED,
}
IDENTIFIER = "身份证号码或统一社会信用代码"
# The dates of a case in the order they happen.
DATES = (
    ("act_date", "行政行为作出日期"),
    ("act_known_date", "知道行政行为日期"),
    ("received_date", "收到申请日期"),
    ("accepted_date", "受理日期"),
    ("closed_date", "结案日期"),
    ("served_date", "送达日期"),
)


def _choice_field(key: str, label: str, labels: dict, required: bool = True) -> Field:
    expected = "、".join(label for label in labels if "（" not in label)
    return Field(key, label, required, choice(labels), expected)


def _date_field(key: str, required: bool = True) -> Field:
    return Field(key, dict(DATES)[key], required, cell_date, DATE_EXPECTED)


def check_rows(rows: list[dict]) -> list[RowError]:
    """Rules across a row's cells: the identifier fits the applicant, the dates run in order
    and none lies ahead (a historical case)."""
    errors = []
    today = datetime.date.today()
    for row in rows:
        number = row["row"]
        if row["identifier"] and row["applicant_kind"]:
            check = (
                validate_id_number
                if row["applicant_kind"] == Party.Kind.PERSON
                else validate_credit_code
            )
            try:
                check(row["identifier"])
            except ValidationError as error:
                errors.append(RowError(number, IDENTIFIER, error.messages[0]))
        present = [(key, label) for key, label in DATES if row.get(key)]
        for (earlier, earlier_label), (later, later_label) in zip(
            present, present[1:], strict=False
        ):
            if row[later] < row[earlier]:
                errors.append(RowError(number, later_label, f"不能早于{earlier_label}"))
        if any(row[key] > today for key, _ in present):
            errors.append(RowError(number, "日期", "历史案件的日期不能晚于今天"))
    return errors


CASES = ImportSpec(
    sheet="行政复议案件",
    noun="案件",
    fields=(
        Field("number", "收案编号", column=Case.number),
        _choice_field("channel", "申请方式", CHANNELS),
        Field("applicant", "申请人", column=Party.name),
        _choice_field("applicant_kind", "申请人类型", APPLICANT_KINDS),
        Field("identifier", IDENTIFIER, required=False, column=Party.id_number),
        Field(
            "respondent", "被申请人", column=Case.respondent_name
        ),  # a unit's name, or the name of another body
        _choice_field("act_kind", "行政行为类型", ACT_KINDS),
        _date_field("act_date"),
        _date_field("act_known_date"),
        _date_field("received_date"),
        _date_field("accepted_date", required=False),
        _choice_field("procedure", "审理程序", PROCEDURES, required=False),
        _choice_field("outcome", "结果", OUTCOMES),
        Field("outcome_ground", "结果依据", required=False, column=Case.outcome_ground),
        _date_field("closed_date"),
        _date_field("served_date", required=False),
        Field("request", "行政复议请求", required=False, column=Case.request),
    ),
    example=(
        "东湖复收字〔2023〕第1号",
        "当面递交",
        "张三",
        "自然人",
        "",
        "东湖区市场监督管理局",
        "行政处罚",
        "2023-01-05",
        "2023-01-10",
        "2023-02-01",
        "2023-02-03",
        "普通程序",
        "维持",
        "",
        "2023-03-20",
        "2023-03-22",
        "请求撤销罚款决定",
    ),
    check=check_rows,
)
