"""文书: numbered .docx files whose numbers have no gaps or duplicates."""

import io

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from docx import Document as Docx

from fazhi.core.models import NumberSequence, Unit
from fazhi.reconsideration import documents, services
from fazhi.reconsideration.models import Document

from .conftest import D


def docx_text(document) -> str:
    with document.file.open("rb") as handle:
        return "\n".join(p.text for p in Docx(io.BytesIO(handle.read())).paragraphs)


def test_a_notice_is_numbered_and_carries_the_case(register, officer):
    case = register()
    case = services.request_supplement(
        actor=officer, case=case, notice_date=D(2024, 9, 29), items="补充罚款决定书"
    )
    notice = case.documents.get(kind="supplement")
    assert notice.number == "东湖复补字〔2024〕第1号"
    text = docx_text(notice)
    assert "补正行政复议申请通知书" in text and "东湖复补字〔2024〕第1号" in text
    assert "测试申请人" in text and "补充罚款决定书" in text and "东湖区人民政府" in text


def test_numbers_run_per_unit_year_and_kind(register, officer, demo):
    first = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    second = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 30), items="乙"
    )
    next_year = services.request_supplement(
        actor=officer, case=register(received=D(2025, 1, 2)), notice_date=D(2025, 1, 3), items="丙"
    )
    numbers = [c.documents.get(kind="supplement").serial for c in (first, second, next_year)]
    assert numbers == [1, 2, 1]


def test_a_failed_step_gives_its_number_back(register, officer):
    case = register()
    with pytest.raises(RuntimeError, match="之后出错"), transaction.atomic():
        services.request_supplement(
            actor=officer, case=case, notice_date=D(2024, 9, 29), items="甲"
        )
        raise RuntimeError("编号之后出错")
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    assert case.documents.get().serial == 1


@pytest.mark.django_db(transaction=True)
def test_numbering_continues_after_the_move_to_the_core_sequence():
    """The migration that moved the sequences into core.NumberSequence keeps their numbers."""
    before = [("reconsideration", "0003_kit_records")]
    after = [("reconsideration", "0004_document_numbers_in_core")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    unit = Unit.objects.create(name="迁移测试司法局", kind=Unit.Kind.JUSTICE_BUREAU, path="/m/")
    old_apps.get_model("reconsideration", "DocumentSequence").objects.create(
        unit_id=unit.pk, year=2031, kind="decision", last_number=41
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    try:
        with transaction.atomic():
            number = documents.next_number(unit=unit, kind="decision", year=2031)
        assert number.serial == 42 and number.text.endswith("〔2031〕第42号")
        sequence = NumberSequence.objects.get(unit=unit, year=2031, kind="reconsideration.decision")
        assert sequence.last == 42
    finally:
        # Back to the latest migrations, for the tests after this one (later migrations add columns).
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_documents_of_a_district_are_hidden_from_its_sibling(register, officer, demo, client_as):
    case = services.request_supplement(
        actor=officer, case=register(), notice_date=D(2024, 9, 29), items="甲"
    )
    notice = case.documents.get()
    url = f"/reconsideration/documents/{notice.pk}/"
    response = client_as(officer).get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert client_as(demo.users["xishan_officer"]).get(url).status_code == 404
    assert Document.objects.restrict(demo.users["xishan_leader"]).filter(pk=notice.pk).count() == 0
