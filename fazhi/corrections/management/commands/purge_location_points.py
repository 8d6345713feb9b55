"""Remove location points of subjects whose correction ended more than
FAZHI_CORRECTIONS_LOCATION_RETENTION_DAYS days ago (社区矫正法 第二十九条第三款; docs/rules.md).
Run daily (cron): `fazhi purge_location_points`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from fazhi.corrections import services


class Command(BaseCommand):
    help = "删除解除矫正（终止、移出）超过保存期限的电子定位记录"

    def handle(self, *args, **options):
        admin = (
            get_user_model()
            .objects.filter(is_superuser=True, is_active=True)
            .order_by("pk")
            .first()
        )
        removed = services.purge_location_points(actor=admin)
        self.stdout.write(f"已删除定位记录{removed}条")
