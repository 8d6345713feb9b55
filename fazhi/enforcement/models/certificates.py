"""行政执法证件 through their cycle, their 核发/年审 checks and the officers' training."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from fazhi.core.records import ChildRecord

from .agencies import Officer


class CertificateStatus(models.TextChoices):
    APPLIED = "applied", "已申领"
    TRAINED = "trained", "已培训"
    FAILED = "failed", "考试未通过"
    PASSED = "passed", "考试合格"
    VALID = "valid", "已发证"
    SUSPENDED = "suspended", "暂扣"
    WITHDRAWN = "withdrawn", "收回注销"


class Certificate(ChildRecord):
    """A 行政执法证件 through its cycle: 申领 → 培训 → 考试 → 发证 → 年审; 暂扣, 收回.

    行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施.
    """

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="certificates", verbose_name="执法人员"
    )
    status = models.CharField(
        "状态", max_length=12, choices=CertificateStatus.choices, default=CertificateStatus.APPLIED
    )
    applied_date = models.DateField("申领日期")
    is_renewal = models.BooleanField("换发", default=False)
    exam_date = models.DateField("考试日期", null=True, blank=True)
    exam_score = models.DecimalField(
        "考试成绩", max_digits=5, decimal_places=1, null=True, blank=True
    )
    pass_mark = models.DecimalField("合格分数线", max_digits=5, decimal_places=1, default=60)
    number = models.CharField("证件编号", max_length=30, null=True, blank=True, unique=True)
    issue_date = models.DateField("发证日期", null=True, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    annual_review_due = models.DateField("年审截止日期", null=True, blank=True)
    status_reason = models.CharField("暂扣或收回理由", max_length=300, blank=True)
    # From when the 暂扣/收回 holds: on an earlier date the certificate was in force.
    status_changed_date = models.DateField("暂扣或收回日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "officer"
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "行政执法证件"
        verbose_name_plural = "行政执法证件"
        ordering = ["-applied_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(issue_date__isnull=True)
                | Q(
                    number__isnull=False,
                    valid_until__gt=F("issue_date"),
                    annual_review_due__isnull=False,
                ),
                name="certificate_issued_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["valid", "suspended"]) | Q(issue_date__isnull=False),
                name="certificate_valid_needs_issue",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["applied", "trained", "failed", "passed", "valid"])
                | ~Q(status_reason=""),
                name="certificate_suspension_needs_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"{self.officer}执法证申领"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:officer_detail", kwargs={"pk": self.officer_id})

    def problem(self, day: datetime.date) -> str:
        """Empty when the certificate may be used on `day`, else why not. A 暂扣 or 收回 holds
        from its date on: on an earlier day the certificate is judged as it then stood."""
        stopped = self.status in (CertificateStatus.SUSPENDED, CertificateStatus.WITHDRAWN)
        if stopped and (self.status_changed_date is None or day >= self.status_changed_date):
            return f"执法证件已{self.get_status_display()}（{self.status_reason}）"
        if not stopped and self.status != CertificateStatus.VALID:
            return f"执法证件尚未核发（{self.get_status_display()}）"
        if day < self.issue_date:
            return f"执法证件{self.issue_date:%Y-%m-%d}方才核发"
        if day > self.valid_until:
            return f"执法证件已于{self.valid_until:%Y-%m-%d}过期"
        if day > self.annual_review_due:
            return f"执法证件未按期年审（应于{self.annual_review_due:%Y-%m-%d}前年审）"
        return ""


class CheckKind(models.TextChoices):
    ISSUED = "issued", "核发"
    ANNUAL = "annual", "年审"


class CertificateCheck(ChildRecord):
    """A certificate confirmed in force for a year: its issue, or a passed 年审.

    The 年审 falls due one year after the issue or the last 年审, so a certificate is confirmed
    once a year: counting the checks of a year counts the 持证执法人员 of that year.
    """

    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="checks", verbose_name="执法证件"
    )
    kind = models.CharField("类别", max_length=10, choices=CheckKind.choices)
    date = models.DateField("日期")
    passed = models.BooleanField("通过", default=True)
    note = models.CharField("说明", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    parent_field = "certificate"
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "执法证件核发年审记录"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.certificate} {self.get_kind_display()}（{self.date:%Y-%m-%d}）"


class TrainingRecord(ChildRecord):
    """One officer's attendance at a training (one 人次)."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="trainings", verbose_name="执法人员"
    )
    title = models.CharField("培训名称", max_length=200)
    date = models.DateField("培训日期")
    hours = models.DecimalField("学时", max_digits=5, decimal_places=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    parent_field = "officer"
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "执法人员培训"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="training_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.officer}参加{self.title}"
