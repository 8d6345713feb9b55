"""Document numbers (文号): one gapless sequence per unit, kind and year.

The sequence's row is locked for update inside the caller's transaction, so two officers
numbering at the same moment get consecutive numbers, and a step that fails gives its
number back (its transaction rolls back the row's update). The first number of a year
creates the row: on PostgreSQL a second transaction doing the same waits at the unique
constraint, fails inside get_or_create's savepoint and then locks the row the first one
committed; SQLite runs write transactions one at a time (transaction_mode IMMEDIATE).
Creating and advancing the row go through save(), so both are audited.
"""

import re
from typing import NamedTuple

from .models import NumberSequence, Unit


def area_short_name(unit: Unit) -> str:
    """东湖区司法局 → 东湖: the area's name without its level word, as a 文号 begins (东湖复决字,
    东湖执法监督整改)."""
    area = unit.parent if unit.parent_id and not unit.is_area else unit
    name = area.name
    for suffix in ("自治县", "区", "县", "市", "省", "街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


class Number(NamedTuple):
    serial: int
    text: str


def _locked(unit: Unit, kind: str, year: int) -> NumberSequence:
    sequence, _ = NumberSequence.objects.select_for_update().get_or_create(
        unit=unit, kind=kind, year=year
    )
    return sequence


def next_number(*, unit: Unit, kind: str, year: int, pattern: str) -> Number:
    """The next number; `pattern` is its text with `{year}` and `{serial}` in it. Runs inside
    the transaction that uses the number (select_for_update refuses to run outside one)."""
    sequence = _locked(unit, kind, year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return Number(sequence.last, pattern.format(year=year, serial=sequence.last))


def take_numbers(*, unit: Unit, kind: str, pattern: str, numbers) -> None:
    """Numbers given outside the sequence (an imported ledger): it continues after them."""
    found = re.compile(
        re.escape(pattern)
        .replace(re.escape("{year}"), r"(?P<year>\d{4})")
        .replace(re.escape("{serial}"), r"(?P<serial>\d+)")
    )
    highest: dict[int, int] = {}
    for number in numbers:
        match = found.fullmatch(number)
        if match:
            year, serial = int(match["year"]), int(match["serial"])
            highest[year] = max(serial, highest.get(year, 0))
    for year, serial in highest.items():
        sequence = _locked(unit, kind, year)
        if sequence.last < serial:
            sequence.last = serial
            sequence.save(update_fields=["last"])
