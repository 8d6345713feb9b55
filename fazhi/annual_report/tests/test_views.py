"""The pages: list and drafting, the report with linked figures, editing, checks and steps,
the publication page, the API, and the superior's overview with its export."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.annual_report.models import AnnualReport, State

from .conftest import PROSE, expected_2025

pytestmark = pytest.mark.django_db


def _token(html: str, inside: str = "") -> str:
    """The form token of the page's first form, or of its first form containing `inside`
    (a token is good for its own form only)."""
    form = next(f for f in html.split("<form")[1:] if inside in f) if inside else html
    return re.search(r'name="form_token" value="([0-9a-f]+)"', form).group(1)


def test_drafting_from_the_list_and_following_a_figure_to_its_records(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    page = client.get(reverse("annual_report:report_list")).content.decode()
    assert "为东湖区司法局起草" in page
    response = client.post(
        reverse("annual_report:report_create"), {"form_token": _token(page), "year": "2025"}
    )
    report = AnnualReport.objects.get(unit=demo.units["donghu_justice"], year=2025)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()

    detail = client.get(report.get_absolute_url()).content.decode()
    assert "⚠ 尚未填写" in detail  # the prose parts are still empty
    link = re.search(
        r'<a class="figure" href="([^"]+)" title="收到行政复议申请（reconsideration.received）">(\d+)</a>',
        detail.replace("&amp;", "&"),
    )
    assert link and int(link.group(2)) == expected_2025("donghu")["received"]
    records = client.get(link.group(1))
    assert records.status_code == 200
    assert records.context["page"].paginator.count == int(link.group(2))

    again = client.post(
        reverse("annual_report:report_create"),
        {
            "form_token": _token(client.get(reverse("annual_report:report_list")).content.decode()),
            "year": "2025",
        },
        follow=True,
    )
    assert "东湖区司法局2025年度的报告已经存在" in again.content.decode()


def test_editing_and_the_steps_through_the_pages(demo, client_as, written):
    officer = client_as(demo.users["donghu_officer"])
    edit_url = reverse("annual_report:report_edit", kwargs={"pk": written.pk})
    form = officer.get(edit_url).content.decode()
    data = {"form_token": _token(form), "title": written.title}
    data.update({f"part_{key}": text for key, text in PROSE.items()})
    data["part_measures_and_results"] = "全年共收到行政复议申请99件。"
    assert officer.post(edit_url, data).status_code == 302
    detail = officer.get(written.get_absolute_url()).content.decode()
    assert "写为99" in detail and "1个问题未处理" in detail

    step_url = reverse("annual_report:report_step", kwargs={"pk": written.pk})
    officer.post(
        step_url,
        {"form_token": _token(detail, 'value="submit_for_review"'), "action": "submit_for_review"},
    )
    reviewer = client_as(demo.users["donghu_reviewer"])
    page = reviewer.get(written.get_absolute_url()).content.decode()
    approve = {"form_token": _token(page, 'value="approve_review"'), "action": "approve_review"}
    refused = reviewer.post(step_url, approve, follow=True).content.decode()
    assert "须修改或说明理由后才能审核通过" in refused
    written.refresh_from_db()
    assert written.state == State.IN_REVIEW

    problem = re.search(r'name="problem" value="([^"]+)"', refused).group(1)
    reviewer.post(
        reverse("annual_report:report_override", kwargs={"pk": written.pk}),
        {
            "form_token": _token(refused, 'name="problem"'),
            "problem": problem,
            "reason": "数据口径含补录案件",
        },
    )
    page = reviewer.get(written.get_absolute_url()).content.decode()
    assert "已说明理由：数据口径含补录案件" in page
    approve = {"form_token": _token(page, 'value="approve_review"'), "action": "approve_review"}
    reviewer.post(step_url, approve)
    written.refresh_from_db()
    assert written.state == State.AWAITING_SIGNATURE


def test_an_unknown_step_is_404(demo, client_as, written):
    client = client_as(demo.users["donghu_officer"])
    page = client.get(written.get_absolute_url()).content.decode()
    url = reverse("annual_report:report_step", kwargs={"pk": written.pk})
    assert client.post(url, {"form_token": _token(page), "action": "delete"}).status_code == 404


def test_the_publication_page_and_the_api(demo, client_as, written):
    client = client_as(demo.users["donghu_officer"])
    html = client.get(reverse("annual_report:report_publication", kwargs={"pk": written.pk}))
    text = html.content.decode()
    assert f"<h1>{written.title}</h1>" in text and "<svg" in text
    assert "<h2>一、2025年推进法治政府建设的主要举措和成效</h2>" in text
    data = client.get(reverse("api:annual_report", kwargs={"pk": written.pk})).json()
    assert data["title"] == written.title and data["state"] == "drafting"
    measures = next(p for p in data["parts"] if p["key"] == "measures_and_results")
    assert measures["figures"]["reconsideration.received"] == str(
        expected_2025("donghu")["received"]
    )


def test_the_docx_download(demo, client_as, written):
    response = client_as(demo.users["donghu_officer"]).get(
        reverse("annual_report:report_docx", kwargs={"pk": written.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert "filename*=UTF-8''" in response["Content-Disposition"]


def test_the_superior_sees_every_district(demo, client_as):
    client = client_as(demo.users["city_inspector"])
    page = client.get(reverse("annual_report:report_overview") + "?year=2025")
    html = page.content.decode()
    assert page.status_code == 200
    rows = {
        name: re.search(rf"<td>{name}</td>(.*?)</tr>", html, re.S).group(1)
        for name in ("东湖区", "西山区", "南桥县")
    }
    assert "未起草" in rows["东湖区"]
    assert "已报送" in rows["西山区"] and "逾期未公开" in rows["西山区"]
    assert "已公开" in rows["南桥县"] and "逾期" not in rows["南桥县"]
    assert str(expected_2025("xishan")["received"]) in rows["西山区"]

    export = client.get(reverse("annual_report:report_overview") + "?year=2025&export=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("地区", "报告", "状态")
    by_area = {row[0]: row for row in values[1:]}
    assert by_area["东湖区"][1] == "未起草" and by_area["南桥县"][2] == "已公开"

    bad_year = client.get(reverse("annual_report:report_overview") + "?year=abc")
    assert bad_year.status_code == 200 and "筛选条件“年度”的值无效" in bad_year.content.decode()


def test_a_published_report_is_public_and_a_submitted_one_is_not(demo, client_as):
    client = client_as(demo.users["donghu_officer"])
    published = AnnualReport.objects.get(unit=demo.units["nanqiao_justice"], year=2025)
    submitted = AnnualReport.objects.get(unit=demo.units["xishan_justice"], year=2025)
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(submitted.get_absolute_url()).status_code == 404
    page = client.get(published.get_absolute_url()).content.decode()
    assert "更正" not in page  # a public report is not the reader's to correct


def test_narrative_lists_and_headings_render_on_the_pages(demo, client_as, written):
    from fazhi.annual_report import services

    services.edit_report(
        actor=demo.users["donghu_officer"],
        report=written,
        title=written.title,
        narratives={
            "problems": "（一）存在的不足\n- 执法培训针对性不强\n- 专业人员配备不足\n原因是编制紧张。"
        },
    )
    client = client_as(demo.users["donghu_officer"])
    for url in (
        written.get_absolute_url(),
        reverse("annual_report:report_publication", kwargs={"pk": written.pk}),
    ):
        html = client.get(url).content.decode()
        assert re.search(r'<h([35]) class="section">（一）存在的不足</h\1>', html)
        assert "<ul><li>执法培训针对性不强</li><li>专业人员配备不足</li></ul>" in html
        assert "<p>原因是编制紧张。</p>" in html


def _names(user):
    return {user.username, user.get_full_name()} - {""}


def test_a_public_report_shows_others_its_published_text_and_figures_only(demo, client_as):
    """Issue 14, item 8: beyond its tree a published report shows no workflow log (who
    drafted, reviewed, signed; their comments), and its figure links open the figures the
    publishing unit published, not the viewer's own district's records."""
    published = AnnualReport.objects.get(unit=demo.units["nanqiao_justice"], year=2025)
    insiders = [demo.users[f"nanqiao_{role}"] for role in ("officer", "reviewer", "leader")]
    outsider = client_as(demo.users["donghu_officer"]).get(published.get_absolute_url())
    page = outsider.content.decode()
    assert outsider.status_code == 200 and published.title in page
    assert "办理记录" not in page and "签发人" not in page and "数据计算时间" not in page
    assert not any(name in page for user in insiders for name in _names(user))
    figures = reverse("annual_report:report_figures", args=[published.pk])
    links = re.findall(r'<a class="figure" href="([^"]+)"', page)
    assert links and all(link.startswith(figures + "#figure-") for link in links), links
    assert reverse("indicators:records") not in page

    table = client_as(demo.users["donghu_officer"]).get(figures).content.decode()
    measures = published.parts.get(key="measures_and_results").generated
    shown = [s for paragraph in measures for s in paragraph if "indicator" in s]
    for segment in shown:
        anchor = "figure-" + segment["indicator"].replace(".", "-")
        assert f'id="{anchor}"' in table and f'<td class="number">{segment["value"]}</td>' in table
        assert f"#{anchor}" in " ".join(links)

    # Within its tree the same report keeps its log and its links to the records.
    inside = client_as(demo.users["nanqiao_officer"]).get(published.get_absolute_url())
    inside_page = inside.content.decode()
    assert "办理记录" in inside_page and "签发人" in inside_page
    assert reverse("indicators:records") in inside_page


def test_the_workflow_log_of_a_public_report_stays_in_its_tree(demo):
    from fazhi.annual_report import selectors

    published = AnnualReport.objects.get(unit=demo.units["nanqiao_justice"], year=2025)
    assert not selectors.steps(demo.users["donghu_officer"], published).exists()
    assert not selectors.within_scope(demo.users["donghu_officer"], published)
    assert selectors.steps(demo.users["nanqiao_officer"], published).count() == 5
    assert selectors.within_scope(demo.users["city_inspector"], published)
