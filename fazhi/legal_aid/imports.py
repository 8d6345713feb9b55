"""The import of the national legal-aid system's export (全国法律援助管理信息系统, Excel):
one row per case, matched by its 案号; all rows or none."""

import datetime
from decimal import Decimal, InvalidOperation

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice

from .models import CaseType, Origin

CASE_TYPES = {label: value for value, label in CaseType.choices}
ORIGINS = {"申请": Origin.APPLICATION, "通知": Origin.NOTIFIED, "转交": Origin.FORWARDED}


def _amount(value) -> Decimal:
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as error:
        raise ValueError(str(value)) from error
    if amount < 0:
        raise ValueError(str(value))
    return amount


def _check(rows) -> list[RowError]:
    errors = []
    seen: dict[str, int] = {}
    for row in rows:
        number = row.get("national_number")
        if number in seen:
            errors.append(RowError(row["row"], "案号", f"与第{seen[number]}行重复"))
        elif number:
            seen[number] = row["row"]
        received, accepted, closed = (
            row.get("received_date"),
            row.get("accepted_date"),
            row.get("closed_date"),
        )
        if received and accepted and accepted < received:
            errors.append(RowError(row["row"], "受理日期", "不能早于收到申请日期"))
        if closed and (accepted or received) and closed < (accepted or received):
            errors.append(RowError(row["row"], "结案日期", "不能早于受理日期"))
        if closed and not row.get("provider"):
            errors.append(RowError(row["row"], "承办人员", "已结案的案件须填写承办人员"))
        if row.get("provider") and not accepted:
            errors.append(RowError(row["row"], "受理日期", "已指派的案件须填写受理日期"))
        for key, label in (("received_date", "收到日期"), ("closed_date", "结案日期")):
            if row.get(key) and row[key] > datetime.date.today():
                errors.append(RowError(row["row"], label, "不能晚于今天"))
    return errors


CASES = ImportSpec(
    sheet="法律援助案件",
    noun="案件",
    fields=(
        Field("national_number", "案号", max_length=60),
        Field("applicant_name", "受援人", max_length=40),
        Field("applicant_id_number", "身份证号码", max_length=18),
        Field(
            "case_type",
            "案件类型",
            parse=choice(CASE_TYPES),
            expected="、".join(CASE_TYPES),
        ),
        Field("origin", "来源", parse=choice(ORIGINS), expected="申请、通知或转交"),
        Field("summary", "案由", max_length=300),
        Field("received_date", "收到日期", parse=cell_date, expected=DATE_EXPECTED),
        Field("accepted_date", "受理日期", required=False, parse=cell_date, expected=DATE_EXPECTED),
        Field("provider", "承办人员", required=False, max_length=40),
        Field("closed_date", "结案日期", required=False, parse=cell_date, expected=DATE_EXPECTED),
        Field("result", "办理结果", required=False, max_length=200),
        Field(
            "amount_recovered",
            "挽回经济损失（元）",
            required=False,
            parse=_amount,
            expected="不小于0的金额",
        ),
    ),
    example=(
        "（2025）鲁0402法援民12号",
        "张某",
        "370402199002025017",
        "民事",
        "申请",
        "追索劳动报酬",
        "2025-03-01",
        "2025-03-04",
        "王律师",
        "2025-06-30",
        "调解结案",
        "12000",
    ),
    check=_check,
)
