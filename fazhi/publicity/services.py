"""普法 services: keyword-only, atomic and audited (`@service`), Chinese messages."""

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import not_future, require, require_unit, saved
from fazhi.core.imports import ImportRefused, RowError
from fazhi.core.models import Unit
from fazhi.core.roles import Action

from . import imports
from .models import (
    Activity,
    CultureSite,
    ExamResult,
    LawExam,
    LegalLiteratePerson,
    MediaAdoption,
    ModelVillage,
    ResponsibilityItem,
    ResponsibilityList,
    Village,
    Volunteer,
)

LINE = "publicity"


# — 谁执法谁普法 —


@service
def create_list(*, actor, unit, year, published_date) -> ResponsibilityList:
    """山东省法治宣传教育条例 第十条: the agency's 普法责任清单 of the year."""
    require_unit(actor, unit, Action.CREATE, LINE)
    if unit.is_area:
        raise ValidationError("普法责任清单由国家机关制定，请选择机关而不是行政区域")
    not_future(published_date, "清单公布日期")
    record = saved(
        ResponsibilityList(unit=unit, year=year, published_date=published_date, created_by=actor)
    )
    record_event(
        actor=actor,
        action="publicity.list.create",
        summary=f"公布{year}年度普法责任清单",
        target=record,
        unit=unit,
    )
    return record


def _add_items(responsibility_list, rows) -> list[ResponsibilityItem]:
    return [
        saved(
            ResponsibilityItem(
                responsibility_list=responsibility_list,
                law=row["law"],
                audience=row["audience"],
                measure=row["measure"],
                timing=row["timing"],
                department=row["department"],
            )
        )
        for row in rows
    ]


@service
def add_list_item(*, actor, responsibility_list, law, audience, measure, timing, department):
    require(actor, Action.CHANGE, responsibility_list)
    [item] = _add_items(
        responsibility_list,
        [
            {
                "law": law,
                "audience": audience,
                "measure": measure,
                "timing": timing,
                "department": department,
            }
        ],
    )
    record_event(
        actor=actor,
        action="publicity.list.item",
        summary=f"增加清单事项：{law}",
        target=responsibility_list,
        unit=responsibility_list.unit,
    )
    return item


@service
def import_list_items(*, actor, responsibility_list, data) -> int:
    require(actor, Action.CHANGE, responsibility_list)
    rows = imports.LIST_ITEMS.read_rows(data)
    _add_items(responsibility_list, rows)
    record_event(
        actor=actor,
        action="publicity.list.import",
        summary=f"导入清单事项{len(rows)}项",
        target=responsibility_list,
        unit=responsibility_list.unit,
    )
    return len(rows)


@service
def submit_report(*, actor, responsibility_list, report, report_date) -> ResponsibilityList:
    """The year-end 履职报告."""
    require(actor, Action.CHANGE, responsibility_list)
    not_future(report_date, "履职报告日期")
    if not responsibility_list.items.exists():
        raise ValidationError("责任清单还没有事项，不能提交履职报告")
    if report_date < responsibility_list.published_date:
        raise ValidationError("履职报告日期不能早于清单公布日期")
    responsibility_list.report = report
    responsibility_list.report_date = report_date
    saved(responsibility_list)
    record_event(
        actor=actor,
        action="publicity.list.report",
        summary="提交普法履职报告",
        target=responsibility_list,
        unit=responsibility_list.unit,
    )
    return responsibility_list


@service
def review_list(
    *,
    actor,
    responsibility_list,
    review_score,
    review_grade,
    reviewers,
    review_comment,
    reviewed_date,
) -> ResponsibilityList:
    """履职报告评议 (审核 of the 普法办): score, grade, comments and follow-up."""
    require(actor, Action.REVIEW, responsibility_list)
    not_future(reviewed_date, "评议日期")
    if responsibility_list.report_date is None:
        raise ValidationError("未提交履职报告的不能评议")
    if reviewed_date < responsibility_list.report_date:
        raise ValidationError("评议日期不能早于履职报告日期")
    responsibility_list.review_score = review_score
    responsibility_list.review_grade = review_grade
    responsibility_list.reviewers = reviewers
    responsibility_list.review_comment = review_comment
    responsibility_list.reviewed_date = reviewed_date
    saved(responsibility_list)
    record_event(
        actor=actor,
        action="publicity.list.review",
        summary=f"履职报告评议：{responsibility_list.get_review_grade_display()}",
        target=responsibility_list,
        unit=responsibility_list.unit,
    )
    return responsibility_list


# — activities and 法律明白人 —


@service
def register_activity(
    *, actor, unit, date, theme, title, form, place, participants=0, materials=0, village=None
) -> Activity:
    require_unit(actor, unit, Action.CREATE, LINE)
    not_future(date, "活动日期")
    if village is not None:
        require(actor, Action.VIEW, village)
    activity = saved(
        Activity(
            unit=unit,
            date=date,
            theme=theme,
            title=title,
            form=form,
            place=place,
            participants=participants,
            materials=materials,
            village=village,
            created_by=actor,
        )
    )
    record_event(
        actor=actor,
        action="publicity.activity.register",
        summary=f"登记普法活动“{title}”",
        target=activity,
        unit=unit,
    )
    return activity


def attach_activity_file(*, actor, activity, uploaded_file):
    """An activity's photo or material (照片、宣传材料): a checked upload on the record."""
    from fazhi.core.services import attach_file

    require(actor, Action.CHANGE, activity)
    return attach_file(actor=actor, target=activity, uploaded_file=uploaded_file)


@service
def register_village(*, actor, unit, name) -> Village:
    require_unit(actor, unit, Action.CREATE, LINE)
    if unit.kind != Unit.Kind.TOWNSHIP:
        raise ValidationError("村（社区）须登记在乡镇（街道）下")
    village = saved(Village(unit=unit, name=name, created_by=actor))
    record_event(
        actor=actor,
        action="publicity.village.register",
        summary=f"登记村（社区）{name}",
        target=village,
        unit=unit,
    )
    return village


@service
def add_person(
    *, actor, village, name, category, appointed_date, phone="", certificate_number=""
) -> LegalLiteratePerson:
    require(actor, Action.CHANGE, village)
    not_future(appointed_date, "考核上岗日期")
    person = saved(
        LegalLiteratePerson(
            village=village,
            name=name,
            category=category,
            phone=phone,
            certificate_number=certificate_number,
            appointed_date=appointed_date,
        )
    )
    record_event(
        actor=actor,
        action="publicity.person.add",
        summary=f"法律明白人{name}考核上岗",
        target=village,
        unit=village.unit,
    )
    return person


# — 学法考法 —


@service
def create_exam(*, actor, unit, name, date) -> LawExam:
    """山东省法治宣传教育条例 第十三条: the 学法考法 the county's 司法 department organises."""
    require_unit(actor, unit, Action.CREATE, LINE)
    exam = saved(LawExam(unit=unit, name=name, date=date, created_by=actor))
    record_event(
        actor=actor,
        action="publicity.exam.create",
        summary=f"组织学法考法“{name}”",
        target=exam,
        unit=unit,
    )
    return exam


@service
def import_exam_results(*, actor, exam, data) -> int:
    """Results per unit and person: all rows or none; a person in two units (in the file or
    already on the exam) is refused, as is a unit outside the organiser's area."""
    require(actor, Action.CHANGE, exam)
    rows = imports.EXAM_RESULTS.read_rows(data)
    area = Unit.objects.restrict(actor).filter(path__startswith=exam.unit.scope_root.path)
    units = {unit.name: unit for unit in area.filter(name__in={row["unit"] for row in rows})}
    existing = dict(
        ExamResult.objects.filter(exam=exam).values_list("id_number", "person_unit__name")
    )
    errors = []
    for row in rows:
        if row["unit"] not in units:
            errors.append(RowError(row["row"], "所在单位", f"“{row['unit']}”不是本地区的单位"))
        known = existing.get(row["id_number"])
        if known is not None:
            where = "同一单位" if known == row["unit"] else f"“{known}”"
            errors.append(
                RowError(row["row"], "身份证号码", f"此人已在本次考试中列入{where}，不能重复列入")
            )
    if errors:
        raise ImportRefused(errors)
    for row in rows:
        result = ExamResult(
            exam=exam,
            person_unit=units[row["unit"]],
            name=row["name"],
            id_number=row["id_number"],
            sat=row["sat"],
            score=row["score"] if row["sat"] else None,
        )
        result.grade()
        saved(result)
    record_event(
        actor=actor,
        action="publicity.exam.import",
        summary=f"导入学法考法成绩{len(rows)}人",
        target=exam,
        unit=exam.unit,
    )
    return len(rows)


# — 媒体采用 · 法治文化阵地 · 民主法治示范村 · 普法志愿者 —


def _register(actor, record, *, unit, action, summary):
    """Checks the unit, saves the validated record and audits it: the four registers' one
    write."""
    require_unit(actor, unit, Action.CREATE, LINE)
    record.created_by = actor
    saved(record)
    record_event(actor=actor, action=action, summary=summary, target=record, unit=unit)
    return record


@service
def register_media_adoption(*, actor, unit, title, outlet, level, published_date):
    not_future(published_date, "刊播日期")
    record = MediaAdoption(
        unit=unit, title=title, outlet=outlet, level=level, published_date=published_date
    )
    return _register(
        actor,
        record,
        unit=unit,
        action="publicity.media.register",
        summary=f"{outlet}采用“{title}”",
    )


@service
def register_culture_site(*, actor, unit, name, kind, level, address, named_date):
    not_future(named_date, "建成（命名）日期")
    record = CultureSite(
        unit=unit, name=name, kind=kind, level=level, address=address, named_date=named_date
    )
    return _register(
        actor,
        record,
        unit=unit,
        action="publicity.site.register",
        summary=f"登记法治文化阵地{name}",
    )


@service
def name_model_village(*, actor, village, level, year, named_by, named_date):
    """A village of the roster named 民主法治示范村（社区）; the township owns the title."""
    require(actor, Action.VIEW, village)
    not_future(named_date, "命名日期")
    if named_date.year != year:
        raise ValidationError("命名日期应在命名年度内")
    record = ModelVillage(
        unit=village.unit,
        village=village,
        level=level,
        year=year,
        named_by=named_by,
        named_date=named_date,
    )
    return _register(
        actor,
        record,
        unit=village.unit,
        action="publicity.model_village.name",
        summary=f"{village}获{record.get_level_display()}民主法治示范村（社区）命名",
    )


@service
def register_volunteer(*, actor, unit, name, team, phone, registered_date, id_number=""):
    not_future(registered_date, "登记日期")
    record = Volunteer(
        unit=unit,
        name=name,
        team=team,
        phone=phone,
        id_number=id_number,
        registered_date=registered_date,
    )
    return _register(
        actor,
        record,
        unit=unit,
        action="publicity.volunteer.register",
        summary=f"登记普法志愿者{name}",
    )
