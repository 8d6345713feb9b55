"""普法 on the demo: exam results imported per unit and person (all rows or none, a person in
two units refused), rates computed, villages below three listed, lists reported and reviewed,
and the pages, Excel and API scoped."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from fazhi.core.imports import ImportRefused
from fazhi.indicators import engine
from fazhi.publicity import selectors, services
from fazhi.publicity.models import ExamResult, LawExam, ResponsibilityList, Village

TODAY = timezone.localdate()
HEADER = ["所在单位", "姓名", "身份证号码", "是否参考", "成绩"]


def _book(*rows) -> bytes:
    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _exam(demo, key="donghu"):
    return LawExam.objects.get(unit=demo.units[f"{key}_justice"])


def test_a_person_in_two_units_refuses_the_whole_workbook(demo):
    exam = _exam(demo)
    before = ExamResult.objects.filter(exam=exam).count()
    book = _book(
        ("东湖区司法局", "甲", "110105197001011233", "是", 80),
        ("东湖区交通运输局", "甲", "110105197001011233", "是", 85),
        ("东湖区交通运输局", "乙", "110105197002021230", "否", 70),
    )
    with pytest.raises(ImportRefused) as refused:
        services.import_exam_results(actor=demo.users["donghu_publicity"], exam=exam, data=book)
    messages = refused.value.messages
    assert (
        "第3行“身份证号码”：同一人已在第2行列入“东湖区司法局”，不能同时列入“东湖区交通运输局”"
        in messages
    )
    assert "第4行“成绩”：未参考的人员不能有成绩" in messages
    assert ExamResult.objects.filter(exam=exam).count() == before


def test_a_person_already_on_the_exam_under_another_unit_is_refused(demo):
    exam = _exam(demo)
    listed = ExamResult.objects.filter(exam=exam, person_unit=demo.units["donghu_justice"]).first()
    book = _book(("东湖区交通运输局", listed.name, listed.id_number, "是", 90))
    with pytest.raises(ImportRefused, match="此人已在本次考试中列入“东湖区司法局”"):
        services.import_exam_results(actor=demo.users["donghu_publicity"], exam=exam, data=book)
    with pytest.raises(ImportRefused, match="“西山区司法局”不是本地区的单位"):
        services.import_exam_results(
            actor=demo.users["donghu_publicity"],
            exam=exam,
            data=_book(("西山区司法局", "丙", "110105197003031238", "是", 90)),
        )


def test_rates_are_computed_from_the_results(demo):
    exam = _exam(demo)
    services.import_exam_results(
        actor=demo.users["donghu_publicity"],
        exam=exam,
        data=_book(("东湖区交通运输局", "丁", "110105197004041235", "是", 60)),
    )
    rates = selectors.exam_rates(demo.users["donghu_publicity"], exam)
    total = rates["total"]
    # 7 due, 6 sat (95, 88, 72, 91, 55, 60), passed ≥ 60: 5, excellent ≥ 90: 2
    assert (total["due"], total["sat"], total["passed"], total["excellent"]) == (7, 6, 5, 2)
    assert total["participation"] == Decimal("85.71")
    assert total["pass"] == Decimal("83.33") and total["excellent_rate"] == Decimal("33.33")
    values = engine.compute(
        ["publicity.law_exam_pass_rate", "publicity.law_exam_participants"],
        user=demo.users["donghu_publicity"],
        unit=demo.units["donghu"],
        period=engine.Period(exam.date, exam.date),
    )
    assert values["publicity.law_exam_participants"] == 6
    assert round(values["publicity.law_exam_pass_rate"], 2) == Decimal("83.33")


def test_villages_below_three_are_listed(demo):
    below = selectors.villages_below(demo.users["donghu_publicity"])
    assert [village.name for village in below] == ["渔港社区"]
    village = Village.objects.get(name="渔港社区")
    for name in ("甲乙", "丙丁"):
        services.add_person(
            actor=demo.users["donghu_publicity"],
            village=village,
            name=name,
            category="grid",
            appointed_date=TODAY,
        )
    assert not selectors.villages_below(demo.users["donghu_publicity"]).exists()


def test_a_report_needs_items_and_a_review_needs_the_report(demo):
    officer = demo.users["donghu_publicity"]
    fresh = ResponsibilityList.objects.get(unit=demo.units["donghu_justice"], year=TODAY.year)
    with pytest.raises(ValidationError, match="还没有事项"):
        services.submit_report(
            actor=officer, responsibility_list=fresh, report="报告", report_date=TODAY
        )
    with pytest.raises(ValidationError, match="未提交履职报告的不能评议"):
        services.review_list(
            actor=demo.users["donghu_leader"],
            responsibility_list=fresh,
            review_score=Decimal(90),
            review_grade="excellent",
            reviewers="联席会议",
            review_comment="好",
            reviewed_date=TODAY,
        )
    ranking = selectors.ranking(officer, TODAY.year - 1)
    assert [r.review_score for r in ranking] == [Decimal(95), Decimal(87), Decimal(79)]


def test_the_list_import_is_all_or_none(demo, client_as):
    record = ResponsibilityList.objects.get(unit=demo.units["donghu_justice"], year=TODAY.year)
    workbook = Workbook()
    workbook.active.append(
        ["普法内容（法律法规）", "普法对象", "普法措施（形式）", "时间安排", "责任科室"]
    )
    workbook.active.append(["宪法", "干部", "讲座", "12月", "办公室"])
    workbook.active.append(["民法典", "", "讲座", "5月", "办公室"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportRefused, match="第3行“普法对象”：不能为空"):
        services.import_list_items(
            actor=demo.users["donghu_publicity"], responsibility_list=record, data=buffer.getvalue()
        )
    assert not record.items.exists()


def test_pages_excel_and_api_are_scoped_and_mask_id_numbers(demo, client_as):
    officer = client_as(demo.users["donghu_publicity"])
    exam = _exam(demo)
    page = officer.get(exam.get_absolute_url()).content.decode()
    assert "优秀率" in page and "110105199001011232" in page
    inspector = client_as(demo.users["donghu_inspector"])
    api = inspector.get("/api/publicity/exams/").json()["results"]
    numbers = {row["id_number"] for item in api for row in item["results"]}
    assert numbers and "110105199001011232" not in numbers
    export = officer.get("/publicity/villages/?export=xlsx")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == {
        "东湖区湖滨街道柳湾村",
        "东湖区东湖街道荷塘村",
        "东湖区湖滨街道渔港社区",
    }
    assert "石岭村" not in officer.get("/publicity/villages/").content.decode()


def test_exam_units_and_materials_are_counted_from_the_records(demo, client_as):
    import datetime

    officer = demo.users["donghu_publicity"]
    day = datetime.date(2025, 9, 30)  # before 国庆 2025
    exam = services.create_exam(
        actor=officer, unit=demo.units["donghu_justice"], name="2025年度学法考法", date=day
    )
    services.import_exam_results(
        actor=officer,
        exam=exam,
        data=_book(
            ("东湖区司法局", "戊", "110105197005051232", "是", 80),
            ("东湖区司法局", "己", "11010519700606123X", "是", 95),
            ("东湖区交通运输局", "庚", "110105197007071237", "是", 70),
            ("东湖区市场监督管理局", "辛", "110105197008081234", "否", None),
        ),
    )
    for title, materials in (("宪法宣传", 300), ("民法典宣传", 120)):
        services.register_activity(
            actor=officer,
            unit=demo.units["donghu_justice"],
            date=day,
            theme="constitution_week",
            title=title,
            form="stall",
            place="湖滨广场",
            materials=materials,
        )
    for title, form, participants in (
        ("旁听行政诉讼庭审", "trial_observation", 40),
        ("公众号推送：民法典解读", "online", 0),
    ):
        services.register_activity(
            actor=officer,
            unit=demo.units["donghu_justice"],
            date=day,
            theme="civil_code_month",
            title=title,
            form=form,
            place="东湖区人民法院" if participants else "“东湖普法”公众号",
            participants=participants,
        )
    period = engine.Period(day, day)
    ids = ["publicity.law_exam_units", "publicity.law_exam_participants"]
    ids += ["publicity.materials_distributed", "publicity.activities"]
    ids += ["publicity.trial_observers", "publicity.online_posts"]
    values = engine.compute(ids, user=officer, unit=demo.units["donghu"], period=period)
    # three units listed, two with someone sitting the exam (one unit with two persons)
    assert values["publicity.law_exam_units"] == 2
    assert values["publicity.law_exam_participants"] == 3
    assert values["publicity.materials_distributed"] == 420
    assert values["publicity.activities"] == 4
    assert values["publicity.trial_observers"] == 40 and values["publicity.online_posts"] == 1
    by_child = engine.breakdown(
        ["publicity.law_exam_units"],
        user=officer,
        unit=demo.units["donghu"],
        period=period,
        by="month",
    )
    assert by_child[datetime.date(2025, 9, 1)]["publicity.law_exam_units"] == 2
    page = client_as(officer).get(
        "/indicators/records/",
        {"id": "publicity.law_exam_units", "unit": demo.units["donghu"].pk, "from": day, "to": day},
    )
    assert page.status_code == 200
    assert "戊" in page.content.decode() and "辛" not in page.content.decode()


def test_an_activity_keeps_its_photos_as_checked_uploads(demo, client_as):
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.publicity.models import Activity

    activity = Activity.objects.filter(unit__path__startswith=demo.units["donghu"].path).first()
    url = f"/publicity/activities/{activity.pk}/upload/"
    client = client_as(demo.users["donghu_publicity"])
    fake = SimpleUploadedFile("现场.png", b"not an image", content_type="image/png")
    assert "不符" in client.post(url, {"file": fake}, follow=True).content.decode()
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    photo = SimpleUploadedFile("现场.png", png, content_type="image/png")
    response = client.post(url, {"file": photo}, follow=True)
    assert "已上传“现场.png”" in response.content.decode()
    assert "现场.png" in client.get(activity.get_absolute_url()).content.decode()
    assert client_as(demo.users["xishan_leader"]).post(url, {"file": photo}).status_code == 404
