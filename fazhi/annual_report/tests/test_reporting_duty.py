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
