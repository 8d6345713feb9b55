"""What the benchmark scripts share: timing, the engine against the floor of its own SQL, a
worker process per database, and the side-by-side table. Imported by the scripts (which
run with this folder on sys.path), never by the platform."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_ms(func, runs: int = 5, warm: bool = False) -> float:
    if warm:
        func()  # caches, query plans
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def engine_against_floor(unit, user, ids, year: int, **timing) -> tuple[float, float]:
    """The engine's time for `ids` over `unit`'s year, and the time of the same SQL
    statements run on the bare cursor (the floor the engine's own work stands on)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.indicators import engine
    from fazhi.indicators.engine import Period

    period = Period.year(year)

    def through_engine():
        engine.compute(ids, user=user, unit=unit, period=period)

    with CaptureQueriesContext(connection) as captured:
        through_engine()
    statements = [query["sql"] for query in captured.captured_queries]

    def floor():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()

    return median_ms(through_engine, **timing), median_ms(floor, **timing)


def run_worker(script: str, database_url: str, *arguments: str) -> dict:
    """Run `script --worker ARGUMENTS` on a database of its own; its last line is JSON."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "FAZHI_VAR_DIR": tempfile.mkdtemp(),
        "FAZHI_DEBUG": "",
    }
    done = subprocess.run(
        [sys.executable, script, "--worker", *arguments],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-5000:])  # the worker's own traceback
        raise SystemExit(f"{Path(script).name} failed on {database_url}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def side_by_side(results: dict[str, dict], rows, width: int) -> str:
    """One line per (key, label, target) of `rows`, a column per database."""
    names = list(results)
    lines = [f"{'':{width}}" + "".join(f"{name:>14}" for name in names) + "  target"]
    for key, label, target in rows:
        cells = "".join(f"{results[n][key]:>14.2f}" for n in names)
        lines.append(f"{label:{width}}{cells}  {target or ''}")
    return "\n".join(lines)


def load_province(year: int, **scale) -> tuple[float, object, object, object]:
    """Inside a worker: set Django up, migrate, load the synthetic province with
    `generate_scale_data(**scale)`; returns the load's seconds, a superuser, the province and
    its first district."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from fazhi.core.models import Unit
    from fazhi.core.scale import synthetic_province

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("generate_scale_data", year=year, replace=True, verbosity=0, **scale)
    loaded = time.perf_counter() - started
    users = get_user_model().objects
    user = users.filter(is_superuser=True).first() or users.create_superuser("bench", password=None)
    province = synthetic_province()
    district = Unit.objects.filter(path__startswith=province.path, kind=Unit.Kind.DISTRICT).first()
    return loaded, user, province, district


def count_main(doc: str, script: str, worker, report, *, default: int, title) -> None:
    """The command line of a benchmark over N synthetic records (`--count`): on a throw-away
    SQLite file (unless `--no-sqlite`) and on the PostgreSQL database `--postgres`, each in a
    worker process (`worker(count)` returns its figures); prints `title(N)` and
    `report(results)`."""
    import argparse

    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=default, help="synthetic records")
    parser.add_argument("--postgres", help="DATABASE_URL of an empty PostgreSQL database")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(worker(options.count)))
        return
    results = {}
    databases = [] if options.no_sqlite else [("SQLite", sqlite_url())]
    if options.postgres:
        databases.append(("PostgreSQL", options.postgres))
    for name, url in databases:
        results[name] = run_worker(script, url, "--count", str(options.count))
    print(title(options.count))
    print(report(results))


def sqlite_url() -> str:
    return f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
