"""Excel imports of the rulemaking line, all rows or none: an existing 规范性文件 register (with
its 报备 dates), and a 备案审查机构's filing ledger (备案台账) of documents in the register."""

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice

from .models import FilingOutcome, ReviewOpinion, Validity

OPINIONS = {"合法": ReviewOpinion.LAWFUL, "修改后合法": ReviewOpinion.LAWFUL_IF_REVISED}
STATUSES = {label: value for value, label in Validity.choices}


def _numbers(rows, key=lambda row: row["doc_number"]) -> list[RowError]:
    """Each row's 文号 in its one form (〔〕), refused when malformed or repeated."""
    from .services import normalize_doc_number

    errors, seen = [], {}
    for row in rows:
        number = row.get("doc_number")
        if not number:
            continue
        try:
            number = normalize_doc_number(number)
        except Exception:  # noqa: BLE001 - any refusal is the row's error
            errors.append(
                RowError(
                    row["row"], "文号", f"“{row['doc_number']}”格式不正确，应如“东政发〔2025〕3号”"
                )
            )
            continue
        row["doc_number"] = number
        first = seen.setdefault(key(row), row["row"])
        if first != row["row"]:
            errors.append(RowError(row["row"], "文号", f"与第{first}行重复"))
    return errors


def _check(rows) -> list[RowError]:
    errors = _numbers(rows)
    for row in rows:
        published, effective = row.get("published_date"), row.get("effective_date")
        if published and effective and effective < published:
            errors.append(RowError(row["row"], "施行日期", "不能早于公布日期"))
        filed = row.get("filed_date")
        if published and filed and filed < published:
            errors.append(RowError(row["row"], "报备日期", "不能早于公布日期"))
    return errors


DOCUMENTS = ImportSpec(
    sheet="规范性文件",
    noun="规范性文件",
    fields=(
        Field("title", "文件名称", max_length=200),
        Field("doc_number", "文号", max_length=60),
        Field("registration_number", "统一登记号", max_length=40),
        Field("review_opinion", "合法性审核意见", True, choice(OPINIONS), "合法或修改后合法"),
        Field("review_finished_date", "审核完成日期", True, cell_date, DATE_EXPECTED),
        Field("published_date", "公布日期", True, cell_date, DATE_EXPECTED),
        Field("effective_date", "施行日期", True, cell_date, DATE_EXPECTED),
        Field("early_effect_reason", "不足30日施行理由", required=False, max_length=300),
        Field("valid_until", "有效期至", False, cell_date, DATE_EXPECTED),
        Field("status", "效力状态", True, choice(STATUSES), "有效、修改、废止、失效或到期继续执行"),
        Field("filed_date", "报备日期", False, cell_date, DATE_EXPECTED),
    ),
    example=(
        "某某管理办法",
        "东政发〔2024〕3号",
        "DHZD01-2024-0003",
        "合法",
        "2024-03-01",
        "2024-03-10",
        "2024-04-10",
        "",
        "2029-04-09",
        "有效",
        "2024-03-20",
    ),
    check=_check,
)


OUTCOMES = {label: value for value, label in FilingOutcome.choices}
YES_NO = {"是": True, "否": False}


def _check_filings(rows) -> list[RowError]:
    errors = _numbers(rows, key=lambda row: (row.get("organ"), row["doc_number"]))
    for row in rows:
        steps = [
            ("filed_date", "报备日期"),
            ("registered_date", "登记日期"),
            ("reviewed_date", "审查完成日期"),
            ("reply_date", "制定机关回复日期"),
        ]
        earlier = None
        for key, label in steps:
            day = row.get(key)
            if day is None:
                continue
            if earlier is not None and day < row[earlier[0]]:
                errors.append(RowError(row["row"], label, f"不能早于{earlier[1]}"))
            earlier = (key, label)
        outcome = row.get("outcome")
        if bool(outcome) != bool(row.get("reviewed_date")):
            errors.append(RowError(row["row"], "审查结果", "审查结果与审查完成日期应同时填写"))
        if outcome and not row.get("registered_date"):
            errors.append(RowError(row["row"], "登记日期", "已审查的备案应填写登记日期"))
        correction = outcome not in (None, "", FilingOutcome.NO_PROBLEM)
        if correction and not row.get("review_note"):
            errors.append(RowError(row["row"], "审查意见", "提出纠错意见的，请写明审查意见"))
        if row.get("reply_date") and not correction:
            errors.append(
                RowError(row["row"], "制定机关回复日期", "只有提出纠错意见的备案才有制定机关回复")
            )
    return errors


FILINGS = ImportSpec(
    sheet="备案台账",
    noun="备案",
    fields=(
        Field("organ", "制定机关", max_length=100),
        Field("doc_number", "文号", max_length=60),
        Field("filed_date", "报备日期", True, cell_date, DATE_EXPECTED),
        Field("deferred", "曾暂缓登记", False, choice(YES_NO), "是或否"),
        Field("registered_date", "登记日期", False, cell_date, DATE_EXPECTED),
        Field(
            "outcome",
            "审查结果",
            False,
            choice(OUTCOMES),
            "无问题、建议修改、自行纠正意见或提请撤销",
        ),
        Field("reviewed_date", "审查完成日期", False, cell_date, DATE_EXPECTED),
        Field("review_note", "审查意见", False, max_length=500),
        Field("reply_date", "制定机关回复日期", False, cell_date, DATE_EXPECTED),
    ),
    example=(
        "东湖区人民政府",
        "东政发〔2024〕3号",
        "2024-03-20",
        "否",
        "2024-03-22",
        "无问题",
        "2024-04-15",
        "",
        "",
    ),
    check=_check_filings,
)
