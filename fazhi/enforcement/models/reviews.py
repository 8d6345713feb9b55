"""案卷评查: the supervising bureau's campaigns, their scoring sheets, case files and scores."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, UnitRecord

from .actions import EnforcementAction


class CampaignStatus(models.TextChoices):
    OPEN = "open", "评查中"
    CLOSED = "closed", "已结束"


class ReviewCampaign(UnitRecord):
    """案卷评查: a campaign of the supervising bureau (its `unit`) over agencies' case files."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="review_campaigns", verbose_name="组织单位"
    )
    title = models.CharField("评查活动名称", max_length=200)
    year = models.PositiveSmallIntegerField("年度")
    started_date = models.DateField("开始日期")
    status = models.CharField(
        "状态", max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.OPEN
    )
    closed_date = models.DateField("结束日期", null=True, blank=True)

    detail_url_name = "enforcement:campaign_detail"

    class Meta:
        verbose_name = "案卷评查活动"
        verbose_name_plural = "案卷评查活动"
        ordering = ["-started_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", closed_date__isnull=True)
                | Q(status="closed", closed_date__gte=F("started_date")),
                name="campaign_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ScoreItem(ChildRecord):
    """One standard of the campaign's 评分表, with its maximum points."""

    campaign = models.ForeignKey(
        ReviewCampaign,
        on_delete=models.PROTECT,
        related_name="score_items",
        verbose_name="评查活动",
    )
    order = models.PositiveSmallIntegerField("序号")
    name = models.CharField("评查项目", max_length=100)
    max_points = models.PositiveSmallIntegerField("分值")

    parent_field = "campaign"

    class Meta:
        verbose_name = "评查项目"
        ordering = ["campaign", "order"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "name"], name="score_item_unique_name"),
            models.CheckConstraint(
                condition=Q(max_points__gt=0), name="score_item_points_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign.title}·{self.name}"


class CaseFile(ChildRecord):
    """A case file (案卷) drawn into a campaign, with its score and the problems found."""

    campaign = models.ForeignKey(
        ReviewCampaign, on_delete=models.PROTECT, related_name="case_files", verbose_name="评查活动"
    )
    agency = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="reviewed_case_files", verbose_name="执法单位"
    )
    action = models.ForeignKey(
        EnforcementAction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_files",
        verbose_name="执法案件",
    )
    file_number = models.CharField("案卷编号", max_length=60)
    title = models.CharField("案卷名称", max_length=300)
    selected_randomly = models.BooleanField("随机抽取", default=False)
    total = models.PositiveSmallIntegerField("得分", null=True, blank=True, editable=False)
    problems = models.TextField("发现的问题", blank=True)
    scored_date = models.DateField("评查日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    parent_field = "campaign"
    scope_owner_fields = ("created_by",)
    detail_url_name = "enforcement:casefile_detail"

    class Meta:
        verbose_name = "评查案卷"
        verbose_name_plural = "评查案卷"
        ordering = ["campaign", "agency__path", "file_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "agency", "file_number"],
                name="case_file_unique_in_campaign",
                violation_error_message="该案卷已在本次评查中",
            ),
            models.CheckConstraint(
                condition=Q(total__isnull=True, scored_date__isnull=True)
                | Q(total__isnull=False, scored_date__isnull=False),
                name="case_file_scored_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name}案卷{self.file_number}"

    @property
    def grade(self) -> str:
        """评查等次 by the total (优秀 ≥ 90, 合格 ≥ 60, else 不合格)."""
        if self.total is None:
            return "未评查"
        if self.total >= 90:
            return "优秀"
        return "合格" if self.total >= 60 else "不合格"


class Score(ChildRecord):
    case_file = models.ForeignKey(
        CaseFile, on_delete=models.PROTECT, related_name="scores", verbose_name="案卷"
    )
    item = models.ForeignKey(
        ScoreItem, on_delete=models.PROTECT, related_name="scores", verbose_name="评查项目"
    )
    points = models.PositiveSmallIntegerField("得分")

    parent_field = "case_file"

    class Meta:
        verbose_name = "评查得分"
        ordering = ["case_file", "item__order"]
        constraints = [
            models.UniqueConstraint(fields=["case_file", "item"], name="score_unique_item"),
        ]

    def __str__(self) -> str:
        return f"{self.case_file}·{self.item.name}"
