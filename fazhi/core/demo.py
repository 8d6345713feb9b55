"""The demo data set: one province, one city (示范市) with three districts, users for every
role. Each work-line app adds its own records by registering a builder here."""

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from . import services
from .models import Unit
from .roles import DataScope, Role, WorkLine

DEMO_PASSWORD = "Fazhi@2026"
K = Unit.Kind


@dataclass
class DemoWorld:
    """What builders get: the admin acting, and the demo units and users by key."""

    admin: object
    units: dict[str, Unit] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    districts: list[str] = field(default_factory=list)


Builder = Callable[[DemoWorld], None]
_builders: list[tuple[int, str, Builder]] = []


def register_demo_builder(order: int, label: str, builder: Builder) -> None:
    if all(existing is not builder for _, _, existing in _builders):
        _builders.append((order, label, builder))


def builders() -> list[tuple[int, str, Builder]]:
    return sorted(_builders, key=lambda entry: entry[0])


# key, name, division code, users: (username suffix, full name, role, agency key)
DISTRICTS = [
    ("donghu", "东湖区", "379901", "区", ["张敏", "李强", "王芳", "赵磊", "陈静"]),
    ("xishan", "西山区", "379902", "区", ["刘洋", "杨帆", "黄丽", "周杰", "吴婷"]),
    ("nanqiao", "南桥县", "379921", "县", ["徐峰", "孙悦", "马骏", "朱琳", "胡斌"]),
]
ENFORCEMENT_AGENCIES = ["市场监督管理局", "交通运输局", "综合行政执法局"]
TOWNSHIPS = {
    "donghu": ["湖滨街道", "东湖街道"],
    "xishan": ["山前街道", "西岭镇"],
    "nanqiao": ["桥东镇", "南河乡"],
}


CORRECTIONS_OFFICERS = {"donghu": "钱进", "xishan": "冯亮", "nanqiao": "褚红"}


def _unit(world, key, *, name, kind, parent, code=""):
    unit = services.create_unit(
        actor=world.admin, name=name, kind=kind, parent=parent, division_code=code
    )
    world.units[key] = unit
    return unit


# The bureau's case officer and reviewer work in its 行政复议与应诉科, which also drafts the
# bureau's annual report; the 执法监督 officer (enforcement demo) acts on 执法监督 only.
# 负责人, 督察员 and 单位管理员 act on every line.
RULEMAKING_PEOPLE = {
    "donghu": ("冯雪梅", "蒋文博", "沈佳怡"),
    "xishan": ("韩志刚", "曹丽娟", "彭宇航"),
    "nanqiao": ("曾凡宇", "吕晓燕", "苏浩然"),
}
MEDIATION_USERS = {"donghu": "苏晓岚", "xishan": "姬文博", "nanqiao": "桑立群"}
CASE_SECTION_LINES = [WorkLine.RECONSIDERATION, WorkLine.LITIGATION, WorkLine.ANNUAL_REPORT]


def _user(world, username, full_name, unit, role, work_lines=None, data_scope=None):
    scope = {"data_scope": data_scope} if data_scope else {}
    user = services.create_user(
        actor=world.admin,
        username=username,
        full_name=full_name,
        password=DEMO_PASSWORD,
        unit=unit,
        role=role,
        work_lines=work_lines,
        must_change_password=False,  # the demo's accounts are shared and documented
        **scope,
    )
    world.users[username] = user
    return user


def _tiny_pdf(title: str) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(title, body, content_type="application/pdf")


def build_core(world: DemoWorld) -> None:
    province = _unit(world, "province", name="示范省", kind=K.PROVINCE, parent=None, code="370000")
    _unit(world, "province_justice", name="示范省司法厅", kind=K.JUSTICE_BUREAU, parent=province)
    city = _unit(world, "city", name="示范市", kind=K.CITY, parent=province, code="379900")
    for key, name, kind in [
        ("city_gov", "示范市人民政府", K.GOVERNMENT),
        ("city_justice", "示范市司法局", K.JUSTICE_BUREAU),
        ("city_office", "中共示范市委全面依法治市委员会办公室", K.RULE_OF_LAW_OFFICE),
        ("city_market", "示范市市场监督管理局", K.ENFORCEMENT),
    ]:
        _unit(world, key, name=name, kind=kind, parent=city)
    _user(world, "city_leader", "郭华", world.units["city_justice"], Role.LEADER)
    _user(world, "city_inspector", "何平", world.units["city_office"], Role.INSPECTOR)
    _user(world, "city_admin", "林涛", city, Role.UNIT_ADMIN)
    _office_officer(world, "city_office", OFFICE_OFFICERS["city"], world.units["city_office"])
    _user(
        world,
        "city_statistician",
        STATISTICIANS["city"],
        world.units["city_justice"],
        Role.OFFICER,
        [WorkLine.STATISTICS],
        DataScope.SUBTREE,
    )

    for key, name, code, level, people in DISTRICTS:
        district = _unit(world, key, name=name, kind=K.DISTRICT, parent=city, code=code)
        world.districts.append(key)
        _unit(world, f"{key}_gov", name=f"{name}人民政府", kind=K.GOVERNMENT, parent=district)
        justice = _unit(
            world, f"{key}_justice", name=f"{name}司法局", kind=K.JUSTICE_BUREAU, parent=district
        )
        office = _unit(
            world,
            f"{key}_office",
            name=f"中共{name}委全面依法治{level}委员会办公室",
            kind=K.RULE_OF_LAW_OFFICE,
            parent=district,
        )
        for index, agency in enumerate(ENFORCEMENT_AGENCIES):
            _unit(
                world,
                f"{key}_enf{index}",
                name=f"{name}{agency}",
                kind=K.ENFORCEMENT,
                parent=district,
            )
        for index, township in enumerate(TOWNSHIPS[key]):
            _unit(
                world,
                f"{key}_town{index}",
                name=f"{name}{township}",
                kind=K.TOWNSHIP,
                parent=district,
            )
        officer, reviewer, leader, inspector, admin = people
        _user(world, f"{key}_officer", officer, justice, Role.OFFICER, CASE_SECTION_LINES)
        _user(world, f"{key}_reviewer", reviewer, justice, Role.REVIEWER, CASE_SECTION_LINES)
        leader_user = _user(world, f"{key}_leader", leader, justice, Role.LEADER)
        _user(world, f"{key}_inspector", inspector, office, Role.INSPECTOR)
        _user(world, f"{key}_admin", admin, district, Role.UNIT_ADMIN)
        # The 司法所 of the first township: its people's mediator acts on 人民调解 only.
        _user(
            world,
            f"{key}_mediator",
            MEDIATION_USERS[key],
            world.units[f"{key}_town0"],
            Role.OFFICER,
            [WorkLine.MEDIATION],
        )
        # 社区矫正 staff of the bureau: the line of the strictest personal-data rules only.
        corrections = CORRECTIONS_OFFICERS[key]
        _user(
            world, f"{key}_corrections", corrections, justice, Role.OFFICER, [WorkLine.CORRECTIONS]
        )
        # The bureau's leader also administers its users: shows the unit switcher.
        services.grant_membership(
            actor=world.admin, user=leader_user, unit=justice, role=Role.UNIT_ADMIN
        )
        services.attach_file(
            actor=world.admin, target=justice, uploaded_file=_tiny_pdf(f"{name}司法局职能配置.pdf")
        )
        # 规范性文件·重大行政决策: the 司法局's 法制科 reviews for the whole district; the
        # 区政府办公室 and a department (市场监督管理局) draft, publish and file their own.
        rule = [WorkLine.RULEMAKING]
        legal, gov_office, drafter = RULEMAKING_PEOPLE[key]
        _user(world, f"{key}_legal", legal, justice, Role.REVIEWER, rule, DataScope.SUBTREE)
        _user(world, f"{key}_govoffice", gov_office, world.units[f"{key}_gov"], Role.OFFICER, rule)
        _user(world, f"{key}_drafter", drafter, world.units[f"{key}_enf0"], Role.OFFICER, rule)
        # The 依法治办's own officer: 督察, 考核 and 述法 of the whole area.
        _office_officer(world, f"{key}_office", OFFICE_OFFICERS[key], office)
        # The bureau's 普法 officer: lists, activities, rosters and exams of the area.
        _office_officer(
            world, f"{key}_publicity", PUBLICITY_OFFICERS[key], justice, WorkLine.PUBLICITY
        )
        # The bureau's statistician: fills the area's statistical returns (统计报表).
        _user(
            world,
            f"{key}_statistician",
            STATISTICIANS[key],
            justice,
            Role.OFFICER,
            [WorkLine.STATISTICS],
        )


OFFICE_OFFICERS = {"city": "卞志诚", "donghu": "邱晓光", "xishan": "施文博", "nanqiao": "骆雨桐"}
PUBLICITY_OFFICERS = {"donghu": "乔明轩", "xishan": "褚雅婷", "nanqiao": "蔺浩然"}
STATISTICIANS = {"city": "聂统华", "donghu": "祁书韵", "xishan": "左文澜", "nanqiao": "甘露晨"}


def _office_officer(world, username, full_name, office, line=WorkLine.ACCOUNTABILITY):
    world.users[username] = services.create_user(
        actor=world.admin,
        username=username,
        full_name=full_name,
        password=DEMO_PASSWORD,
        unit=office,
        role=Role.OFFICER,
        data_scope=DataScope.SUBTREE,
        work_lines=[line],
        must_change_password=False,
    )


def demo_loaded() -> bool:
    return Unit.objects.filter(name="示范省", parent=None).exists()


def make_admin():
    User = get_user_model()
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        admin = User.objects.create_superuser(
            "admin", password=DEMO_PASSWORD, first_name="系统管理员"
        )
    return admin


def build_demo(progress=None) -> DemoWorld:
    """Build the whole demo (all registered builders) and return what it made."""
    world = DemoWorld(admin=make_admin())
    with contextlib.ExitStack() as around:
        for wrapper in _wrappers:
            around.enter_context(wrapper())
        for _, label, builder in builders():
            if progress:
                progress(label)
            builder(world)
    return world


_wrappers: list[Callable] = []


def register_demo_wrapper(wrapper: Callable) -> None:
    """`wrapper()`, a context manager, around the whole demo build (the indicators' stored
    partials: recounted once at its end instead of after each of its writes)."""
    if wrapper not in _wrappers:
        _wrappers.append(wrapper)


DEMO_ACCOUNTS_HELP = f"""演示账号（密码均为 {DEMO_PASSWORD}）：
  admin              系统管理员（数据范围：全部）
  donghu_officer     东湖区司法局 经办人（行政复议、行政应诉、年度报告）
  donghu_reviewer    东湖区司法局 审核人（行政复议、行政应诉、年度报告）
  donghu_supervisor  东湖区司法局 经办人（行政执法监督，本单位及下级）
  donghu_legal       东湖区司法局法制科 审核人（规范性文件·重大决策，本单位及下级）
  donghu_govoffice   东湖区人民政府 经办人（规范性文件·重大决策）
  donghu_drafter     东湖区市场监督管理局 经办人（规范性文件·重大决策）
  donghu_mediator    东湖区湖滨街道（司法所）经办人（人民调解）
  donghu_leader      东湖区司法局 负责人（全部业务条线；兼单位管理员，可切换单位）
  donghu_corrections 东湖区司法局 经办人（社区矫正）；nanqiao_corrections 南桥县（只报数量）
  donghu_statistician 东湖区司法局 经办人（统计报表）；city_statistician 示范市司法局（汇总）
  donghu_inspector   东湖区依法治区办 督察员    donghu_admin     东湖区 单位管理员
  xishan_* / nanqiao_*  西山区、南桥县的同样角色
  city_leader        示范市司法局 负责人        city_inspector   示范市依法治市办 督察员
  city_admin         示范市 单位管理员
  donghu_office      东湖区依法治区办 经办人（述法·督察·考核，本单位及下级）；city_office 同（示范市）
  donghu_publicity   东湖区司法局 经办人（普法，本单位及下级）
  donghu_aid_officer / donghu_aid_reviewer  东湖区司法局 法律援助 经办人、审核人
  donghu_aid_lawyer  法律援助律师（仅本人：只见指派给他的案件）
  donghu_pls_officer 东湖区司法局 公共法律服务·公证 经办人
  xishan_pls_window  西山区司法局 12348窗口（公共法律服务·法律援助：来电转法律援助申请）"""
