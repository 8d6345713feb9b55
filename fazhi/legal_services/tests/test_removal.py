"""撤并 of a village: from the removal day it is off the 一村一法律顾问 roster (the coverage
rate's denominator) and its adviser's running term stops counting (the numerator); the page,
the lists (removed villages apart, never among those without an adviser), the Excel column,
the API, and bad input refused in Chinese with nothing written. Fixed dates around 国庆 2025;
the demo's own villages are taken out by counting before and after."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.models import DomainEvent
from fazhi.indicators.engine import Period, compute, records
from fazhi.legal_services import selectors, services
from fazhi.legal_services.models import AdviserKind, Village

D = datetime.date
IDS = [
    "legal_services.villages",
    "legal_services.villages_with_adviser",
    "legal_services.village_adviser_coverage_rate",
]
REMOVED = D(2025, 10, 1)  # 国庆: the first day off the roster
LISTED, TERM_START, TERM_END = D(2025, 3, 1), D(2025, 1, 2), D(2026, 12, 31)


@pytest.fixture
def roster(demo):
    officer = demo.users["donghu_pls_officer"]
    bureau, township = demo.units["donghu_justice"], demo.units["donghu_town0"]

    def village(name, listed=LISTED):
        return services.register_village(
            actor=officer, unit=bureau, township=township, name=name, listed_date=listed
        )

    def appoint(village, name, start=TERM_START, end=TERM_END):
        return services.appoint_adviser(
            actor=officer,
            village=village,
            name=name,
            kind=AdviserKind.LAWYER,
            firm="测试律师事务所",
            start=start,
            end=end,
        )

    return officer, bureau, demo.units["donghu"], village, appoint


def test_a_removed_village_leaves_the_coverage_rate_from_its_removal_day(roster):
    officer, _, area, village, appoint = roster
    # 2025-09-30 ends the day before the removal; 2025 ends after it.
    eve, year = Period(D(2025, 9, 30), D(2025, 9, 30)), Period.year(2025)

    def values(period):
        return compute(IDS, user=officer, unit=area, period=period)

    start = {period: values(period) for period in (eve, year)}
    covered, bare, into = village("撤并顾问村"), village("撤并无顾问村"), village("并入中心村")
    adviser = appoint(covered, "撤并前律师")
    appoint(into, "中心村律师")
    before = {period: values(period) for period in (eve, year)}
    for period in (eve, year):
        assert (
            before[period]["legal_services.villages"] - start[period]["legal_services.villages"]
        ) == 3
    services.remove_village(actor=officer, village=covered, removed_date=REMOVED, merged_into=into)
    services.remove_village(actor=officer, village=bare, removed_date=REMOVED)

    after = {period: values(period) for period in (eve, year)}
    assert after[eve] == before[eve]  # on the eve both were still on the roster
    lost = {key: before[year][key] - after[year][key] for key in IDS[:2]}
    assert lost == {"legal_services.villages": 2, "legal_services.villages_with_adviser": 1}
    villages, covered_now = (
        after[year]["legal_services.villages"],
        after[year]["legal_services.villages_with_adviser"],
    )
    expected = round(covered_now * 100 / villages, 2)
    assert float(after[year]["legal_services.village_adviser_coverage_rate"]) == expected
    assert expected != float(before[year]["legal_services.village_adviser_coverage_rate"])
    rows = records("legal_services.villages", user=officer, unit=area, period=year)
    assert into in rows and covered not in rows and bare not in rows
    adviser.refresh_from_db()
    assert adviser.end == D(2026, 12, 31) and adviser.left_date == REMOVED  # the contract kept
    event = DomainEvent.objects.filter(action="legal_services.village_removed").latest("pk")
    assert "撤并无顾问村" in event.summary
    assert DomainEvent.objects.filter(
        action="legal_services.village_removed", summary__contains="并入东湖"
    ).exists()


def test_removal_refuses_bad_input_in_chinese_and_writes_nothing(roster, demo):
    officer, _, _, village, appoint = roster
    target, other = village("待撤并村", listed=D(2025, 9, 1)), village("另一在册村")
    adviser = appoint(target, "记录律师")
    services.log_adviser_month(actor=officer, village=target, adviser=adviser, month=D(2025, 11, 3))
    xishan = Village.objects.filter(unit=demo.units["xishan_justice"]).first()
    gone = village("早已撤并村")
    services.remove_village(actor=officer, village=gone, removed_date=D(2025, 6, 1))
    cases = [
        ({"removed_date": D(2099, 1, 4)}, "撤并日期"),  # in the future
        ({"removed_date": D(2025, 9, 1)}, "应晚于列入名册日期"),
        ({"removed_date": D(2025, 10, 8), "merged_into": target}, "不能并入本村"),
        ({"removed_date": D(2025, 10, 8), "merged_into": xishan}, "名册中的村（居）"),
        ({"removed_date": D(2025, 10, 8), "merged_into": gone}, "不在名册中"),
        ({"removed_date": D(2025, 10, 8)}, "撤并日期之后已有法律顾问服务记录"),
    ]
    for kwargs, message in cases:
        with pytest.raises(ValidationError, match=message):
            services.remove_village(actor=officer, village=target, **kwargs)
    target.refresh_from_db()
    adviser.refresh_from_db()
    assert target.removed_date is None and target.merged_into is None
    assert adviser.left_date == D(2027, 1, 1)
    with pytest.raises(ValidationError, match="已于2025-06-01撤并"):
        services.remove_village(actor=officer, village=gone, removed_date=D(2025, 7, 1))
    with pytest.raises(ValidationError, match="撤并后不能聘任"):
        appoint(gone, "撤并后律师", start=D(2025, 6, 1), end=D(2025, 12, 31))
    assert not other.advisers.exists() and not gone.advisers.exists()
    # Another district's officer may not remove it (the page answers 404: test_scoping).
    with pytest.raises(Exception, match="无权撤并"):
        services.remove_village(
            actor=demo.users["xishan_pls_officer"], village=other, removed_date=D(2025, 10, 8)
        )


def test_the_page_removes_and_the_lists_show_removed_villages_apart(roster, client_as):
    officer, _, _, village, appoint = roster
    into, leaving = village("页面中心村"), village("页面撤并村")
    client = client_as(officer)
    url = reverse("legal_services:village_remove", kwargs={"pk": leaving.pk})
    form = client.get(url).content.decode()
    assert "页面中心村" in form and "页面撤并村</option>" not in form
    token = re.search(r'name="form_token" value="([^"]+)"', form).group(1)
    late = client.post(url, {"form_token": token, "removed_date": "2099-01-04"})
    assert late.status_code == 200 and "撤并日期" in late.content.decode()
    leaving.refresh_from_db()
    assert leaving.removed_date is None
    form = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', form).group(1)
    done = client.post(
        url, {"form_token": token, "removed_date": "2025-10-08", "merged_into": into.pk}
    )
    assert done.status_code == 302
    leaving.refresh_from_db()
    assert (leaving.removed_date, leaving.merged_into) == (D(2025, 10, 8), into)
    detail = client.get(leaving.get_absolute_url()).content.decode()
    assert "2025-10-08撤并" in detail and into.get_absolute_url() in detail
    assert "页面撤并村" in client.get(into.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 302  # once removed, the form is not offered again

    listing = reverse("legal_services:village_list")
    assert leaving.get_absolute_url() not in client.get(listing).content.decode()
    without = client.get(listing, {"without_adviser": "on"}).content.decode()
    assert leaving.get_absolute_url() not in without and into.get_absolute_url() in without
    assert "页面撤并村" not in {
        v.name for v in selectors.villages(officer, without_adviser=True, on=D(2026, 1, 5))
    }
    removed = client.get(listing, {"roster": "removed"}).content.decode()
    assert leaving.get_absolute_url() in removed and into.get_absolute_url() not in removed
    sheet = load_workbook(
        io.BytesIO(client.get(listing, {"roster": "all", "export": "xlsx"}).content)
    ).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    column = header.index("撤并情况")
    by_name = {row[header.index("村（居）")]: row[column] for row in rows}
    assert by_name["页面撤并村"] == f"2025-10-08撤并，并入{into}"
    assert by_name["页面中心村"] == "在册"
    api = client.get("/api/legal-services/villages/").json()
    rows = api["results"] if isinstance(api, dict) else api
    row = next(r for r in rows if r["id"] == leaving.pk)
    assert (row["removed_date"], row["merged_into"]) == ("2025-10-08", into.pk)
