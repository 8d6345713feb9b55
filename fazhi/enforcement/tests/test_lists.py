"""免罚轻罚清单: versions per region, items with their basis (行政处罚法 第三十二条、第三十三条),
publication superseding the version in force, and the Excel import (all rows or none)."""

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.imports import ImportRefused
from fazhi.enforcement import imports, services
from fazhi.enforcement.models import ListStatus, PenaltyListItem

from .conftest import TODAY, ago, workbook

HEADER = [field.label for field in imports.LIST_ITEMS.fields]
GOOD = [
    1,
    "不予处罚",
    "首违不罚",
    "未公示年报",
    "条例第八条",
    "初次违法且及时改正",
    "不予处罚，进行教育",
]


def test_a_no_penalty_item_rests_on_article_33(world):
    """第三十三条: 轻微不罚、首违不罚、无主观过错不罚; 从轻、减轻 rest on 第三十二条."""
    penalty_list = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=2021, version="2021年版"
    )
    assert penalty_list.region == world.district and "测试区" in penalty_list.title
    with pytest.raises(ValidationError, match="第三十三条"):
        services.add_list_item(
            actor=world.actor,
            penalty_list=penalty_list,
            number=1,
            category="no_penalty",
            basis="lighter_or_mitigated",
            violation="v",
            legal_basis="b",
            conditions="c",
            treatment="t",
        )
    assert not penalty_list.items.exists()


def test_the_import_takes_all_rows_or_none(world):
    penalty_list = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=2021, version="2021年版"
    )
    bad = [
        2,
        "不予处罚",
        "从轻或者减轻处罚",
        "超范围经营",
        "第三十二条",
        "主动消除后果",
        "从轻处罚",
    ]
    unknown = [3, "罚款", "首违不罚", "x", "y", "z", "w"]
    with pytest.raises(ImportRefused) as refused:
        services.import_list_items(
            actor=world.actor,
            penalty_list=penalty_list,
            data=workbook([HEADER, GOOD, bad, unknown]),
        )
    messages = [str(error) for error in refused.value.errors]
    assert any(m.startswith("第3行“法定情形”") for m in messages)
    assert any(m.startswith("第4行“类别”：“罚款”无效") for m in messages)
    assert not PenaltyListItem.objects.filter(penalty_list=penalty_list).exists()
    lighter = [
        2,
        "从轻处罚",
        "从轻或者减轻处罚",
        "超范围经营",
        "第三十二条",
        "主动消除后果",
        "从轻处罚",
    ]
    count = services.import_list_items(
        actor=world.actor, penalty_list=penalty_list, data=workbook([HEADER, GOOD, lighter])
    )
    assert count == 2 and penalty_list.items.filter(category="lighter").count() == 1


def test_a_missing_column_and_an_unreadable_file_are_refused(world):
    penalty_list = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=2021, version="2021年版"
    )
    with pytest.raises(ImportRefused, match="缺少这一列"):
        services.import_list_items(
            actor=world.actor, penalty_list=penalty_list, data=workbook([HEADER[:3]])
        )
    with pytest.raises(ImportRefused, match="无法读取"):
        services.import_list_items(
            actor=world.actor, penalty_list=penalty_list, data=b"not a workbook"
        )


def test_publishing_a_new_version_supersedes_the_old_one(world):
    old = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=2021, version="2021年版"
    )
    services.import_list_items(actor=world.actor, penalty_list=old, data=workbook([HEADER, GOOD]))
    services.publish_list(actor=world.actor, penalty_list=old, published_date=ago(400))
    with pytest.raises(ValidationError, match="不能再修改"):
        services.import_list_items(
            actor=world.actor, penalty_list=old, data=workbook([HEADER, GOOD])
        )
    with pytest.raises(ValidationError, match="已有2021年版"):
        services.create_penalty_list(
            actor=world.actor, unit=world.justice, year=2021, version="2021年版"
        )
    new = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=TODAY.year, version="2025年版"
    )
    with pytest.raises(ValidationError, match="没有事项"):
        services.publish_list(actor=world.actor, penalty_list=new, published_date=ago(1))
    services.import_list_items(actor=world.actor, penalty_list=new, data=workbook([HEADER, GOOD]))
    services.publish_list(actor=world.actor, penalty_list=new, published_date=ago(1))
    old.refresh_from_db()
    assert old.status == ListStatus.SUPERSEDED and new.supersedes == old
