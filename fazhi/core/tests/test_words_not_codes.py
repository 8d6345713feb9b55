"""What reaches users is in words (issue 13 item 11): field history with field names and
choice labels, a case's outcome ground as the article, reader qualifiers in Chinese, and
Excel cells as numbers and local times."""

import datetime
import io
from decimal import Decimal

import pytest
from auditlog.context import set_actor
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.core.viewtools import xlsx_response
from fazhi.reconsideration.grounds import article, ground_label
from fazhi.reconsideration.models import Case, State
from fazhi.report_reader.templatetags.findings import qualifier_label


@pytest.mark.django_db
def test_the_field_history_and_the_outcome_ground_are_shown_in_words(demo, client_as):
    case = (
        Case.objects.filter(
            unit=demo.units["donghu_justice"], state=State.CLOSED, outcome="revoked"
        ).first()
        or Case.objects.filter(unit=demo.units["donghu_justice"])
        .exclude(state=State.REGISTERED)
        .first()
    )
    case.outcome, case.outcome_ground = "revoked", "64.2"
    with set_actor(demo.users["donghu_officer"]):
        case.save()
    page = client_as(demo.users["donghu_leader"]).get(f"/reconsideration/cases/{case.pk}/")
    text = page.content.decode()
    assert "行政复议法 第六十四条第一款第二项（违反法定程序）" in text
    changes = text.split("字段变更", 1)[1]
    assert "<b>结果依据</b>：" in changes and "<b>outcome_ground</b>" not in changes
    assert "<b>状态</b>：" in changes or "<b>结果</b>：" in changes
    assert "revoked" not in changes and "→ hearing" not in changes


def test_ground_codes_name_their_article():
    assert article("64.2") == "第六十四条第一款第二项"
    assert article("65.2.1") == "第六十五条第二款第一项"
    assert article("30") == "第三十条"
    assert ground_label("41.5").startswith("行政复议法 第四十一条第一款第五项（因第三十九条")
    assert ground_label("") == ""


def test_reader_qualifiers_are_words():
    assert [qualifier_label(q) for q in ("exact", "more_than", "nearly", "about")] == [
        "",
        "以上",
        "近",
        "约",
    ]


def test_excel_cells_are_numbers_and_local_times(settings):
    moment = datetime.datetime(2026, 3, 1, 1, 30, tzinfo=datetime.UTC)
    response = xlsx_response(
        "x.xlsx", "表", ["件数", "比例", "时间", "公开"], [(14, Decimal("18.18"), moment, True)]
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    count, share, at, public = (cell.value for cell in sheet[2])
    assert count == 14 and isinstance(count, int)
    assert share == pytest.approx(18.18) and not isinstance(share, str)
    assert (
        at
        == timezone.localtime(moment).replace(tzinfo=None)
        == datetime.datetime(2026, 3, 1, 9, 30)
    )
    assert public == "是"
