"""The enforcement.* indicators are counted from the records, with click-through."""

from decimal import Decimal

from fazhi.enforcement import services
from fazhi.indicators import engine
from fazhi.indicators.catalog import SPEC, area_of
from fazhi.indicators.engine import Period

from .conftest import TODAY, ago, workbook
from .test_lists import GOOD, HEADER

CATALOG_IDS = {entry.id for entry in SPEC if area_of(entry.id) == "enforcement"}


def test_figures_are_counted_from_the_records(world, certified):
    period = Period(ago(60), TODAY)
    officers = [certified(issued_ago=30, reviewer=True)] + [
        certified(issued_ago=30) for _ in range(3)
    ]
    penalty_list = services.create_penalty_list(
        actor=world.actor, unit=world.justice, year=TODAY.year, version="版1"
    )
    lighter = [
        2,
        "从轻处罚",
        "从轻或者减轻处罚",
        "超范围经营",
        "第三十二条",
        "主动消除后果",
        "从轻处罚",
    ]
    services.import_list_items(
        actor=world.actor, penalty_list=penalty_list, data=workbook([HEADER, GOOD, lighter])
    )
    services.publish_list(actor=world.actor, penalty_list=penalty_list, published_date=ago(20))
    item = penalty_list.items.get(number=2)
    for n, list_item in enumerate([None, item]):
        action = services.register_action(
            actor=world.actor,
            unit=world.market,
            kind="penalty",
            number=f"罚{n}",
            party="某店",
            summary="违法经营",
            started_date=ago(15),
            officers=officers[1:3],
        )
        services.decide_action(
            actor=world.actor,
            enforcement_action=action,
            decided_date=ago(10),
            outcome="lighter" if list_item else "penalized",
            list_item=list_item,
        )
    campaign = services.create_campaign(
        actor=world.actor, unit=world.justice, title="评查", year=TODAY.year, started_date=ago(5)
    )
    services.add_case_file(
        actor=world.actor, campaign=campaign, agency=world.market, file_number="卷1", title="卷"
    )
    values = engine.compute(
        sorted(CATALOG_IDS), user=world.actor, unit=world.district, period=period
    )
    assert values["enforcement.penalty_cases"] == 2
    assert values["enforcement.no_or_light_penalty_cases"] == 1
    assert values["enforcement.no_penalty_list_items"] == 1
    assert values["enforcement.lighter_penalty_list_items"] == 1
    assert values["enforcement.certified_officers"] == 4
    assert values["enforcement.certificates_issued"] == 4
    assert values["enforcement.officers_trained"] == 4
    assert values["enforcement.legal_review_staff_ratio"] == Decimal("25.00")
    assert values["enforcement.case_files_reviewed"] == 0  # not scored yet
    records = engine.records(
        "enforcement.no_or_light_penalty_cases",
        user=world.actor,
        unit=world.district,
        period=period,
    )
    assert [r.list_item for r in records] == [item]
    assert engine.compute(
        ["enforcement.penalty_cases"],
        user=world.actor,
        unit=world.district,
        period=Period(ago(400), ago(300)),
    ) == {"enforcement.penalty_cases": 0}
    assert Decimal(0) == Decimal(values["enforcement.supervision_inspections"])
