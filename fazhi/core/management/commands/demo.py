from django.core.management import call_command
from django.core.management.base import BaseCommand

from fazhi.core import demo


class Command(BaseCommand):
    help = "迁移数据库、建立演示数据并在 http://127.0.0.1:8000 启动平台"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo")
        call_command("notify")  # today's reminders: the inbox, and mails on this console
        self.stdout.write(demo.DEMO_ACCOUNTS_HELP)
        self.stdout.write(self.style.SUCCESS(f"请在浏览器中打开 http://{addrport}/"))
        call_command("runserver", addrport, use_reloader=False)
