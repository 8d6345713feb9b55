from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "备份数据库（引擎自身格式）和 var/media 下的附件与文书到一个归档文件；密钥不在其中"

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="归档文件路径，例如 fazhi-2026-12-01.tar.gz")

    def handle(self, *args, path, **options):
        try:
            manifest = create_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"已备份到 {path}：{manifest['engine']} 数据库 {len(manifest['tables'])} 张表 "
                f"{rows} 行，文件 {len(manifest['media'])} 个"
            )
        )
        self.stdout.write("注意：密钥不在备份中，请另行保管 var/secret_key 或 FAZHI_SECRET_KEY。")
