"""Import of historical cases from an .xlsx ledger: every row is checked, and either all
rows are imported or none (the errors are listed by row and column)."""

import datetime
import io

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from fazhi.core.imports import ImportRefused, RowError, cell_date
from fazhi.core.validators import validate_credit_code, validate_id_number

from .models import ActKind, Channel, Outcome, Party, Procedure

COLUMNS = [
    ("number", "收案编号", True),
    ("channel", "申请方式", True),
    ("applicant", "申请人", True),
    ("applicant_kind", "申请人类型", True),
    ("identifier", "身份证号码或统一社会信用代码", False),
    ("respondent", "被申请人", True),
    ("act_kind", "行政行为类型", True),
    ("act_date", "行政行为作出日期", True),
    ("act_known_date", "知道行政行为日期", True),
    ("received_date", "收到申请日期", True),
    ("accepted_date", "受理日期", False),
    ("procedure", "审理程序", False),
    ("outcome", "结果", True),
    ("outcome_ground", "结果依据", False),
    ("closed_date", "结案日期", True),
    ("served_date", "送达日期", False),
    ("request", "行政复议请求", False),
]
DATE_FIELDS = {
    "act_date",
    "act_known_date",
    "received_date",
    "accepted_date",
    "closed_date",
    "served_date",
}
# Choices are written in Chinese in the ledger; the short forms staff use are accepted too.
CHOICES = {
    "applicant_kind": {label: value for value, label in Party.Kind.choices},
    "channel": {label: value for value, label in Channel.choices},
    "act_kind": {label: value for value, label in ActKind.choices},
    "procedure": {label: value for value, label in Procedure.choices},
    "outcome": {
        **{label: value for value, label in Outcome.choices},
        **{label.split("（")[0]: value for value, label in Outcome.choices},
        "撤销": Outcome.REVOKED,
        "部分撤销": Outcome.REVOKED,
        "驳回复议请求": Outcome.CLAIM_DISMISSED,
        "调解结案": Outcome.MEDIATED,
        "撤回终止": Outcome.TERMINATED,
    },
}


def template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "行政复议案件"
    sheet.append([label for _, label, _ in COLUMNS])
    sheet.append(
        [
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
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_rows(data: bytes, respondents: dict[str, object]) -> list[dict]:
    """Parse and check every row; raise ImportRefused listing all errors."""
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # any unreadable workbook is one message to the user
        raise ImportRefused(
            [RowError(1, "文件", f"无法读取Excel文件（{error.__class__.__name__}）")]
        ) from error
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, [])]
    positions = {}
    errors = []
    for key, label, _ in COLUMNS:
        if label in header:
            positions[key] = header.index(label)
        else:
            errors.append(RowError(1, label, "缺少这一列（请使用导入模板）"))
    if errors:
        raise ImportRefused(errors)
    parsed = []
    for number, values in enumerate(rows, start=2):
        if not any(values):
            continue
        row, row_errors = _check_row(number, values, positions, respondents)
        errors += row_errors
        parsed.append(row)
    if not parsed and not errors:
        errors.append(RowError(2, "全部", "表格中没有案件"))
    if errors:
        raise ImportRefused(errors)
    return parsed


def _check_row(number, values, positions, respondents):
    row, errors = {"row": number}, []
    for key, label, required in COLUMNS:
        raw = values[positions[key]] if positions[key] < len(values) else None
        text = "" if raw is None else str(raw).strip()
        if not text:
            if required:
                errors.append(RowError(number, label, "不能为空"))
            row[key] = None
            continue
        try:
            if key in DATE_FIELDS:
                row[key] = cell_date(raw)
            elif key in CHOICES:
                row[key] = CHOICES[key][text]
            elif key == "respondent":
                row[key] = respondents.get(text) or text
            else:
                row[key] = text
        except (ValueError, KeyError):
            expected = (
                "日期，例如 2023-01-05"
                if key in DATE_FIELDS
                else "、".join(label for label in CHOICES[key] if "（" not in label)
            )
            errors.append(RowError(number, label, f"“{text}”无效，应为{expected}"))
            row[key] = None
    identifier = row.get("identifier") or ""
    if identifier and row.get("applicant_kind"):
        check = (
            validate_id_number
            if row["applicant_kind"] == Party.Kind.PERSON
            else validate_credit_code
        )
        try:
            check(identifier)
        except ValidationError as error:
            errors.append(RowError(number, "身份证号码或统一社会信用代码", error.messages[0]))
    errors += _check_dates(number, row)
    return row, errors


def _check_dates(number, row) -> list[RowError]:
    order = [
        ("act_date", "行政行为作出日期"),
        ("act_known_date", "知道行政行为日期"),
        ("received_date", "收到申请日期"),
        ("accepted_date", "受理日期"),
        ("closed_date", "结案日期"),
        ("served_date", "送达日期"),
    ]
    present = [(key, label) for key, label in order if isinstance(row.get(key), datetime.date)]
    errors = []
    for (earlier, earlier_label), (later, later_label) in zip(present, present[1:], strict=False):
        if row[later] < row[earlier]:
            errors.append(RowError(number, later_label, f"不能早于{earlier_label}"))
    if any(row.get(key) and row[key] > datetime.date.today() for key, _ in order):
        errors.append(RowError(number, "日期", "历史案件的日期不能晚于今天"))
    return errors
