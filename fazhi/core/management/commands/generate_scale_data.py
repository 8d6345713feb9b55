import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from fazhi.core import scale


def _scale(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"规模应为数字，如 0.1，而不是“{text}”。") from None


class Command(BaseCommand):
    help = (
        "生成省级规模的合成数据（用于性能测试）：1个“合成省”及其市、区县和机关，各业务条线"
        "一年的记录（如行政复议案件、行政应诉案件）。PostgreSQL 用 COPY、SQLite 用 "
        "executemany 批量写入。"
        + (
            f"尚无{scale.MISSING_WORK_LINES}模块，暂不生成其数据。"
            if scale.MISSING_WORK_LINES
            else ""
        )
    )

    def add_arguments(self, parser):
        defaults = scale.Options(year=0, counts={})
        lines = "、".join(
            f"{maker.line}（{maker.label}，规模为1时{maker.full_count}条）"
            for maker in scale.makers()
        )
        parser.add_argument("--year", type=int, required=True, help="数据所属年度")
        parser.add_argument("--cities", type=int, default=defaults.cities, help="市的数量")
        parser.add_argument(
            "--districts", type=int, default=defaults.districts, help="区县数量（分配到各市）"
        )
        parser.add_argument(
            "--scale",
            type=_scale,
            default=1.0,
            help="未用 --count 指定的条线按此比例生成（1 为全量）",
        )
        parser.add_argument(
            "--count",
            action="append",
            default=[],
            metavar="条线=数量",
            help=f"某条线的记录数，可重复，如 --count reconsideration=1000000。条线：{lines}",
        )
        parser.add_argument(
            "--seed", type=int, default=defaults.seed, help="随机种子（相同种子生成相同数据）"
        )
        parser.add_argument("--batch", type=int, default=defaults.batch, help="每批写入的行数")
        parser.add_argument(
            "--replace", action="store_true", help="先删除已有的合成数据，再重新生成"
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            settings = scale.Options(
                year=options["year"],
                counts=scale.line_counts(options["scale"], options["count"]),
                cities=options["cities"],
                districts=options["districts"],
                seed=options["seed"],
                batch=options["batch"],
                progress=options["verbosity"] > 0,
            )
            scale.generate(settings, replace=options["replace"], log=self.stdout.write)
        except scale.ScaleDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"合成数据已生成，用时 {time.monotonic() - started:.1f} 秒。")
        )
