import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from fazhi.core import demo


class Command(BaseCommand):
    help = "迁移数据库、建立演示数据并在 http://127.0.0.1:8000 启动平台（后台任务进程同时启动）"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo")
        call_command("notify")  # today's reminders: the inbox, and mails on this console
        self.stdout.write(demo.DEMO_ACCOUNTS_HELP)
        self.stdout.write(self.style.SUCCESS(f"请在浏览器中打开 http://{addrport}/"))
        worker = start_worker()
        # a server stopped by SIGTERM stops its worker too (as Ctrl-C does)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            stop_worker(worker)


def start_worker() -> subprocess.Popen | None:
    """The background worker (imports, reminders) beside the server, when tasks go through
    the database backend; it stops when the server stops."""
    if "DatabaseBackend" not in settings.TASKS["default"]["BACKEND"]:
        return None
    command = [sys.executable, "-m", "fazhi.manage", "db_worker", "--no-reload", "--interval=1"]
    return subprocess.Popen(command)


def stop_worker(worker: subprocess.Popen | None) -> None:
    if worker is None or worker.poll() is not None:
        return
    worker.terminate()  # the worker finishes its task, then exits
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
