import sys

from django.core.management.base import BaseCommand

from fazhi.core.models import Unit
from fazhi.indicators import partials
from fazhi.indicators.catalog import CATALOG


def describe(difference: partials.Difference, names: dict) -> str:
    entry = CATALOG.get(difference.indicator)
    label = f"{difference.indicator}（{entry.name}）" if entry else difference.indicator
    if difference.unit_id is None:
        return f"{label}：{difference.note}"
    where = f"{names.get(difference.unit_id, '已删除的单位')}（{difference.unit_id}）"
    month = f"{difference.month.year}年{difference.month.month}月"
    if difference.note:
        return f"{label} {where} {month}：{difference.note}（存储 {difference.stored}）"
    stored = "无" if difference.stored is None else difference.stored.normalize()
    counted = "0" if difference.counted is None else difference.counted.normalize()
    return f"{label} {where} {month}：存储 {stored}，按记录重新计数 {counted}"


class Command(BaseCommand):
    help = "按记录重新计数每个指标分区数（单位 × 月份），报告与存储值的每处差异；--rebuild 重建"

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="按记录重建全部分区数")

    def handle(self, *args, rebuild=False, **options):
        if rebuild:
            stored = partials.rebuild()
            self.stdout.write(self.style.SUCCESS(f"已重建指标分区数：{stored} 个分区。"))
        differences = partials.check()
        if not differences:
            kept = len(partials.plan().by_id)
            self.stdout.write(
                self.style.SUCCESS(f"指标分区数与记录一致（{kept} 个指标按分区存储），无差异。")
            )
            return
        names = dict(
            Unit.objects.filter(pk__in={d.unit_id for d in differences}).values_list("pk", "name")
        )
        for difference in differences:
            self.stdout.write(describe(difference, names))
        self.stderr.write(
            f"发现 {len(differences)} 处差异。可运行 fazhi indicators_check --rebuild 重建。"
        )
        sys.exit(1)
