"""The synthetic scale data (`generate_scale_data`): the province, the makers of the lines,
the counts per line. The lines' own records are tested in their tests/test_scale.py."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from fazhi.core import scale
from fazhi.core.models import Unit

K = Unit.Kind


def rows_per_model(province) -> dict[str, int]:
    """Every line's records in the province, counted through the makers' own lookups."""
    return {
        model._meta.label: model.objects.filter(
            **{f"{unit}__path__startswith": province.path}
        ).count()
        for maker in scale.makers()
        for model, unit in maker.records
    }


def test_the_unit_tree_is_a_province_of_cities_of_districts(scale_province):
    province = scale_province
    subtree = Unit.objects.filter(path__startswith=province.path)
    cities = subtree.filter(kind=K.CITY)
    districts = subtree.filter(kind=K.DISTRICT)
    assert province.kind == K.PROVINCE and province.division_code == "650000"
    assert cities.count() == 2 and all(city.parent == province for city in cities)
    assert districts.count() == 3 and all(d.parent.kind == K.CITY for d in districts)
    assert set(districts.values_list("name", flat=True)) == {
        "合成1市1区",
        "合成2市1区",
        "合成1市2区",
    }
    for district in districts:
        kinds = Counter(district.children.values_list("kind", flat=True))
        assert kinds[K.GOVERNMENT] == 1 and kinds[K.JUSTICE_BUREAU] == 1
        assert 2 <= kinds[K.ENFORCEMENT] <= 3 and len(kinds) == 3
    for unit in subtree.exclude(pk=province.pk).select_related("parent"):
        segment = unit.path.removeprefix(unit.parent.path)
        assert unit.path.startswith(unit.parent.path) and len(segment) == 11
        assert segment.endswith("/") and "/" not in segment[:-1]
        unit.full_clean()  # names, division codes and uniqueness as the forms would check


def test_the_owner_is_a_plain_user_without_a_password(scale_province):
    owner = get_user_model().objects.get(username=scale.USERNAME)
    assert not owner.is_superuser and not owner.is_staff
    assert not owner.has_usable_password()


def test_every_line_loads_its_count(scale_province):
    loaded = {label: rows for label, rows in rows_per_model(scale_province).items() if rows}
    assert loaded == {  # the other lines are asked for 0 (conftest.SMALL_PROVINCE)
        "reconsideration.Party": 3000,
        "reconsideration.Case": 3000,
        "litigation.Lawsuit": 300,
    }


def test_a_second_run_is_refused_unless_replacing(scale_province, generate_scale):
    with pytest.raises(CommandError, match="合成省.*已存在.*--replace"):
        generate_scale()
    output = generate_scale(
        replace=True, count=["reconsideration=20", "litigation=10", "mediation=10"], scale=0
    )
    assert "已删除原有" in output and "尚无" not in output
    assert Unit.objects.filter(name=scale.PROVINCE_NAME, parent=None).count() == 1
    replaced = Unit.objects.get(name=scale.PROVINCE_NAME, parent=None)
    assert replaced.pk != scale_province.pk
    assert not Unit.objects.filter(path__startswith=scale_province.path).exists()
    assert rows_per_model(scale_province) == dict.fromkeys(rows_per_model(replaced), 0)
    loaded = {label: rows for label, rows in rows_per_model(replaced).items() if rows}
    assert loaded == {  # the lines not named follow --scale 0
        "reconsideration.Party": 20,
        "reconsideration.Case": 20,
        "litigation.Lawsuit": 10,
        "mediation.NilReport": 30,
        "mediation.Dispute": 10,
        "mediation.Committee": 3,
        "mediation.Mediator": 3,
    }


def test_impossible_shapes_are_refused(demo, generate_scale):
    with pytest.raises(CommandError, match="区县数量不能少于市的数量"):
        generate_scale(cities=4, districts=3)
    assert not Unit.objects.filter(name=scale.PROVINCE_NAME).exists()


def test_counts_follow_the_scale_unless_given():
    full = {
        "reconsideration": 1_000_000,
        "litigation": 150_000,
        "mediation": 1_000_000,
        "legal_aid": 120_000,
        "legal_services": 1_000_000,
    }
    assert scale.line_counts() == full
    assert scale.line_counts(0.001) == {line: count // 1000 for line, count in full.items()}
    assert scale.line_counts(0.01, ["reconsideration=7", " litigation = 0 "]) == {
        **{line: count // 100 for line, count in full.items()},
        "reconsideration": 7,
        "litigation": 0,
    }
    assert scale.line_counts(0.5, ["litigation=1000"]) == {
        **{line: count // 2 for line, count in full.items()},
        "litigation": 1000,
    }


@pytest.mark.parametrize(
    ("scale_", "given", "message"),
    [
        (
            1,
            ["statistics=10"],
            "没有可生成合成数据的业务条线“statistics”。可用的条线：reconsideration",
        ),
        (1, ["reconsideration"], "“reconsideration”中的数量无效：应写成“条线=非负整数”"),
        (1, ["reconsideration=-5"], "“reconsideration=-5”中的数量无效"),
        (1, ["litigation=1e6"], "“litigation=1e6”中的数量无效"),
        (1, ["litigation=1", "litigation=2"], "业务条线“litigation”的数量指定了不止一次"),
        (-0.1, [], "规模（--scale）不能为负数"),
    ],
)
def test_bad_counts_are_refused_in_chinese(demo, generate_scale, scale_, given, message):
    with pytest.raises(CommandError, match=message):
        generate_scale(scale=scale_, count=given)
    assert not Unit.objects.filter(name=scale.PROVINCE_NAME).exists()


def test_the_command_line_refuses_a_scale_that_is_no_number(demo):
    with pytest.raises(CommandError, match="规模应为数字，如 0.1，而不是“abc”"):
        call_command("generate_scale_data", "--year", "2023", "--scale", "abc")


def test_makers_run_in_their_order_not_in_the_order_of_registration(monkeypatch):
    monkeypatch.setattr(scale, "_makers", [])

    def maker(line):
        return scale.ScaleMaker(line, line, 1, lambda run, count: [], ())

    late, early = maker("late"), maker("early")
    scale.register_scale_maker(30, late)
    scale.register_scale_maker(10, early)
    scale.register_scale_maker(20, maker("late"))  # a second ready() registers nothing new
    assert scale.makers() == [early, late]
