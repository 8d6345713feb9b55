from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from fazhi.core import demo


class Command(BaseCommand):
    help = "建立演示数据（示范市及其三个区县、各角色用户和各业务的演示记录）"

    def handle(self, *args, **options):
        if demo.demo_loaded():
            self.stdout.write("演示数据已存在，跳过。")
            return
        steps = demo.builders()
        with tqdm(total=len(steps), desc="建立演示数据", unit="步") as bar, transaction.atomic():

            def progress(label):
                bar.set_postfix_str(label)
                bar.update(1)

            demo.build_demo(progress)
        self.stdout.write(self.style.SUCCESS("演示数据已建立。"))
