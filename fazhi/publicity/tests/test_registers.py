"""The four 普法 registers (媒体采用, 法治文化阵地, 民主法治示范村, 普法志愿者): services, the
figures counted from them (and the partials still equal to a recount), pages, Excel and API
scoped to the district, and a volunteer's phone and 身份证号码 masked for who may not read
them."""

import datetime
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from fazhi.indicators import engine
from fazhi.indicators.tests.test_partials import check
from fazhi.publicity import services
from fazhi.publicity.models import ModelVillage, Village, Volunteer

D = datetime.date
IDS = [
    "publicity.media_adoptions",
    "publicity.culture_sites",
    "publicity.model_villages",
    "publicity.volunteers",
]


def _write(demo, day):
    officer = demo.users["donghu_publicity"]
    justice = demo.units["donghu_justice"]
    services.register_media_adoption(
        actor=officer,
        unit=justice,
        title="东湖区开展国家宪法日主题活动",
        outlet="人民网",
        level="national",
        published_date=day,
    )
    services.register_culture_site(
        actor=officer,
        unit=justice,
        name="东湖区民法典主题广场",
        kind="park",
        level="county",
        address="东湖区湖滨路1号",
        named_date=day,
    )
    village = Village.objects.get(name="荷塘村")
    services.name_model_village(
        actor=officer,
        village=village,
        level="national",
        year=day.year,
        named_by="司法部、民政部",
        named_date=day,
    )
    services.register_volunteer(
        actor=officer,
        unit=justice,
        name="冉秋实",
        team="东湖区青年普法志愿服务队",
        phone="13712345678",
        id_number="110105199001011232",
        registered_date=day,
    )
    return officer, village


def test_the_registers_are_counted_and_the_partials_stay_equal_to_a_recount(
    demo, client_as, django_capture_on_commit_callbacks
):
    assert check()[0] == 0  # the demo's registers are in the partials
    day = D(2025, 9, 30)  # the working day before 国庆 2025
    with django_capture_on_commit_callbacks(execute=True):
        officer, _ = _write(demo, day)
        # a second adoption after the holiday, in the same month's period no more
        services.register_media_adoption(
            actor=officer,
            unit=demo.units["donghu_justice"],
            title="东湖区法律明白人调解邻里纠纷",
            outlet="山东法制报",
            level="provincial",
            published_date=D(2025, 10, 9),
        )
    district = demo.units["donghu"]
    september = engine.compute(
        IDS, user=officer, unit=district, period=engine.Period(D(2025, 9, 1), D(2025, 9, 30))
    )
    assert september == dict.fromkeys(IDS, 1)
    autumn = engine.compute(
        IDS, user=officer, unit=district, period=engine.Period(D(2025, 9, 1), D(2025, 10, 31))
    )
    assert autumn["publicity.media_adoptions"] == 2
    # another district counts none of them
    sibling = engine.compute(
        IDS,
        user=demo.users["xishan_publicity"],
        unit=demo.units["xishan"],
        period=engine.Period(D(2025, 9, 1), D(2025, 10, 31)),
    )
    assert sibling == dict.fromkeys(IDS, 0)
    code, output = check()
    assert code == 0 and "无差异" in output, output
    page = client_as(officer).get(
        "/indicators/records/",
        {"id": "publicity.volunteers", "unit": district.pk, "from": day, "to": day},
    )
    assert page.status_code == 200 and "冉秋实" in page.content.decode()


def test_a_village_is_named_once_per_level_in_its_year_and_only_in_the_district(demo):
    officer, village = _write(demo, D(2026, 2, 13))  # the last working day before 春节 2026
    again = dict(named_by="司法部", named_date=D(2026, 2, 13), year=2026, level="national")
    with pytest.raises(ValidationError, match="已获此级别"):
        services.name_model_village(actor=officer, village=village, **again)
    with pytest.raises(ValidationError, match="命名日期应在命名年度内"):
        services.name_model_village(
            actor=officer, village=village, **{**again, "level": "county", "year": 2025}
        )
    sibling = Village.objects.get(name="石岭村")
    with pytest.raises(PermissionDenied):
        services.name_model_village(actor=officer, village=sibling, **{**again, "level": "county"})
    assert ModelVillage.objects.filter(village__in=[village, sibling], level="county").count() == 0
    with pytest.raises(ValidationError):
        services.register_volunteer(
            actor=officer,
            unit=demo.units["donghu_justice"],
            name="错号",
            team="志愿服务队",
            phone="13700000000",
            id_number="110105199001011233",  # a wrong check digit
            registered_date=D(2026, 2, 13),
        )
    assert not Volunteer.objects.filter(name="错号").exists()


def _token(page: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)


def test_pages_excel_and_api_are_scoped_and_mask_a_volunteers_phone(demo, client_as):
    officer = client_as(demo.users["donghu_publicity"])
    url = "/publicity/volunteers/new/"
    response = officer.post(
        url,
        {
            "form_token": _token(officer.get(url).content.decode()),
            "unit": demo.units["donghu_justice"].pk,
            "name": "柏青禾",
            "team": "东湖区青年普法志愿服务队",
            "phone": "13698765432",
            "id_number": "",
            "registered_date": "2026-02-13",
        },
    )
    assert response.status_code == 302 and response.url == "/publicity/volunteers/"
    full = officer.get("/publicity/volunteers/").content.decode()
    assert "柏青禾" in full and "13698765432" in full and "13905310011" in full
    assert "米晓岚" not in full  # 西山区's volunteer
    inspector = client_as(demo.users["donghu_inspector"])
    masked = inspector.get("/publicity/volunteers/").content.decode()
    assert "柏青禾" in masked and "136****5432" in masked and "13698765432" not in masked
    rows = load_workbook(
        io.BytesIO(inspector.get("/publicity/volunteers/?export=xlsx").content)
    ).active.iter_rows(values_only=True)
    exported = {row[0]: row for row in list(rows)[1:]}
    assert set(exported) == {"柏青禾", "乔慕青", "费远航"}
    assert exported["乔慕青"][3:5] == ("139****0011", "110105********1233")
    api = inspector.get("/api/publicity/volunteers/").json()["results"]
    assert {row["phone"] for row in api} == {"136****5432", "139****0011", "139****0012"}
    assert {
        row["phone"] for row in officer.get("/api/publicity/volunteers/").json()["results"]
    } >= {"13698765432"}
    # the other registers: each district sees its own rows only, by level on the page
    sites = officer.get("/publicity/sites/").content.decode()
    assert (
        "东湖区宪法主题公园" in sites and "西山区宪法主题公园" not in sites and "省级1处" in sites
    )
    villages = client_as(demo.users["xishan_publicity"]).get("/publicity/model-villages/")
    assert "石岭村" in villages.content.decode() and "柳湾村" not in villages.content.decode()
    media = client_as(demo.users["xishan_publicity"]).get("/api/publicity/media/").json()
    assert media["count"] == 2 and all("西山区" in row["title"] for row in media["results"])
    # a sibling's village is no choice of the form
    url = "/publicity/model-villages/new/"
    refused = officer.post(
        url,
        {
            "form_token": _token(officer.get(url).content.decode()),
            "village": Village.objects.get(name="石岭村").pk,
            "level": "county",
            "year": 2026,
            "named_by": "县委全面依法治县委员会",
            "named_date": "2026-02-13",
        },
    )
    assert refused.status_code == 200 and not ModelVillage.objects.filter(level="county").exists()
