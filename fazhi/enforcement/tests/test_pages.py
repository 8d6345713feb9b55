"""The pages on the demo: every list with its Excel ledger, a record's page, the dashboard and
the API — and a supervisor runs a review campaign step by step."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.models import FormToken
from fazhi.enforcement.models import (
    CaseFile,
    EnforcementAction,
    Officer,
    RectificationNotice,
    ReviewCampaign,
)


def last_form_token() -> str:
    """The token of the form the last page rendered."""
    return FormToken.objects.latest("created_at").token


LISTS = [
    "agency_list",
    "officer_list",
    "certificate_list",
    "action_list",
    "penalty_lists",
    "enterprise_inspection_list",
    "campaign_list",
    "supervision_list",
    "notice_list",
]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_exports_its_ledger(demo, client_as, name):
    client = client_as(demo.users["donghu_supervisor"])
    assert client.get(reverse(f"enforcement:{name}")).status_code == 200
    response = client.get(reverse(f"enforcement:{name}") + "?export=xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) > 1 and all("西山区" not in str(cell) for row in rows for cell in row)


def test_officers_are_masked_and_invalid_certificates_flagged(demo, client_as):
    client = client_as(demo.users["donghu_supervisor"])
    text = client.get(reverse("enforcement:officer_list") + "?export=xlsx").content
    rows = list(load_workbook(io.BytesIO(text)).active.iter_rows(values_only=True))
    officer = Officer.objects.filter(unit=demo.units["donghu_enf0"]).first()
    assert officer.id_number not in str(rows) and officer.id_number[-4:] in str(rows)
    assert any("暂扣" in str(row[-2]) for row in rows)
    action = EnforcementAction.objects.filter(unit=demo.units["donghu_enf1"], status="open").get()
    page = client.get(reverse("enforcement:action_detail", args=[action.pk])).content.decode()
    assert "重大执法决定未经法制审核通过（行政处罚法 第五十八条）" in page


def test_the_dashboard_and_the_api_show_enforcement(demo, client_as):
    client = client_as(demo.users["donghu_leader"])
    assert "免罚、轻罚案件" in client.get(reverse("indicators:dashboard")).content.decode()
    officers = client.get("/api/enforcement/officers/").json()["results"]
    assert officers and not any("*" in o["id_number"] for o in officers)  # VIEW_PERSONAL_DATA
    inspector = client_as(demo.users["donghu_inspector"])
    officers = inspector.get("/api/enforcement/officers/").json()["results"]
    assert officers and all("*" in o["id_number"] for o in officers)
    campaigns = client.get("/api/enforcement/campaigns/").json()["results"]
    assert campaigns[0]["case_files"]


def test_a_supervisor_scores_a_file_and_closes_an_agencys_rectification(demo, client_as):
    client = client_as(demo.users["donghu_supervisor"])
    campaign = ReviewCampaign.objects.get(unit=demo.units["donghu_justice"])
    page = client.get(reverse("enforcement:campaign_detail", args=[campaign.pk])).content.decode()
    assert "对4家执法单位的7本案卷进行评查" in page
    case_file = CaseFile.objects.filter(campaign=campaign).first()
    url = reverse("enforcement:casefile_detail", args=[case_file.pk])
    client.get(url)
    token = last_form_token()
    items = list(campaign.score_items.all())
    data = {"form_token": token, "scored_date": "2020-01-01", "problems": "卷内目录缺失"}
    data |= {f"item_{item.pk}": item.max_points for item in items}
    data[f"item_{items[0].pk}"] = items[0].max_points + 3
    response = client.post(url, data)
    assert "超出该项分值" in response.content.decode()
    notice = RectificationNotice.objects.filter(campaign=campaign, status="issued").get()
    client.get(reverse("enforcement:notice_respond", args=[notice.pk]))
    token = last_form_token()
    response = client.post(
        reverse("enforcement:notice_respond", args=[notice.pk]),
        {"form_token": token, "responded_date": "2099-01-01", "response": "已整改"},
    )
    assert "不能晚于今天" in response.content.decode()


def test_repeated_inspections_are_marked_in_the_ledger(demo, client_as):
    client = client_as(demo.users["donghu_supervisor"])
    response = client.get(
        reverse("enforcement:enterprise_inspection_list") + "?repeated=1&export=xlsx"
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][-1] == "30日内多部门检查"
    # Two enterprises of the demo are each visited by the 市场监管 and the 交通运输 bureaus.
    assert len(rows) == 5 and all(row[-1] == "是" for row in rows[1:])
    assert {row[2] for row in rows[1:]} == {"东湖区市场监督管理局", "东湖区交通运输局"}
    assert (
        len(
            list(
                load_workbook(
                    io.BytesIO(
                        client.get(
                            reverse("enforcement:enterprise_inspection_list") + "?export=xlsx"
                        ).content
                    )
                ).active.rows
            )
        )
        == 6
    )


def test_overdue_rectification_is_flagged_to_the_superior(demo):
    """The 依法治区办 (and the city above it) see the agencies' overdue rectifications."""
    from fazhi.core.deadlines import due_list
    from fazhi.core.guards import today

    for superior in ("donghu_inspector", "city_inspector"):
        items = due_list(demo.users[superior], today()).items
        overdue = [i for i in items if "反馈整改情况" in i.title and i.status(today()) == "overdue"]
        assert overdue, superior


def test_the_officer_page_and_its_history_mask_the_id_number(demo, client_as):
    """Masked for a role without VIEW_PERSONAL_DATA; the field history masks it for all."""
    officer = Officer.objects.filter(unit=demo.units["donghu_enf0"]).first()
    url = reverse("enforcement:officer_detail", args=[officer.pk])
    text = client_as(demo.users["donghu_inspector"]).get(url).content.decode()
    assert "操作记录" in text and officer.id_number not in text
    assert officer.id_number[:6] in text  # the region part is kept: 370402********1234
    text = client_as(demo.users["donghu_supervisor"]).get(url).content.decode()
    assert officer.id_number in text


def test_every_enforcement_figure_opens_onto_its_records(demo, client_as):
    from fazhi.indicators.registry import registered

    client = client_as(demo.users["donghu_leader"])
    ids = [i for i, indicator in registered().items() if i.startswith("enforcement.")]
    unit = demo.units["donghu"].pk
    for indicator_id in ids:
        response = client.get(reverse("indicators:records") + f"?id={indicator_id}&unit={unit}")
        assert response.status_code == 200, indicator_id
        assert "西山区" not in response.content.decode()
    page = client.get(
        reverse("indicators:records") + f"?id=enforcement.no_or_light_penalty_cases&unit={unit}"
    )
    assert len(re.findall(r"/enforcement/actions/\d+/", page.content.decode())) == 6


def test_a_wide_ledger_shows_its_key_columns_and_exports_all(demo, client_as):
    client = client_as(demo.users["donghu_supervisor"])
    page = client.get(reverse("enforcement:action_list")).content.decode()
    assert "<th>缺项</th>" in page and "<th>事前公示</th>" not in page
    response = client.get(reverse("enforcement:action_list") + "?export=xlsx")
    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert "事前公示" in header and "缺项" in header


def _post(client, url, data):
    client.get(url)
    return client.post(url, {"form_token": last_form_token(), **data})


def test_the_report_form_refuses_a_bad_credit_code_in_chinese(demo, client_as):
    from fazhi.enforcement.models import EnterpriseInspection

    client = client_as(demo.users["donghu_supervisor"])
    market = demo.units["donghu_enf0"]
    officers = [o.pk for o in Officer.objects.filter(unit=market)[:2]]
    data = {
        "unit": market.pk,
        "enterprise": "表单测试有限公司",
        "credit_code": "91379901MA3C000100",
        "purpose": "抽查",
        "legal_basis": "《安全生产法》第六十五条",
        "planned_date": "2026-01-05",
        "officers": officers,
    }
    response = _post(client, reverse("enforcement:enterprise_inspection_create"), data)
    assert (
        "统一社会信用代码“91379901MA3C000100”无效（位数、字符或校验位不正确）"
        in response.content.decode()
    )
    assert not EnterpriseInspection.objects.filter(enterprise="表单测试有限公司").exists()


def test_an_action_is_registered_and_decided_under_a_list_item_through_the_forms(demo, client_as):
    from fazhi.core.guards import today
    from fazhi.enforcement.models import PenaltyListItem

    client = client_as(demo.users["donghu_supervisor"])
    market = demo.units["donghu_enf0"]
    officers = [o.pk for o in Officer.objects.filter(unit=market, is_legal_reviewer=False)[:2]]
    data = {
        "unit": market.pk,
        "kind": "penalty",
        "number": "表单罚〔2026〕1号",
        "party": "表单商店",
        "summary": "未悬挂营业执照",
        "started_date": today().isoformat(),
        "officers": officers,
    }
    response = _post(client, reverse("enforcement:action_create"), data)
    action = EnforcementAction.objects.get(number="表单罚〔2026〕1号")
    assert response.url == reverse("enforcement:action_detail", args=[action.pk])
    item = PenaltyListItem.objects.get(
        penalty_list__region=demo.units["donghu"], penalty_list__status="published", number=2
    )
    decide = {"decided_date": today().isoformat(), "outcome": "no_penalty", "list_item": item.pk}
    response = _post(client, reverse("enforcement:action_decide", args=[action.pk]), decide)
    assert "行政处罚法 第三十三条第三款" in response.content.decode()
    response = _post(
        client,
        reverse("enforcement:action_decide", args=[action.pk]),
        decide | {"education": "责令改正并教育"},
    )
    action.refresh_from_db()
    assert action.list_item == item and action.outcome == "no_penalty"
