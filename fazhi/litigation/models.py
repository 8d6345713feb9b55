"""行政应诉 records: suits against the platform's agencies, their hearings (负责人出庭应诉)
and the 司法建议 the courts send about them.

One Lawsuit is one court proceeding, identified by its 案号; the 案号's type code names its
审级 (行初/行终/行再), so an appeal is registered as its own Lawsuit, as 应诉 ledgers keep
it. A Lawsuit is therefore also the unit (案件 × 审级) in which the 负责人's duty to appear
is counted (规定 第七条).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, UnitRecord


class TrialLevel(models.TextChoices):
    # 最高人民法院关于行政机关负责人出庭应诉若干问题的规定 第一条: the duty applies at every 审级.
    FIRST = "first", "一审"
    SECOND = "second", "二审"
    RETRIAL = "retrial", "再审"


class DefendantRole(models.TextChoices):
    """行政诉讼法 第二十六条第二款: after a 复议 that upheld the act, the original agency and the
    复议机关 are co-defendants; each registers the suit as its own record."""

    SOLE = "sole", "单独被告"
    WITH_REVIEW_ORGAN = "with_review_organ", "原行政机关（与复议机关共同被告）"
    AS_REVIEW_ORGAN = "as_review_organ", "复议机关（与原行政机关共同被告）"


class Status(models.TextChoices):
    PENDING = "pending", "审理中"
    CONCLUDED = "concluded", "已审结"
    WITHDRAWN = "withdrawn", "已撤诉"


class JudgmentType(models.TextChoices):
    """行政诉讼法 第六十九至七十八条, plus the two ways a suit ends without a judgment."""

    REJECT_CLAIM = "reject_claim", "判决驳回诉讼请求（第六十九条）"
    REVOKE = "revoke", "判决撤销或部分撤销（第七十条）"
    REVOKE_REMAKE = "revoke_remake", "判决撤销并责令重新作出（第七十条）"
    PERFORM = "perform", "判决履行法定职责（第七十二条）"
    PAY = "pay", "判决履行给付义务（第七十三条）"
    CONFIRM_ILLEGAL = "confirm_illegal", "判决确认违法（第七十四条）"
    CONFIRM_INVALID = "confirm_invalid", "判决确认无效（第七十五条）"
    REMEDY = "remedy", "判决采取补救措施或赔偿（第七十六条）"
    ALTER = "alter", "判决变更（第七十七条）"
    AGREEMENT = "agreement", "判决承担行政协议责任（第七十八条）"
    DISMISS_SUIT = "dismiss_suit", "裁定驳回起诉"
    WITHDRAWN = "withdrawn", "撤诉"


# 败诉 (statutes.md open question 7): every judgment against the agency, i.e. all of
# 第七十至七十八条. 驳回诉讼请求 (第六十九条) and 裁定驳回起诉 leave the act standing; a
# withdrawal is no judgment and is left out of the loss rate altogether.
LOSING_JUDGMENTS = (
    JudgmentType.REVOKE,
    JudgmentType.REVOKE_REMAKE,
    JudgmentType.PERFORM,
    JudgmentType.PAY,
    JudgmentType.CONFIRM_ILLEGAL,
    JudgmentType.CONFIRM_INVALID,
    JudgmentType.REMEDY,
    JudgmentType.ALTER,
    JudgmentType.AGREEMENT,
)
RULINGS = tuple(t for t in JudgmentType if t != JudgmentType.WITHDRAWN)


# 行政诉讼法 第八十五条 counts the appeal from the service of a 判决书 (15 days) or a 裁定书
# (10 days). Of the endings recorded here only 裁定驳回起诉 is an appealable ruling
# (行诉法解释 第一百零一条第二款); 准予撤诉 is not.
APPEALABLE_RULINGS = (JudgmentType.DISMISS_SUIT,)


class Appeal(models.TextChoices):
    APPEALED = "appealed", "已提起上诉"
    NOT_APPEALED = "not_appealed", "上诉期满未上诉（一审裁判发生法律效力）"


def is_loss(judgment_type: str) -> bool:
    return judgment_type in LOSING_JUDGMENTS


class Lawsuit(UnitRecord):
    """A suit against an agency of the tree (the owning `unit` is the defendant)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="lawsuits", verbose_name="被告（本机关）"
    )
    case_number = models.CharField("法院案号", max_length=60)
    court = models.CharField("受理法院", max_length=100)
    plaintiff = models.CharField("原告", max_length=200)
    contested_act = models.CharField("被诉行政行为", max_length=300)
    trial_level = models.CharField("审级", max_length=10, choices=TrialLevel.choices)
    filed_date = models.DateField("立案日期")
    served_date = models.DateField("收到起诉状（上诉状）副本日期")
    # None while the period ends in a year whose holidays are not entered yet (never a guess).
    answer_due = models.DateField("答辩期限", editable=False, null=True)
    answer_filed_date = models.DateField("提交答辩状日期", null=True, blank=True)
    defendant_role = models.CharField(
        "被告身份", max_length=20, choices=DefendantRole.choices, default=DefendantRole.SOLE
    )
    # The 复议 case number as the complaint gives it, and the case itself when it is on file.
    prior_reconsideration_number = models.CharField(
        "行政复议案号", max_length=60, null=True, blank=True
    )
    prior_case = models.ForeignKey(
        "reconsideration.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lawsuits",
        verbose_name="前置行政复议案件",
    )
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.PENDING)
    judgment_type = models.CharField(
        "裁判结果", max_length=20, choices=JudgmentType.choices, blank=True
    )
    concluded_date = models.DateField("结案日期", null=True, blank=True)
    lost = models.BooleanField("败诉", default=False, editable=False)
    # 行政诉讼法 第八十五条: the appeal clock of a first-instance judgment or ruling.
    judgment_served_date = models.DateField("裁判文书送达日期", null=True, blank=True)
    # None while the period ends in a year whose holidays are not entered yet.
    appeal_due = models.DateField("上诉期限", null=True, blank=True, editable=False)
    appeal = models.CharField("是否上诉", max_length=14, choices=Appeal.choices, blank=True)
    appeal_date = models.DateField("提起上诉日期", null=True, blank=True)
    # The 审级's hearing record for the 出庭应诉 indicators, kept by record_hearing.
    first_hearing_date = models.DateField("首次开庭日期", null=True, blank=True, editable=False)
    head_appeared = models.BooleanField("负责人出庭应诉", default=False, editable=False)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="经办人"
    )

    scope_owner_fields = ("handler", "created_by")
    detail_url_name = "litigation:lawsuit_detail"

    class Meta:
        verbose_name = "行政应诉案件"
        verbose_name_plural = "行政应诉案件"
        ordering = ["-filed_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "case_number"],
                name="lawsuit_unique_case_per_defendant",
                violation_error_message="本机关已登记该案号",
            ),
            models.CheckConstraint(
                condition=Q(served_date__gte=models.F("filed_date")),
                name="lawsuit_served_after_filing",
            ),
            models.CheckConstraint(
                condition=Q(answer_due__isnull=True) | Q(answer_due__gt=models.F("served_date")),
                name="lawsuit_answer_due_after_service",
            ),
            models.CheckConstraint(
                condition=Q(concluded_date__isnull=True)
                | Q(concluded_date__gte=models.F("filed_date")),
                name="lawsuit_concluded_after_filing",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.PENDING, judgment_type="", concluded_date__isnull=True)
                | Q(
                    status=Status.WITHDRAWN,
                    judgment_type=JudgmentType.WITHDRAWN,
                    concluded_date__isnull=False,
                )
                | Q(
                    status=Status.CONCLUDED,
                    judgment_type__in=RULINGS,
                    concluded_date__isnull=False,
                ),
                name="lawsuit_status_matches_judgment",
            ),
            models.CheckConstraint(
                condition=Q(lost=True, judgment_type__in=LOSING_JUDGMENTS)
                | (Q(lost=False) & ~Q(judgment_type__in=LOSING_JUDGMENTS)),
                name="lawsuit_lost_matches_judgment",
            ),
            models.CheckConstraint(
                condition=Q(head_appeared=False) | Q(first_hearing_date__isnull=False),
                name="lawsuit_head_appearance_needs_hearing",
            ),
            models.CheckConstraint(
                condition=Q(judgment_served_date__isnull=True)
                | Q(status=Status.CONCLUDED, judgment_served_date__gte=models.F("concluded_date")),
                name="lawsuit_judgment_served_after_judgment",
            ),
            models.CheckConstraint(
                condition=Q(appeal="") | Q(judgment_served_date__isnull=False),
                name="lawsuit_appeal_needs_service",
            ),
        ]
        # The list's order: a page's keys are read from this index alone (core/paging.py).
        indexes = [models.Index(fields=["filed_date", "id"], name="lawsuit_list_order")]

    def __str__(self) -> str:
        return f"{self.case_number} {self.plaintiff}"

    @property
    def answer_basis(self) -> str:
        if self.trial_level == TrialLevel.SECOND:
            # 行政诉讼法 第一百零一条 → 民事诉讼法 第一百七十四条: 15日 from the appeal's copy.
            return "行政诉讼法 第一百零一条、民事诉讼法 第一百七十四条"
        return "行政诉讼法 第六十七条"

    @property
    def appeal_days(self) -> int | None:
        """行政诉讼法 第八十五条: 15 days for a 第一审判决, 10 for an appealable 第一审裁定;
        None where no appeal lies (another 审级, a withdrawal)."""
        if self.trial_level != TrialLevel.FIRST or self.status != Status.CONCLUDED:
            return None
        if self.judgment_type in APPEALABLE_RULINGS:
            return 10
        return 15 if self.judgment_type in RULINGS else None

    @property
    def appeal_basis(self) -> str:
        kind = "裁定书" if self.judgment_type in APPEALABLE_RULINGS else "判决书"
        return f"行政诉讼法 第八十五条（{kind}送达之日起{self.appeal_days}日内）"

    def answer_overdue(self, today) -> bool:
        return (
            self.status == Status.PENDING
            and self.answer_filed_date is None
            and self.answer_due is not None
            and self.answer_due < today
        )


class Attendance(models.TextChoices):
    HEAD = "head", "负责人出庭"
    STAFF = "staff", "负责人未出庭，委托相应的工作人员出庭"
    LAWYER_ONLY = "lawyer_only", "仅委托律师出庭"
    NONE = "none", "无人出庭"


class HeadPost(models.TextChoices):
    """规定 第二条: who is a 负责人 of the sued agency — and who is not."""

    PRINCIPAL = "principal", "正职负责人"
    DEPUTY = "deputy", "副职负责人"
    DEPUTY_LEVEL_IN_CHARGE = "deputy_level", "参与分管被诉行为的副职级别负责人"
    OTHER_IN_CHARGE = "other_in_charge", "其他参与分管的负责人"
    ENTRUSTED_ORGANISATION = "entrusted", "受委托组织的负责人"
    LOWER_AGENCY = "lower_agency", "下级行政机关的负责人"


# 规定 第二条第一款; 第二款: 被诉行政机关委托的组织或者下级行政机关的负责人，不能作为被诉行政机关负责人出庭。
QUALIFYING_POSTS = (
    HeadPost.PRINCIPAL,
    HeadPost.DEPUTY,
    HeadPost.DEPUTY_LEVEL_IN_CHARGE,
    HeadPost.OTHER_IN_CHARGE,
)


class AbsenceReason(models.TextChoices):
    """规定 第八条: the reasons for which a 负责人 may stay away."""

    FORCE_MAJEURE = "force_majeure", "不可抗力"
    ACCIDENT = "accident", "意外事件"
    IRREPLACEABLE_DUTY = "irreplaceable_duty", "需要履行他人不能代替的公务"
    OTHER_GOOD_CAUSE = "other_good_cause", "无法出庭的其他正当事由"


class Hearing(ChildRecord):
    """One court session of a Lawsuit and who appeared for the agency."""

    lawsuit = models.ForeignKey(
        Lawsuit, on_delete=models.PROTECT, related_name="hearings", verbose_name="案件"
    )
    date = models.DateField("开庭日期")
    attendance = models.CharField("出庭情况", max_length=12, choices=Attendance.choices)
    # 规定 第四、五条: the court must (or may) summon the 负责人 by an 出庭通知书.
    head_summoned = models.BooleanField("法院通知负责人出庭", default=False)
    head_name = models.CharField("出庭负责人姓名", max_length=30, blank=True)
    head_post = models.CharField("出庭负责人职务", max_length=60, blank=True)
    head_post_kind = models.CharField(
        "负责人类别", max_length=20, choices=HeadPost.choices, blank=True
    )
    head_id_proof = models.BooleanField("已提交负责人身份证明", default=False)
    staff_name = models.CharField("出庭工作人员", max_length=60, blank=True)
    absence_reason = models.CharField(
        "负责人不能出庭的理由", max_length=20, choices=AbsenceReason.choices, blank=True
    )
    absence_proof = models.BooleanField("已提交不能出庭的证明材料", default=False)
    lawyer = models.CharField("委托律师", max_length=60, blank=True)
    note = models.CharField("备注", max_length=300, blank=True)
    head_appeared = models.BooleanField("计入负责人出庭", default=False, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "lawsuit"

    class Meta:
        verbose_name = "庭审"
        verbose_name_plural = "庭审"
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    head_appeared=True,
                    attendance=Attendance.HEAD,
                    head_post_kind__in=QUALIFYING_POSTS,
                    head_id_proof=True,
                )
                | (
                    Q(head_appeared=False)
                    & ~Q(
                        attendance=Attendance.HEAD,
                        head_post_kind__in=QUALIFYING_POSTS,
                        head_id_proof=True,
                    )
                ),
                name="hearing_head_appeared_matches_rules",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lawsuit.case_number} {self.date:%Y-%m-%d}庭审"

    @staticmethod
    def counts_as_head(attendance: str, head_post_kind: str, head_id_proof: bool) -> bool:
        """规定 第二条 (who is a 负责人) and 第六条 (without ID proof: 视为未出庭)."""
        return (
            attendance == Attendance.HEAD and head_post_kind in QUALIFYING_POSTS and head_id_proof
        )

    def issues(self) -> list[str]:
        """Why this appearance falls short of the 出庭应诉 duty, in the words of the rules."""
        if self.attendance == Attendance.HEAD:
            if self.head_post_kind not in QUALIFYING_POSTS:
                return [
                    "受委托组织或下级行政机关的负责人不能作为被诉行政机关负责人出庭，"
                    "不计入负责人出庭（规定 第二条第二款）"
                ]
            if not self.head_id_proof:
                return [
                    "未提交载明姓名、职务并加盖印章的负责人身份证明，视为负责人未出庭（规定 第六条）"
                ]
            return []
        if self.attendance == Attendance.LAWYER_ONLY:
            return [
                "负责人不能出庭的，应当委托相应的工作人员出庭，不得仅委托律师出庭"
                "（法释〔2018〕1号 第一百二十八条）"
            ]
        if self.attendance == Attendance.NONE:
            return [
                "负责人和相应的工作人员均未出庭，法院应当提出司法建议（规定 第十二条第一款第三项）"
            ]
        if not self.absence_reason:
            return ["负责人未出庭且未说明理由，法院应当提出司法建议（规定 第十二条第一款第一项）"]
        if not self.absence_proof:
            return [
                "负责人不能出庭的，应当提交加盖印章或经主要负责人签字认可的证明材料（规定 第九条）"
            ]
        return []


def head_duty_fulfilled(hearings) -> bool:
    """Whether the 负责人's duty to appear in this 审级 is met (规定 第七条).

    One qualifying appearance in a 审级 fulfils it, 但人民法院通知行政机关负责人再次出庭的除外:
    a later hearing to which the court summoned the head again must be attended too.
    """
    fulfilled = False
    for hearing in sorted(hearings, key=lambda h: (h.date, h.pk or 0)):
        if hearing.head_appeared:
            fulfilled = True
        elif fulfilled and hearing.head_summoned:
            fulfilled = False
    return fulfilled


class SuggestionGround(models.TextChoices):
    """规定 第十二条第一款 and 行政诉讼法 第六十六条第二款: why a court sends a 司法建议."""

    ABSENT_WITHOUT_REASON = "absent_without_reason", "负责人未出庭应诉，且未说明理由或者理由不成立"
    ABSENT_AFTER_ADJOURNMENT = "absent_after_adjournment", "延期开庭后负责人仍未出庭且无正当理由"
    NOBODY_APPEARED = "nobody_appeared", "负责人和相应的工作人员均不出庭应诉"
    LEFT_COURT = "left_court", "负责人未经法庭许可中途退庭"
    REFUSED_TO_EXPLAIN = "refused_to_explain", "负责人拒绝解释或说明，导致庭审无法进行"
    OTHER = "other", "其他（如行政执法中存在的问题）"


class JudicialSuggestion(ChildRecord):
    """司法建议 received about a suit (规定 第十二条), a negative mark in the agency's record."""

    lawsuit = models.ForeignKey(
        Lawsuit, on_delete=models.PROTECT, related_name="suggestions", verbose_name="案件"
    )
    received_date = models.DateField("收到日期")
    court = models.CharField("提出法院", max_length=100)
    ground = models.CharField("事由", max_length=30, choices=SuggestionGround.choices)
    content = models.TextField("建议内容")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "lawsuit"

    class Meta:
        verbose_name = "司法建议"
        verbose_name_plural = "司法建议"
        ordering = ["-received_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.lawsuit.case_number} 司法建议（{self.received_date:%Y-%m-%d}）"
