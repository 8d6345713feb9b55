"""A notice of a due item to one user (the inbox, and the e-mail that carries it), and how
the user wants them."""

from django.conf import settings
from django.db import models

from fazhi.core.querysets import RestrictedManager
from fazhi.core.records import ScopedRecord


class Stage(models.TextChoices):
    # FAZHI_NOTICE_DAYS_BEFORE working days before the last day, on it, and after it.
    BEFORE = "before", "即将到期"
    TODAY = "today", "今日到期"
    OVERDUE = "overdue", "已逾期"


class Delivery(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"
    OFF = "off", "未发送邮件"  # the user turned e-mail off, or has no address


class Notice(ScopedRecord):
    """One stage of one due item for one user: made once (`key` is unique per user), so a
    run of `fazhi notify` never repeats what an earlier one sent. `unit` is the unit of the
    membership the item was due through."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="收件人"
    )
    unit = models.ForeignKey(
        "core.Unit", on_delete=models.CASCADE, related_name="+", verbose_name="单位"
    )
    key = models.CharField(max_length=64)
    stage = models.CharField("提醒", max_length=10, choices=Stage.choices)
    title = models.CharField("事项", max_length=300)
    line_name = models.CharField("业务", max_length=40)  # the due item's work line, in Chinese
    basis = models.CharField("依据", max_length=200, blank=True)
    due_date = models.DateField("期限届满日")
    url = models.CharField("记录", max_length=300)
    created_at = models.DateTimeField("通知时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    delivery = models.CharField(
        "邮件", max_length=10, choices=Delivery.choices, default=Delivery.PENDING
    )
    attempts = models.PositiveSmallIntegerField("发送次数", default=0)
    error = models.CharField("发送失败原因", max_length=300, blank=True)

    objects = RestrictedManager()
    # Notices are messages, not business records (not audited, like the forms' tokens): the
    # run and the recipient change their delivery and read state in bulk through this.
    messages = models.Manager()

    scope_owner_fields = ("user",)
    changes_no_figures = True  # reading a notice makes no district's figures stale

    class Meta:
        verbose_name = "通知"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notice_once_per_user")]
        indexes = [models.Index(fields=["user", "read_at"], name="notice_unread")]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}：{self.title}"


class Preference(models.Model):
    """A user's choice: e-mail on or off; one digest per run instead of one mail a notice."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference"
    )
    email = models.BooleanField("发送邮件", default=True)
    digest = models.BooleanField("汇总为一封邮件", default=False)

    changes_no_figures = True

    class Meta:
        verbose_name = "通知设置"

    def __str__(self) -> str:
        return str(self.user)
