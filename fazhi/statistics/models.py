"""Statistical returns (统计报表): the tables as data (a versioned `ReturnTemplate` whose cells
are catalog indicators or typed figures), a unit's `StatReturn` for one period with its values
and their provenance, the frozen `ReturnVersion` of every 上报, and 催报 notices."""

from django.conf import settings
from django.db import models

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, UnitRecord


class PeriodType(models.TextChoices):
    MONTH = "month", "月报"
    QUARTER = "quarter", "季报"
    HALF = "half", "半年报"
    YEAR = "year", "年报"


class ReturnTemplate(models.Model):
    """One version of a 报表制度's table. `layout` holds the columns and rows: each row's
    cells are an indicator id of the catalog, a manual figure, a sum or a rate of other
    cells (tables.py checks them); `checks` the table's balance, logic and cross-table
    rules. A return keeps the version it was filled on, so last year's returns render last
    year's table."""

    code = models.CharField("表号", max_length=40)
    version = models.PositiveSmallIntegerField("版本", default=1)
    name = models.CharField("表名", max_length=120)
    work_line = models.CharField("业务条线", max_length=40)
    issuer = models.CharField("制定机关", max_length=120)
    approver = models.CharField("批准机关", max_length=120, blank=True)
    approval_number = models.CharField("批准文号", max_length=80, blank=True)
    period_type = models.CharField("报告期别", max_length=8, choices=PeriodType.choices)
    due_day = models.PositiveSmallIntegerField("报送日（报告期结束后次月几日前）")
    consolidation_days = models.PositiveSmallIntegerField("上级汇总另加天数", default=5)
    scope_text = models.CharField("填报范围", max_length=200)
    valid_from = models.PositiveSmallIntegerField("适用起始年度")
    valid_until = models.PositiveSmallIntegerField("适用截止年度", null=True, blank=True)
    layout = models.JSONField("表式")
    checks = models.JSONField("审核规则", default=list, blank=True)
    notes = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="stat_template_version")
        ]
        verbose_name = "报表制度"

    def __str__(self) -> str:
        return f"{self.code} {self.name}（第{self.version}版）"


class State(models.TextChoices):
    DRAFT = "draft", "草稿"
    FILLED = "filled", "填报完成"
    APPROVED = "approved", "审核通过"
    RETURNED = "returned", "已退回"
    SUBMITTED = "submitted", "已上报"
    ACCEPTED = "accepted", "上级审核通过"
    LOCKED = "locked", "已汇总锁定"


EDITABLE = (State.DRAFT, State.RETURNED)
# Submitted to the superior: the values are frozen (a correction needs the superior's unlock).
FROZEN = (State.SUBMITTED, State.ACCEPTED, State.LOCKED)


class StatReturn(UnitRecord):
    """A filing unit's return of one template and period, for its area (the 司法局 files for
    its 区/县 or 市). A consolidating area's return sums its children's submitted returns
    plus the records of its own units."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="填报单位"
    )
    area = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="统计区域"
    )
    template = models.ForeignKey(ReturnTemplate, on_delete=models.PROTECT, verbose_name="报表")
    period_key = models.CharField("报告期", max_length=10)
    period_start = models.DateField("报告期起")
    period_end = models.DateField("报告期止")
    due_date = models.DateField("报送期限")
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFT)
    consolidated = models.BooleanField("汇总表", default=False)
    values = models.JSONField("数值", default=dict, blank=True)
    # Where each value came from: computed (from records), manual, consolidated, derived.
    sources = models.JSONField("数据来源", default=dict, blank=True)
    explanations = models.JSONField("说明", default=dict, blank=True)
    # The counted cells' figures as the records gave them at the last 取数: a cell the filler
    # typed over (source "override") shows the difference to these.
    records = models.JSONField("记录数", default=dict, blank=True)
    # 零上报: the unit declared, signed, that it has nothing to report this period.
    nil_return = models.BooleanField("零上报", default=False)
    # Consolidation: the children's returns summed ({child return pk: [version, values]}).
    parts = models.JSONField("汇总来源", default=dict, blank=True)
    computed_at = models.DateTimeField("计算时间", null=True, blank=True)
    version = models.PositiveSmallIntegerField("版本", default=0)
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="填表人",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="审核人",
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="单位负责人（签字）",
    )
    submitted_on = models.DateField("上报日期", null=True, blank=True)
    on_time = models.BooleanField("按期上报", null=True, blank=True)
    comment = models.TextField("退回或解锁意见", blank=True)

    detail_url_name = "statistics:return_detail"

    class Meta:
        ordering = ["-period_end", "template__code", "area__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "area", "period_key"], name="stat_return_once"
            )
        ]
        verbose_name = "统计报表"

    def __str__(self) -> str:
        return f"{self.area.name}{self.period_label}《{self.template.name}》"

    @property
    def period_label(self) -> str:
        from .periods import label

        return label(self.period_key)

    @property
    def frozen(self) -> bool:
        return self.state in FROZEN

    def latest_version(self):
        """The last 上报's kept values (from `versions` when prefetched: a consolidation reads
        all its children's in one query, selectors.children_returns)."""
        if "versions" in getattr(self, "_prefetched_objects_cache", {}):
            return max(self.versions.all(), key=lambda v: v.number, default=None)
        return self.versions.order_by("-number").first()


class ReturnVersion(ChildRecord):
    """The values of one 上报, kept as they were sent."""

    parent_field = "statreturn"
    statreturn = models.ForeignKey(StatReturn, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField("版本号")
    values = models.JSONField("数值", blank=True)
    explanations = models.JSONField("说明", default=dict, blank=True)
    submitted_on = models.DateField("上报日期")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="签字人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["statreturn", "number"]
        constraints = [
            models.UniqueConstraint(fields=["statreturn", "number"], name="stat_version_once")
        ]
        verbose_name = "报表版本"

    def __str__(self) -> str:
        return f"{self.statreturn}第{self.number}版"


class UrgeNotice(UnitRecord):
    """催报: the consolidating unit reminds a child area's filing unit (`unit`) of a return;
    on the child's due list until that return is submitted."""

    template = models.ForeignKey(ReturnTemplate, on_delete=models.PROTECT, verbose_name="报表")
    area = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="被催报区域"
    )
    period_key = models.CharField("报告期", max_length=10)
    urged_on = models.DateField("催报日期")
    message = models.CharField("催报内容", max_length=300)

    class Meta:
        ordering = ["-urged_on", "pk"]
        verbose_name = "催报"

    def __str__(self) -> str:
        return f"催报：{self.area.name}《{self.template.name}》"


class SendBackKind(models.TextChoices):
    RETURN_FOR_CORRECTION = "return_for_correction", "本级审核退回修改"
    SEND_BACK = "send_back", "上级退回"
    UNLOCK = "unlock_return", "上级解锁更正"


class SendBack(ChildRecord):
    """One sending back of a return for correction (退回修改, 上级退回, 解锁更正): the
    register `statistics.returned_for_correction` counts."""

    parent_field = "statreturn"
    statreturn = models.ForeignKey(
        StatReturn, on_delete=models.PROTECT, related_name="send_backs", verbose_name="报表"
    )
    kind = models.CharField("退回方式", max_length=24, choices=SendBackKind.choices)
    returned_on = models.DateField("退回日期")
    comment = models.TextField("退回意见")
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="退回人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-returned_on", "pk"]
        verbose_name = "报表退回记录"

    def __str__(self) -> str:
        return f"{self.statreturn}{self.get_kind_display()}（{self.returned_on:%Y-%m-%d}）"

    def get_absolute_url(self) -> str:
        return self.statreturn.get_absolute_url()
