"""The import of the 12348 platform's export (Excel): one row per call or online contact,
all rows or none."""

import datetime

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice

from .models import ContactChannel, ContactReferral, Satisfaction

CHANNELS = {label: value for value, label in ContactChannel.choices} | {
    "电话": "phone",
    "网络": "online",
}
SATISFACTION = {label: value for value, label in Satisfaction.choices}
REFERRALS = {label: value for value, label in ContactReferral.choices if value}
YES_NO = {"是": True, "否": False}


def _minutes(value) -> int:
    minutes = int(str(value).strip())
    if not 0 <= minutes <= 600:
        raise ValueError(value)
    return minutes


def _check(rows) -> list[RowError]:
    errors = []
    for row in rows:
        if row.get("contact_date") and row["contact_date"] > datetime.date.today():
            errors.append(RowError(row["row"], "日期", "不能晚于今天"))
        if row.get("answered") is False and (
            row.get("satisfaction") or row.get("duration_minutes")
        ):
            errors.append(RowError(row["row"], "是否接通", "未接通的来电不能有时长或满意度"))
        if row.get("satisfaction") == "dissatisfied" and not row.get("follow_up"):
            errors.append(RowError(row["row"], "回访情况", "不满意的来电应当回访"))
    return errors


CONTACTS = ImportSpec(
    sheet="12348",
    noun="来电记录",
    fields=(
        Field("contact_date", "日期", parse=cell_date, expected=DATE_EXPECTED),
        Field("channel", "渠道", parse=choice(CHANNELS), expected="电话、网络或留言"),
        Field("category", "咨询类别", max_length=30),
        Field("answered", "是否接通", parse=choice(YES_NO), expected="是或否"),
        Field(
            "duration_minutes",
            "时长（分钟）",
            required=False,
            parse=_minutes,
            expected="0至600的整数",
        ),
        Field(
            "satisfaction",
            "满意度",
            required=False,
            parse=choice(SATISFACTION),
            expected="满意、基本满意或不满意",
        ),
        Field("follow_up", "回访情况", required=False, max_length=200),
        Field(
            "referral",
            "转办",
            required=False,
            parse=choice(REFERRALS),
            expected="转法律援助、转人民调解或转其他部门",
        ),
    ),
    example=("2025-09-01", "电话", "劳动", "是", "12", "满意", "", "转法律援助"),
    check=_check,
)
