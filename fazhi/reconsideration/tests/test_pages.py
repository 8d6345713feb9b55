"""The 行政复议 pages: registration, every step through its form, the list, its filters and
ledger, masking of personal data, and the browser walk of one case from 登记 to 送达."""

import io
import re

import pytest
from django.utils import timezone
from docx import Document as Docx
from openpyxl import load_workbook

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.reconsideration import services
from fazhi.reconsideration.models import Case, State

from .conftest import D

ID_NUMBER = "11010519491231002X"


def token(page: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', page).group(1)


def post_form(client, url, data):
    return client.post(url, {"form_token": token(client.get(url).content.decode()), **data})


def register_through_the_form(client, demo, **overrides):
    data = {
        "channel": "in_person",
        "received_date": "2024-09-27",
        "applicant_kind": "person",
        "applicant_name": "页面申请人",
        "applicant_id_number": ID_NUMBER,
        "respondent": demo.units["donghu_enf1"].pk,
        "act_kind": "penalty",
        "act_date": "2024-09-01",
        "act_known_date": "2024-09-05",
        "rights_notified": "on",
        "request": "请求撤销罚款决定",
        "act_amount": "5000",
    }
    data.update(overrides)
    return post_form(client, "/reconsideration/cases/new/", data)


def step(client, case, action, data):
    url = f"/reconsideration/cases/{case.pk}/step/?action={action}"
    response = post_form(client, url, {"action": action, **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Case.objects.get(pk=case.pk)


def test_a_case_from_registration_to_service_through_the_forms(demo, client_as):
    officer = client_as(demo.users["donghu_officer"])
    response = register_through_the_form(officer, demo)
    assert response.status_code == 302
    case = Case.objects.get(parties__name="页面申请人")
    assert case.acceptance_due.isoformat() == "2024-10-10"
    case = step(
        officer,
        case,
        "request_supplement",
        {"notice_date": "2024-09-29", "items": "补充处罚决定书"},
    )
    case = step(officer, case, "receive_supplement", {"date": "2024-10-09"})
    conditions = {
        f"condition_{key}": "on"
        for key in (
            "proper_parties",
            "interest",
            "specific_request",
            "in_time",
            "in_scope",
            "jurisdiction",
            "not_duplicate",
        )
    }
    case = step(
        officer, case, "accept", {"date": "2024-10-10", "procedure": "ordinary", **conditions}
    )
    case = step(officer, case, "send_copy", {"date": "2024-10-11", "method": "direct"})
    case = step(officer, case, "record_reply", {"date": "2024-10-18", "summary": "答复及证据"})
    case = step(officer, case, "hear_views", {"date": "2024-10-25", "summary": "当面听取意见"})
    leader = client_as(demo.users["donghu_leader"])
    case = step(
        leader, case, "extend", {"date": "2024-11-20", "days": "30", "reason": "需要调查取证"}
    )
    case = step(
        leader,
        case,
        "decide",
        {
            "date": "2024-12-20",
            "outcome": "revoked",
            "ground": "64.1",
            "facts": "被申请人未调查核实申请人的经营情况",
            "reasons": "主要事实不清",
            "approval": "delegated",
            "collective_note": "东湖区人民政府委托",
            "property_return": "on",  # 第七十二条第二款: the fine revoked
        },
    )
    # 呈批: the 负责人 approves the 决定书 on its page, the officer numbers and issues it
    decision = case.documents.get(kind="decision")
    url = f"/reconsideration/documents/{decision.pk}/"
    assert "经审理查明：被申请人未调查核实" in "".join(
        p.text for p in Docx(decision.file.path).paragraphs
    )
    assert post_form(leader, url, {"op": "approve"}).status_code == 302
    assert post_form(officer, url, {"op": "issue", "date": "2024-12-21"}).status_code == 302
    case = step(officer, case, "serve", {"date": "2024-12-23", "method": "direct"})
    assert (case.state, case.outcome, case.closed_on_time) == (State.CLOSED, "revoked", True)
    decision = case.documents.get(kind="decision")
    assert decision.number == "东湖复决字〔2024〕第1号"
    download = officer.get(f"/reconsideration/documents/{decision.pk}/file/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"  # a .docx is a zip
    page = officer.get(f"/reconsideration/cases/{case.pk}/").content.decode()
    for label in ("补正通知", "受理", "延期", "作出行政复议决定", "送达", decision.number):
        assert label in page


def test_bad_input_is_shown_in_the_form_and_nothing_is_written(demo, client_as):
    officer = client_as(demo.users["donghu_officer"])
    future = (timezone.localdate().replace(year=timezone.localdate().year + 1)).isoformat()
    page = register_through_the_form(
        officer, demo, received_date=future, applicant_name="未来申请人"
    ).content.decode()
    assert "不能晚于今天" in page
    page = register_through_the_form(
        officer, demo, applicant_id_number="110105194912310021", applicant_name="错号申请人"
    ).content.decode()
    assert "身份证号码“110105194912310021”无效" in page
    assert not Case.objects.filter(parties__name__in=["未来申请人", "错号申请人"]).exists()


def test_a_step_out_of_order_shows_a_chinese_message(demo, client_as):
    officer = client_as(demo.users["donghu_officer"])
    register_through_the_form(officer, demo)
    case = Case.objects.get(parties__name="页面申请人")
    url = f"/reconsideration/cases/{case.pk}/step/?action=serve"
    page = post_form(
        officer, url, {"action": "serve", "date": "2024-10-01", "method": "direct"}
    ).content.decode()
    assert "不能办理“送达”" in page


def test_the_handler_filter(demo, client_as):
    reviewer = demo.users["donghu_reviewer"]
    page = client_as(reviewer).get(
        f"/reconsideration/cases/?handler={demo.users['donghu_officer'].pk}"
    )
    listed = len(re.findall(r'href="/reconsideration/cases/\d+/"', page.content.decode()))
    assert listed == min(20, Case.objects.filter(handler=demo.users["donghu_officer"]).count())
    assert ">张敏</option>" in page.content.decode()
    empty = (
        client_as(reviewer).get(f"/reconsideration/cases/?handler={reviewer.pk}").content.decode()
    )
    assert "没有符合条件的案件" in empty


def test_list_filters_and_ledger(demo, client_as):
    officer = client_as(demo.users["donghu_officer"])
    everything = officer.get("/reconsideration/cases/").content.decode()
    assert "东湖复收字" in everything and "西山" not in everything
    overdue = officer.get("/reconsideration/cases/?overdue=1").content.decode()
    assert "已逾期" in overdue
    upheld = Case.objects.restrict(demo.users["donghu_officer"]).filter(outcome="upheld")
    page = officer.get("/reconsideration/cases/?outcome=upheld").content.decode()
    assert len(re.findall(r'href="/reconsideration/cases/\d+/"', page)) == upheld.count()
    export = officer.get("/reconsideration/cases/?outcome=upheld&export=xlsx")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "收案编号" and len(rows) == upheld.count() + 1


@pytest.mark.parametrize(
    ("username", "masked"), [("donghu_officer", False), ("donghu_inspector", True)]
)
def test_id_numbers_are_masked_for_roles_that_need_not_see_them(demo, client_as, username, masked):
    register_through_the_form(client_as(demo.users["donghu_officer"]), demo)
    case = Case.objects.get(parties__name="页面申请人")
    page = (
        client_as(demo.users[username]).get(f"/reconsideration/cases/{case.pk}/").content.decode()
    )
    assert (ID_NUMBER in page) is not masked
    assert ("110105********002X" in page) is masked


@pytest.mark.parametrize(
    ("username", "shown"),
    [("donghu_officer", ID_NUMBER), ("donghu_inspector", "110105********002X")],
)
def test_the_api_shows_id_numbers_as_the_page_does_and_is_scoped(demo, client_as, username, shown):
    """One rule (VIEW_PERSONAL_DATA) for the page and the API."""
    register_through_the_form(client_as(demo.users["donghu_officer"]), demo)
    data = client_as(demo.users[username]).get("/api/reconsideration/cases/?q=页面申请人").json()
    assert data["count"] == 1
    assert data["results"][0]["parties"][0]["id_number"] == shown
    other = (
        client_as(demo.users["xishan_officer"])
        .get("/api/reconsideration/cases/?q=页面申请人")
        .json()
    )
    assert other["count"] == 0


def test_the_workflow_table_page_lists_every_step(demo, client_as):
    page = (
        client_as(demo.users["donghu_officer"]).get("/reconsideration/workflow/").content.decode()
    )
    for text in ("补正通知", "视为受理", "第六十二条第一款", "延期", "第八十八条"):
        assert text in page


@pytest.mark.browser
def test_a_case_in_the_browser_from_registration_to_service_and_its_decision(
    live_demo, page, tmp_path
):
    world, base_url = live_demo
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", "donghu_officer")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base_url}/reconsideration/cases/new/")
    page.select_option("#id_channel", "in_person")
    page.fill("#id_received_date", "2024-09-27")
    page.fill("#id_applicant_name", "浏览器申请人")
    page.select_option("#id_respondent", label="东湖区交通运输局")
    page.fill("#id_act_date", "2024-09-01")
    page.fill("#id_act_known_date", "2024-09-05")
    page.fill("#id_request", "请求撤销罚款决定")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("text=已登记")
    assert "审查期满日为2024年10月10日" in page.locator(".alert").first.inner_text()

    def take(label, fill):
        page.get_by_role("link", name=label, exact=True).click()
        fill()
        page.locator("form.form button[type=submit]").click()
        page.wait_for_selector(f"text=已办理：{label}")

    take(
        "补正通知",
        lambda: (
            page.fill("#id_notice_date", "2024-09-29"),
            page.fill("#id_items", "补充处罚决定书"),
        ),
    )
    take("收到补正材料", lambda: page.fill("#id_date", "2024-10-09"))

    def accept():
        page.fill("#id_date", "2024-10-10")
        for box in page.locator("input[name^=condition_]").all():
            box.check()

    take("受理", accept)
    take("发送申请书副本", lambda: page.fill("#id_date", "2024-10-11"))
    take("收到答复和证据", lambda: page.fill("#id_date", "2024-10-18"))
    take(
        "听取意见",
        lambda: (page.fill("#id_date", "2024-10-25"), page.fill("#id_summary", "当面听取")),
    )
    page.click("text=退出")
    page.fill("#id_username", "donghu_leader")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    case = Case.objects.get(parties__name="浏览器申请人")
    page.goto(f"{base_url}/reconsideration/cases/{case.pk}/")
    take(
        "延期",
        lambda: (
            page.fill("#id_date", "2024-11-20"),
            page.fill("#id_days", "30"),
            page.fill("#id_reason", "需要调查"),
        ),
    )

    def decide():
        page.fill("#id_date", "2024-12-20")
        page.select_option("#id_outcome", "revoked")
        page.select_option("#id_ground", "64.1")
        page.fill("#id_facts", "被申请人未调查核实申请人的经营情况")
        page.fill("#id_reasons", "主要事实不清、证据不足")
        page.fill("#id_approver_name", "东湖区人民政府副区长 王某")  # 第六十一条第一款
        page.check("#id_property_return")  # 第七十二条第二款: the fine revoked

    take("作出行政复议决定", decide)
    # 呈批: the 负责人 approves the 决定书 on its page (第六十一条)
    page.get_by_role("link", name="行政复议决定书").click()
    page.get_by_role("button", name="同意（负责人）").click()
    page.wait_for_selector("text=已审批")
    page.click("text=退出")
    page.fill("#id_username", "donghu_officer")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    decision = case.documents.get(kind="decision")
    page.goto(f"{base_url}/reconsideration/documents/{decision.pk}/")
    page.fill("#id_date", "2024-12-21")
    page.get_by_role("button", name="编号并签发").click()
    page.wait_for_selector("text=已签发并编号")
    page.goto(f"{base_url}/reconsideration/cases/{case.pk}/")
    take("送达", lambda: page.fill("#id_date", "2024-12-23"))
    assert "已送达·生效" in page.locator("h1").inner_text()
    page.screenshot(path=str(tmp_path / "case.png"), full_page=True)
    with page.expect_download() as download:
        page.goto(f"{base_url}/reconsideration/documents/{decision.pk}/")
        page.get_by_role("link", name="下载（.docx）").click()
    saved = tmp_path / "decision.docx"
    download.value.save_as(saved)
    from docx import Document

    text = "\n".join(p.text for p in Document(saved).paragraphs)
    assert "浏览器申请人" in text and "撤销" in text and "复决字〔2024〕" in text


def test_a_missing_reply_is_flagged_under_article_70(accepted, officer, client_as):
    case = services.send_copy(
        actor=officer, case=accepted(accepted_on=D(2024, 7, 1)), date=D(2024, 7, 2)
    )
    page = client_as(officer).get(f"/reconsideration/cases/{case.pk}/").content.decode()
    assert "第七十条" in page
    # A reply after the ten working days (due 2024-07-16) is not one under 第四十八条 either.
    late = services.record_reply(actor=officer, case=case, date=D(2024, 7, 20))
    assert (
        "第七十条" in client_as(officer).get(f"/reconsideration/cases/{late.pk}/").content.decode()
    )
    in_time = services.send_copy(
        actor=officer, case=accepted(accepted_on=D(2024, 7, 1)), date=D(2024, 7, 2)
    )
    in_time = services.record_reply(actor=officer, case=in_time, date=D(2024, 7, 16))
    assert (
        "第七十条"
        not in client_as(officer).get(f"/reconsideration/cases/{in_time.pk}/").content.decode()
    )
