"""述法 · 法治督察 · 法治建设考核 records of the 依法治办 (worklines.md §2.7).

督察: an InspectionPlan of the 依法治办 names its targets; each Finding is about one of
them (`inspected_unit`) and runs 未反馈 → 待报整改方案 → 整改中 → 待核验 → 已销号, with
escalation for overdue items. 考核: an AssessmentScheme (year, version) holds a tree of
AssessmentItems; AssessmentScores are kept per assessed unit and leaf item. 述法: one
LawReport per leader and year.

Findings and scores name a unit and its leaders: they are kept by the 依法治办 that made
them (`unit`) and shown only to the 依法治办 and to the leader and 单位管理员 of the unit
concerned (worklines.md §2.7(e)); a unit never sees its siblings'. `ConfidentialQuerySet`
adds that rule to the one scoping mechanism, so every page, export and API reads it.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import RestrictedQuerySet, active_membership
from fazhi.core.records import ChildRecord, UnitRecord
from fazhi.core.roles import Role, role_allows

# The one step an inspected (or assessed) unit takes on what is about it: its 整改方案, its
# 销号 evidence, its self-scores. Nothing else of the line is open to it.
RECTIFY = "rectify"
SUBJECT_ROLES = (Role.LEADER, Role.UNIT_ADMIN)
# The units that report (述法) and are inspected: agencies and 乡镇（街道）, not areas.
REPORTING_KINDS = (
    Unit.Kind.GOVERNMENT,
    Unit.Kind.JUSTICE_BUREAU,
    Unit.Kind.ENFORCEMENT,
    Unit.Kind.OTHER_AGENCY,
    Unit.Kind.TOWNSHIP,
)


def is_rule_of_law_office(membership) -> bool:
    return membership is not None and membership.unit.kind == Unit.Kind.RULE_OF_LAW_OFFICE


class ConfidentialQuerySet(RestrictedQuerySet):
    """Records about a unit (`subject_field`): the 依法治办 in scope sees them; the unit's own
    leader and 单位管理员 see those about their unit once they are shown to it
    (`subject_shown`); nobody else, siblings included."""

    def restrict(self, user, action: str = "view"):
        scoped = super().restrict(user, action)
        if user is None or not user.is_authenticated or user.is_superuser:
            return scoped
        membership = active_membership(user)
        if is_rule_of_law_office(membership):
            return scoped
        if (
            membership is None
            or membership.role not in SUBJECT_ROLES
            or not membership.acts_on(self.model.work_line)
            or not role_allows(membership.role, action)
        ):
            return self.none()
        return self.filter(
            Q(**{self.model.subject_field: membership.unit}) & self.model.subject_shown
        )


ConfidentialManager = models.Manager.from_queryset(ConfidentialQuerySet)


def audience(user, action: str = "view") -> str:
    """What `ConfidentialQuerySet.restrict` reads beyond the scope (querysets.scope_key)."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return "-"
    membership = active_membership(user)
    if membership is None:
        return "-"
    if is_rule_of_law_office(membership):
        return "office"
    if membership.role in SUBJECT_ROLES and role_allows(membership.role, action):
        return f"subject{membership.unit_id}"
    return "none"


def is_subject_member(user, unit_id: int) -> bool:
    """Whether `user` acts now as the leader or 单位管理员 of the unit `unit_id`."""
    membership = active_membership(user)
    return (
        membership is not None
        and membership.role in SUBJECT_ROLES
        and membership.unit_id == unit_id
        and membership.acts_on("accountability")
    )


def sees_personnel_data(user) -> bool:
    """述法 review grades are personnel data: 负责人 and the 依法治办 only (§2.7(e))."""
    if user.is_superuser:
        return True
    membership = active_membership(user)
    return membership is not None and (
        membership.role == Role.LEADER or is_rule_of_law_office(membership)
    )


# — 督察 —


class PlanKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", "综合督察"
    SPECIAL = "special", "专项督察"
    CASE = "case", "个案督察"


class InspectionPlan(UnitRecord):
    """A 督察 plan of the 依法治办 (`unit`): whom it inspects, by which groups, when, how."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="组织单位"
    )
    title = models.CharField("督察名称", max_length=200)
    kind = models.CharField("督察类型", max_length=16, choices=PlanKind.choices)
    targets = models.ManyToManyField(Unit, related_name="+", verbose_name="督察对象")
    groups = models.CharField("督察组", max_length=300, help_text="例：第一督导组、第二督导组")
    methods = models.CharField(
        "督察方式", max_length=300, default="听取汇报、实地查看、查阅资料", blank=True
    )
    start_date = models.DateField("督察开始日期")
    end_date = models.DateField("督察结束日期")
    feedback_date = models.DateField("反馈日期", null=True, blank=True, editable=False)

    detail_url_name = "accountability:plan_detail"

    class Meta:
        verbose_name = "督察方案"
        verbose_name_plural = "督察方案"
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="inspection_plan_ends_after_start",
                violation_error_message="督察结束日期不能早于开始日期",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class FindingCategory(models.TextChoices):
    DUTY = "duty", "第一责任人职责落实"
    GOVERNMENT = "government", "法治政府建设"
    ENFORCEMENT = "enforcement", "行政执法"
    PUBLICITY = "publicity", "普法宣传"
    OTHER = "other", "其他"


class FindingState(models.TextChoices):
    DRAFT = "draft", "未反馈"
    FED_BACK = "fed_back", "待报整改方案"
    RECTIFYING = "rectifying", "整改中"
    SUBMITTED = "submitted", "待核验销号"
    CLOSED = "closed", "已销号"


class Escalation(models.TextChoices):
    """督察 of slow rectification, in rising order (中央依法治国办 2021, worklines.md §2.7(b))."""

    NONE = "", "未督办"
    INQUIRY = "inquiry", "函询约谈"
    LISTED = "listed", "挂牌督办"
    CENSURE = "censure", "通报批评"


ESCALATION_ORDER = [Escalation.INQUIRY, Escalation.LISTED, Escalation.CENSURE]


class Finding(UnitRecord):
    """One problem a 督察 found at one of the plan's targets, and its rectification (整改方案
    and 销号台账 in one record: the ledger row the unit and the 依法治办 both keep)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="督察单位"
    )
    plan = models.ForeignKey(
        InspectionPlan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="督察方案",
    )
    # A problem the 述法 review found (instead of a 督察): the same rectification and 销号.
    law_report = models.ForeignKey(
        "LawReport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="述法",
    )
    # … or a deduction of the 考核 that calls for rectification.
    assessment_score = models.ForeignKey(
        "AssessmentScore",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="考核评分",
    )
    inspected_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="被督察单位"
    )
    category = models.CharField("问题类别", max_length=16, choices=FindingCategory.choices)
    description = models.CharField("问题描述", max_length=500)
    state = models.CharField(
        "状态", max_length=12, choices=FindingState.choices, default=FindingState.DRAFT
    )
    # 整改方案 (the inspected unit's)
    measure = models.CharField("整改措施", max_length=500, blank=True)
    responsible_department = models.CharField("责任部门", max_length=100, blank=True)
    responsible_person = models.CharField("责任人", max_length=30, blank=True)
    deadline = models.DateField("完成时限", null=True, blank=True)
    # 销号台账
    progress = models.CharField("整改进展", max_length=500, blank=True)
    evidence = models.CharField("整改佐证材料", max_length=500, blank=True)
    submitted_date = models.DateField("申请销号日期", null=True, blank=True)
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="核验人",
    )
    closed_date = models.DateField("销号日期", null=True, blank=True)
    escalation = models.CharField(
        "督办措施", max_length=10, choices=Escalation.choices, blank=True, default=""
    )
    escalated_date = models.DateField("督办日期", null=True, blank=True)
    # When the unit was told (the 督察's feedback or the 述法 review): the ledger's start.
    notified_date = models.DateField("反馈日期", null=True, blank=True, editable=False)

    objects = ConfidentialManager()
    subject_field = "inspected_unit"
    subject_shown = ~Q(state=FindingState.DRAFT)  # the unit sees a finding once fed back
    detail_url_name = "accountability:finding_detail"

    class Meta:
        verbose_name = "督察问题"
        verbose_name_plural = "督察问题"
        ordering = ["plan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    plan__isnull=False, law_report__isnull=True, assessment_score__isnull=True
                )
                | Q(plan__isnull=True, law_report__isnull=False, assessment_score__isnull=True)
                | Q(plan__isnull=True, law_report__isnull=True, assessment_score__isnull=False),
                name="finding_from_one_source",
                violation_error_message="问题须来自一次督察、一次述法或一项考核评分",
            ),
            models.CheckConstraint(
                condition=~Q(state=FindingState.CLOSED)
                | (Q(closed_date__isnull=False, verifier__isnull=False) & ~Q(evidence="")),
                name="finding_closed_with_evidence_and_verifier",
                violation_error_message="销号须有整改佐证材料、核验人和销号日期",
            ),
            models.CheckConstraint(
                condition=Q(state__in=[FindingState.DRAFT, FindingState.FED_BACK])
                | (Q(deadline__isnull=False) & ~Q(measure="")),
                name="finding_rectifying_with_plan",
                violation_error_message="整改中的问题须有整改措施和完成时限",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}：{self.description[:40]}"

    @property
    def source(self):
        """The 督察 plan, the 述法 or the 考核 score the problem was found in."""
        return self.plan or self.law_report or self.assessment_score

    @property
    def source_kind(self) -> str:
        if self.plan_id:
            return "法治督察"
        return "述法" if self.law_report_id else "法治建设考核"

    @property
    def source_title(self) -> str:
        if self.plan_id:
            return self.plan.title
        if self.law_report_id:
            return str(self.law_report)
        return f"{self.assessment_score.item.scheme}：{self.assessment_score.item}"

    @property
    def fed_back_date(self):
        """When the unit was told: the 督察's feedback, or the 述法 review."""
        if self.notified_date:
            return self.notified_date
        return self.plan.feedback_date if self.plan else self.source.reviewed_date

    def overdue(self, today) -> bool:
        return (
            self.state == FindingState.RECTIFYING
            and self.deadline is not None
            and self.deadline < today
        )

    @property
    def next_escalation(self) -> str | None:
        if self.escalation == Escalation.CENSURE:
            return None
        if not self.escalation:
            return ESCALATION_ORDER[0]
        return ESCALATION_ORDER[ESCALATION_ORDER.index(self.escalation) + 1]


# — 考核 —


class AssessmentScheme(UnitRecord):
    """The year's indicator tree (one version of it) of the 依法治办 (`unit`)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="考核单位"
    )
    year = models.PositiveIntegerField("考核年度")
    version = models.PositiveIntegerField("版本", default=1)
    name = models.CharField("考核方案名称", max_length=200)
    assessed_units = models.ManyToManyField(Unit, related_name="+", verbose_name="考核对象")

    detail_url_name = "accountability:scheme_detail"

    class Meta:
        verbose_name = "法治建设考核方案"
        verbose_name_plural = "法治建设考核方案"
        ordering = ["-year", "-version", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "version"],
                name="assessment_scheme_unique_version",
                violation_error_message="本单位该年度已有此版本的考核方案",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.year}年度第{self.version}版）"


class AssessmentItem(ChildRecord):
    """One node of the tree: a 一级/二级 heading or a scored leaf (分值 > 0, no children)."""

    scheme = models.ForeignKey(
        AssessmentScheme, on_delete=models.CASCADE, related_name="items", verbose_name="考核方案"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="上级指标",
    )
    code = models.CharField("编号", max_length=20)
    name = models.CharField("指标名称", max_length=200)
    points = models.DecimalField(
        "分值",
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    rule = models.CharField("评分标准", max_length=500, blank=True)
    evidence_required = models.CharField("佐证材料要求", max_length=300, blank=True)
    responsible_unit = models.CharField("责任单位", max_length=100, blank=True)
    # A catalog indicator computed from the records: its figure and click-through are the
    # evidence (the link, not an upload); empty: a manual item, scored with evidence.
    indicator_id = models.CharField("数据来源（统计指标）", max_length=80, blank=True)

    parent_field = "scheme"

    class Meta:
        verbose_name = "考核指标"
        verbose_name_plural = "考核指标"
        ordering = ["scheme", "code", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "code"],
                name="assessment_item_unique_code",
                violation_error_message="该考核方案中已有此编号的指标",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def level(self) -> int:
        return self.code.count(".") + 1


class AssessmentScore(UnitRecord):
    """A unit's self-score and the reviewers' score on one leaf item (kept by the 依法治办)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="考核单位"
    )
    item = models.ForeignKey(
        AssessmentItem, on_delete=models.PROTECT, related_name="scores", verbose_name="考核指标"
    )
    assessed_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="被考核单位"
    )
    self_score = models.DecimalField(
        "自评得分", max_digits=6, decimal_places=2, null=True, blank=True
    )
    self_evidence = models.CharField("自评佐证", max_length=500, blank=True)
    review_score = models.DecimalField(
        "评审得分", max_digits=6, decimal_places=2, null=True, blank=True
    )
    deduction_reason = models.CharField("扣分理由", max_length=500, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="评审人",
    )
    reviewed_date = models.DateField("评审日期", null=True, blank=True)

    objects = ConfidentialManager()
    subject_field = "assessed_unit"
    subject_shown = Q()
    detail_url_name = "accountability:score_detail"

    class Meta:
        verbose_name = "考核评分"
        verbose_name_plural = "考核评分"
        ordering = ["item__code", "assessed_unit", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "assessed_unit"],
                name="assessment_score_one_per_item_and_unit",
                violation_error_message="该单位的此项指标已有评分记录",
            ),
            models.CheckConstraint(
                condition=Q(self_score__isnull=True) | Q(self_score__gte=0),
                name="assessment_self_score_not_negative",
                violation_error_message="自评得分不能为负数",
            ),
            models.CheckConstraint(
                condition=Q(review_score__isnull=True) | Q(review_score__gte=0),
                name="assessment_review_score_not_negative",
                violation_error_message="评审得分不能为负数",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item.code} {self.item.name}"


class AssessmentResult(UnitRecord):
    """The published result of one assessed unit in a scheme (总分, 名次, 等次), computed
    from the reviewers' scores when the 依法治办 (`unit`) publishes them, never typed in.
    Scoped by the assessed unit: its area's figures (the annual report's 第一责任人 part)
    count it; shown as scores are (the office and the unit concerned)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="考核单位"
    )
    scheme = models.ForeignKey(
        AssessmentScheme, on_delete=models.PROTECT, related_name="results", verbose_name="考核方案"
    )
    assessed_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="被考核单位"
    )
    total = models.DecimalField("总分", max_digits=8, decimal_places=2)
    full = models.DecimalField("满分", max_digits=8, decimal_places=2)
    rank = models.PositiveIntegerField("名次")
    of_total = models.PositiveIntegerField("参评单位数")
    grade = models.CharField("等次", max_length=10)
    published_date = models.DateField("公布日期")

    objects = ConfidentialManager()
    scope_unit_field = "assessed_unit"
    subject_field = "assessed_unit"
    subject_shown = Q()
    detail_url_name = "accountability:result_detail"

    class Meta:
        verbose_name = "考核结果"
        verbose_name_plural = "考核结果"
        ordering = ["scheme", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "assessed_unit"],
                name="assessment_result_one_per_unit",
                violation_error_message="该单位在此考核方案中已有考核结果",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme.year}年度{self.assessed_unit.name}：{self.total}分，第{self.rank}名，{self.grade}"


class AppealState(models.TextChoices):
    PENDING = "pending", "待复核"
    CHANGED = "changed", "复核改分"
    UPHELD = "upheld", "维持原分"


class ScoreAppeal(UnitRecord):
    """申诉 of an assessed unit against a reviewer's score, and the 依法治办's 复核 (`unit`).
    The score changes only through a decision that grants it (services.decide_appeal)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="考核单位"
    )
    score = models.ForeignKey(
        AssessmentScore, on_delete=models.PROTECT, related_name="appeals", verbose_name="考核评分"
    )
    filed_date = models.DateField("申诉日期")
    reason = models.CharField("申诉理由", max_length=500)
    requested_score = models.DecimalField("申请得分", max_digits=6, decimal_places=2)
    state = models.CharField(
        "状态", max_length=10, choices=AppealState.choices, default=AppealState.PENDING
    )
    original_score = models.DecimalField("原评审得分", max_digits=6, decimal_places=2)
    decided_score = models.DecimalField(
        "复核得分", max_digits=6, decimal_places=2, null=True, blank=True
    )
    decision = models.CharField("复核意见", max_length=500, blank=True)
    decided_date = models.DateField("复核日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="复核人",
    )

    objects = ConfidentialManager()
    subject_field = "score__assessed_unit"
    subject_shown = Q()
    detail_url_name = "accountability:appeal_detail"

    class Meta:
        verbose_name = "考核申诉"
        verbose_name_plural = "考核申诉"
        ordering = ["-filed_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="pending", decided_date__isnull=True)
                | (~Q(state="pending") & Q(decided_date__isnull=False) & ~Q(decision="")),
                name="score_appeal_decided_with_reasons",
                violation_error_message="复核须写明复核意见和复核日期",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score}（{self.score.assessed_unit.name}）申诉"


# — 述法 —


class ReportTier(models.TextChoices):
    PARTY_HEAD = "party_head", "党委主要负责人"
    GOVERNMENT_HEAD = "government_head", "政府主要负责人"
    DEPARTMENT_HEAD = "department_head", "部门主要负责人"
    TOWNSHIP_HEAD = "township_head", "乡镇（街道）主要负责人"
    OTHER_MEMBER = "other_member", "其他班子成员"


class ReportForm(models.TextChoices):
    WRITTEN = "written", "书面述法"
    MEETING = "meeting", "会议述法"
    ONSITE = "onsite", "现场述法"


class ReportGrade(models.TextChoices):
    EXCELLENT = "excellent", "好"
    GOOD = "good", "较好"
    FAIR = "fair", "一般"
    POOR = "poor", "差"


class LawReport(UnitRecord):
    """One leader's 述法 for a year (`unit`: the leader's unit) and its review."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="述法人所在单位"
    )
    year = models.PositiveIntegerField("述法年度")
    person = models.CharField("述法人", max_length=30)
    post = models.CharField("职务", max_length=60)
    tier = models.CharField("述法人类别", max_length=20, choices=ReportTier.choices)
    form = models.CharField("述法形式", max_length=10, choices=ReportForm.choices)
    report_date = models.DateField("述法日期")
    checklist = models.CharField(
        "述法清单事项", max_length=500, help_text="例：学法用法、重大决策合法性审查、行政应诉"
    )
    grade = models.CharField("评议等次", max_length=10, choices=ReportGrade.choices, blank=True)
    review_comment = models.CharField("评议意见", max_length=500, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="评议人",
    )
    reviewed_date = models.DateField("评议日期", null=True, blank=True)

    detail_url_name = "accountability:report_detail"

    class Meta:
        verbose_name = "述法"
        verbose_name_plural = "述法"
        ordering = ["-year", "unit", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "person"],
                name="law_report_one_per_person_and_year",
                violation_error_message="该述法人本年度已登记述法",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}年度 {self.person}（{self.post}）述法"


class ReportingUnit(UnitRecord):
    """A unit on a year's 述法名单 (应述法单位), listed by its area's 依法治办: the
    denominator of 述法覆盖率; `unit` is the listed unit, so its area's figures count it."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="应述法单位"
    )
    year = models.PositiveIntegerField("述法年度")
    listed_date = models.DateField("列入名单日期")

    class Meta:
        verbose_name = "应述法单位"
        verbose_name_plural = "应述法单位"
        ordering = ["-year", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="reporting_unit_one_per_year",
                violation_error_message="该单位已在本年度述法名单中",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}年度应述法单位：{self.unit.name}"


# — 示范创建 —


class ProjectKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", "综合示范"
    SINGLE = "single", "单项示范"


class ProjectStage(models.TextChoices):
    CITY = "city", "市级推荐"
    PROVINCIAL = "provincial", "省级初评"
    NATIONAL = "national", "推荐全国"
    NAMED = "named", "命名"


STAGE_ORDER = list(ProjectStage.values)
STAGE_DATE = {
    ProjectStage.CITY: "recommended_date",
    ProjectStage.PROVINCIAL: "provincial_date",
    ProjectStage.NATIONAL: "national_date",
    ProjectStage.NAMED: "named_date",
}


class DemonstrationProject(UnitRecord):
    """A 法治政府建设示范创建 project of the area (`unit`: its 依法治办) and its stages."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="创建单位"
    )
    name = models.CharField("创建项目", max_length=200)
    kind = models.CharField("类型", max_length=16, choices=ProjectKind.choices)
    stage = models.CharField(
        "阶段", max_length=12, choices=ProjectStage.choices, default=ProjectStage.CITY
    )
    recommended_date = models.DateField("市级推荐日期")
    provincial_date = models.DateField("入围省级初评日期", null=True, blank=True)
    national_date = models.DateField("推荐参评全国日期", null=True, blank=True)
    named_date = models.DateField("命名日期", null=True, blank=True)
    materials = models.CharField("申报材料", max_length=500, blank=True)
    satisfaction_rate = models.DecimalField(
        "群众满意度（%）",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    follow_up = models.CharField("巩固提升", max_length=1000, blank=True)

    detail_url_name = "accountability:project_detail"

    class Meta:
        verbose_name = "示范创建项目"
        verbose_name_plural = "示范创建项目"
        ordering = ["-recommended_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction_rate__isnull=True) | Q(satisfaction_rate__lte=100),
                name="demonstration_satisfaction_at_most_100",
                violation_error_message="满意度不能超过100%",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def next_stage(self) -> str | None:
        index = STAGE_ORDER.index(self.stage)
        return STAGE_ORDER[index + 1] if index + 1 < len(STAGE_ORDER) else None


# — 第一责任人: 学法 and meetings on rule-of-law matters —


class SessionKind(models.TextChoices):
    STUDY = "study", "会议学法"
    LECTURE = "lecture", "专题法治讲座"
    MEETING = "meeting", "听取研究法治工作会议"


class LeadershipSession(UnitRecord):
    """A session of a unit's leadership group (`unit`): 学法 (会前学法、专题讲座) or a meeting
    that heard and studied rule-of-law work (worklines.md §1.7: 许昌 14 meetings, 9 学法)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    kind = models.CharField("类别", max_length=10, choices=SessionKind.choices)
    date = models.DateField("日期")
    topic = models.CharField("议题或学习内容", max_length=300)
    chaired_by = models.CharField("主持人", max_length=30, blank=True)
    attendees = models.PositiveIntegerField("参加人数", null=True, blank=True)

    detail_url_name = "accountability:session_detail"

    class Meta:
        verbose_name = "领导班子学法和法治议题会议"
        verbose_name_plural = "领导班子学法和法治议题会议"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.unit.name} {self.date:%Y-%m-%d} {self.get_kind_display()}：{self.topic[:30]}"


class AssignedTask(UnitRecord):
    """A task the superior committee assigned (统筹落实上级任务, 许昌: 47项), handled by the
    area's 依法治办 (`unit`) and marked done with what was done."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="承办单位"
    )
    title = models.CharField("任务", max_length=300)
    assigned_by = models.CharField("交办机关", max_length=100, default="市委全面依法治市委员会")
    assigned_date = models.DateField("交办日期")
    due_date = models.DateField("完成时限", null=True, blank=True)
    done_date = models.DateField("完成日期", null=True, blank=True)
    result = models.CharField("完成情况", max_length=500, blank=True)

    detail_url_name = "accountability:task_detail"

    class Meta:
        verbose_name = "上级交办任务"
        verbose_name_plural = "上级交办任务"
        ordering = ["-assigned_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_date__isnull=True) | Q(done_date__gte=models.F("assigned_date")),
                name="assigned_task_done_after_assigned",
                violation_error_message="完成日期不能早于交办日期",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}：{self.title}"
