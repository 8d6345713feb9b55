"""人民调解 at province scale (issue 17): the case list, the monthly nil-report check and the
line's indicators on N synthetic disputes. Not a test: it prints figures side by side.

    .venv/bin/python benchmarks/mediation.py --count 100000 --postgres postgres://…/db

For each database (a throw-away SQLite file, and PostgreSQL when given) it loads the
synthetic province with only the mediation line (`generate_scale_data --count mediation=N`)
and measures, in process (Django's test client, one client: no gunicorn, no concurrency —
the ratios are what is compared, as in docs/benchmarks.md):
  (a) the mediation.* indicators for the province and a year through the engine, against
      the same SQL on the bare cursor (target ratio ≤ 1.5), and for one district (≤ 50 ms
      on PostgreSQL);
  (b) the nil-report check: committees with neither a screening nor a nil report in a
      month (selectors.not_reported), for the province;
  (c) the case list's first page and a deep page, the screening page (which carries the
      check) and a trivial page, medians of 15 requests (targets: list and screening page
      ≤ 3× the trivial page, the deep page ≤ 2× the first). Beside them, an empty ledger
      page of another line (the platform's own page frame: layout, navigation, session —
      what every list page costs before its rows), and the case list's first page right
      after a change of the records (nothing cached: its count and table computed afresh,
      median of 5 views each after a change).

The database gets what a deployment has after `migrate` (the data version's row, which a
flushed test database lacks: without it nothing is cached).
"""

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's fazhi, not an installed one
import common  # noqa: E402 (benchmarks/common.py, beside this script)

YEAR = 2025
RUNS = 15


def median_ms(func, runs: int = RUNS) -> float:
    return common.median_ms(func, runs, warm=True)


def engine_against_floor(unit, user) -> tuple[float, float]:
    from fazhi.indicators.registry import registered

    ids = [i for i in registered() if i.startswith("mediation.")]
    return common.engine_against_floor(unit, user, ids, YEAR, runs=RUNS, warm=True)


def worker(count: int) -> dict:
    loaded, user, province, district = common.load_province(
        YEAR,
        count=[
            "reconsideration=0",
            "litigation=0",
            "legal_aid=0",
            "legal_services=0",
            f"mediation={count}",
        ],
    )
    import uuid

    from django.test import Client

    from fazhi.core import dataversion
    from fazhi.core.models import DataVersion
    from fazhi.mediation import selectors

    figures = {"load_s": loaded}
    figures["province_ms"], figures["province_floor_ms"] = engine_against_floor(province, user)
    figures["district_ms"], _ = engine_against_floor(district, user)
    month = datetime.date(YEAR, 6, 1)
    figures["unreported_ms"] = median_ms(lambda: list(selectors.not_reported(user, month)[:200]))

    DataVersion.objects.get_or_create(
        pk=dataversion.VERSION_PK, defaults={"token": uuid.uuid4().hex}
    )
    client = Client()
    client.force_login(user)
    pages = {
        "trivial": "/healthz/",
        "frame": "/litigation/",
        "list_first": "/mediation/",
        "list_deep": f"/mediation/?page={max(1, count // 40)}",
        "screenings": "/mediation/screenings/",
    }
    for key, url in pages.items():
        status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
        figures[f"{key}_ms"] = median_ms(lambda url=url: client.get(url))

    def after_change():
        dataversion.bump()  # as any change of the records does
        client.get("/mediation/")

    figures["list_changed_ms"] = common.median_ms(after_change, 5, warm=True)
    return figures


ROWS = [
    ("load_s", "loading the data set (s)", None),
    ("province_ms", "(a) mediation.*, province, engine (ms)", None),
    ("province_floor_ms", "(a) same SQL on the cursor (ms)", None),
    ("province_ratio", "(a) ratio engine / floor", "≤ 1.5"),
    ("district_ms", "(a) mediation.*, one district (ms)", "≤ 50 on PostgreSQL"),
    ("unreported_ms", "(b) committees not reported in a month (ms)", None),
    ("trivial_ms", "(c) trivial page (ms)", None),
    ("list_first_ms", "(c) case list page 1 (ms)", None),
    ("list_first_ratio", "(c) page 1 / trivial", "≤ 3"),
    ("frame_ms", "(c) empty ledger of another line (ms)", None),
    ("list_frame_ratio", "(c) page 1 / empty ledger", None),
    ("list_changed_ms", "(c) page 1 after a change (ms)", None),
    ("list_deep_ms", "(c) case list deep page (ms)", None),
    ("list_deep_ratio", "(c) deep page / page 1", "≤ 2"),
    ("screenings_ms", "(c) screening page with the check (ms)", None),
    ("screenings_ratio", "(c) screening page / trivial", "≤ 3"),
]


def report(results: dict[str, dict]) -> str:
    for figures in results.values():
        figures["province_ratio"] = figures["province_ms"] / figures["province_floor_ms"]
        figures["list_first_ratio"] = figures["list_first_ms"] / figures["trivial_ms"]
        figures["list_frame_ratio"] = figures["list_first_ms"] / figures["frame_ms"]
        figures["list_deep_ratio"] = figures["list_deep_ms"] / figures["list_first_ms"]
        figures["screenings_ratio"] = figures["screenings_ms"] / figures["trivial_ms"]
    return common.side_by_side(results, ROWS, 46)


def main() -> None:
    common.count_main(
        __doc__,
        __file__,
        worker,
        report,
        default=1_000_000,
        title=lambda count: f"{count} synthetic disputes, year {YEAR}",
    )


if __name__ == "__main__":
    main()
