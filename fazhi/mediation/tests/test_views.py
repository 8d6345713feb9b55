"""The 人民调解 pages, exports and API on the demo data: the intake form, the data rules
(non-public summaries off lists and exports, masked ID numbers, the county bureau's views
recorded with their reason, figures only for the 依法治办), the monthly report check, the
due list and the indicators."""

import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core import dataversion
from fazhi.core.deadlines import due_list
from fazhi.core.models import DomainEvent
from fazhi.indicators.engine import Period, compute, records
from fazhi.mediation import selectors, services, views
from fazhi.mediation.models import Committee, Dispute, Mediator

pytestmark = pytest.mark.django_db


def _token(response):
    return re.search(r'name="form_token" value="([0-9a-f]+)"', response.content.decode()).group(1)


def _cells(response):
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]


def test_a_mediator_takes_in_a_police_transfer(demo, client_as):
    client = client_as(demo.users["donghu_mediator"])
    village = Committee.objects.get(unit=demo.units["donghu_town0"], kind="village")
    mediator = village.seats.get(post="director").mediator
    form = client.get(reverse("mediation:dispute_create"))
    assert form.status_code == 200
    posted = {
        "form_token": _token(form),
        "committee": village.pk,
        "source": "police",
        "kind": "neighbour",
        "applicant": "晏某",
        "summary": "两户因宅基地边界争执，派出所移交调解。",
        "received_date": timezone.localdate().isoformat(),
        "mediator": mediator.pk,
    }
    refused = client.post(reverse("mediation:dispute_create"), posted)
    assert "请填写来源单位及文号" in refused.content.decode()
    posted |= {"form_token": _token(refused), "source_reference": "湖滨派出所移字〔2026〕99号"}
    response = client.post(reverse("mediation:dispute_create"), posted)
    dispute = Dispute.objects.get(source_reference="湖滨派出所移字〔2026〕99号")
    assert response.status_code == 302 and response["Location"] == dispute.get_absolute_url()
    assert re.fullmatch(r"（2026）湖滨街道东湖社区人调字第\d+号", dispute.number)
    page = client.get(dispute.get_absolute_url()).content.decode()
    assert "公安机关移交（警调对接）" in page and "登记调解协议" in page


def test_non_public_summaries_stay_off_the_list_and_the_export(demo, client_as):
    client = client_as(demo.users["donghu_mediator"])
    hidden = Dispute.objects.filter(unit=demo.units["donghu_town0"], non_public=True).first()
    cells = _cells(client.get(reverse("mediation:dispute_list") + "?export=xlsx"))
    assert hidden.number in cells and "（当事人要求不公开，摘要不显示）" in cells
    assert hidden.summary not in cells
    searched = client.get(reverse("mediation:dispute_list") + "?q=" + hidden.summary[:6])
    assert hidden.number not in searched.content.decode()
    api = client.get(f"/api/mediation/disputes/{hidden.pk}/").json()
    assert api["summary"] == "" and api["non_public"] is True


def test_id_numbers_are_masked_by_default(demo, client_as):
    from django.contrib.auth import get_user_model

    from fazhi.core import services as core_services

    dispute = Dispute.objects.filter(unit=demo.units["donghu_town0"], status="mediating").first()
    services.add_party(
        actor=demo.users["donghu_mediator"],
        dispute=dispute,
        role="other",
        name="詹某",
        id_number="11010519491231002X",
    )
    full = client_as(demo.users["donghu_mediator"]).get(dispute.get_absolute_url())
    assert "11010519491231002X" in full.content.decode()
    # A 司法所 member without 查看完整个人信息 (an 督察员) sees the number masked.
    watcher = get_user_model().objects.create(username="town_watcher")
    core_services.grant_membership(
        actor=demo.admin, user=watcher, unit=demo.units["donghu_town0"], role="inspector"
    )
    masked = client_as(watcher).get(dispute.get_absolute_url()).content.decode()
    assert "110105********002X" in masked and "11010519491231002X" not in masked
    api = client_as(watcher).get(f"/api/mediation/disputes/{dispute.pk}/").json()
    assert "110105********002X" in [p["id_number"] for p in api["parties"]]
    mediator = Mediator.objects.filter(unit=demo.units["donghu_town0"]).first()
    mediator.id_number = "11010519491231002X"
    mediator.save()
    client = client_as(demo.users["donghu_mediator"])
    cells = _cells(client.get(reverse("mediation:mediator_list") + "?export=xlsx"))
    assert "110105********002X" in cells and "11010519491231002X" not in cells


def test_the_county_bureau_reads_a_case_with_its_reason_recorded(demo, client_as):
    leader = demo.users["donghu_leader"]
    dispute = Dispute.objects.filter(unit=demo.units["donghu_town0"]).first()
    client = client_as(leader)
    asked = client.get(dispute.get_absolute_url()).content.decode()
    assert "查阅事由" in asked and dispute.summary not in asked
    assert not DomainEvent.objects.filter(action="mediation.view").exists()
    shown = client.get(dispute.get_absolute_url() + "?reason=督办信访件").content.decode()
    assert dispute.summary in shown
    event = DomainEvent.objects.get(action="mediation.view")
    assert (event.actor, event.reason, event.target_id) == (leader, "督办信访件", str(dispute.pk))
    assert client.get(f"/api/mediation/disputes/{dispute.pk}/").status_code == 403
    assert client.get(f"/api/mediation/disputes/{dispute.pk}/?reason=抽查").status_code == 200
    assert DomainEvent.objects.filter(action="mediation.view").count() == 2


def test_the_rule_of_law_office_sees_figures_only(demo, client_as):
    client = client_as(demo.users["donghu_inspector"])
    dispute = Dispute.objects.filter(unit=demo.units["donghu_town0"]).first()
    assert client.get(dispute.get_absolute_url()).status_code == 403
    listing = client.get(reverse("mediation:dispute_list")).content.decode()
    assert "仅可查看统计数据" in listing and dispute.number not in listing
    assert client.get("/api/mediation/disputes/").status_code == 403


def test_committees_that_have_not_reported_this_month(demo, client_as):
    leader = demo.users["donghu_leader"]
    page = client_as(leader).get(reverse("mediation:screening_list")).content.decode()
    names = {
        c.kind: c.name
        for c in Committee.objects.filter(unit__path__startswith=demo.units["donghu"].path)
    }
    missing = page.split("未上报的调解组织")[1].split("</section>")[0]
    assert names["township"] in missing and names["specialized"] in missing
    assert names["village"] not in missing  # it screened this month
    assert dataversion.current() is not None  # the check is kept per change of the records
    with CaptureQueriesContext(connection) as again:
        assert client_as(leader).get(reverse("mediation:screening_list")).status_code == 200
    assert not [q for q in again.captured_queries if "mediation_nilreport" in q["sql"]]
    township = Committee.objects.get(name=names["township"])
    services.file_nil_report(actor=demo.admin, committee=township, month=timezone.localdate())
    page = client_as(leader).get(reverse("mediation:screening_list")).content.decode()
    assert names["township"] not in page.split("未上报的调解组织")[1].split("最近的零上报")[0]


def test_the_screening_page_names_the_first_unreported_and_all_on_demand(
    demo, client_as, monkeypatch
):
    monkeypatch.setattr(views, "UNREPORTED_SHOWN", 1)
    leader = demo.users["donghu_leader"]
    url = reverse("mediation:screening_list")
    unreported = selectors.not_reported(leader, timezone.localdate())
    count = unreported.count()
    assert count >= 2
    first, second = (c.name for c in unreported[:2])

    def missing(page):  # the unreported committees, not the recent nil reports below them
        return page.split("未上报的调解组织")[1].split("</section>")[0].split("最近的零上报")[0]

    page = missing(client_as(leader).get(url).content.decode())
    assert f"共{count}个，下列前1个" in page and "?unreported=all" in page
    assert first in page and second not in page
    page = missing(client_as(leader).get(url, {"unreported": "all"}).content.decode())
    assert first in page and second in page and "下列前" not in page


def test_the_case_list_counts_a_province_without_an_exact_count(demo, client_as, monkeypatch):
    """Beyond EXACT_COUNT_UP_TO rows the pager's count is PostgreSQL's estimate ("约N"),
    computed without COUNT(*) over the list; SQLite (and short lists) count exactly."""
    from django.db import connection

    admin = demo.admin
    total = Dispute.objects.count()
    queryset = selectors.with_estimated_count(selectors.disputes(admin))
    assert queryset.count() == total and not isinstance(queryset.count(), selectors.Approximate)
    monkeypatch.setattr(selectors, "EXACT_COUNT_UP_TO", 3)
    counted = selectors.with_estimated_count(selectors.disputes(admin)).count()
    dataversion.bump()  # no table or count cached by an earlier test
    page = client_as(admin).get(reverse("mediation:dispute_list")).content.decode()
    if connection.vendor == "postgresql":
        # the planner's estimate (which an autovacuum's ANALYZE may move between two reads)
        assert isinstance(counted, selectors.Approximate) and counted >= 4
        assert re.search(r"共 约\d+ 条", page)
    else:
        assert counted == total and f"共 {total} 条" in page
    # the page's rows are not affected: the list's clones count plainly
    assert selectors.with_estimated_count(selectors.disputes(admin)).filter(pk__in=[]).count() == 0


def test_a_nil_report_is_refused_when_disputes_were_found(demo):
    village = Committee.objects.get(unit=demo.units["donghu_town0"], kind="village")
    with pytest.raises(Exception, match="已有排查发现或受理的纠纷，不能零上报"):
        services.file_nil_report(
            actor=demo.users["donghu_mediator"], committee=village, month=timezone.localdate()
        )
    next_month = (timezone.localdate().replace(day=28) + datetime.timedelta(days=5)).replace(day=1)
    with pytest.raises(Exception, match="不能为以后的月份零上报"):
        services.file_nil_report(
            actor=demo.users["donghu_mediator"], committee=village, month=next_month
        )


def test_a_finding_opens_a_case(demo, client_as):
    client = client_as(demo.users["donghu_mediator"])
    village = Committee.objects.get(unit=demo.units["donghu_town0"], kind="village")
    finding = village.screenings.filter(findings__outcome="").first().findings.get(outcome="")
    form = client.get(reverse("mediation:dispute_create") + f"?finding={finding.pk}")
    assert finding.description in form.content.decode()
    services.register_dispute(
        actor=demo.users["donghu_mediator"],
        committee=village,
        source="initiative",
        kind="property",
        summary=finding.description,
        received_date=timezone.localdate(),
        mediator=village.seats.get(post="director").mediator,
        applicant="业主某",
        finding=finding,
    )
    finding.refresh_from_db()
    assert finding.outcome == "case" and finding.dispute is not None


def test_the_due_list_has_the_mediation_clocks(demo):
    items = due_list(demo.users["donghu_mediator"], timezone.localdate(), horizon_days=30).items
    titles = " ".join(item.title for item in items)
    assert "申请司法确认期限" in titles and "法院作出是否确认的决定" in titles
    assert "调解期限届满" in titles


def test_the_two_success_rates_are_different_figures(demo):
    today = timezone.localdate()
    period = Period(today - datetime.timedelta(days=365), today)
    ids = [
        "mediation.disputes_mediated",
        "mediation.disputes_resolved",
        "mediation.success_rate",
        "mediation.court_linked_cases",
        "mediation.court_linked_resolved",
        "mediation.court_linked_success_rate",
        "mediation.police_linked_cases",
        "mediation.judicial_confirmations",
        "mediation.criminal_escalations_prevented",
    ]
    values = compute(ids, user=demo.admin, unit=demo.units["donghu"], period=period)
    assert values["mediation.disputes_mediated"] == 10
    assert values["mediation.disputes_resolved"] == 6
    assert values["mediation.success_rate"] == 60
    assert (values["mediation.court_linked_cases"], values["mediation.court_linked_resolved"]) == (
        2,
        1,
    )
    assert values["mediation.court_linked_success_rate"] == 50
    assert values["mediation.police_linked_cases"] == 2
    assert values["mediation.judicial_confirmations"] == 2
    assert values["mediation.criminal_escalations_prevented"] == 1
    resolved = records(
        "mediation.disputes_resolved", user=demo.admin, unit=demo.units["donghu"], period=period
    )
    assert all(d.status in ("agreed", "closed") for d in resolved) and resolved.count() == 6


def test_the_agreement_form_takes_a_photo(demo, client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(demo.users["donghu_mediator"])
    dispute = Dispute.objects.filter(unit=demo.units["donghu_town0"], status="mediating").first()
    url = reverse("mediation:dispute_agreement", kwargs={"pk": dispute.pk})
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
        b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    response = client.post(
        url,
        {
            "form_token": _token(client.get(url)),
            "form": "written",
            "content": "一方赔偿对方800元。",
            "effective_date": timezone.localdate().isoformat(),
            "parties_signed": "on",
            "mediator_signed": "on",
            "sealed": "on",
            "photo": SimpleUploadedFile("协议书.png", png, content_type="image/png"),
        },
    )
    assert response.status_code == 302
    page = client.get(dispute.get_absolute_url()).content.decode()
    assert "协议书.png" in page and "书面调解协议书" in page
