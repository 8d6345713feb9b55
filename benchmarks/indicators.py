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
      its own ("first view after a change");
  (i) the province dashboard's first view after a registration (through the service) in one
      district, beside the trivial page's p95 (targets: ≤ 3× on PostgreSQL at scale 1, ≤ 5×
      on SQLite at scale 0.1);
  (ii) its p95 under a steady stream of registrations (5 a second across the districts, two
      writer threads) with 8 concurrent readers of the dashboard and the trivial page in
      turn: the ratio of the two p95s under the same writes (same targets);
  (iii) a registration's time while the worker (`fazhi db_worker`, another process) imports
      a ledger as a job, against a registration alone (same targets);
and, after all the writes, the recount check (`fazhi indicators_check`: zero differences).
(p) is the whole catalog for the province from the stored partials (target ≤ 50 ms at
scale 1 on PostgreSQL).
"""

import argparse
import contextlib
import datetime
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's fazhi, not an installed one
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402 (benchmarks/common.py)

YEAR = 2025
CLIENTS, REQUESTS_PER_CLIENT, ROUNDS = 8, 10, 3
WORKERS = 2 * (os.cpu_count() or 1) + 1  # gunicorn's own advice
TRIALS = 5  # (i), (iii): views after a write, registrations alone (× 2)
READERS, WRITES_PER_SECOND, STREAM_SECONDS = 8, 5.0, 20  # (ii)
IMPORT_ROWS, IMPORT_TIMEOUT = 1000, 600  # (iii)


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


@contextlib.contextmanager
def gunicorn():
    """A gunicorn server on loopback, as a deployment serves the platform: its base URL."""
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
        yield base
    finally:
        server.terminate()
        server.wait()


def pages(province) -> dict[str, str]:
    return {
        "trivial": "/healthz/",
        "dashboard": f"/indicators/?unit={province.pk}&year={YEAR}",
        "list_first": "/reconsideration/cases/",
        "list_5000": "/reconsideration/cases/?page=5000",
    }


def pages_under_load(base: str, cookie: str, province) -> dict:
    """(c): p50 and p95 of each page under CLIENTS concurrent clients of a gunicorn server."""
    from fazhi.core import dataversion

    figures, paths = {}, pages(province)
    for path in paths.values():
        load(base + path, cookie)  # warm up every worker process
    # Rounds of every page in turn, so that the machine's other load falls on all alike.
    timings = {name: [] for name in paths}
    for _ in range(ROUNDS):
        for name, path in paths.items():
            timings[name] += load(base + path, cookie)
    for name, page_timings in timings.items():
        figures[f"{name}_p50"], figures[f"{name}_p95"] = percentiles(page_timings)
    for name in ("dashboard", "list_first", "list_5000"):
        dataversion.bump()  # as any change of the records does
        figures[f"{name}_cold_ms"] = median_ms(
            lambda path=paths[name]: request(base + path, cookie), runs=1
        )
    return figures


# — (i)–(iii): the province dashboard and registrations while the records change —


def bureaus(province) -> list[tuple]:
    """(司法局, an enforcement agency of its district) of every district, in order."""
    from fazhi.core.models import Unit

    units = Unit.objects.filter(path__startswith=province.path)
    agencies = {}
    for agency in units.filter(kind=Unit.Kind.ENFORCEMENT).order_by("path"):
        agencies.setdefault(agency.parent_id, agency)
    return [
        (bureau, agencies[bureau.parent_id])
        for bureau in units.filter(kind=Unit.Kind.JUSTICE_BUREAU).order_by("path")
    ]


SERIAL = itertools.count(1)


def register(user, bureau, respondent) -> float:
    """One 复议 application registered through the service (a write in `bureau`'s district,
    in the dashboard's year): its time in ms."""
    from fazhi.reconsideration import services
    from fazhi.reconsideration.models import ActKind, Channel

    received = datetime.date(YEAR, 11, 20)
    started = time.perf_counter()
    services.register_case(
        actor=user,
        unit=bureau,
        channel=Channel.IN_PERSON,
        received_date=received,
        request="请求撤销罚款决定",
        respondent=respondent,
        act_kind=ActKind.PENALTY,
        act_date=received - datetime.timedelta(days=20),
        act_known_date=received - datetime.timedelta(days=10),
        applicants=[{"kind": "person", "name": f"基准申请人{next(SERIAL)}"}],
    )
    return (time.perf_counter() - started) * 1000


def first_view_after_write(base: str, cookie: str, user, province, districts) -> dict:
    """(i) the province dashboard's first view after a registration in one district (each
    time another district), median of TRIALS."""
    dashboard = base + pages(province)["dashboard"]
    timings = []
    for index in range(TRIALS):
        register(user, *districts[index % len(districts)])
        started = time.perf_counter()
        request(dashboard, cookie)
        timings.append((time.perf_counter() - started) * 1000)
    return {"after_write_ms": statistics.median(timings)}


def under_write_stream(base: str, cookie: str, user, province, districts) -> dict:
    """(ii) READERS clients reading the province dashboard and the trivial page in turn for
    STREAM_SECONDS, while writers register WRITES_PER_SECOND cases across the districts
    through the services (two threads of this process, each on its own connection)."""
    from django.db import connection

    paths = pages(province)
    until = time.perf_counter() + STREAM_SECONDS
    timings = {"dashboard": [], "trivial": [], "write": []}
    errors = []

    def writer(offset: int, writers: int):
        interval, at, index = writers / WRITES_PER_SECOND, time.perf_counter(), offset
        try:
            while at < until:
                time.sleep(max(0.0, at - time.perf_counter()))
                timings["write"].append(register(user, *districts[index % len(districts)]))
                index += writers
                at += interval
        except Exception as error:  # reported below, the run goes on
            errors.append(error)
        finally:
            connection.close()

    def reader():
        while time.perf_counter() < until:
            for name in ("dashboard", "trivial"):
                started = time.perf_counter()
                try:
                    request(base + paths[name], cookie)
                except Exception as error:  # reported below
                    errors.append(error)
                timings[name].append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(i, 2)) for i in range(2)]
    threads += [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"under the write stream: {errors[:3]}")
    figures = {"stream_writes_per_s": len(timings["write"]) / elapsed}
    for name, values in timings.items():
        figures[f"stream_{name}_p50"], figures[f"stream_{name}_p95"] = percentiles(values)
    return figures


def registration_during_import(user, districts, rows: int) -> dict:
    """(iii) a registration through the service alone (median of TRIALS × 2), then while the
    worker (`fazhi db_worker`, another process) imports a ledger of `rows` cases into the
    first district as a job: every registration in the other districts from the job's
    start to its end."""
    from functools import partial

    from load_faults import ledger  # the reliability benchmark's ledger (benchmarks/)

    from fazhi.core.jobs import jobs
    from fazhi.core.jobs.models import Job
    from fazhi.reconsideration import imports, services

    others = districts[1:]
    alone = [register(user, *others[i % len(others)]) for i in range(2 * TRIALS)]
    bureau = districts[0][0]
    job = jobs.start_import(
        actor=user,
        spec=imports.CASES,
        run=partial(services.import_cases, unit=bureau),
        data=ledger(rows, "基准导入", YEAR),
        title="基准导入",
        success="已导入{count}件历史案件",
        done="reconsideration:case_list",
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "fazhi.manage", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    during, index, deadline = [], 0, time.perf_counter() + IMPORT_TIMEOUT
    try:
        while time.perf_counter() < deadline:
            status = Job.objects.filter(pk=job.pk).values_list("status", flat=True).get()
            if status in (Job.Status.DONE, Job.Status.FAILED):
                break
            if status == Job.Status.RUNNING:
                during.append(register(user, *others[index % len(others)]))
                index += 1
            else:
                time.sleep(0.05)
        worker.wait(timeout=IMPORT_TIMEOUT)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    job.refresh_from_db()
    if job.status != Job.Status.DONE:
        raise RuntimeError(f"the import job did not finish: {job.status} {job.errors[:3]}")
    return {
        "import_rows": job.count,
        "import_s": (job.finished_at - job.started_at).total_seconds(),
        "register_alone_ms": statistics.median(alone),
        "register_during_ms": statistics.median(during) if during else float("nan"),
        "register_during_max_ms": max(during, default=float("nan")),
        "registrations_during": len(during),
    }


def recount_differences() -> int:
    """The recount check (`fazhi indicators_check`) after all the writes: its differences."""
    from fazhi.indicators import partials

    return len(partials.check())


def worker(scale: float, partials_only: bool = False, import_rows: int = IMPORT_ROWS) -> dict:
    """Runs inside one database (DATABASE_URL): load, then measure; returns the figures."""
    loaded, user, province, district = common.load_province(YEAR, scale=scale)
    figures = {"load_s": loaded}
    figures.update(partials_against_direct(province, user))
    if partials_only:
        return figures
    figures["province_ms"], figures["province_floor_ms"] = engine_against_floor(province, user)
    figures["district_ms"], figures["district_floor_ms"] = engine_against_floor(district, user)

    districts = bureaus(province)
    cookie = session_cookie(user)
    with gunicorn() as base:
        figures.update(pages_under_load(base, cookie, province))
        figures.update(first_view_after_write(base, cookie, user, province, districts))
        figures.update(under_write_stream(base, cookie, user, province, districts))
    figures.update(registration_during_import(user, districts, import_rows))
    figures["recount_differences"] = recount_differences()
    return figures


def run_on(database_url: str, scale: float, partials_only: bool, import_rows: int) -> dict:
    extra = ["--partials-only"] if partials_only else []
    return common.run_worker(
        __file__, database_url, "--scale", str(scale), "--import-rows", str(import_rows), *extra
    )


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
    ("after_write_ms", "(i) dashboard, first view after a write (ms)", None),
    ("after_write_ratio", "(i) same / trivial p95", "≤ 3 (PG), ≤ 5 (SQLite)"),
    ("stream_writes_per_s", "(ii) registrations per second achieved", f"{WRITES_PER_SECOND}"),
    ("stream_write_p95", "(ii) a registration's p95 (ms)", None),
    ("stream_trivial_p95", "(ii) trivial page p95 under the writes (ms)", None),
    ("stream_dashboard_p50", "(ii) dashboard p50 under the writes (ms)", None),
    ("stream_dashboard_p95", "(ii) dashboard p95 under the writes (ms)", None),
    ("stream_ratio", "(ii) dashboard p95 / trivial p95", "≤ 3 (PG), ≤ 5 (SQLite)"),
    ("import_rows", "(iii) rows imported by the job", None),
    ("import_s", "(iii) the import job's time (s)", None),
    ("register_alone_ms", "(iii) a registration alone, median (ms)", None),
    ("registrations_during", "(iii) registrations during the import", None),
    ("register_during_ms", "(iii) a registration during it, median (ms)", None),
    ("register_during_max_ms", "(iii) the slowest during it (ms)", None),
    ("import_ratio", "(iii) during / alone (medians)", "≤ 3 (PG), ≤ 5 (SQLite)"),
    ("import_trivial_ratio", "(iii) during / trivial p95", None),
    ("recount_differences", "recount check after the writes: differences", "0"),
]


def report(results: dict[str, dict]) -> str:
    for figures in results.values():
        figures["province_ratio"] = figures["province_ms"] / figures["province_floor_ms"]
        figures["dashboard_ratio"] = figures["dashboard_p95"] / figures["trivial_p95"]
        figures["list_first_ratio"] = figures["list_first_p95"] / figures["trivial_p95"]
        figures["list_5000_ratio"] = figures["list_5000_p95"] / figures["list_first_p95"]
        figures["after_write_ratio"] = figures["after_write_ms"] / figures["trivial_p95"]
        figures["stream_ratio"] = figures["stream_dashboard_p95"] / figures["stream_trivial_p95"]
        figures["import_ratio"] = figures["register_during_ms"] / figures["register_alone_ms"]
        figures["import_trivial_ratio"] = figures["register_during_ms"] / figures["trivial_p95"]
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
    parser.add_argument(
        "--import-rows", type=int, default=IMPORT_ROWS, help="(iii) rows of the imported ledger"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    only, rows = options.partials_only, options.import_rows
    if options.worker:
        print(json.dumps(worker(options.scale, only, rows)))
        return
    results = {}
    if not options.no_sqlite:
        results["SQLite"] = run_on(common.sqlite_url(), options.scale, only, rows)
    if options.postgres:
        results["PostgreSQL"] = run_on(options.postgres, options.scale, only, rows)
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
