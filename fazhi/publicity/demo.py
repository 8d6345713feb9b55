"""Demo 普法 for every district: responsibility lists (one reviewed last year, one of this
year awaiting its 履职报告), activities (法律明白人's among them), villages with their rosters
(one below three), and an exam whose results are imported through the ImportSpec."""

import datetime
import io
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook

from fazhi.core.demo import DISTRICTS, DemoWorld

from . import imports, services
from .models import ActivityForm, Category, Level, ListGrade, SiteKind, Theme

# Different in every district: the scoping test looks for the sibling's texts.
VILLAGES = {
    "donghu": ["柳湾村", "荷塘村", "渔港社区"],
    "xishan": ["石岭村", "松坡村", "泉眼社区"],
    "nanqiao": ["桥头村", "河湾村", "稻香社区"],
}
PEOPLE = {
    "donghu": ["齐润生", "韩美玲", "蒋保国", "唐月娥", "魏长河", "宋巧云", "苗守业", "袁春梅"],
    "xishan": ["范德旺", "彭秀芝", "鲁振东", "常桂香", "贺万山", "汤翠萍", "尹广福", "易红霞"],
    "nanqiao": ["任立本", "方淑华", "石建业", "姚彩凤", "谢宝田", "邹秋菊", "喻长顺", "潘玉兰"],
}
EXAMINEES = {
    "donghu": ["吕思远", "卓雅琴", "舒建明", "窦海波", "池玉洁", "万子豪"],
    "xishan": ["车立伟", "包文静", "单志强", "邝海燕", "庞宇航", "伍佳慧"],
    "nanqiao": ["贝永康", "仲晓雯", "辛国华", "冀美娟", "庄俊杰", "宗欣悦"],
}
# Valid 身份证号码 (checksums right), different per district.
ID_NUMBERS = {
    "donghu": [
        "110105199001011232",
        "11010519900202123X",
        "110105199003031237",
        "110105199004041234",
        "110105199005051231",
        "110105199006061239",
    ],
    "xishan": [
        "110105198801011236",
        "110105198802021233",
        "110105198803031230",
        "110105198804041238",
        "110105198805051235",
        "110105198806061232",
    ],
    "nanqiao": [
        "110105198701011239",
        "110105198702021236",
        "110105198703031233",
        "110105198704041230",
        "110105198705051238",
        "110105198706061235",
    ],
}


def _ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _workbook(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([field.label for field in imports.EXAM_RESULTS.fields])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _lists(world, key, name, officer, leader):
    u = world.units
    last = timezone.localdate().year - 1
    for index, agency in enumerate([u[f"{key}_justice"], u[f"{key}_enf0"], u[f"{key}_enf1"]]):
        record = services.create_list(
            actor=officer, unit=agency, year=last, published_date=datetime.date(last, 2, 20)
        )
        services.add_list_item(
            actor=officer,
            responsibility_list=record,
            law="中华人民共和国行政处罚法",
            audience="执法人员、市场主体",
            measure="专题培训、以案释法",
            timing="全年",
            department="政策法规科",
        )
        services.submit_report(
            actor=officer,
            responsibility_list=record,
            report=f"{agency.name}{last}年度落实普法责任制情况报告",
            report_date=datetime.date(last, 12, 20),
        )
        services.review_list(
            actor=leader,
            responsibility_list=record,
            review_score=Decimal(95 - index * 8),
            review_grade=[ListGrade.EXCELLENT, ListGrade.GOOD, ListGrade.GOOD][index],
            reviewers=f"{name}普法责任制联席会议成员单位",
            review_comment="建议加强以案释法",
            reviewed_date=datetime.date(last + 1, 1, 10),
        )
    services.create_list(
        actor=officer,
        unit=u[f"{key}_justice"],
        year=last + 1,
        published_date=min(datetime.date(last + 1, 2, 20), _ago(1)),
    )


def _roster(world, key, name, officer):
    u = world.units
    villages = []
    names = iter(PEOPLE[key])
    for index, (village_name, size) in enumerate(zip(VILLAGES[key], (3, 4, 1), strict=True)):
        village = services.register_village(
            actor=officer, unit=u[f"{key}_town{index % 2}"], name=village_name
        )
        for _ in range(size):
            services.add_person(
                actor=officer,
                village=village,
                name=next(names),
                category=[Category.VILLAGE_CADRE, Category.MEDIATOR, Category.GRID][_ % 3],
                phone="13800000000",
                appointed_date=_ago(200),
            )
        villages.append(village)
    themes = [Theme.CONSTITUTION_WEEK, Theme.CIVIL_CODE_MONTH, Theme.RURAL, Theme.ENTERPRISE]
    for index, theme in enumerate(themes):
        services.register_activity(
            actor=officer,
            unit=u[f"{key}_justice"],
            date=_ago(30 + index * 20),
            theme=theme,
            title=f"{name}{Theme(theme).label}集中宣传",
            form=ActivityForm.STALL,
            place=f"{name}文化广场",
            participants=200 + index * 50,
            materials=500,
        )
    for village in villages[:2]:
        services.register_activity(
            actor=officer,
            unit=village.unit,
            date=_ago(15),
            theme=Theme.RURAL,
            title=f"{village.name}法律明白人民法典讲座",
            form=ActivityForm.LECTURE,
            place=f"{village.name}村委会",
            participants=40,
            village=village,
        )
    return villages


def _exam(world, key, name, officer):
    u = world.units
    exam = services.create_exam(
        actor=officer, unit=u[f"{key}_justice"], name=f"{name}国家工作人员学法考法", date=_ago(45)
    )
    units = [u[f"{key}_justice"].name] * 3 + [u[f"{key}_enf0"].name] * 3
    scores = [95, 88, 72, 91, 55, None]
    rows = [
        (unit, person, number, "否" if score is None else "是", score)
        for unit, person, number, score in zip(
            units, EXAMINEES[key], ID_NUMBERS[key], scores, strict=True
        )
    ]
    services.import_exam_results(actor=officer, exam=exam, data=_workbook(rows))


# 普法志愿者, different per district (phones and 身份证号码 with valid checksums).
VOLUNTEERS = {
    "donghu": [("乔慕青", "13905310011", "110105199107071233"), ("费远航", "13905310012", "")],
    "xishan": [("米晓岚", "13905320021", "110105198907071237"), ("桑德润", "13905320022", "")],
    "nanqiao": [("屈安然", "13905330031", "110105198607071235"), ("钮家宝", "13905330032", "")],
}


def _registers(world, key, name, officer, villages):
    """媒体采用, 法治文化阵地, 民主法治示范村 (two of the roster's villages) and 普法志愿者."""
    u = world.units
    for title, outlet, level, days in (
        (f"{name}“法律明白人”扎根乡村", "法治日报", Level.NATIONAL, 40),
        (f"{name}民法典宣传月走进社区", "大众日报", Level.PROVINCIAL, 25),
    ):
        services.register_media_adoption(
            actor=officer,
            unit=u[f"{key}_justice"],
            title=title,
            outlet=outlet,
            level=level,
            published_date=_ago(days),
        )
    for site, kind, level in (
        (f"{name}宪法主题公园", SiteKind.PARK, Level.PROVINCIAL),
        (f"{name}法治文化长廊", SiteKind.CORRIDOR, Level.CITY),
    ):
        services.register_culture_site(
            actor=officer,
            unit=u[f"{key}_justice"],
            name=site,
            kind=kind,
            level=level,
            address=f"{name}滨河路",
            named_date=_ago(90),
        )
    for village, level in zip(villages, (Level.PROVINCIAL, Level.CITY), strict=True):
        named = _ago(120)
        services.name_model_village(
            actor=officer,
            village=village,
            level=level,
            year=named.year,
            named_by="山东省司法厅" if level == Level.PROVINCIAL else "市委全面依法治市委员会",
            named_date=named,
        )
    for person, phone, id_number in VOLUNTEERS[key]:
        services.register_volunteer(
            actor=officer,
            unit=u[f"{key}_justice"],
            name=person,
            team=f"{name}“蒲公英”普法志愿服务队",
            phone=phone,
            id_number=id_number,
            registered_date=_ago(60),
        )


def build(world: DemoWorld) -> None:
    for key, name, *_ in DISTRICTS:
        officer = world.users[f"{key}_publicity"]
        _lists(world, key, name, officer, world.users[f"{key}_leader"])
        villages = _roster(world, key, name, officer)
        _exam(world, key, name, officer)
        _registers(world, key, name, officer, villages[:2])
