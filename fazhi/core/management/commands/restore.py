from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "从 fazhi backup 的归档恢复数据库和 var/media（覆盖现有数据；请先停止平台）"

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="fazhi backup 写出的归档文件")
        parser.add_argument("--noinput", action="store_true", help="不再询问确认（用于脚本）")

    def handle(self, *args, path, noinput, **options):
        try:
            manifest = read_manifest(path)
            if not noinput:
                answer = input(
                    f"将用 {manifest['created_at']} 的备份覆盖当前数据库和附件，输入 yes 继续："
                )
                if answer.strip() != "yes":
                    raise CommandError("已取消恢复")
            notes = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"已从 {path} 恢复，记录数与备份一致"))
        for note in notes:
            self.stdout.write(note)
