"""Indicator and page benchmark. Not a test: it prints figures measured side by side in one
run, on SQLite and on PostgreSQL.

    ./dev bench [--scale 0.1]     # starts a throw-away PostgreSQL as ./dev test does

For each database it loads the synthetic province (`fazhi generate_scale_data`) and measures
  (a) the whole catalog for the province and a year through the engine, against the floor:
      the very SQL statements the engine sends, executed straight on the database cursor;
  (b) the same for one district (target: ≤ 50 ms on PostgreSQL);
  (c) the dashboard, the case list's first and 5,000th page, and a trivial page, each under
      8 concurrent clients on loopback (p50 and p95; targets: p95 ≤ 3× the trivial page, the
      5,000th page ≤ 2× the first), served as a deployment would serve them: gunicorn with
      2 × cores + 1 worker processes and persistent database connections. Each page is warmed
      up first (every worker), so the figures are those of pages whose cached parts (core/dataversion.py) are
      current; what each page costs right after a change of the records is measured on
      its own ("first view after a change").
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402 (benchmarks/common.py)

YEAR = 2025
CLIENTS, REQUESTS_PER_CLIENT, ROUNDS = 8, 10, 3
WORKERS = 2 * (os.cpu_count() or 1) + 1  # gunicorn's own advice


median_ms = common.median_ms


def engine_against_floor(unit, user) -> tuple[float, float]:
    from fazhi.indicators.registry import registered

    return common.engine_against_floor(unit, user, list(registered()), YEAR)


def partials_against_direct(unit, user) -> dict:
    """(p) the whole catalog for `unit` and the year from the stored partials (what the
    engine does now) and counted from the records alone, side by side; then the recount
    check of every partial."""
    from django.core.management import call_command

    from fazhi.indicators import engine
    from fazhi.indicators.engine import Period
    from fazhi.indicators.models import Partial
    from fazhi.indicators.registry import registered

    ids, period = list(registered()), Period.year(YEAR)
    from_partials = engine.compute(ids, user=user, unit=unit, period=period)
    if from_partials != engine.direct(ids, user=user, unit=unit, period=period):
        raise RuntimeError("the partials' figures differ from the direct count")
    started = time.perf_counter()
    call_command("indicators_check")  # exits non-zero on any difference
    return {
        "partials_ms": median_ms(
            lambda: engine.compute(ids, user=user, unit=unit, period=period), warm=True
        ),
        "direct_ms": median_ms(
            lambda: engine.direct(ids, user=user, unit=unit, period=period), warm=True
        ),
        "partials_rows": Partial.objects.count(),
        "check_s": time.perf_counter() - started,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def session_cookie(user) -> str:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def request(url: str, cookie: str) -> None:
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Cookie": cookie}), timeout=120
    ) as response:
        response.read()


def load(url: str, cookie: str, clients: int = CLIENTS) -> list[float]:
    """The times in ms of GET `url` from `clients` concurrent clients."""
    timings, errors = [], []

    def client():
        for _ in range(REQUESTS_PER_CLIENT):
            request = urllib.request.Request(url, headers={"Cookie": cookie})
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    response.read()
                    if response.status != 200:
                        errors.append(response.status)
            except Exception as error:  # reported below, the run goes on
                errors.append(error)
            timings.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{url}: {errors[:3]}")
    return timings


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def pages_under_load(user, province) -> dict:
    """(c): p50 and p95 of each page under CLIENTS concurrent clients of a gunicorn server."""
    from fazhi.core import dataversion

    figures = {}
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "fazhi.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--timeout",  # a province's first dashboard after a change may take long
            "120",
        ],
        env={**os.environ, "FAZHI_DB_CONN_MAX_AGE": "60"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        cookie = session_cookie(user)
        pages = {
            "trivial": "/healthz/",
            "dashboard": f"/indicators/?unit={province.pk}&year={YEAR}",
            "list_first": "/reconsideration/cases/",
            "list_5000": "/reconsideration/cases/?page=5000",
        }
        for path in pages.values():
            load(base + path, cookie)  # warm up every worker process
        # Rounds of every page in turn, so that the machine's other load falls on all alike.
        timings = {name: [] for name in pages}
        for _ in range(ROUNDS):
            for name, path in pages.items():
                timings[name] += load(base + path, cookie)
        for name, page_timings in timings.items():
            figures[f"{name}_p50"], figures[f"{name}_p95"] = percentiles(page_timings)
        for name in ("dashboard", "list_first", "list_5000"):
            dataversion.bump()  # as any change of the records does
            figures[f"{name}_cold_ms"] = median_ms(
                lambda path=pages[name]: request(base + path, cookie), runs=1
            )
    finally:
        server.terminate()
        server.wait()
    return figures


def worker(scale: float, partials_only: bool = False) -> dict:
    """Runs inside one database (DATABASE_URL): load, then measure; returns the figures."""
    loaded, user, province, district = common.load_province(YEAR, scale=scale)
    figures = {"load_s": loaded}
    figures.update(partials_against_direct(province, user))
    if partials_only:
        return figures
    figures["province_ms"], figures["province_floor_ms"] = engine_against_floor(province, user)
    figures["district_ms"], figures["district_floor_ms"] = engine_against_floor(district, user)

    figures.update(pages_under_load(user, province))
    return figures


def run_on(database_url: str, scale: float, partials_only: bool = False) -> dict:
    extra = ["--partials-only"] if partials_only else []
    return common.run_worker(__file__, database_url, "--scale", str(scale), *extra)


PARTIAL_ROWS = [
    ("load_s", "loading the data set, partials included (s)", None),
    ("partials_ms", "(p) catalog, province, from partials (ms)", "≤ 50 at scale 1"),
    ("direct_ms", "(p) same, counted from the records (ms)", None),
    ("partials_rows", "(p) stored partials", None),
    ("check_s", "(p) recount check of every partial (s)", None),
]


ROWS = [
    ("load_s", "loading the data set (s)", None),
    ("province_ms", "(a) catalog, province, engine (ms)", None),
    ("province_floor_ms", "(a) same SQL on the cursor (ms)", None),
    ("province_ratio", "(a) ratio engine / floor", "≤ 1.5"),
    ("district_ms", "(b) catalog, one district (ms)", "≤ 50 on PostgreSQL"),
    ("trivial_p50", "(c) trivial page p50 (ms)", None),
    ("trivial_p95", "(c) trivial page p95 (ms)", None),
    ("dashboard_p50", "(c) dashboard p50 (ms)", None),
    ("dashboard_p95", "(c) dashboard p95 (ms)", None),
    ("dashboard_ratio", "(c) dashboard p95 / trivial p95", "≤ 3"),
    ("list_first_p50", "(c) case list page 1 p50 (ms)", None),
    ("list_first_p95", "(c) case list page 1 p95 (ms)", None),
    ("list_first_ratio", "(c) page 1 p95 / trivial p95", "≤ 3"),
    ("list_5000_p50", "(c) case list page 5000 p50 (ms)", None),
    ("list_5000_p95", "(c) case list page 5000 p95 (ms)", None),
    ("list_5000_ratio", "(c) page 5000 / page 1 (p95)", "≤ 2"),
    ("dashboard_cold_ms", "(c) dashboard, first view after a change (ms)", None),
    ("list_first_cold_ms", "(c) page 1, first view after a change (ms)", None),
    ("list_5000_cold_ms", "(c) page 5000, first view after a change (ms)", None),
]


def report(results: dict[str, dict]) -> str:
    for figures in results.values():
        figures["province_ratio"] = figures["province_ms"] / figures["province_floor_ms"]
        figures["dashboard_ratio"] = figures["dashboard_p95"] / figures["trivial_p95"]
        figures["list_first_ratio"] = figures["list_first_p95"] / figures["trivial_p95"]
        figures["list_5000_ratio"] = figures["list_5000_p95"] / figures["list_first_p95"]
    return common.side_by_side(results, PARTIAL_ROWS + ROWS, 44)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="share of the full data set (1.0 = 1,000,000 cases)",
    )
    parser.add_argument("--postgres", help="DATABASE_URL of an empty PostgreSQL database")
    parser.add_argument(
        "--partials-only",
        action="store_true",
        help="only (p): the province's catalog from partials against the direct count",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    only = options.partials_only
    if options.worker:
        print(json.dumps(worker(options.scale, only)))
        return
    sqlite = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    results = {"SQLite": run_on(sqlite, options.scale, only)}
    if options.postgres:
        results["PostgreSQL"] = run_on(options.postgres, options.scale, only)
    if only:
        print(f"scale {options.scale} of 1,000,000 cases; (p) only")
        print(common.side_by_side(results, PARTIAL_ROWS, 44))
        return
    print(
        f"scale {options.scale} of 1,000,000 cases; {CLIENTS} clients × {REQUESTS_PER_CLIENT} requests"
        f" × {ROUNDS} rounds per page"
    )
    print(report(results))


if __name__ == "__main__":
    main()
