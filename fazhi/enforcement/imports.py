"""Excel imports of 执法人员, of historical 执法记录 and of a 免罚轻罚清单's items
(core/imports.py): every row is checked, and either all rows are imported or none (the
errors are listed by row and column)."""

import re

from django.core.exceptions import ValidationError

from fazhi.core.imports import (
    DATE_EXPECTED,
    Field,
    ImportSpec,
    RowError,
    cell_date,
    choice,
)
from fazhi.core.validators import validate_id_number

from .models.actions import ActionKind, PenaltyOutcome
from .models.actions import EnforcementAction as Action
from .models.agencies import MajorDecisionItem, Officer
from .models.certificates import Certificate, TrainingRecord
from .models.penalty_lists import NO_PENALTY_BASES, ListBasis, ListCategory, PenaltyListItem


def _yes_no(value) -> bool:
    return {"是": True, "否": False}[str(value).strip()]


def _number(value) -> float:
    number = float(str(value).strip())
    if number < 0:
        raise ValueError(number)
    return number


def _positive_int(value) -> int:
    number = int(float(str(value).strip()))
    if number <= 0:
        raise ValueError(number)
    return number


CATEGORIES = {label: value for value, label in ListCategory.choices}
BASES = {
    **{label: value for value, label in ListBasis.choices},
    **{label.split("（")[0]: value for value, label in ListBasis.choices},
}

KINDS = {label: value for value, label in ActionKind.choices}
OUTCOMES = {label: value for value, label in PenaltyOutcome.choices}
LIST_ITEM_REFERENCE = re.compile(r"^(?P<version>.+?)第(?P<number>\d+)项$")
URL_EXPECTED = "以 http:// 或 https:// 开头的网址"


def _names(value) -> list[str]:
    names = [name.strip() for name in re.split(r"[、,，;；\s]+", str(value)) if name.strip()]
    if not names:
        raise ValueError(value)
    return names


def _list_item_reference(value) -> tuple[str, int]:
    match = LIST_ITEM_REFERENCE.match(str(value).strip())
    if match is None:
        raise ValueError(value)
    return match["version"], int(match["number"])


def _url(value) -> str:
    text = str(value).strip()
    if not text.startswith(("http://", "https://")):
        raise ValueError(text)
    return text


def check_officer_rows(rows: list[dict]) -> list[RowError]:
    """Rules across a row's cells: the ID number's check digit, a complete certificate."""
    errors = []
    for row in rows:
        try:
            validate_id_number(row["id_number"])
        except ValidationError as error:
            errors.append(RowError(row["row"], "身份证号码", error.messages[0]))
        certificate = [row["number"], row["issue_date"], row["valid_until"]]
        if any(certificate) and not all(certificate):
            errors.append(
                RowError(row["row"], "证件编号", "已发证的，证件编号、发证日期和有效期至应一并填写")
            )
        elif all(certificate) and row["valid_until"] <= row["issue_date"]:
            errors.append(RowError(row["row"], "有效期至", "应晚于发证日期"))
    return errors


def check_list_item_rows(rows: list[dict]) -> list[RowError]:
    """行政处罚法 第三十三条 for 不予处罚, 第三十二条 for 从轻、减轻: the basis fits the category."""
    errors = []
    numbers = set()
    for row in rows:
        if row["number"] in numbers:
            errors.append(RowError(row["row"], "序号", f"序号{row['number']}重复"))
        numbers.add(row["number"])
        category, basis = row["category"], row["basis"]
        if category is None or basis is None:
            continue
        if (category == ListCategory.NO_PENALTY) != (basis in NO_PENALTY_BASES):
            errors.append(
                RowError(
                    row["row"],
                    "法定情形",
                    "不予处罚事项的法定情形应为第三十三条规定的轻微不罚、首违不罚或无主观过错不罚；"
                    "从轻、减轻处罚事项应适用第三十二条",
                )
            )
    return errors


OFFICERS = ImportSpec(
    sheet="执法人员",
    noun="执法人员",
    fields=(
        Field("name", "姓名", column=Officer.name),
        Field("id_number", "身份证号码", column=Officer.id_number),
        Field("post", "职务", required=False, column=Officer.post),
        Field("is_legal_reviewer", "法制审核人员", False, _yes_no, "是或否"),
        Field("has_legal_qualification", "具有法律职业资格", False, _yes_no, "是或否"),
        Field("number", "证件编号", required=False, column=Certificate.number),
        Field("issue_date", "发证日期", False, cell_date, DATE_EXPECTED),
        Field("valid_until", "有效期至", False, cell_date, "日期，例如 2028-01-04"),
        Field(
            "training_hours",
            "本年度培训学时",
            False,
            _number,
            "不小于0的数字",
            column=TrainingRecord.hours,
        ),
    ),
    example=("张三", "11010519491231002X", "科员", "否", "否", "", "", "", 24),
    check=check_officer_rows,
)
LIST_ITEMS = ImportSpec(
    sheet="清单事项",
    noun="清单事项",
    fields=(
        Field("number", "序号", True, _positive_int, "正整数", column=PenaltyListItem.number),
        Field("category", "类别", True, choice(CATEGORIES), "、".join(CATEGORIES)),
        Field(
            "basis",
            "法定情形",
            True,
            choice(BASES),
            "轻微不罚、首违不罚、无主观过错不罚、从轻或者减轻处罚",
        ),
        Field("violation", "违法行为", column=PenaltyListItem.violation),
        Field("legal_basis", "违法依据及处罚依据", column=PenaltyListItem.legal_basis),
        Field("conditions", "适用条件", column=PenaltyListItem.conditions),
        Field("treatment", "处理方式", column=PenaltyListItem.treatment),
    ),
    example=(
        1,
        "不予处罚",
        "首违不罚",
        "未按规定公示年度报告",
        "《企业信息公示暂行条例》第八条、第十八条",
        "初次违法且危害后果轻微并及时改正",
        "不予行政处罚，对当事人进行教育",
    ),
    check=check_list_item_rows,
)
ACTIONS = ImportSpec(
    sheet="执法记录",
    noun="执法记录",
    fields=(
        Field("number", "案件编号", column=Action.number),
        Field("kind", "执法行为类别", True, choice(KINDS), "、".join(KINDS)),
        Field("party", "当事人", column=Action.party),
        Field("summary", "案由", column=Action.summary),
        Field("started_date", "立案日期", True, cell_date, DATE_EXPECTED),
        Field("officers", "执法人员", True, _names, "本单位执法人员的姓名，用顿号分隔"),
        Field("major_item", "重大执法决定事项", required=False, column=MajorDecisionItem.title),
        Field("pre_publicity_date", "事前公示日期", False, cell_date, "日期"),
        Field(
            "pre_publicity_link",
            "事前公示链接",
            False,
            _url,
            URL_EXPECTED,
            column=Action.pre_publicity_link,
        ),
        Field(
            "recording_forms",
            "全过程记录形式及环节",
            required=False,
            column=Action.recording_forms,
        ),
        Field(
            "recording_location",
            "记录归档保存位置",
            required=False,
            column=Action.recording_location,
        ),
        Field("reviewer", "法制审核人员", required=False, column=Officer.name),
        Field("review_date", "法制审核日期", False, cell_date, "日期"),
        Field("review_opinion", "法制审核意见", required=False, column=Action.review_opinion),
        Field("review_passed", "法制审核通过", False, _yes_no, "是或否"),
        Field("decided_date", "决定日期", False, cell_date, "日期"),
        Field("outcome", "处罚结果", False, choice(OUTCOMES), "、".join(OUTCOMES)),
        Field(
            "list_item",
            "适用清单事项",
            False,
            _list_item_reference,
            "清单版本和序号，例如 2021年版第3项",
        ),
        Field("education", "对当事人的教育", required=False, column=Action.education),
        Field("post_publicity_date", "事后公示日期", False, cell_date, "日期"),
        Field(
            "post_publicity_link",
            "事后公示链接",
            False,
            _url,
            URL_EXPECTED,
            column=Action.post_publicity_link,
        ),
    ),
    example=(
        "东湖市监罚〔2023〕1号",
        "行政处罚",
        "湖畔便利店",
        "未按规定公示年度报告",
        "2023-03-01",
        "张三、李四",
        "",
        "2023-03-01",
        "https://www.example.gov.cn/zfgs/",
        "文字、音像记录",
        "执法档案室",
        "",
        "",
        "",
        "",
        "2023-03-20",
        "不予行政处罚",
        "2021年版第1项",
        "当场进行法治宣传教育",
        "2023-03-25",
        "https://www.example.gov.cn/cfgk/",
    ),
)
