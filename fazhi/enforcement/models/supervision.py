"""监督检查 by the supervising bureau and the rectification notices (整改通知) it and the
案卷评查 issue."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from fazhi.core.issuing import IssuableDocument, ServiceRecord
from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, ScopedRecord, UnitRecord

from .reviews import ReviewCampaign


class SupervisionKind(models.TextChoices):
    SPECIAL = "special", "专项监督"
    ROUTINE = "routine", "执法监督检查"


class SupervisionInspection(UnitRecord):
    """监督检查 by the supervising bureau (its `unit`): scope, team and findings."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="supervision_inspections",
        verbose_name="组织单位",
    )
    kind = models.CharField("类别", max_length=10, choices=SupervisionKind.choices)
    title = models.CharField("监督检查名称", max_length=200)
    scope = models.TextField("检查范围和重点")
    team = models.CharField("检查组成员", max_length=300)
    date = models.DateField("检查日期")
    agencies = models.ManyToManyField(Unit, related_name="+", verbose_name="被检查单位")
    findings = models.TextField("发现的问题", blank=True)

    detail_url_name = "enforcement:supervision_detail"

    class Meta:
        verbose_name = "执法监督检查"
        verbose_name_plural = "执法监督检查"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", "待签发"
    ISSUED = "issued", "待整改"
    RESPONDED = "responded", "已反馈"
    CLOSED = "closed", "已销号"


class RectificationNotice(ScopedRecord):
    """整改通知: from a 监督检查 or a 案卷评查 to one agency, answered and closed."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="rectification_notices",
        verbose_name="下发单位",
    )
    agency = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="整改单位"
    )
    inspection = models.ForeignKey(
        SupervisionInspection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name="监督检查",
    )
    campaign = models.ForeignKey(
        ReviewCampaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name="案卷评查",
    )
    number = models.CharField("通知编号", max_length=60, blank=True)  # given when issued
    problems = models.TextField("存在问题及整改要求")
    issued_date = models.DateField("下发日期")  # the draft's date until issued
    due_date = models.DateField("整改期限")
    status = models.CharField(
        "状态", max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT
    )
    response = models.TextField("整改情况", blank=True)
    responded_date = models.DateField("反馈日期", null=True, blank=True)
    closed_date = models.DateField("销号日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    scope_owner_fields = ("created_by",)
    detail_url_name = "enforcement:notice_detail"

    class Meta:
        verbose_name = "整改通知"
        verbose_name_plural = "整改通知"
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"], condition=~Q(number=""), name="notice_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(inspection__isnull=True, campaign__isnull=False)
                | Q(inspection__isnull=False, campaign__isnull=True),
                name="notice_has_one_source",
            ),
            models.CheckConstraint(
                condition=Q(due_date__gt=F("issued_date")), name="notice_due_after_issue"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "issued"], responded_date__isnull=True)
                | Q(status__in=["responded", "closed"], responded_date__gte=F("issued_date")),
                name="notice_response_dated",
            ),
            models.CheckConstraint(
                condition=(~Q(status="closed") & Q(closed_date__isnull=True))
                | Q(status="closed", closed_date__gte=F("responded_date")),
                name="notice_closure_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or '整改通知（待签发）'}（{self.agency.name}）"

    @property
    def source(self):
        return self.inspection or self.campaign

    def overdue(self, today: datetime.date) -> bool:
        """Not answered by its due date: flagged to the issuing bureau's superior."""
        late_open = self.status == NoticeStatus.ISSUED and self.due_date < today
        late_answer = self.responded_date is not None and self.responded_date > self.due_date
        return late_open or late_answer


class NoticeDocument(ChildRecord, IssuableDocument):
    """执法监督整改通知书 (or its 送达回证) of a notice, through 呈批 (core/issuing.py)."""

    notice = models.ForeignKey(
        RectificationNotice, on_delete=models.PROTECT, related_name="documents"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "notice"
    detail_url_name = "enforcement:notice_document_detail"
    download_url_name = "enforcement:notice_document_download"

    class Meta:
        verbose_name = "整改通知书"
        verbose_name_plural = "整改通知书"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        if self.number:
            return f"{self.title}（{self.number}）"
        return f"{self.title}（{self.get_status_display()}）"

    @property
    def unit(self):
        return self.notice.unit


class NoticeService(ChildRecord, ServiceRecord):
    """送达 of an issued 整改通知书, with its 送达回证."""

    document = models.ForeignKey(NoticeDocument, on_delete=models.PROTECT, related_name="services")
    receipt = models.OneToOneField(
        NoticeDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="receipt_of"
    )

    parent_field = "document"

    class Meta:
        verbose_name = "整改通知书送达记录"
        verbose_name_plural = "整改通知书送达记录"
        ordering = ["served_date", "pk"]

    def __str__(self) -> str:
        return f"{self.document} {self.get_method_display()} {self.recipient}"
