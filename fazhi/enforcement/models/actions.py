"""Enforcement actions an agency reports, with their 三项制度 records."""

from django.db import models
from django.db.models import F, Q

from fazhi.core.models import Unit
from fazhi.core.records import UnitRecord

from .agencies import MajorDecisionItem, Officer


class ActionKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    INSPECTION = "inspection", "行政检查"
    COMPULSORY = "compulsory", "行政强制"
    LICENCE = "licence", "行政许可"


class ActionStatus(models.TextChoices):
    OPEN = "open", "办理中"
    DECIDED = "decided", "已作出决定"


class PenaltyOutcome(models.TextChoices):
    PENALIZED = "penalized", "给予行政处罚"
    NO_PENALTY = "no_penalty", "不予行政处罚"
    LIGHTER = "lighter", "从轻行政处罚"
    MITIGATED = "mitigated", "减轻行政处罚"


class RevokedBy(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政诉讼"


class EnforcementAction(UnitRecord):
    """An enforcement action an agency reports, with its 三项制度 records:
    公示 (行政处罚法 第三十九条、第四十八条), 全过程记录 (第四十七条) and, for the agency's
    重大执法决定, 法制审核 before the decision (第五十八条)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="enforcement_actions", verbose_name="执法单位"
    )
    kind = models.CharField("执法行为类别", max_length=12, choices=ActionKind.choices)
    number = models.CharField("案件编号", max_length=60)
    party = models.CharField("当事人", max_length=200)
    summary = models.CharField("案由", max_length=300)
    started_date = models.DateField("立案（启动）日期")
    officers = models.ManyToManyField(Officer, related_name="actions", verbose_name="执法人员")
    major_item = models.ForeignKey(
        MajorDecisionItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name="重大执法决定事项",
    )
    pre_publicity_date = models.DateField("事前公示日期", null=True, blank=True)
    pre_publicity_link = models.URLField("事前公示链接", blank=True)
    post_publicity_date = models.DateField("事后公示日期", null=True, blank=True)
    post_publicity_link = models.URLField("事后公示链接", blank=True)
    recording_forms = models.CharField("全过程记录形式及环节", max_length=300, blank=True)
    recording_location = models.CharField("记录归档保存位置", max_length=200, blank=True)
    reviewer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_actions",
        verbose_name="法制审核人员",
    )
    review_date = models.DateField("法制审核日期", null=True, blank=True)
    review_opinion = models.TextField("法制审核意见", blank=True)
    review_passed = models.BooleanField("法制审核通过", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    decided_date = models.DateField("决定日期", null=True, blank=True)
    outcome = models.CharField(
        "处罚结果", max_length=12, choices=PenaltyOutcome.choices, blank=True
    )
    list_item = models.ForeignKey(
        "PenaltyListItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="适用免罚轻罚清单事项",
    )
    education = models.CharField("对当事人的教育", max_length=300, blank=True)
    # 行政处罚法 第三十六条: the limitation runs from the offence (or its end) to its discovery.
    offence_date = models.DateField("违法行为发生（终了）日期", null=True, blank=True)
    discovered_date = models.DateField(
        "违法行为被发现日期", null=True, blank=True, help_text="不填则以立案日期为发现日期"
    )
    limitation_extended = models.BooleanField(
        "涉及公民生命健康安全、金融安全且有危害后果（追责期限五年）", default=False
    )
    # 第六十条: 九十日, unless a law, regulation or rule provides otherwise (the basis recorded).
    decision_extended_until = models.DateField("延长后的决定期限", null=True, blank=True)
    decision_extension_basis = models.CharField("延长决定期限的依据", max_length=300, blank=True)
    # 第六十一条: the decision served within 七日 (working days, 第八十五条).
    decision_served_date = models.DateField("决定书送达日期", null=True, blank=True)
    # 第六十四条: the party asks within 五日 of being told; notice 七日 before the hearing.
    hearing_informed_date = models.DateField("告知听证权利日期", null=True, blank=True)
    hearing_requested_date = models.DateField("当事人要求听证日期", null=True, blank=True)
    hearing_notice_date = models.DateField("通知听证日期", null=True, blank=True)
    hearing_date = models.DateField("举行听证日期", null=True, blank=True)
    # 第四十八条第二款: a published decision revoked → its information withdrawn within 三日.
    revoked_date = models.DateField("决定被变更、撤销或确认违法、无效日期", null=True, blank=True)
    revoked_by = models.CharField(
        "变更、撤销的程序", max_length=16, choices=RevokedBy.choices, blank=True
    )
    publicity_withdrawn_date = models.DateField("撤回公示日期", null=True, blank=True)

    detail_url_name = "enforcement:action_detail"

    class Meta:
        verbose_name = "行政执法行为"
        verbose_name_plural = "行政执法行为"
        ordering = ["-started_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "number"], name="action_unique_number"),
            models.CheckConstraint(
                condition=Q(status="open", decided_date__isnull=True)
                | Q(status="decided", decided_date__gte=F("started_date")),
                name="action_decided_has_date",
            ),
            # 行政处罚法 第五十八条: 未经法制审核或者审核未通过的，不得作出决定.
            models.CheckConstraint(
                condition=Q(status="open")
                | Q(major_item__isnull=True)
                # (each part non-null: a NULL would let the CHECK pass)
                | Q(
                    review_passed__isnull=False,
                    review_passed=True,
                    review_date__isnull=False,
                    review_date__lte=F("decided_date"),
                ),
                name="action_major_decision_reviewed",
            ),
            models.CheckConstraint(
                condition=Q(list_item__isnull=True) | Q(kind="penalty", status="decided"),
                name="action_list_item_on_decided_penalty",
            ),
            models.CheckConstraint(
                condition=Q(hearing_requested_date__isnull=True)
                | Q(hearing_informed_date__isnull=False),
                name="action_hearing_request_after_informing",
            ),
            models.CheckConstraint(
                condition=Q(publicity_withdrawn_date__isnull=True)
                | Q(revoked_date__isnull=False, post_publicity_date__isnull=False),
                name="action_withdrawal_needs_revoked_publicity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}（{self.unit.name}）"

    @property
    def is_major(self) -> bool:
        return self.major_item_id is not None

    def three_systems_gaps(self) -> list[str]:
        """What the 三项制度 still lack for this action, citing the article."""
        gaps = []
        if not self.pre_publicity_date:
            gaps.append("未登记事前公示（行政处罚法 第三十九条）")
        if not (self.recording_forms and self.recording_location):
            gaps.append("未登记执法全过程记录及归档（行政处罚法 第四十七条）")
        if self.is_major and not self.review_passed:
            gaps.append("重大执法决定未经法制审核通过（行政处罚法 第五十八条）")
        if self.status == ActionStatus.DECIDED and not self.post_publicity_date:
            gaps.append("未登记事后公示（行政处罚法 第四十八条）")
        return gaps
