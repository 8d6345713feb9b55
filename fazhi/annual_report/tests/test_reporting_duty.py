"""Issue 13 item 12: the template's hints never reach a published report; the overview says
how many months a unit is behind; the 依法治办 inspector's 催报 lands on the unit's due list."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from fazhi.annual_report import deadlines, document, services, structure
from fazhi.annual_report.overview import months_behind

OLD_DRAFT = (
    "（一）研究部署法治建设工作（会议次数、议题）\n全年召开常务会议专题研究法治政府建设4次。\n"
    "（二）带头尊法学法守法用法（学法、述法）\n主要负责人带头述法。"
)


def test_the_hints_are_beside_the_field_never_in_the_report(demo, client_as, donghu_2025):
    parts = {part.key: part for part in donghu_2025.parts.all()}
    assert "会议次数" not in parts["first_responsible_person"].narrative
    assert "（一）研究部署法治建设工作" in parts["first_responsible_person"].narrative
    officer = demo.users["donghu_officer"]
    client = client_as(officer)
    form = client.get(reverse("annual_report:report_edit", kwargs={"pk": donghu_2025.pk}))
    assert "研究部署法治建设工作：会议次数、议题" in form.content.decode()

    # A draft begun when the hints stood in the text: every output drops them.
    services.edit_report(
        actor=officer,
        report=donghu_2025,
        title=donghu_2025.title,
        narratives={"first_responsible_person": OLD_DRAFT},
    )
    lines = document.report_lines(donghu_2025, donghu_2025.parts.all())
    texts = [text for _, text in lines]
    assert "（一）研究部署法治建设工作" in texts and "（二）带头尊法学法守法用法" in texts
    assert not [text for text in texts if "会议次数" in text or "学法、述法" in text]
    page = client.get(reverse("annual_report:report_detail", kwargs={"pk": donghu_2025.pk}))
    assert "（会议次数、议题）" not in page.content.decode()
    assert structure.without_hints("存在的不足（一是…二是…）") == "存在的不足"


def test_months_behind():
    due = datetime.date(2026, 3, 1)
    assert months_behind(due, datetime.date(2026, 3, 1)) == 0
    assert months_behind(due, datetime.date(2026, 3, 31)) == 0
    assert months_behind(due, datetime.date(2026, 4, 1)) == 1
    assert months_behind(due, datetime.date(2026, 12, 1)) == 9


def test_the_overview_flags_a_unit_months_behind(demo, client_as):
    client = client_as(demo.users["city_inspector"])
    html = client.get(reverse("annual_report:report_overview") + "?year=2025").content.decode()
    row = re.search(r"<td>东湖区</td>(.*?)</tr>", html, re.S).group(1)
    behind = months_behind(deadlines.report_due(demo.units["donghu"], 2025), timezone.localdate())
    assert behind >= 1
    assert f"已逾期{behind}个月" in row


def _token(html: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', html).group(1)


def test_the_inspector_urges_a_late_area_onto_its_due_list(demo, client_as):
    from fazhi.annual_report.models import UrgeNotice
    from fazhi.core.deadlines import due_list
    from fazhi.core.models import DomainEvent

    inspector = client_as(demo.users["city_inspector"])
    url = reverse("annual_report:report_overview") + "?year=2025"
    html = inspector.get(url).content.decode()
    assert "催报</button>" in html
    donghu = demo.units["donghu"]
    response = inspector.post(
        reverse("annual_report:report_urge"),
        {"form_token": _token(html), "unit": donghu.pk, "year": 2025},
        follow=True,
    )
    page = response.content.decode()
    assert "已向东湖区催报2025年度报告" in page
    row = re.search(r"<td>东湖区</td>(.*?)</tr>", page, re.S).group(1)
    assert "已催报1次" in row
    notice = UrgeNotice.objects.get(unit=donghu, year=2025)
    event = DomainEvent.objects.get(action="annual_report.urge")
    assert event.actor == demo.users["city_inspector"] and "催报东湖区2025年度" in event.summary

    # on the due list of the district's drafter, not of the neighbour's
    officer = demo.users["donghu_officer"]
    items = [i for i in due_list(officer, timezone.localdate()).items if i.title.startswith("催报")]
    assert len(items) == 1 and "2025年度" in items[0].title
    assert not [
        i
        for i in due_list(demo.users["xishan_officer"], timezone.localdate()).items
        if i.title.startswith("催报")
    ]
    assert "催报：2025年度" in client_as(officer).get("/").content.decode()
    assert notice.urged_by == demo.users["city_inspector"]


def test_only_an_inspector_urges_and_not_a_submitted_area(demo, client_as):
    import pytest
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        services.urge_report(
            actor=demo.users["donghu_officer"], unit=demo.units["donghu"], year=2025
        )
    officer_page = client_as(demo.users["city_leader"]).get(
        reverse("annual_report:report_overview") + "?year=2025"
    )
    assert "催报</button>" not in officer_page.content.decode()
    # 南桥县 has published its 2025 report (the demo): nothing to urge
    with pytest.raises(ValidationError, match="均已报送"):
        services.urge_report(
            actor=demo.users["city_inspector"], unit=demo.units["nanqiao"], year=2025
        )
