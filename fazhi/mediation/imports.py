"""The provincial platform's case export (山东智慧调解 and the like) as an Excel import: one
row per case, matched to the committee by its name and to an existing case by the platform's
number, so that importing the same export again updates the cases instead of doubling them."""

from fazhi.core.imports import DATE_EXPECTED, Field, ImportSpec, RowError, cell_date, choice

from .models import DisputeKind, Source

RESULTS = {"调解中": "mediating", "调解成功": "agreed", "调解不成": "failed"}
FORMS = {"书面": "written", "口头": "oral"}


def check_rows(rows: list[dict]) -> list[RowError]:
    errors = []
    numbers = [row["platform_number"] for row in rows]
    for index, row in enumerate(rows):
        if row["platform_number"] and row["platform_number"] in numbers[:index]:
            errors.append(RowError(row["row"], "平台编号", "在表格中重复"))
        if row["result"] in ("agreed", "failed") and row["concluded_date"] is None:
            errors.append(RowError(row["row"], "结案日期", "调解成功或调解不成的案件请填写"))
        if (
            row["concluded_date"]
            and row["received_date"]
            and row["concluded_date"] < row["received_date"]
        ):
            errors.append(RowError(row["row"], "结案日期", "不能早于受理日期"))
    return errors


PROVINCIAL_CASES = ImportSpec(
    sheet="调解案件",
    noun="调解案件",
    fields=(
        Field("platform_number", "平台编号", max_length=60),
        Field("committee", "调解组织", max_length=100),
        Field(
            "source",
            "案件来源",
            True,
            choice({label: value for value, label in Source.choices}),
            "“当事人申请”等案件来源之一",
        ),
        Field("source_reference", "来源文号", required=False, max_length=100),
        Field(
            "kind",
            "纠纷类型",
            True,
            choice({label: value for value, label in DisputeKind.choices}),
            "“邻里纠纷”等纠纷类型之一",
        ),
        Field("applicant", "申请人", max_length=100),
        Field("respondent", "被申请人", required=False, max_length=100),
        Field("summary", "纠纷简要情况", max_length=2000),
        Field("received_date", "受理日期", True, cell_date, DATE_EXPECTED),
        Field("mediator", "调解员", max_length=30),
        Field("result", "调解结果", True, choice(RESULTS), "调解中、调解成功或调解不成"),
        Field("form", "协议形式", False, choice(FORMS), "书面或口头"),
        Field("concluded_date", "结案日期", False, cell_date, DATE_EXPECTED),
    ),
    example=(
        "SD2025000123",
        "湖滨社区人民调解委员会",
        "当事人申请",
        "",
        "邻里纠纷",
        "张某",
        "李某",
        "因排水沟堵塞发生争执",
        "2025-03-03",
        "林主任",
        "调解成功",
        "书面",
        "2025-03-10",
    ),
    # check_rows runs in the service, beside the checks against the records: one list of
    # every error of the workbook.
)
