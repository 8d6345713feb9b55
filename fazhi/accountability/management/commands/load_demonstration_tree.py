"""Load the shipped 示范指标体系 (2021) into an empty assessment scheme version."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from fazhi.accountability import services
from fazhi.accountability.models import AssessmentScheme


class Command(BaseCommand):
    help = "把《市县法治政府建设示范指标体系（2021年版）》载入一个空白的考核方案版本"

    def add_arguments(self, parser):
        parser.add_argument("scheme", type=int, help="考核方案编号（pk）")
        parser.add_argument("--user", required=True, help="办理人用户名（依法治办或系统管理员）")

    def handle(self, *args, scheme, user, **options):
        actor = get_user_model().objects.filter(username=user).first()
        record = AssessmentScheme.objects.filter(pk=scheme).first()
        if actor is None or record is None:
            raise CommandError("用户或考核方案不存在")
        try:
            count = services.load_shipped_tree(actor=actor, scheme=record)
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from error
        self.stdout.write(f"已载入{count}项指标")
