"""Load and faults (issue 14). Not a test: it prints figures measured in one run, on SQLite
and, given `--postgres`, on PostgreSQL. Loopback only, bounded in time and clients.

    .venv/bin/python benchmarks/load_faults.py [--clients 20] [--seconds 30]
        [--import-rows 1000] [--postgres postgres://postgres@127.0.0.1:55432/fazhi_x]

The PostgreSQL database named is emptied and rebuilt (migrate, demo data): give a throw-away
one. For each database, on the demo data, behind gunicorn (2 × cores + 1 workers):

1. **Load.** `--clients` concurrent clients for `--seconds`: 复议 officers of the three
   districts registering cases through the page and stepping them (受理 → 送达副本 → 听取意见),
   each accept posted twice at the same moment from two pages, so that one must be refused;
   leaders of the districts and the city on their dashboards; one officer importing a ledger
   of `--import-rows` historical cases; the trivial page beside them. Afterwards, from the
   database: no response 500, every refusal a page with a message, every step a client was
   told was taken present exactly once, no step twice, and the case and 文书 numbers the run
   gave distinct and without gaps. p50/p95 per page.
2. **Faults.** The server is killed (SIGKILL, every worker) in the middle of a large import,
   and during 复议决定 posted by a leader (at several moments); after a restart nothing is
   half-written: the import is all there or not at all, each case is decided with exactly
   one decide step, one 决定书 and its file, or not decided at all, and the numbers have no
   gap.
"""

import argparse
import datetime
import html.parser
import io
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKERS = 2 * (os.cpu_count() or 1) + 1
DISTRICTS = ("donghu", "xishan", "nanqiao")
IMPORT_PREFIX = "负载导入"


# — HTTP —


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Client:
    """One browser: its session cookie and the CSRF cookie the pages set."""

    def __init__(self, base: str, cookie: str):
        self.base, self.cookies = base, dict([cookie.split("=", 1)])

    def _send(self, path: str, data: bytes | None = None, content_type: str = ""):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if data is not None:
            headers["Content-Type"] = content_type
            headers["Referer"] = self.base + path
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        started = time.perf_counter()
        try:
            response = OPENER.open(request, timeout=300)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        body = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), body, elapsed

    def get(self, path: str):
        return self._send(path)

    def post(self, path: str, fields: dict):
        return self._send(
            path,
            urllib.parse.urlencode(fields, doseq=True).encode(),
            "application/x-www-form-urlencoded",
        )

    def post_file(self, path: str, fields: dict, name: str, filename: str, content: bytes):
        boundary = "----fazhiload" + str(random.random())[2:]
        parts = []
        for key, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            )
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        return self._send(path, b"".join(parts), f"multipart/form-data; boundary={boundary}")


class FormReader(html.parser.HTMLParser):
    """The fields of the page's form that carries a form token, with their initial values."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"action": attrs.get("action", ""), "fields": {}, "checkboxes": set()}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind == "checkbox":
                self.current["checkboxes"].add(attrs["name"])
                if "checked" in attrs:
                    self.current["fields"][attrs["name"]] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.current["fields"][attrs["name"]] = attrs.get("value", "")
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
            self.current["fields"].setdefault(self.select, "")
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if ("selected" in attrs or not self.current["fields"][self.select]) and value:
                self.current["fields"][self.select] = value
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = attrs["name"]
            self.current["fields"][self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.current = None

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current["fields"][self.textarea] += data


def token_form(page: str) -> dict:
    reader = FormReader()
    reader.feed(page)
    return next(f for f in reader.forms if "form_token" in f["fields"])


MESSAGE = re.compile(r'class="(?:errorlist|alert alert-error|field-error)[^"]*"[^>]*>(.*?)</', re.S)


def refusal_of(page: str) -> str:
    found = MESSAGE.search(page)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip() if found else ""


# — the run inside one database —


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.timings: dict[str, list[float]] = {}
        self.errors: list[str] = []  # 500s and pages without a message
        self.refusals: list[str] = []
        self.steps: dict[tuple[int, str], int] = {}  # (case pk, action) → successes told
        self.cases: list[int] = []

    def time(self, page: str, ms: float, status: int, path: str):
        with self.lock:
            self.timings.setdefault(page, []).append(ms)
            if status >= 500:
                self.errors.append(f"{status} {path}")

    def took(self, case: int, action: str):
        with self.lock:
            self.steps[(case, action)] = self.steps.get((case, action), 0) + 1


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def officer_loop(client: Client, tally: Tally, until: float, today: datetime.date, serial: int):
    def register() -> int | None:
        status, _, page, ms = client.get("/reconsideration/cases/new/")
        tally.time("register (GET)", ms, status, "register")
        form = token_form(page)
        fields = {
            **form["fields"],
            "channel": "in_person",
            "received_date": today.isoformat(),
            "applicant_kind": "person",
            "applicant_name": f"负载申请人{serial}",
            "applicant_id_number": "11010519491231002X",
            "act_kind": "penalty",
            "act_date": (today - datetime.timedelta(days=20)).isoformat(),
            "act_known_date": (today - datetime.timedelta(days=10)).isoformat(),
            "request": "请求撤销罚款决定",
            "rights_notified": "on",
        }
        status, location, page, ms = client.post("/reconsideration/cases/new/", fields)
        tally.time("register (POST)", ms, status, "register")
        match = re.search(r"/reconsideration/cases/(\d+)/$", location)
        if status == 302 and match:
            tally.took(int(match[1]), "register")
            return int(match[1])
        if status < 500 and not refusal_of(page):
            tally.errors.append(f"register: {status} without a message")
        return None

    def step_form(case: int, action: str) -> dict | None:
        path = f"/reconsideration/cases/{case}/step/?action={action}"
        status, _, page, ms = client.get(path)
        tally.time("step (GET)", ms, status, path)
        if status != 200:
            return None
        form = token_form(page)
        fields = dict(form["fields"])
        for name in form["checkboxes"]:
            if name.startswith("condition_"):
                fields[name] = "on"
        for name, value in fields.items():
            if not value and name in ("summary", "reasons"):
                fields[name] = "负载测试：听取的意见"
            elif not value and name == "date":  # the step is taken today
                fields[name] = today.isoformat()
        fields.setdefault("procedure", "ordinary")
        fields["action"] = action
        return fields

    def step(case: int, action: str, fields: dict) -> bool:
        path = f"/reconsideration/cases/{case}/step/?action={action}"
        status, location, page, ms = client.post(path, fields)
        tally.time("step (POST)", ms, status, path)
        if status == 302 and location.rstrip("/").endswith(f"/cases/{case}"):
            tally.took(case, action)
            return True
        message = refusal_of(page)
        with tally.lock:
            if message:
                tally.refusals.append(message)
            elif status < 500:
                tally.errors.append(f"{action}: {status} without a message")
        return False

    while time.monotonic() < until:
        case = register()
        if case is None:
            continue
        # The same step from two pages at once: one is taken, the other refused.
        forms = [step_form(case, "accept"), step_form(case, "accept")]
        threads = [threading.Thread(target=step, args=(case, "accept", f)) for f in forms if f]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for action in ("send_copy", "hear_views"):
            if time.monotonic() >= until:
                break
            fields = step_form(case, action)
            if fields:
                step(case, action, fields)


def leader_loop(client: Client, tally: Tally, until: float, paths: list[str]):
    while time.monotonic() < until:
        for path in paths:
            status, _, _, ms = client.get(path)
            tally.time(path.split("?")[0] if "?" not in path else "dashboard", ms, status, path)


def trivial_loop(client: Client, tally: Tally, until: float):
    while time.monotonic() < until:
        status, _, _, ms = client.get("/healthz/")
        tally.time("trivial (/healthz/)", ms, status, "/healthz/")
        time.sleep(0.05)


def ledger(rows: int, prefix: str, year: int = 2025) -> bytes:
    from openpyxl import Workbook

    from fazhi.reconsideration.imports import CASES

    book = Workbook()
    sheet = book.active
    sheet.append([field.label for field in CASES.fields])
    example = list(CASES.example)
    for index in range(1, rows + 1):
        row = list(example)
        row[0] = f"{prefix}〔{year}〕第{index}号"
        row[2] = f"导入申请人{index}"
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_once(client: Client, tally: Tally | None, content: bytes):
    status, _, page, _ = client.get("/reconsideration/cases/import/")
    token = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    }
    status, location, page, ms = client.post_file(
        "/reconsideration/cases/import/", token, "file", "台账.xlsx", content
    )
    if tally is not None:
        tally.time("import (POST)", ms, status, "import")
    return status, page


class Server:
    def __init__(self, port: int, log: Path):
        self.port, self.process, self.log = port, None, log

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "fazhi.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(WORKERS), "--timeout", "300"],
            env={**os.environ, "FAZHI_DB_CONN_MAX_AGE": "60"},
            stdout=subprocess.DEVNULL, stderr=self.log.open("a"), start_new_session=True,
        )  # fmt: skip
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz/", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def kill(self):
        """SIGKILL to the master and every worker: no worker finishes its request."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def session_cookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def numbering_problems(before_case: int, before_document: int) -> list[str]:
    """Cases and 文书 made since the pks given: numbers distinct, no gaps, each sequence's
    last serial the highest given."""
    from fazhi.core.models import NumberSequence
    from fazhi.reconsideration import documents
    from fazhi.reconsideration.models import Case, Document

    problems = []
    groups: dict[tuple, list[int]] = {}
    for case in Case.objects.filter(pk__gt=before_case).exclude(number__startswith=IMPORT_PREFIX):
        serial = int(re.search(r"(\d+)号$", case.number)[1])
        groups.setdefault(
            (case.unit_id, documents.sequence_kind("case"), case.received_date.year), []
        ).append(serial)
    for document in Document.objects.filter(pk__gt=before_document):
        if not document.file or not Path(document.file.path).exists():
            problems.append(f"文书{document.number or document.pk}没有文件")
        if document.serial is None:  # a draft: numbered only when issued (issue 13)
            continue
        groups.setdefault(
            (document.unit_id, documents.sequence_kind(document.kind), document.year), []
        ).append(document.serial)
    for (unit, kind, year), serials in groups.items():
        last = NumberSequence.objects.get(unit_id=unit, kind=kind, year=year).last
        if len(set(serials)) != len(serials):
            problems.append(f"{kind} {year}: 编号重复")
        expected = set(range(last - len(serials) + 1, last + 1))
        if set(serials) != expected:
            problems.append(f"{kind} {year}: 编号有缺口（{sorted(expected - set(serials))[:5]}）")
    return problems


def load_phase(base: str, users: dict, clients: int, seconds: float, import_rows: int) -> dict:
    from fazhi.core.models import Unit
    from fazhi.reconsideration.models import Case, Document, Step

    today = datetime.date.today()
    before_case = Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before_document = Document.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    tally = Tally()
    until = time.monotonic() + seconds
    city = Unit.objects.get(name="示范市")
    dashboards = [f"/indicators/?unit={city.pk}", "/indicators/"]
    threads, serial = [], 0
    officers = max(1, (clients - 2) * 3 // 5)
    for index in range(officers):
        serial += 1000
        user = users[f"{DISTRICTS[index % 3]}_officer"]
        client = Client(base, session_cookie(user))
        threads.append(
            threading.Thread(target=officer_loop, args=(client, tally, until, today, serial))
        )
    leaders = [users[f"{d}_leader"] for d in DISTRICTS] + [users["city_leader"]]
    for index in range(max(0, clients - 2 - officers)):
        user = leaders[index % len(leaders)]
        paths = dashboards[1:] if user.username != "city_leader" else dashboards
        threads.append(
            threading.Thread(
                target=leader_loop, args=(Client(base, session_cookie(user)), tally, until, paths)
            )
        )
    threads.append(
        threading.Thread(
            target=trivial_loop,
            args=(Client(base, session_cookie(users["donghu_officer"])), tally, until),
        )
    )
    content = ledger(import_rows, IMPORT_PREFIX)
    imported = {}

    def importer():
        status, page = import_once(
            Client(base, session_cookie(users["donghu_officer"])), tally, content
        )
        imported["status"] = status

    threads.append(threading.Thread(target=importer))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    problems = list(tally.errors)
    for (case, action), told in tally.steps.items():
        stored = (
            1 if action == "register" else Step.objects.filter(case_id=case, action=action).count()
        )
        if stored != told:
            problems.append(f"案件{case} {action}: 告知成功{told}次，记录{stored}次")
    taken = Step.objects.filter(case__pk__gt=before_case).exclude(action="import")
    told = {key for key in tally.steps}
    for case, action in taken.values_list("case_id", "action"):
        if action in ("accept", "send_copy", "hear_views") and (case, action) not in told:
            problems.append(f"案件{case} {action}: 记录了未告知成功的步骤")
    registered = (
        Case.objects.filter(pk__gt=before_case).exclude(number__startswith=IMPORT_PREFIX).count()
    )
    if registered != sum(1 for (_, action) in tally.steps if action == "register"):
        problems.append("登记的案件数与告知成功的次数不符")
    imported_count = Case.objects.filter(number__startswith=IMPORT_PREFIX).count()
    if imported.get("status") != 302 or imported_count != import_rows:
        problems.append(f"导入：状态{imported.get('status')}，导入{imported_count}/{import_rows}件")
    problems += numbering_problems(before_case, before_document)
    accepts = sum(1 for (_, action) in tally.steps if action == "accept")
    raced = [r for r in tally.refusals if "刚刚已由他人办理" in r]
    return {
        "seconds": round(elapsed, 1),
        "clients": len(threads),
        "requests": sum(len(t) for t in tally.timings.values()),
        "server_errors": len([e for e in tally.errors if e[:1] == "5"]),
        "problems": problems[:20],
        "registered": registered,
        "accepted": accepts,
        "refusals": len(tally.refusals),
        "raced_refusals": len(raced),
        "refusal_example": tally.refusals[0] if tally.refusals else "",
        "refusal_kinds": sorted({re.sub(r"\d+", "N", r) for r in tally.refusals})[:6],
        "imported": imported_count,
        "import_seconds": round(tally.timings.get("import (POST)", [0])[0] / 1000, 1),
        "pages": {
            page: [round(v, 1) for v in percentiles(t)] + [len(t)]
            for page, t in sorted(tally.timings.items())
        },
    }


def fault_phase(
    server: Server, base: str, users: dict, import_rows: int, trials: int, import_seconds: float
) -> dict:
    from fazhi.reconsideration import services
    from fazhi.reconsideration.models import ActKind, Case, Channel, Document, State, Step
    from fazhi.reconsideration.tests.conftest import ALL_CONDITIONS

    results, problems = {}, []
    officer, leader = users["donghu_officer"], users["donghu_leader"]
    before_case = Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    before_document = Document.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    # (1) mid-import: the whole ledger or nothing.
    prefix = IMPORT_PREFIX + "故障"
    content = ledger(import_rows, prefix)
    thread = threading.Thread(
        target=lambda: _ignore(import_once, Client(base, session_cookie(officer)), None, content)
    )
    thread.start()
    # Half-way through, by the time the same import took under load.
    time.sleep(results.setdefault("import_killed_after_s", round(import_seconds / 2, 1)))
    server.kill()
    thread.join()
    server.start()
    count = Case.objects.filter(number__startswith=prefix).count()
    results["import_rows_after_kill"] = count
    if count not in (0, import_rows):
        problems.append(f"导入中断后留下{count}/{import_rows}件")

    # (2) mid-decision: decided completely or not at all.
    received = datetime.date.today() - datetime.timedelta(days=30)
    decided = undecided = 0
    for trial in range(trials):
        case = services.register_case(
            actor=officer, unit=officer.memberships.first().unit, channel=Channel.IN_PERSON,
            received_date=received, request="请求撤销罚款决定", respondent=None,
            respondent_name="东湖区某局", act_kind=ActKind.PENALTY,
            act_date=received - datetime.timedelta(days=20), act_known_date=received - datetime.timedelta(days=10),
            applicants=[{"kind": "person", "name": f"故障申请人{trial}", "id_number": "11010519491231002X"}],
        )  # fmt: skip
        case = services.accept(
            actor=officer, case=case, date=received, conditions=ALL_CONDITIONS, procedure="ordinary"
        )
        case = services.hear_views(actor=officer, case=case, date=received, summary="听取意见")
        client = Client(base, session_cookie(leader))
        path = f"/reconsideration/cases/{case.pk}/step/?action=decide"
        form = token_form(client.get(path)[2])["fields"]
        form.update(
            action="decide", date=datetime.date.today().isoformat(), outcome="upheld",
            reasons="事实清楚，证据确凿，适用依据正确，程序合法，内容适当。", approval="leader",
        )  # fmt: skip
        post = threading.Thread(target=lambda c=client, p=path, f=form: _ignore(c.post, p, f))
        post.start()
        time.sleep(random.uniform(0.0, 0.6))  # anywhere from before to after the commit
        server.kill()
        post.join()
        server.start()
        case = Case.objects.get(pk=case.pk)
        steps = Step.objects.filter(case=case, action="decide").count()
        decisions = Document.objects.filter(case=case, kind="decision")
        if case.state == State.AWAITING_SERVICE:
            decided += 1
            if steps != 1 or decisions.count() != 1:
                problems.append(
                    f"案件{case.pk}: 已决定但决定步骤{steps}个、决定书{decisions.count()}份"
                )
        else:
            undecided += 1
            if steps or decisions.exists():
                problems.append(
                    f"案件{case.pk}: 未决定却有决定步骤{steps}个、决定书{decisions.count()}份"
                )
    results.update(decide_trials=trials, decided_before_kill=decided, not_decided=undecided)
    problems += numbering_problems(before_case, before_document)
    results["problems"] = problems
    return results


def _ignore(function, *args):
    try:
        function(*args)
    except Exception:  # the server was killed under the request: expected
        return None


def worker(clients: int, seconds: float, import_rows: int, trials: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("load_demo", verbosity=0)
    load_seconds = time.monotonic() - started
    users = {u.username: u for u in get_user_model().objects.all()}
    server = Server(free_port(), Path(os.environ["FAZHI_VAR_DIR"]) / "gunicorn.log")
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        figures = {
            "engine": connection.vendor,
            "demo_load_s": round(load_seconds, 1),
            "workers": WORKERS,
        }
        figures["load"] = load_phase(base, users, clients, seconds, import_rows)
        if figures["load"]["server_errors"]:
            log = server.log.read_text(errors="replace")
            figures["load"]["problems"] += sorted(
                {
                    line
                    for line in log.splitlines()
                    if re.match(r"^[\w.]+(Error|Exception|Interrupted)\b", line)
                }
            )[:5]
        import_seconds = figures["load"]["import_seconds"]
        figures["faults"] = fault_phase(server, base, users, import_rows, trials, import_seconds)
    finally:
        server.stop()
    return figures


def run_on(database_url: str, args) -> dict:
    with tempfile.TemporaryDirectory() as var:
        env = {**os.environ, "DATABASE_URL": database_url, "FAZHI_VAR_DIR": var}
        output = subprocess.run(
            [sys.executable, __file__, "--worker", "--clients", str(args.clients),
             "--seconds", str(args.seconds), "--import-rows", str(args.import_rows),
             "--trials", str(args.trials)],
            env=env, cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if output.returncode:
            raise SystemExit(output.stdout[-2000:] + output.stderr[-4000:])
        return json.loads(output.stdout.strip().splitlines()[-1])


def report(results: dict) -> str:
    lines = []
    for name, figures in results.items():
        load, faults = figures["load"], figures["faults"]
        lines += [
            f"## {name} ({figures['engine']}, gunicorn {figures['workers']} workers)",
            f"load: {load['clients']} clients, {load['seconds']} s, {load['requests']} requests, "
            f"{load['server_errors']} responses 500; {load['registered']} cases registered, "
            f"{load['accepted']} accepted, {load['refusals']} refusals ({load['raced_refusals']} "
            f"for a step just taken by another page, e.g. “{load['refusal_example']}”), "
            f"{load['imported']} cases imported",
            f"problems: {load['problems'] or 'none'}",
            f"refusals seen: {load['refusal_kinds']}",
            "| page | p50 ms | p95 ms | requests |",
            "|---|---:|---:|---:|",
            *(f"| {page} | {p50} | {p95} | {n} |" for page, (p50, p95, n) in load["pages"].items()),
            f"faults: import killed after {faults['import_killed_after_s']} s → "
            f"{faults['import_rows_after_kill']} rows present; {faults['decide_trials']} decisions "
            f"killed: {faults['decided_before_kill']} complete, {faults['not_decided']} not decided; "
            f"problems: {faults['problems'] or 'none'}",
            "",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument(
        "--seconds",
        type=float,
        default=30,
        help="length of the load phase (120 for the issue's run)",
    )
    parser.add_argument("--import-rows", type=int, default=1000)
    parser.add_argument("--trials", type=int, default=4, help="decisions killed in the fault phase")
    parser.add_argument("--postgres", help="a throw-away PostgreSQL database (emptied)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.clients <= 50 or not 1 <= args.seconds <= 600:
        parser.error("at most 50 clients and 600 seconds")
    if args.worker:
        print(json.dumps(worker(args.clients, args.seconds, args.import_rows, args.trials)))
        return
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = run_on(f"sqlite:///{folder}/load.sqlite3", args)
    if args.postgres:
        host = urllib.parse.urlparse(args.postgres).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            parser.error("loopback only: the PostgreSQL server must be on 127.0.0.1")
        results["PostgreSQL"] = run_on(args.postgres, args)
    print(report(results))


if __name__ == "__main__":
    main()
