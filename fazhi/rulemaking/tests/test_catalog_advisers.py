"""The decision catalog (条例 第三条第三款: 党委同意后公布, adjusted as versions), legal
advisers (公职律师 证号, renewal, coverage) and other legality reviews."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.indicators.engine import Period, compute
from fazhi.rulemaking import services
from fazhi.rulemaking.models import AdviserKind, DecisionCatalog, DecisionCategory, MatterKind
from fazhi.rulemaking.selectors import coverage

TODAY = timezone.localdate()


def test_a_catalog_is_published_after_the_party_committee_agreed(demo):
    office = demo.users["donghu_govoffice"]
    catalog = services.create_catalog(
        actor=office, unit=demo.units["donghu_gov"], year=TODAY.year + 1
    )
    with pytest.raises(ValidationError, match="目录没有事项"):
        services.publish_catalog(
            actor=office, catalog=catalog, party_agreed_date=TODAY, published_date=TODAY
        )
    services.add_catalog_item(
        actor=office,
        catalog=catalog,
        name="湖滨测试事项",
        category=DecisionCategory.PLAN,
        undertaking_unit=demo.units["donghu_enf1"],
    )
    yesterday = TODAY - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="不能早于同级党委同意日期.*第三条第三款"):
        services.publish_catalog(
            actor=office, catalog=catalog, party_agreed_date=TODAY, published_date=yesterday
        )


def test_an_adjustment_is_a_new_version_and_the_figure_counts_the_current_one(demo):
    office = demo.users["donghu_govoffice"]
    catalog = DecisionCatalog.objects.get(unit=demo.units["donghu_gov"], version=1)
    period = Period.year(catalog.published_date.year)
    district = demo.units["donghu"]
    assert (
        compute(["major_decisions.catalog_items"], user=office, unit=district, period=period)[
            "major_decisions.catalog_items"
        ]
        == 3
    )
    with pytest.raises(ValidationError, match="已公布，不能直接修改"):
        services.add_catalog_item(
            actor=office,
            catalog=catalog,
            name="x",
            category=DecisionCategory.PLAN,
            undertaking_unit=demo.units["donghu_enf1"],
        )
    new = services.adjust_catalog(actor=office, catalog=catalog, adjustment_note="增加一项")
    assert new.version == 2 and new.items.count() == 3
    services.add_catalog_item(
        actor=office,
        catalog=new,
        name="湖滨新增事项",
        category=DecisionCategory.OTHER,
        undertaking_unit=demo.units["donghu_enf1"],
    )
    services.publish_catalog(
        actor=office,
        catalog=new,
        party_agreed_date=catalog.published_date,
        published_date=catalog.published_date,
    )
    catalog.refresh_from_db()
    assert catalog.superseded
    # 淄博: “调整后为19件” — the adjusted catalog's items, not both versions'.
    assert (
        compute(["major_decisions.catalog_items"], user=office, unit=district, period=period)[
            "major_decisions.catalog_items"
        ]
        == 4
    )


def test_a_public_lawyer_needs_a_certificate_and_renewal_moves_forward(demo):
    drafter = demo.users["donghu_drafter"]
    with pytest.raises(ValidationError, match="公职律师证号"):
        services.register_adviser(
            actor=drafter,
            unit=demo.units["donghu_enf0"],
            name="湖滨测试律师",
            kind=AdviserKind.PUBLIC_LAWYER,
            contract_from=TODAY,
            contract_to=TODAY + datetime.timedelta(days=365),
        )
    adviser = services.register_adviser(
        actor=drafter,
        unit=demo.units["donghu_enf0"],
        name="湖滨测试顾问",
        kind=AdviserKind.EXTERNAL,
        contract_from=TODAY,
        contract_to=TODAY + datetime.timedelta(days=365),
    )
    with pytest.raises(ValidationError, match="须晚于原聘期止"):
        services.renew_adviser(actor=drafter, adviser=adviser, contract_to=TODAY)


def test_coverage_counts_agencies_with_an_adviser_under_contract(demo):
    rows = {unit: (has, listed) for unit, has, listed in coverage(demo.users["donghu_legal"])}
    assert rows[demo.units["donghu_gov"]][0] and rows[demo.units["donghu_enf0"]] == (True, True)
    assert not rows[demo.units["donghu_enf2"]][0]
    assert all(unit.path.startswith(demo.units["donghu"].path) for unit in rows)


def test_other_reviews_count_working_days(demo):
    legal = demo.users["donghu_legal"]
    review = services.register_other_review(
        actor=legal,
        unit=demo.units["donghu_justice"],
        matter="湖滨测试合同",
        kind=MatterKind.CONTRACT,
        requesting_unit=demo.units["donghu_gov"],
        received_date=datetime.date(2025, 9, 26),
    )
    services.finish_other_review(
        actor=legal, review=review, opinion="可以签订", finished_date=datetime.date(2025, 10, 9)
    )
    # 09-28 (调休), 09-29, 09-30, 10-09: four working days across 国庆·中秋.
    assert review.working_days == 4
    with pytest.raises(ValidationError, match="已办结"):
        services.finish_other_review(
            actor=legal, review=review, opinion="再次", finished_date=TODAY
        )
