"""导入历史执法记录: every row through the same rules as a record entered by hand (行政处罚法
第四十二条、第五十八条、第三十三条), row-level errors, nothing written on error."""

import pytest

from fazhi.core.imports import ImportRefused
from fazhi.enforcement import imports, services
from fazhi.enforcement.models import EnforcementAction, MajorGround

from .conftest import TODAY, ago, workbook
from .test_lists import GOOD
from .test_lists import HEADER as LIST_HEADER

HEADER = [field.label for field in imports.ACTIONS.fields]


def _row(number, people, **cells):
    values = {field.key: "" for field in imports.ACTIONS.fields}
    values |= {
        "number": number,
        "kind": "行政处罚",
        "party": "某店",
        "summary": "违法经营",
        "started_date": ago(30).isoformat(),
        "officers": "、".join(o.name for o in people),
        "pre_publicity_date": ago(30).isoformat(),
        "pre_publicity_link": "https://x.gov.cn/gs",
        "recording_forms": "文字、音像",
        "recording_location": "档案室",
    }
    values |= cells
    return [values[field.key] for field in imports.ACTIONS.fields]


@pytest.fixture
def agency_setup(world, certified):
    officers = [certified(), certified()]
    reviewer = certified(reviewer=True)
    services.add_major_decision_item(
        actor=world.actor,
        unit=world.market,
        title="吊销许可证",
        ground=MajorGround.MAJOR_RIGHTS_HEARING,
    )
    penalty_list = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=TODAY.year, version="2021年版"
    )
    services.import_list_items(
        actor=world.actor, penalty_list=penalty_list, data=workbook([LIST_HEADER, GOOD])
    )
    services.publish_list(actor=world.actor, penalty_list=penalty_list, published_date=ago(100))
    return officers, reviewer


def test_bad_rows_refuse_the_whole_ledger(world, agency_setup):
    officers, reviewer = agency_setup
    good = _row("史1", officers, decided_date=ago(10).isoformat(), outcome="给予行政处罚")
    stranger = _row("史2", officers, officers=f"{officers[0].name}、查无此人")
    unreviewed = _row(
        "史3",
        officers,
        major_item="吊销许可证",
        decided_date=ago(10).isoformat(),
        outcome="给予行政处罚",
    )
    uneducated = _row(
        "史4",
        officers,
        decided_date=ago(10).isoformat(),
        outcome="不予行政处罚",
        list_item="2021年版第1项",
    )
    with pytest.raises(ImportRefused) as refused:
        services.import_actions(
            actor=world.actor,
            unit=world.market,
            data=workbook([HEADER, good, stranger, unreviewed, uneducated]),
        )
    messages = [str(error) for error in refused.value.errors]
    assert messages[0] == "第3行“执法人员”：“查无此人”不是本单位登记的执法人员"
    assert messages[1].startswith("第4行“整行”") and "第五十八条" in messages[1]
    assert messages[2].startswith("第5行“整行”") and "第三十三条第三款" in messages[2]
    assert not EnforcementAction.objects.filter(unit=world.market).exists()


def test_a_clean_ledger_is_imported_with_its_three_systems(world, agency_setup):
    officers, reviewer = agency_setup
    reviewed = _row(
        "史5",
        officers,
        major_item="吊销许可证",
        reviewer=reviewer.name,
        review_date=ago(15).isoformat(),
        review_opinion="同意",
        review_passed="是",
        decided_date=ago(10).isoformat(),
        outcome="给予行政处罚",
        post_publicity_date=ago(9).isoformat(),
        post_publicity_link="https://x.gov.cn/cf",
    )
    listed = _row(
        "史6",
        officers,
        decided_date=ago(10).isoformat(),
        outcome="不予行政处罚",
        list_item="2021年版第1项",
        education="批评教育",
    )
    assert (
        services.import_actions(
            actor=world.actor, unit=world.market, data=workbook([HEADER, reviewed, listed])
        )
        == 2
    )
    first = EnforcementAction.objects.get(unit=world.market, number="史5")
    assert first.three_systems_gaps() == [] and first.reviewer == reviewer
    assert EnforcementAction.objects.get(unit=world.market, number="史6").list_item.number == 1
