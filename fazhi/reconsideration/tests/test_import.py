"""Import of historical cases from an .xlsx ledger: all rows or none, errors by row and column."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.reconsideration.imports import CASES
from fazhi.reconsideration.models import Case

HEADER = [field.label for field in CASES.fields]
GOOD = [
    "东湖复收字〔2023〕第1号",
    "当面递交",
    "李明",
    "自然人",
    "11010519491231002X",
    "东湖区交通运输局",
    "行政处罚",
    "2023-01-05",
    "2023-01-10",
    "2023-02-01",
    "2023-02-03",
    "普通程序",
    "撤销",
    "64.1",
    "2023-03-20",
    "2023-03-22",
    "请求撤销罚款",
]


def workbook(*rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("台账.xlsx", buffer.getvalue())


def test_the_template_has_every_column(demo, client_as):
    response = client_as(demo.users["donghu_officer"]).get(
        "/reconsideration/cases/import/?template=1"
    )
    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(header) == HEADER


def test_a_clean_ledger_is_imported_with_its_audit(demo, client_as):
    second = [*GOOD]
    second[0], second[2], second[12], second[13] = "东湖复收字〔2023〕第2号", "明达公司", "维持", ""
    second[3], second[4] = "法人或其他组织", "91370400MA3C1234X3"
    client = client_as(demo.users["donghu_officer"])
    response = client.post(
        "/reconsideration/cases/import/", {"file": workbook(HEADER, GOOD, second)}
    )
    assert response.status_code == 302
    first = Case.objects.get(number=GOOD[0])
    assert (first.outcome, first.state, first.respondent, first.closed_on_time) == (
        "revoked",
        "closed",
        demo.units["donghu_enf1"],
        True,
    )
    assert first.steps.get().label == "导入历史案件"
    assert Case.objects.get(number=second[0]).parties.get().credit_code == "91370400MA3C1234X3"


def test_one_bad_row_imports_nothing_and_lists_every_error(demo, client_as):
    bad = [*GOOD]
    bad[0], bad[7], bad[12], bad[4] = "东湖复收字〔2023〕第9号", "2023-13-01", "不知道", "123"
    late = [*GOOD]
    late[0], late[14] = "东湖复收字〔2023〕第10号", "2023-01-01"
    page = (
        client_as(demo.users["donghu_officer"])
        .post("/reconsideration/cases/import/", {"file": workbook(HEADER, GOOD, bad, late)})
        .content.decode()
    )
    assert "未导入任何案件" in page
    assert "第3行" in page and "行政行为作出日期" in page and "“不知道”无效" in page
    assert "身份证号码“123”无效" in page
    assert "第4行" in page and "不能早于" in page
    assert not Case.objects.filter(number__startswith="东湖复收字〔2023〕").exists()


def test_a_missing_column_or_a_duplicate_number_is_refused(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    page = client.post(
        "/reconsideration/cases/import/", {"file": workbook(HEADER[:-2], GOOD[:-2])}
    ).content.decode()
    assert "缺少这一列" in page
    page = client.post(
        "/reconsideration/cases/import/", {"file": workbook(HEADER, GOOD, GOOD)}
    ).content.decode()
    assert "编号已存在或在表格中重复" in page
    assert not Case.objects.filter(number=GOOD[0]).exists()


def test_a_file_that_is_not_a_workbook_is_refused(demo, client_as):
    fake = SimpleUploadedFile("台账.xlsx", b"%PDF-1.4 not a workbook")
    page = (
        client_as(demo.users["donghu_officer"])
        .post("/reconsideration/cases/import/", {"file": fake})
        .content.decode()
    )
    assert "内容与扩展名 .xlsx 不符" in page


def test_a_new_case_passes_over_the_numbers_of_imported_ones(demo, client_as, register):
    import datetime

    client = client_as(demo.users["donghu_officer"])
    client.post("/reconsideration/cases/import/", {"file": workbook(HEADER, GOOD)})
    assert Case.objects.filter(number=GOOD[0]).exists()  # 东湖复收字〔2023〕第1号
    case = register(received=datetime.date(2023, 6, 5))
    assert case.number == "东湖复收字〔2023〕第2号"


def test_cells_beyond_their_columns_are_errors_of_their_rows(demo, client_as):
    """Issue 14, item 3: a 150-character respondent or a 32,000-character name reached the
    database (a 500 on PostgreSQL, a whole-file message on SQLite); each is now the error
    of its row and column, and nothing is imported."""
    long_name, long_respondent = [*GOOD], [*GOOD]
    long_name[0], long_name[2] = "东湖复收字〔2023〕第8号", "名" * 32000
    long_respondent[0], long_respondent[5] = "东湖复收字〔2023〕第9号", "局" * 150
    client = client_as(demo.users["donghu_officer"])
    response = client.post(
        "/reconsideration/cases/import/",
        {"file": workbook(HEADER, GOOD, long_name, long_respondent)},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<td>第3行</td><td>申请人</td><td>超过100个字符（当前32000个）</td>" in page
    assert "<td>第4行</td><td>被申请人</td><td>超过100个字符（当前150个）</td>" in page
    assert not Case.objects.filter(number__in=[GOOD[0], long_name[0]]).exists()


def test_every_text_cell_of_the_ledger_is_bounded_by_its_column():
    from django.core.exceptions import ValidationError

    for field in CASES.fields:
        column = field.model_field
        if field.parse is not None or column is None or not column.max_length:
            continue
        row = [*GOOD]
        row[CASES.fields.index(field)] = "长" * (column.max_length + 1)
        try:
            CASES.read_rows(workbook(HEADER, row).read())
        except ValidationError as refused:
            assert any(
                f"“{field.label}”：超过{column.max_length}个字符" in m for m in refused.messages
            )
        else:
            raise AssertionError(f"{field.label}: a cell longer than its column was accepted")
    assert {f.key for f in CASES.fields if f.column is not None} >= {
        "number",
        "applicant",
        "identifier",
        "respondent",
        "outcome_ground",
        "request",
    }
