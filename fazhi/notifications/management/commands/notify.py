import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.notifications import services, tasks


class Command(BaseCommand):
    help = "生成今日的到期提醒并发送邮件（可重复运行：同一提醒只发送一次，发送失败的按上限重试）"

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None)
        parser.add_argument(
            "--queue", action="store_true", help="交给后台任务进程执行（fazhi db_worker）"
        )

    def handle(self, *args, today=None, queue=False, **options):
        if queue:
            result = tasks.send_reminders.enqueue(today.isoformat() if today else None)
            self.stdout.write(f"已加入后台任务队列（{result.id}）")
            return
        run = services.notify(today=today or timezone.localdate())
        self.stdout.write(f"新通知 {run.made} 条，邮件发送 {run.sent} 条，失败 {run.failed} 条")
        failed = services.failed_deliveries()
        for notice in failed:
            self.stdout.write(
                f"发送失败（{notice.attempts} 次）：{notice.user} {notice} — {notice.error}"
            )
