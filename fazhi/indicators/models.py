"""The stored partial figures of the counted indicators (`partials.py`): one row per
(indicator, unit, month) whose records give a figure other than zero, always a fresh count
of them, never incremented."""

from django.db import models


class Partial(models.Model):
    """The figure of one indicator over one unit's own records dated in one month."""

    changes_no_figures = True  # derived from the records: no data version of its own

    indicator = models.CharField("指标", max_length=100)
    unit = models.ForeignKey("core.Unit", on_delete=models.CASCADE, related_name="+")
    month = models.DateField("月份")  # the first day of the month
    value = models.DecimalField("数值", max_digits=24, decimal_places=4)

    class Meta:
        verbose_name = verbose_name_plural = "指标分区数"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "month"], name="indicators_partial_unique"
            )
        ]
        indexes = [models.Index(fields=["indicator", "month"], name="indicators_partial_month")]

    def __str__(self):
        return f"{self.indicator} {self.unit_id} {self.month:%Y-%m}: {self.value}"


class PartialState(models.Model):
    """That the partials of an indicator were built, and under which definition (a changed
    definition of the indicator makes its partials unusable until rebuilt)."""

    changes_no_figures = True

    indicator = models.CharField("指标", max_length=100, primary_key=True)
    fingerprint = models.CharField("定义摘要", max_length=64)
    built_at = models.DateTimeField("建立时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "指标分区数状态"

    def __str__(self):
        return self.indicator
