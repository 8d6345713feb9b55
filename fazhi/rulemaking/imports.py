"""Excel imports of the rulemaking line: an existing 规范性文件 register (with its 报备 dates,
the filing ledger's columns), all rows or none."""

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice

from .models import ReviewOpinion, Validity

OPINIONS = {"合法": ReviewOpinion.LAWFUL, "修改后合法": ReviewOpinion.LAWFUL_IF_REVISED}
STATUSES = {label: value for value, label in Validity.choices}


def _check(rows) -> list[RowError]:
    from .services import normalize_doc_number

    errors, seen = [], {}
    for row in rows:
        number = row.get("doc_number")
        if number:
            try:
                number = normalize_doc_number(number)
            except Exception:  # noqa: BLE001 - any refusal is the row's error
                errors.append(
                    RowError(
                        row["row"],
                        "文号",
                        f"“{row['doc_number']}”格式不正确，应如“东政发〔2025〕3号”",
                    )
                )
                continue
            if number in seen:
                errors.append(RowError(row["row"], "文号", f"与第{seen[number]}行重复"))
            seen[number] = row["row"]
            row["doc_number"] = number
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
