"""The 行政应诉 pages on the demo data: the ledger with its filters and Excel export, a suit's
page, each step through its form (with its form_token), and the API."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.models import DomainEvent
from fazhi.litigation import services
from fazhi.litigation.models import Hearing, Lawsuit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _token(page) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page.content.decode()).group(1)


def _rows(page) -> list[str]:
    """The case numbers in the list's table."""
    return re.findall(r"（\d{4}）鲁\d+行[初终]\d+号", page.content.decode())


@pytest.fixture
def leader(demo, client_as):
    """东湖区司法局's leader: sees every suit of the district, handles none."""
    return client_as(demo.users["donghu_leader"])


@pytest.fixture
def donghu(demo):
    """东湖区's suits, filtered."""

    def suits(**filters):
        return Lawsuit.objects.filter(unit__path__startswith=demo.units["donghu"].path, **filters)

    return suits


def test_the_list_shows_the_districts_suits_only(donghu, leader):
    page = leader.get("/litigation/")
    assert page.status_code == 200
    assert sorted(_rows(page)) == sorted(donghu().values_list("case_number", flat=True))
    assert len(_rows(page)) == 7
    body = page.content.decode()
    assert "西山区" not in body and "行政应诉案件" in body
    assert "登记案件" not in body  # a 负责人 views; 经办人 register


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=withdrawn", {"status": "withdrawn"}),
        ("status=pending", {"status": "pending"}),
        ("trial_level=second", {"trial_level": "second"}),
        ("judgment_type=confirm_illegal", {"judgment_type": "confirm_illegal"}),
        ("q=湖畔餐饮", {"plaintiff": "湖畔餐饮有限公司"}),
        ("q=交通运输局", {"unit__name": "东湖区交通运输局"}),
        ("status=bogus", {}),  # an invalid filter is left out, not an error
    ],
)
def test_the_list_filters(donghu, leader, query, expected):
    page = leader.get(f"/litigation/?{query}")
    wanted = donghu(**expected).values_list("case_number", flat=True)
    assert sorted(_rows(page)) == sorted(wanted) and wanted


def test_the_overdue_filter_shows_unanswered_suits_past_their_due_date(donghu, leader):
    today = timezone.localdate()
    page = leader.get("/litigation/?overdue=on")
    overdue = donghu().get(answer_filed_date__isnull=True, answer_due__lt=today)
    assert _rows(page) == [overdue.case_number]
    assert "答辩逾期" in page.content.decode()


def test_htmx_swaps_only_the_table_and_the_export_keeps_the_filters(leader):
    page = leader.get(
        "/litigation/?status=pending", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="table-area"
    )
    body = page.content.decode()
    assert "<h1>" not in body and len(_rows(page)) == 3
    assert 'href="?status=pending&amp;export=xlsx"' in body


def test_paging_keeps_the_filters(demo, client_as):
    officer = demo.users["donghu_officer"]
    filed = timezone.localdate() - datetime.timedelta(days=3)
    for number in range(1, 21):
        services.register_lawsuit(
            actor=officer,
            unit=demo.units["donghu_justice"],
            case_number=f"（{filed.year}）鲁9901行初{900 + number}号",
            court="东湖区人民法院",
            plaintiff=f"分页原告{number}",
            contested_act="政府信息公开答复",
            trial_level="first",
            filed_date=filed,
            served_date=filed,
        )
    pending = Lawsuit.objects.restrict(officer).filter(status="pending").count()
    client = client_as(officer)
    first = client.get("/litigation/?status=pending").content.decode()
    assert 'href="?status=pending&amp;page=2"' in first
    assert f"第 1 / 2 页，共 {pending} 条" in first
    second = client.get("/litigation/?status=pending&page=2")
    assert len(_rows(second)) == pending - 20


def test_the_export_is_the_ledger_of_the_filtered_list(donghu, leader, demo):
    response = leader.get("/litigation/?export=xlsx&judgment_type=revoke_remake")
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:3] == ("案号", "审级", "受理法院") and "是否败诉" in header
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    suit = donghu().get(judgment_type="revoke_remake")
    assert row["案号"] == suit.case_number
    assert row["被告身份"] == "原行政机关（与复议机关共同被告）"
    assert row["负责人出庭应诉"] == "是" and row["出庭负责人"] == "孔德明（副局长）"
    assert row["是否败诉"] == "是" and row["经办人"] == "张敏"
    assert (row["裁判文书送达日期"], row["上诉期限"], row["是否上诉"]) == (None, None, None)


def test_the_detail_page_shows_hearings_with_their_shortfalls_and_the_suggestion(
    donghu, demo, client_as
):
    suit = donghu().get(judgment_type="confirm_illegal")
    page = client_as(demo.users["donghu_leader"]).get(f"/litigation/{suit.pk}/").content.decode()
    assert suit.case_number in page and "仅委托律师出庭" in page
    assert "第一百二十八条" in page and "司法建议" in page and "均未出庭" in page
    assert "败诉" in page
    assert "操作记录" in page and "登记裁判结果：判决确认违法" in page  # history for a 负责人
    assert f"/litigation/{suit.pk}/suggestion/" not in page  # no step for who cannot handle it


def test_the_handler_finds_the_open_steps_on_the_page(donghu, demo, client_as):
    suit = donghu().get(unit=demo.units["donghu_justice"], answer_filed_date__isnull=True)
    page = client_as(demo.users["donghu_officer"]).get(f"/litigation/{suit.pk}/").content.decode()
    for step in ("answer", "hearing", "judgment", "withdrawal", "suggestion"):
        assert f'href="/litigation/{suit.pk}/{step}/"' in page
    assert "操作记录" not in page  # a 经办人 does not read history


def test_an_officer_registers_a_suit_through_the_form(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    today = timezone.localdate()
    data = {
        "form_token": _token(client.get("/litigation/new/")),
        "unit": demo.units["donghu_justice"].pk,
        "case_number": "(2026)鲁9901行初77号",
        "trial_level": "first",
        "court": "东湖区人民法院",
        "plaintiff": "柳某",
        "contested_act": "行政复议不予受理决定",
        "filed_date": (today - datetime.timedelta(days=5)).isoformat(),
        "served_date": (today - datetime.timedelta(days=3)).isoformat(),
        "defendant_role": "sole",
        "prior_reconsideration_number": "",
    }
    response = client.post("/litigation/new/", data)
    suit = Lawsuit.objects.get(plaintiff="柳某")
    assert response.status_code == 302 and response["Location"] == f"/litigation/{suit.pk}/"
    assert (
        suit.case_number == "（2026）鲁9901行初77号"
        and suit.handler == demo.users["donghu_officer"]
    )
    again = client.post("/litigation/new/", data).content.decode()
    assert "请勿重复提交" in again and Lawsuit.objects.filter(plaintiff="柳某").count() == 1


def test_the_form_offers_only_the_users_own_agencies_and_shows_refusals(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    form = client.get("/litigation/new/")
    assert "东湖区司法局" in form.content.decode() and "东湖区人民政府" not in form.content.decode()
    data = {
        "form_token": _token(form),
        "unit": demo.units["donghu_justice"].pk,
        "case_number": "（2026）鲁9901行终78号",
        "trial_level": "first",
        "court": "东湖区人民法院",
        "plaintiff": "柳某",
        "contested_act": "行政处罚",
        "filed_date": "2026-01-05",
        "served_date": "2026-01-04",
        "defendant_role": "sole",
    }
    page = client.post("/litigation/new/", data).content.decode()
    assert "“行终”表示二审" in page and not Lawsuit.objects.filter(plaintiff="柳某").exists()
    data |= {
        "form_token": _token(client.get("/litigation/new/")),
        "unit": demo.units["donghu_gov"].pk,
    }
    page = client.post("/litigation/new/", data).content.decode()
    assert "选择一个有效的选项" in page  # the 区政府 is outside a 司法局 officer's scope


def test_a_hearing_through_the_form_warns_when_the_head_brought_no_proof(donghu, demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    suit = donghu().get(unit=demo.units["donghu_justice"], answer_filed_date__isnull=True)
    url = f"/litigation/{suit.pk}/hearing/"
    data = {
        "form_token": _token(client.get(url)),
        "date": timezone.localdate().isoformat(),
        "attendance": "head",
        "head_name": "钱立新",
        "head_post": "局长",
        "head_post_kind": "principal",
    }
    page = client.post(url, data, follow=True).content.decode()
    assert "视为负责人未出庭（规定 第六条）" in page
    hearing = Hearing.objects.get(lawsuit=suit)
    assert not hearing.head_appeared and hearing.recorded_by == demo.users["donghu_officer"]


@pytest.mark.parametrize(
    ("step", "data", "check"),
    [
        ("answer", {"answer_filed_date": "today"}, lambda s: s.answer_filed_date is not None),
        (
            "judgment",
            {"judgment_type": "pay", "concluded_date": "today"},
            lambda s: s.status == "concluded" and s.lost,
        ),
        (
            "withdrawal",
            {"withdrawal_date": "today", "reason": "原告申请撤诉"},
            lambda s: s.status == "withdrawn" and not s.lost,
        ),
        (
            "suggestion",
            {"received_date": "today", "ground": "other", "content": "建议完善告知程序"},
            lambda s: s.suggestions.count() == 1,
        ),
    ],
)
def test_each_step_through_its_form(donghu, demo, client_as, step, data, check):
    client = client_as(demo.users["donghu_reviewer"])
    suit = donghu().get(unit=demo.units["donghu_justice"], answer_filed_date__isnull=True)
    url = f"/litigation/{suit.pk}/{step}/"
    today = timezone.localdate().isoformat()
    posted = {k: today if v == "today" else v for k, v in data.items()}
    response = client.post(url, {"form_token": _token(client.get(url)), **posted})
    assert response.status_code == 302 and response["Location"] == f"/litigation/{suit.pk}/"
    suit.refresh_from_db()
    assert check(suit)
    assert DomainEvent.objects.filter(target_id=str(suit.pk), actor=demo.users["donghu_reviewer"])


def test_a_refused_step_shows_the_reason_and_changes_nothing(donghu, demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    suit = donghu().get(unit=demo.units["donghu_justice"], answer_filed_date__isnull=True)
    url = f"/litigation/{suit.pk}/judgment/"
    data = {
        "form_token": _token(client.get(url)),
        "judgment_type": "revoke",
        "concluded_date": "2099-01-01",
    }
    page = client.post(url, data).content.decode()
    assert "裁判日期（2099-01-01）不能晚于今天" in page
    suit.refresh_from_db()
    assert suit.status == "pending"


@pytest.mark.parametrize("role", ["leader", "inspector", "admin"])
def test_roles_that_do_not_handle_suits_get_403_on_the_steps(donghu, demo, client_as, role):
    client = client_as(demo.users[f"donghu_{role}"])
    suit = donghu().first()
    assert client.get("/litigation/new/").status_code == 403
    assert client.get(f"/litigation/{suit.pk}/hearing/").status_code == 403
    assert client.get(f"/litigation/{suit.pk}/").status_code == 200


def test_the_navigation_and_the_due_list_show_litigation(demo, client_as):
    page = client_as(demo.users["donghu_officer"]).get("/").content.decode()
    assert "行政复议与应诉" in page and 'href="/litigation/"' in page
    assert "提交答辩状和证据" in page and "行政诉讼法 第六十七条" in page


def test_the_api_lists_the_users_suits_with_their_hearings(donghu, demo, client_as):
    client = client_as(demo.users["donghu_leader"])
    data = client.get("/api/litigation/lawsuits/").json()
    assert data["count"] == 7
    numbers = {item["case_number"] for item in data["results"]}
    assert numbers == set(donghu().values_list("case_number", flat=True))
    suit = donghu().get(judgment_type="reject_claim")
    detail = client.get(f"/api/litigation/lawsuits/{suit.pk}/").json()
    assert detail["hearings"][0]["head_appeared"] is True and detail["lost"] is False
    xishan = Lawsuit.objects.filter(unit__path__startswith=demo.units["xishan"].path).first()
    assert client.get(f"/api/litigation/lawsuits/{xishan.pk}/").status_code == 404


def test_a_suit_after_an_upheld_reconsideration_links_the_case(demo, client_as):
    from fazhi.litigation.models import Lawsuit

    lawsuit = Lawsuit.objects.get(unit=demo.units["donghu_enf0"], prior_case__isnull=False)
    assert lawsuit.prior_case.outcome == "upheld"
    assert lawsuit.prior_reconsideration_number == lawsuit.prior_case.number
    url = f"/litigation/{lawsuit.pk}/"
    leader_page = client_as(demo.users["donghu_leader"]).get(url).content.decode()
    assert f'href="/reconsideration/cases/{lawsuit.prior_case.pk}/"' in leader_page


def test_the_appeal_clock_through_its_forms(donghu, demo, client_as):
    """行政诉讼法 第八十五条 on the suit's page: service recorded, the period shown, the appeal."""
    client = client_as(demo.users["donghu_reviewer"])
    suit = donghu().get(unit=demo.units["donghu_justice"], answer_filed_date__isnull=True)
    day = timezone.localdate()

    def post(step, **data):
        url = f"/litigation/{suit.pk}/{step}/"
        response = client.post(url, {"form_token": _token(client.get(url)), **data})
        assert response.status_code == 302, response.content.decode()
        suit.refresh_from_db()

    post("judgment", judgment_type="reject_claim", concluded_date=day)
    post("judgment-served", judgment_served_date=day)
    assert suit.judgment_served_date == day and suit.appeal_due is not None
    page = client.get(f"/litigation/{suit.pk}/").content.decode()
    assert f"{suit.appeal_due:%Y-%m-%d}" in page and "行政诉讼法 第八十五条" in page
    post("appeal", appeal="appealed", appeal_date=day)
    assert (suit.appeal, suit.appeal_date) == ("appealed", day)
