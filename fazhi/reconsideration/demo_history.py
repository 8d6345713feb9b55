"""The demo's 2025 ledger (台账) of each district, imported as a bureau does when it starts
using the platform: closed cases of last year, so the 2025 annual report has figures."""

import datetime
import io

from . import documents, services
from .imports import CASES

# Outcomes of each district's 2025 cases (峄城's shape, smaller): the ledger's words.
OUTCOMES = {
    "donghu": ["维持"] * 3
    + ["驳回复议请求"] * 2
    + ["撤销"] * 2
    + ["确认违法", "撤回终止", "调解结案"]
    + ["不予受理"] * 3
    + ["视为放弃"],
    "xishan": ["维持"] * 3
    + ["驳回复议请求"] * 2
    + ["撤销", "责令履行", "撤回终止"]
    + ["不予受理"] * 2
    + ["视为放弃"],
    "nanqiao": ["维持"] * 2 + ["驳回复议请求"] * 2 + ["变更", "撤回终止"] + ["不予受理"] * 2,
}
# Applicants differ between districts: the scoping test looks for the sibling's names.
SURNAMES = {"donghu": "东方", "xishan": "西门", "nanqiao": "南宫"}
GIVEN = [
    "子明",
    "子涵",
    "子轩",
    "子墨",
    "子瑜",
    "子豪",
    "子琪",
    "子睿",
    "子安",
    "子健",
    "子越",
    "子晴",
    "子博",
    "子康",
]
NOT_DECIDED = ("不予受理", "视为放弃", "撤回终止", "调解结案")


def _row(key: str, index: int, outcome: str, respondent: str, prefix: str) -> list:
    act = datetime.date(2025, 1, 6) + datetime.timedelta(days=17 * index)
    received = act + datetime.timedelta(days=20)
    accepted = received + datetime.timedelta(days=3)
    closed = accepted + datetime.timedelta(days=45)
    early = outcome in ("不予受理", "视为放弃")
    values = {
        "number": f"{prefix}〔2025〕第{index + 1}号",
        "channel": "当面递交",
        "applicant": f"{SURNAMES[key]}{GIVEN[index]}",
        "applicant_kind": "自然人",
        "identifier": "",
        "respondent": respondent,
        "act_kind": "行政处罚",
        "act_date": act.isoformat(),
        "act_known_date": (act + datetime.timedelta(days=5)).isoformat(),
        "received_date": received.isoformat(),
        "accepted_date": "" if early else accepted.isoformat(),
        "procedure": "" if early else "普通程序",
        "outcome": outcome,
        "outcome_ground": "",
        "closed_date": (received + datetime.timedelta(days=5) if early else closed).isoformat(),
        "served_date": ""
        if outcome in NOT_DECIDED
        else (closed + datetime.timedelta(days=2)).isoformat(),
        "request": "请求撤销行政处罚决定",
    }
    return [values[field.key] for field in CASES.fields]


def ledger(key: str, respondents: list[str], prefix: str) -> bytes:
    book = CASES.template_workbook()
    book.active.delete_rows(2)  # the template's example
    for index, outcome in enumerate(OUTCOMES[key]):
        book.active.append(_row(key, index, outcome, respondents[index % len(respondents)], prefix))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build(world) -> None:
    for key in world.districts:
        respondents = [world.units[f"{key}_enf{i}"].name for i in range(3)]
        prefix = documents.number_prefix(world.units[f"{key}_justice"], "case")
        services.import_cases(
            actor=world.users[f"{key}_officer"],
            unit=world.units[f"{key}_justice"],
            data=ledger(key, respondents, prefix),
        )
