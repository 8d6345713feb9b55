"""The measures part drafted from the records: counts with breakdowns, rates as the seeds
write them, the year-on-year comparison, every number traceable, staleness shown."""

from decimal import Decimal

import pytest

from fazhi.annual_report import drafting, services
from fazhi.annual_report.models import Part
from fazhi.core.models import DomainEvent
from fazhi.indicators import engine
from fazhi.reconsideration import services as reconsideration_services
from fazhi.reconsideration.demo_history import ledger

from .conftest import expected_2025

pytestmark = pytest.mark.django_db


def test_format_value_writes_rates_as_the_seeds_do():
    assert drafting.format_value(Decimal("17.1200")) == "17.12"
    assert drafting.format_value(Decimal("50.00")) == "50"
    assert drafting.format_value(Decimal("23.456")) == "23.46"
    assert drafting.format_value(30) == "30"


def test_year_on_year():
    assert drafting.year_on_year(110, 100) == "同比上升10%"
    assert drafting.year_on_year(87, 100) == "同比下降13%"
    assert drafting.year_on_year(14, 11) == "同比上升27.3%"
    assert drafting.year_on_year(5, 5) == "与上年持平"
    assert drafting.year_on_year(5, 0) is None  # no base: no comparison
    assert drafting.year_on_year(5, None) is None


def test_the_reconsideration_paragraph_is_written_from_the_records(demo, donghu_2025):
    expected = expected_2025("donghu")
    part = donghu_2025.parts.get(key="measures_and_results")
    text = "".join(drafting.plain_text(part.generated))
    assert text.startswith("行政复议：2025年，")
    assert (
        f"共收到行政复议申请{expected['received']}件，其中受理{expected['accepted']}件，"
        f"不予受理{expected['not_accepted']}件" in text
    )
    assert f"维持{expected['upheld']}件" in text and f"撤销{expected['revoked']}件" in text
    assert "纠错率30%" in text  # 2 撤销 + 1 确认违法 of 10 closed
    assert "行政应诉" not in text  # no suit in 2025: no paragraph for that work line


def test_every_generated_number_carries_its_indicator_and_matches_the_engine(demo, donghu_2025):
    part = donghu_2025.parts.get(key="measures_and_results")
    figures = drafting.figures_of(part.generated)
    assert len(figures) >= 8
    computed = engine.compute(
        list(figures), user=None, unit=demo.units["donghu"], period=engine.Period.year(2025)
    )
    for indicator_id, shown in figures.items():
        assert shown == drafting.format_value(computed[indicator_id]), indicator_id
    # every digit of the paragraph sits inside a figure segment
    for paragraph in part.generated:
        for segment in paragraph:
            if "indicator" not in segment:
                assert not any(c.isdigit() for c in segment["text"].replace("2025", "")), segment


def test_the_comparison_with_the_previous_year(demo):
    report = services.create_report(
        actor=demo.users["donghu_officer"], unit=demo.units["donghu_justice"], year=2026
    )
    text = "".join(drafting.plain_text(report.parts.get(key="measures_and_results").generated))
    now = engine.compute(
        ["reconsideration.received"],
        user=None,
        unit=demo.units["donghu"],
        period=engine.Period.year(2026),
    )["reconsideration.received"]
    change = drafting.year_on_year(now, expected_2025("donghu")["received"])
    assert f"收到行政复议申请数{change}。" in text
    assert "行政应诉：2026年" in text  # this year the district has suits


def test_changed_records_make_figures_stale_until_refreshed(demo, donghu_2025, client_as):
    officer = demo.users["donghu_officer"]
    respondents = [demo.units[f"donghu_enf{i}"].name for i in range(3)]
    extra = ledger("nanqiao", respondents, "补录")  # 8 more 2025 cases, other numbers
    reconsideration_services.import_cases(
        actor=officer, unit=demo.units["donghu_justice"], data=extra
    )
    part = donghu_2025.parts.get(key="measures_and_results")
    stale = drafting.stale_figures(demo.units["donghu"], 2025, part.generated)
    received = next(s for s in stale if s["indicator"] == "reconsideration.received")
    total = expected_2025("donghu")["received"]
    assert (received["was"], received["now"]) == (str(total), str(total + 8))

    page = client_as(officer).get(donghu_2025.get_absolute_url()).content.decode()
    assert "以下数据的记录在起草后发生了变化" in page and "请刷新数据" in page
    assert Part.objects.get(pk=part.pk).generated == part.generated  # never silently

    changed = services.refresh_figures(actor=officer, report=donghu_2025)
    assert any(c["indicator"] == "reconsideration.received" for c in changed)
    part.refresh_from_db()
    assert drafting.figures_of(part.generated)["reconsideration.received"] == str(total + 8)
    assert drafting.stale_figures(demo.units["donghu"], 2025, part.generated) == []
    assert DomainEvent.objects.filter(
        action="annual_report.refresh_figures", target_id=str(donghu_2025.pk)
    ).exists()
