"""一村一法律顾问 coverage: villages on the roster at the period's end, those with an adviser in
office then (a term ending on the period's last day still covers it; the next term, begun the
day after, is not counted twice), the rate from those two parts, and their click-through.
The demo's own villages are taken out by counting before and after."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse

from fazhi.indicators.engine import Period, compute, records
from fazhi.legal_services import services
from fazhi.legal_services.models import AdviserKind

D = datetime.date
IDS = [
    "legal_services.villages",
    "legal_services.villages_with_adviser",
    "legal_services.village_adviser_coverage_rate",
]


def _appoint(officer, village, name, start, end):
    return services.appoint_adviser(
        actor=officer,
        village=village,
        name=name,
        kind=AdviserKind.LAWYER,
        firm="测试律师事务所",
        start=start,
        end=end,
    )


def test_the_coverage_rate_is_counted_from_the_roster_at_the_periods_end(demo, client_as):
    officer = demo.users["donghu_pls_officer"]
    bureau, area = demo.units["donghu_justice"], demo.units["donghu"]
    township = demo.units["donghu_town0"]
    year_2025, new_year = Period.year(2025), Period(D(2026, 1, 1), D(2026, 1, 1))

    def values(period):
        return compute(IDS, user=officer, unit=area, period=period)

    before = {period: values(period) for period in (year_2025, new_year)}
    first, second = (
        services.register_village(
            actor=officer, unit=bureau, township=township, name=name, listed_date=D(2025, 3, 1)
        )
        for name in ("测试一村", "测试二村")
    )
    services.register_village(
        actor=officer, unit=bureau, township=township, name="新列村", listed_date=D(2026, 1, 2)
    )
    ending = _appoint(officer, first, "期满律师", D(2025, 1, 2), D(2025, 12, 31))
    following = _appoint(officer, first, "续聘律师", D(2026, 1, 1), D(2026, 12, 31))

    for period, adviser in ((year_2025, ending), (new_year, following)):
        after = values(period)
        assert after["legal_services.villages"] - before[period]["legal_services.villages"] == 2
        gained = (
            after["legal_services.villages_with_adviser"]
            - before[period]["legal_services.villages_with_adviser"]
        )
        assert gained == 1  # 测试一村 once, 测试二村 not at all
        rate = (
            Decimal(after["legal_services.villages_with_adviser"])
            * 100
            / after["legal_services.villages"]
        ).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert after["legal_services.village_adviser_coverage_rate"] == rate
        rows = records(
            "legal_services.villages_with_adviser", user=officer, unit=area, period=period
        )
        assert adviser in rows and not any(row.village == second for row in rows)
    villages = records("legal_services.villages", user=officer, unit=area, period=year_2025)
    assert {first, second} <= set(villages) and "新列村" not in {v.name for v in villages}

    page = client_as(officer).get(
        reverse("indicators:records"),
        {"id": "legal_services.villages_with_adviser", "unit": bureau.pk, "year": 2025},
    )
    assert "期满律师" in page.content.decode()
