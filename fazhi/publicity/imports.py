"""The 普法 imports: an exam's results per unit and person, an agency's responsibility list
(kit ImportSpecs: row errors in Chinese, all rows or none)."""

from decimal import Decimal, InvalidOperation

from fazhi.core.imports import Field, ImportSpec, RowError
from fazhi.core.validators import validate_id_number


def _yes_no(value) -> bool:
    return {"是": True, "否": False}[str(value).strip()]


def _score(value) -> Decimal:
    try:
        score = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(value) from None
    if not Decimal(0) <= score <= Decimal(100):
        raise ValueError(value)
    return score


def _id_number(value) -> str:
    from django.core.exceptions import ValidationError

    text = str(value).strip().upper()
    try:
        validate_id_number(text)
    except ValidationError:
        raise ValueError(value) from None
    return text


def check_exam_rows(rows: list[dict]) -> list[RowError]:
    """A person (by 身份证号码) belongs to one unit: listed under two units, or twice, is an
    error; a score without 参考 too."""
    errors, seen = [], {}
    for row in rows:
        number, unit = row["id_number"], row["unit"]
        if number is not None:
            if number in seen:
                first_row, first_unit = seen[number]
                if first_unit != unit:
                    errors.append(
                        RowError(
                            row["row"],
                            "身份证号码",
                            f"同一人已在第{first_row}行列入“{first_unit}”，不能同时列入“{unit}”",
                        )
                    )
                else:
                    errors.append(RowError(row["row"], "身份证号码", f"与第{first_row}行重复"))
            else:
                seen[number] = (row["row"], unit)
        if row["sat"] is False and row["score"] is not None:
            errors.append(RowError(row["row"], "成绩", "未参考的人员不能有成绩"))
    return errors


EXAM_RESULTS = ImportSpec(
    sheet="学法考法成绩",
    noun="考试人员",
    fields=(
        Field("unit", "所在单位", max_length=100),
        Field("name", "姓名", max_length=30),
        Field("id_number", "身份证号码", True, _id_number, "18位身份证号码"),
        Field("sat", "是否参考", True, _yes_no, "是或否"),
        Field("score", "成绩", False, _score, "0至100的数字"),
    ),
    example=("东湖区司法局", "张三", "11010519491231002X", "是", 92),
    check=check_exam_rows,
)

LIST_ITEMS = ImportSpec(
    sheet="普法责任清单",
    noun="清单事项",
    fields=(
        Field("law", "普法内容（法律法规）", max_length=200),
        Field("audience", "普法对象", max_length=100),
        Field("measure", "普法措施（形式）", max_length=200),
        Field("timing", "时间安排", max_length=60),
        Field("department", "责任科室", max_length=60),
    ),
    example=(
        "中华人民共和国行政处罚法",
        "执法人员、企业",
        "专题培训、以案释法",
        "全年",
        "政策法规科",
    ),
)
