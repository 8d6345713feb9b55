"""文号: one gapless, unique sequence per unit, kind and year, under concurrent use too."""

import threading

import pytest
from auditlog.models import LogEntry
from django.db import connection, transaction

from fazhi.core import numbering
from fazhi.core.models import NumberSequence, Unit

PATTERN = "测试字〔{year}〕第{serial}号"


@pytest.fixture
def unit(db):
    return Unit.objects.create(name="编号测试司法局", kind=Unit.Kind.JUSTICE_BUREAU, path="/n/")


def take(unit, kind="test.notice", year=2031):
    with transaction.atomic():
        return numbering.next_number(unit=unit, kind=kind, year=year, pattern=PATTERN)


def test_numbers_are_gapless_per_unit_kind_and_year(unit):
    other = Unit.objects.create(name="另一司法局", kind=Unit.Kind.JUSTICE_BUREAU, path="/o/")
    first, second = take(unit), take(unit)
    assert first == (1, "测试字〔2031〕第1号") and second.text == "测试字〔2031〕第2号"
    assert take(unit, year=2032).serial == 1
    assert take(unit, kind="test.decision").serial == 1
    assert take(other).serial == 1
    assert take(unit).serial == 3
    assert NumberSequence.objects.get(unit=unit, kind="test.notice", year=2031).last == 3


def test_a_failed_transaction_gives_its_number_back(unit):
    with pytest.raises(RuntimeError), transaction.atomic():
        take(unit)
        raise RuntimeError("编号之后出错")
    assert take(unit).serial == 1


def test_imported_numbers_move_the_sequence_past_them(unit):
    with transaction.atomic():
        numbering.take_numbers(
            unit=unit,
            kind="test.notice",
            pattern=PATTERN,
            numbers=[
                "测试字〔2031〕第7号",
                "测试字〔2031〕第3号",
                "测试字〔2030〕第2号",
                "别的〔2031〕第99号",
            ],
        )
        numbering.take_numbers(
            unit=unit, kind="test.notice", pattern=PATTERN, numbers=["测试字〔2031〕第5号"]
        )
    assert take(unit).serial == 8
    assert take(unit, year=2030).serial == 3


def test_the_sequence_is_audited(unit):
    sequence_entries = LogEntry.objects.get_for_model(NumberSequence)
    before = sequence_entries.count()
    take(unit)  # creates the row and advances it
    take(unit)
    assert sequence_entries.count() == before + 3


@pytest.mark.django_db(transaction=True)
def test_officers_numbering_at_the_same_moment_get_different_numbers():
    """Threads with their own connections start at once on a sequence that does not exist
    yet: on PostgreSQL they meet at the unique constraint and the row lock, on SQLite at its
    one writer at a time; either way every one gets its own number and none is lost."""
    unit = Unit.objects.create(
        name="并发测试司法局", kind=Unit.Kind.JUSTICE_BUREAU, path="/concurrency/"
    )
    count = 6
    start = threading.Barrier(count)
    numbers, errors = [], []

    def run():
        try:
            start.wait()
            numbers.append(take(unit, kind="test.concurrent").serial)
        except Exception as error:  # collected and reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == list(range(1, count + 1))
    assert NumberSequence.objects.get(unit=unit, kind="test.concurrent").last == count
