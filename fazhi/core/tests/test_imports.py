"""Excel imports (core/imports.py): every row checked, all rows or none, errors by row and
column in Chinese, and an upload that is not a real .xlsx refused."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from fazhi.core.imports import (
    DATE_EXPECTED,
    Field,
    ImportRefused,
    ImportSpec,
    RowError,
    cell_date,
    choice,
)


def _no_twins(rows):
    names = [row["name"] for row in rows]
    return [
        RowError(row["row"], "姓名", "重复")
        for index, row in enumerate(rows)
        if row["name"] in names[:index]
    ]


SPEC = ImportSpec(
    sheet="人员",
    noun="人员",
    fields=(
        Field("name", "姓名"),
        Field("born", "出生日期", True, cell_date, DATE_EXPECTED),
        Field("kind", "类型", False, choice({"正式": "staff", "聘用": "contract"}), "正式、聘用"),
    ),
    example=("张三", "1990-01-02", "正式"),
    check=_no_twins,
)


def workbook(*rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = ("姓名", "出生日期", "类型")


def test_clean_rows_are_parsed_and_empty_rows_skipped():
    rows = SPEC.read_rows(
        workbook(
            HEADER,
            ("张三", datetime.datetime(1990, 1, 2), "正式"),
            (None, "", None),
            ("李四", "1991-05-06"),
        )
    )
    assert rows == [
        {"row": 2, "name": "张三", "born": datetime.date(1990, 1, 2), "kind": "staff"},
        {"row": 4, "name": "李四", "born": datetime.date(1991, 5, 6), "kind": None},
    ]


def test_every_error_is_listed_by_row_and_column_and_nothing_is_returned():
    data = workbook(
        HEADER,
        ("张三", "1990-01-02", "临时"),
        ("", "昨天", ""),
        ("张三", "1990-01-02", "聘用"),
    )
    with pytest.raises(ImportRefused) as refused:
        SPEC.read_rows(data)
    assert [str(error) for error in refused.value.errors] == [
        "第2行“类型”：“临时”无效，应为正式、聘用",
        "第3行“姓名”：不能为空",
        f"第3行“出生日期”：“昨天”无效，应为{DATE_EXPECTED}",
        "第4行“姓名”：重复",
    ]


def test_a_missing_column_or_an_empty_table_is_refused():
    with pytest.raises(ImportRefused, match="第1行“类型”：缺少这一列"):
        SPEC.read_rows(workbook(HEADER[:2], ("张三", "1990-01-02")))
    with pytest.raises(ImportRefused, match="表格中没有人员"):
        SPEC.read_rows(workbook(HEADER))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("人员.xlsx", b"%PDF-1.4 not a workbook", "内容与扩展名 .xlsx 不符"),
        ("人员.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "请上传 .xlsx 格式"),
        ("人员.exe", b"MZ", "类型不允许上传"),
    ],
)
def test_an_upload_that_is_not_a_real_workbook_is_refused(name, content, message):
    with pytest.raises(ImportRefused, match=message):
        SPEC.read_rows(SimpleUploadedFile(name, content))


def test_unreadable_bytes_are_one_message():
    with pytest.raises(ImportRefused, match="无法读取Excel文件"):
        SPEC.read_rows(b"not a workbook")


def test_an_uploaded_workbook_is_read():
    upload = SimpleUploadedFile("人员.xlsx", workbook(HEADER, ("张三", "1990-01-02", "")))
    assert [row["name"] for row in SPEC.read_rows(upload)] == ["张三"]


def test_the_template_is_the_header_and_the_example_and_reads_back():
    book = SPEC.template_workbook()
    assert book.active.title == "人员"
    buffer = io.BytesIO()
    book.save(buffer)
    assert SPEC.read_rows(buffer.getvalue())[0]["kind"] == "staff"
