"""What several test modules of 社区矫正 build: a workbook of an import's columns, and a
subject received with fixed dates (2025-09-01 … 2026-08-31, over 国庆 2025 and 春节 2026)."""

import datetime

from fazhi.corrections import imports, services


def workbook(spec, *rows) -> bytes:
    return imports.workbook_bytes(spec, rows)


def receive(demo, number, *, county="donghu", category="probation"):
    return services.receive_subject(
        actor=demo.users[f"{county}_corrections"],
        unit=demo.units[f"{county}_justice"],
        station=demo.units[f"{county}_town0"],
        number=number,
        name="赵六",
        community="幸福社区",
        category=category,
        decision_organ="东湖区人民法院",
        effective_date=datetime.date(2025, 9, 1),
        term_start=datetime.date(2025, 9, 1),
        term_end=datetime.date(2026, 8, 31),
    )
