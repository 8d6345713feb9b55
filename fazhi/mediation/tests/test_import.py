"""The provincial platform's export: row-level Chinese errors and nothing imported (an
unknown committee among them), and a re-import that updates instead of duplicating."""

import datetime
import io

import pytest
from openpyxl import Workbook

from fazhi.core.imports import ImportRefused
from fazhi.mediation import services
from fazhi.mediation.imports import PROVINCIAL_CASES
from fazhi.mediation.models import Dispute

D = datetime.date


def _xlsx(*rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([field.label for field in PROVINCIAL_CASES.fields])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row(number, committee="湖滨社区人民调解委员会", result="调解中", concluded=None, **extra):
    values = {
        "source": "当事人申请",
        "reference": "",
        "mediator": "林主任",
        "form": "",
    } | extra
    return (
        number,
        committee,
        values["source"],
        values["reference"],
        "邻里纠纷",
        "张某",
        "李某",
        "因排水沟堵塞发生争执",
        D(2025, 3, 3),
        values["mediator"],
        result,
        values["form"],
        concluded,
    )


def test_bad_rows_are_listed_and_nothing_is_imported(world, committee):
    data = _xlsx(
        _row("SD001"),
        _row("SD002", committee="不存在的调解委员会"),
        _row("SD003", source="公安机关移交（警调对接）"),
        _row("SD004", mediator="外人"),
        _row("SD005", result="调解成功"),
        _row("SD001"),
    )
    with pytest.raises(ImportRefused) as refused:
        services.import_platform_cases(actor=world.mediator, data=data)
    messages = [str(error) for error in refused.value.errors]
    assert "第3行“调解组织”：未知的调解组织“不存在的调解委员会”" in messages
    assert "第4行“来源文号”：移交、委派、转办的案件请填写来源文号" in messages
    assert "第5行“调解员”：外人不是湖滨社区人民调解委员会的调解员" in messages
    assert "第6行“结案日期”：调解成功或调解不成的案件请填写" in messages
    assert "第7行“平台编号”：在表格中重复" in messages
    assert not Dispute.objects.filter(unit=world.town).exists()


def test_a_reimport_updates_the_case(world, committee):
    services.import_platform_cases(actor=world.mediator, data=_xlsx(_row("SD100"), _row("SD101")))
    first = Dispute.objects.get(platform_number="SD100")
    assert first.number == "（2025）湖滨社区人调字第1号" and first.status == "mediating"
    again = _xlsx(
        _row("SD100", result="调解成功", concluded=D(2025, 3, 20), form="口头"),
        _row("SD101", result="调解不成", concluded=D(2025, 3, 25)),
    )
    assert services.import_platform_cases(actor=world.mediator, data=again) == 2
    assert Dispute.objects.filter(unit=world.town).count() == 2
    first.refresh_from_db()
    assert first.status == "agreed" and first.agreement.form == "oral"
    assert Dispute.objects.get(platform_number="SD101").status == "ended"


def test_another_districts_mediator_cannot_import_into_the_committee(world, committee):
    with pytest.raises(ImportRefused, match="未知的调解组织"):
        services.import_platform_cases(actor=world.neighbour_mediator, data=_xlsx(_row("SD200")))
