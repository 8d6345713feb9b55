"""文书: numbered .docx files whose numbers have no gaps or duplicates."""

import io
import threading

import pytest
from django.db import connection, transaction
from docx import Document as Docx

from fazhi.core.models import Unit
from fazhi.reconsideration import documents, services
from fazhi.reconsideration.models import Document, DocumentSequence

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
def test_two_officers_numbering_at_the_same_moment_get_different_numbers():
    """Run on PostgreSQL (row lock) and SQLite (one writer at a time) alike."""
    unit = Unit.objects.create(
        name="并发测试司法局", kind=Unit.Kind.JUSTICE_BUREAU, path="/concurrency/"
    )
    start = threading.Barrier(4)
    numbers, errors = [], []

    def take():
        try:
            start.wait()
            with transaction.atomic():
                numbers.append(documents.next_number(unit=unit, kind="decision", year=2031)[0])
        except Exception as error:  # collected and reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == [1, 2, 3, 4]
    assert DocumentSequence.objects.get(unit=unit, year=2031, kind="decision").last_number == 4


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
