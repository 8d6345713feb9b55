"""Stored reports: what the reader found in one uploaded 法治政府建设情况报告."""

from django.conf import settings
from django.db import models

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, ScopedRecord


class ReadReport(ScopedRecord):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上传人"
    )
    file_name = models.CharField("文件名", max_length=255)
    text = models.TextField("正文")
    region = models.CharField("地区", max_length=100, blank=True)
    agency = models.CharField("报告机关", max_length=200, blank=True)
    level = models.CharField("层级", max_length=40, blank=True)
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    published = models.DateField("发布日期", null=True, blank=True)
    sections = models.JSONField("组成部分", default=dict)
    result = models.JSONField("解析结果", default=dict)
    is_public = models.BooleanField("公开", default=False)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    scope_owner_fields = ("uploaded_by",)
    detail_url_name = "report_reader:report_detail"
    # Published reports are public documents: once marked, every platform user may read them.
    scope_public_field = "is_public"

    class Meta:
        verbose_name = "解析报告"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name


class ReportFigure(ChildRecord):
    """A figure as the reader found it, and as a person confirmed, corrected or excluded it.
    A correction keeps what was read (`read_indicator`, `read_value`); comparisons count the
    reviewed figure and never an excluded one."""

    class Confidence(models.TextChoices):
        EXACT = "exact", "确切"
        NEAREST = "nearest", "就近匹配"
        INFERRED = "inferred", "推断条线"

    class Review(models.TextChoices):
        PENDING = "", "待确认"
        CONFIRMED = "confirmed", "已确认"
        CORRECTED = "corrected", "已更正"
        REJECTED = "rejected", "已排除"

    report = models.ForeignKey(ReadReport, on_delete=models.CASCADE, related_name="figures")
    indicator = models.CharField("指标", max_length=100, db_index=True)
    value = models.DecimalField("数值", max_digits=20, decimal_places=4)
    qualifier = models.CharField("限定", max_length=40, blank=True)
    unit = models.CharField("单位", max_length=20, blank=True)
    quote = models.TextField("原文")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    confidence = models.CharField(
        "识别把握", max_length=10, choices=Confidence.choices, default=Confidence.EXACT
    )
    review = models.CharField(
        "人工确认", max_length=10, choices=Review.choices, blank=True, default=Review.PENDING
    )
    read_indicator = models.CharField("原识别指标", max_length=100, blank=True)
    read_value = models.DecimalField(
        "原识别数值", max_digits=20, decimal_places=4, null=True, blank=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="确认人",
    )
    reviewed_at = models.DateTimeField("确认时间", null=True, blank=True)
    review_note = models.CharField("确认说明", max_length=200, blank=True)

    parent_field = "report"
    scope_public_field = "report__is_public"

    class Meta:
        verbose_name = "报告数据"
        ordering = ["report", "span_start"]

    def __str__(self) -> str:
        return f"{self.report.file_name}·{self.indicator}"

    @property
    def uncertain(self) -> bool:
        return self.confidence != self.Confidence.EXACT
