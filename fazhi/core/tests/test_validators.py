"""The unit tree's identifiers and placement rules."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from fazhi.core import services
from fazhi.core.models import Unit
from fazhi.core.validators import division_code_fits_parent, validate_division_code

K = Unit.Kind


@pytest.mark.parametrize("code", ["", "370404", "110101", "820000"])
def test_valid_division_codes(code):
    validate_division_code(code)  # raises on failure


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("37040", "应为6位数字"),
        ("3704041", "应为6位数字"),
        ("abcdef", "应为6位数字"),
        ("37040a", "应为6位数字"),
        ("３７０４０４", "应为6位数字"),  # full-width digits
        ("990000", "前两位不是有效的省级代码"),
        ("000000", "前两位不是有效的省级代码"),
    ],
)
def test_invalid_division_codes(code, message):
    with pytest.raises(ValidationError) as refused:
        validate_division_code(code)
    assert message in refused.value.messages[0]
    assert code in refused.value.messages[0]


@pytest.mark.parametrize(
    ("code", "parent_code", "fits"),
    [
        ("370100", "370000", True),  # 济南市 under 山东省
        ("370102", "370100", True),  # 历下区 under 济南市
        ("379901", "379900", True),  # demo district under the demo city
        ("", "370000", True),  # no code: nothing to check
        ("370102", "", True),  # parent without a code
        ("110101", "370000", False),  # 北京 district under 山东省
        ("370202", "370100", False),  # 青岛 district under 济南市
        ("370000", "370000", False),  # the parent's own code
        ("370100", "370100", False),
    ],
)
def test_division_code_fits_parent(code, parent_code, fits):
    assert division_code_fits_parent(code, parent_code) is fits


@pytest.mark.parametrize(
    ("code", "parent_code"),
    [
        ("510104", "500000"),  # 成都市锦江区 is not under 重庆市 (50)
        ("371102", "371000"),  # 日照市东港区 is not under 威海市 (3710)
    ],
)
def test_division_code_of_another_area_does_not_fit_a_parent_ending_in_zero(code, parent_code):
    assert division_code_fits_parent(code, parent_code) is False


@pytest.mark.django_db
def test_database_refuses_a_five_digit_code_saved_directly():
    unit = Unit(name="直接写入", kind=K.PROVINCE, path="/directwrite/", division_code="37040")
    with pytest.raises(IntegrityError), transaction.atomic():
        unit.save()
    assert not Unit.objects.filter(name="直接写入").exists()


@pytest.mark.django_db
def test_database_accepts_six_digits_or_none_saved_directly():
    Unit(name="甲", kind=K.PROVINCE, path="/direct1/", division_code="370000").save()
    Unit(name="乙", kind=K.PROVINCE, path="/direct2/", division_code="").save()
    assert Unit.objects.filter(name__in=["甲", "乙"]).count() == 2


# services.create_unit


def test_district_may_not_sit_under_a_township(demo):
    with pytest.raises(ValidationError, match="区/县不能设在街道/乡镇之下"):
        services.create_unit(
            actor=demo.admin, name="新区", kind=K.DISTRICT, parent=demo.units["donghu_town0"]
        )
    assert not Unit.objects.filter(name="新区").exists()


def test_agency_may_not_sit_at_top_level(demo):
    with pytest.raises(ValidationError, match="机关必须隶属于一个行政区划"):
        services.create_unit(actor=demo.admin, name="孤立机关", kind=K.ENFORCEMENT, parent=None)
    assert not Unit.objects.filter(name="孤立机关").exists()


def test_agency_may_not_sit_under_an_agency(demo):
    with pytest.raises(ValidationError, match="机关必须隶属于一个行政区划"):
        services.create_unit(
            actor=demo.admin,
            name="下属科室",
            kind=K.OTHER_AGENCY,
            parent=demo.units["donghu_justice"],
        )


def test_code_must_fit_the_parent(demo):
    with pytest.raises(ValidationError) as refused:
        services.create_unit(
            actor=demo.admin,
            name="错码区",
            kind=K.DISTRICT,
            parent=demo.units["city"],
            division_code="370102",
        )
    assert "行政区划代码“370102”与上级“示范市”的代码“379900”不符" in refused.value.messages
    assert not Unit.objects.filter(name="错码区").exists()


def test_invalid_code_is_refused_in_chinese(demo):
    with pytest.raises(ValidationError) as refused:
        services.create_unit(
            actor=demo.admin,
            name="短码区",
            kind=K.DISTRICT,
            parent=demo.units["province"],
            division_code="37990",
        )
    assert any("应为6位数字" in message for message in refused.value.messages)
    assert not Unit.objects.filter(name="短码区").exists()


def test_fitting_code_is_accepted(demo):
    unit = services.create_unit(
        actor=demo.admin,
        name="北湖区",
        kind=K.DISTRICT,
        parent=demo.units["city"],
        division_code="379903",
    )
    assert unit.parent == demo.units["city"]
    assert unit.path.startswith(demo.units["city"].path)


def test_name_duplicated_under_the_same_parent_is_refused(demo):
    city = demo.units["city"]
    before = Unit.objects.filter(parent=city).count()
    with pytest.raises(ValidationError) as refused:
        services.create_unit(
            actor=demo.admin, name=" 示范市司法局 ", kind=K.JUSTICE_BUREAU, parent=city
        )
    assert "已经存在" in "".join(refused.value.messages)
    assert Unit.objects.filter(parent=city).count() == before


@pytest.mark.django_db
def test_database_refuses_a_duplicate_name_under_the_same_parent_saved_directly():
    parent = Unit.objects.create(name="省", kind=K.PROVINCE, path="/p/", division_code="370000")
    Unit.objects.create(name="司法厅", kind=K.JUSTICE_BUREAU, parent=parent, path="/p/a/")
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(name="司法厅", kind=K.JUSTICE_BUREAU, parent=parent, path="/p/b/")
    assert Unit.objects.filter(name="司法厅").count() == 1


def test_duplicate_top_level_name_is_refused(demo):
    with pytest.raises(ValidationError):
        services.create_unit(
            actor=demo.admin, name="示范省", kind=K.PROVINCE, parent=None, division_code="370000"
        )


def test_same_name_under_another_parent_is_allowed(demo):
    unit = services.create_unit(
        actor=demo.admin, name="湖滨街道", kind=K.TOWNSHIP, parent=demo.units["xishan"]
    )
    assert unit.parent == demo.units["xishan"]


def test_unit_admin_may_not_create_outside_the_own_district(demo):
    with pytest.raises(PermissionDenied, match="无权"):
        services.create_unit(
            actor=demo.users["donghu_admin"],
            name="越权街道",
            kind=K.TOWNSHIP,
            parent=demo.units["xishan"],
        )


# services.move_unit


def _subtree(unit: Unit) -> list[Unit]:
    return list(Unit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk))


def test_move_carries_the_subtree_and_audits_each_unit(demo):
    district, province = demo.units["donghu"], demo.units["province"]
    old_path = district.path
    descendants = _subtree(district)
    assert len(descendants) == 8  # 政府, 司法局, 依法治区办, 3 执法部门, 2 街道
    before = {u.pk: LogEntry.objects.get_for_object(u).count() for u in [district, *descendants]}

    moved = services.move_unit(
        actor=demo.admin, unit=district, new_parent=province, reason="区划调整"
    )

    assert moved.parent == province
    segment = old_path.rstrip("/").rsplit("/", 1)[-1]
    assert moved.path == f"{province.path}{segment}/"
    assert {u.pk for u in _subtree(moved)} == {u.pk for u in descendants}
    for old in descendants:
        node = Unit.objects.get(pk=old.pk)
        assert node.path == moved.path + old.path[len(old_path) :]
        assert node.parent_id == old.parent_id  # only the moved unit changes parent
    for unit in [district, *descendants]:
        entries = LogEntry.objects.get_for_object(unit)
        assert entries.count() == before[unit.pk] + 1
        assert "path" in entries.order_by("-timestamp", "-pk").first().changes_dict
    assert not Unit.objects.filter(path__startswith=old_path).exists()


def test_moved_subtree_stays_visible_to_its_users(demo):
    services.move_unit(
        actor=demo.admin,
        unit=demo.units["donghu"],
        new_parent=demo.units["province"],
        reason="区划调整",
    )
    leader = demo.users["donghu_leader"]
    visible = set(Unit.objects.restrict(leader).values_list("pk", flat=True))
    assert demo.units["donghu_town0"].pk in visible
    assert demo.units["xishan_town0"].pk not in visible


def test_move_under_an_own_descendant_is_refused(demo):
    district = demo.units["donghu"]
    paths = {u.pk: u.path for u in [district, *_subtree(district)]}
    for target in ["donghu_town0", "donghu"]:
        with pytest.raises(ValidationError, match="不能把单位移到它自己或它的下级之下"):
            services.move_unit(
                actor=demo.admin, unit=district, new_parent=demo.units[target], reason="调整"
            )
    assert {u.pk: u.path for u in [district, *_subtree(district)]} == paths


def test_move_needs_a_reason(demo):
    with pytest.raises(ValidationError, match="请填写调整隶属关系的理由"):
        services.move_unit(
            actor=demo.admin,
            unit=demo.units["donghu"],
            new_parent=demo.units["province"],
            reason="  ",
        )
    assert Unit.objects.get(pk=demo.units["donghu"].pk).parent == demo.units["city"]


def test_move_checks_placement(demo):
    with pytest.raises(ValidationError, match="区/县不能设在街道/乡镇之下"):
        services.move_unit(
            actor=demo.admin,
            unit=demo.units["donghu"],
            new_parent=demo.units["xishan_town0"],
            reason="调整",
        )


def test_move_township_into_another_district_keeps_it_out_of_the_old_one(demo):
    town = demo.units["donghu_town0"]
    services.move_unit(
        actor=demo.admin, unit=town, new_parent=demo.units["xishan"], reason="区划调整"
    )
    town.refresh_from_db()
    assert town.parent == demo.units["xishan"]
    assert town.path.startswith(demo.units["xishan"].path)
    assert town not in _subtree(demo.units["donghu"])


def test_unit_admin_may_not_move_into_another_district(demo):
    with pytest.raises(PermissionDenied):
        services.move_unit(
            actor=demo.users["donghu_admin"],
            unit=demo.units["donghu_town0"],
            new_parent=demo.units["xishan"],
            reason="调整",
        )
    assert Unit.objects.get(pk=demo.units["donghu_town0"].pk).parent == demo.units["donghu"]
