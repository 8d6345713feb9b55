import time

from django.core.management.base import BaseCommand, CommandError

from fazhi.indicators import scale_data


class Command(BaseCommand):
    help = (
        "生成省级规模的合成数据（用于性能测试）：1个“合成省”及其市、区县和机关，一年的"
        "行政复议案件（每案一名申请人）和行政应诉案件。PostgreSQL 用 COPY、SQLite 用 "
        f"executemany 批量写入。尚无{scale_data.MISSING_WORK_LINES}模块，暂不生成其数据。"
    )

    def add_arguments(self, parser):
        defaults = scale_data.Options(year=0)
        parser.add_argument("--year", type=int, required=True, help="数据所属年度")
        parser.add_argument("--cities", type=int, default=defaults.cities, help="市的数量")
        parser.add_argument(
            "--districts", type=int, default=defaults.districts, help="区县数量（分配到各市）"
        )
        parser.add_argument(
            "--reconsideration",
            type=int,
            default=defaults.reconsideration,
            help="行政复议案件数",
        )
        parser.add_argument(
            "--lawsuits", type=int, default=defaults.lawsuits, help="行政应诉案件数"
        )
        parser.add_argument(
            "--seed", type=int, default=defaults.seed, help="随机种子（相同种子生成相同数据）"
        )
        parser.add_argument("--batch", type=int, default=defaults.batch, help="每批写入的行数")
        parser.add_argument(
            "--replace", action="store_true", help="先删除已有的合成数据，再重新生成"
        )

    def handle(self, *args, **options):
        settings = scale_data.Options(
            year=options["year"],
            cities=options["cities"],
            districts=options["districts"],
            reconsideration=options["reconsideration"],
            lawsuits=options["lawsuits"],
            seed=options["seed"],
            batch=options["batch"],
            progress=options["verbosity"] > 0,
        )
        started = time.monotonic()
        try:
            scale_data.generate(settings, replace=options["replace"], log=self.stdout.write)
        except scale_data.ScaleDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"合成数据已生成，用时 {time.monotonic() - started:.1f} 秒。")
        )
