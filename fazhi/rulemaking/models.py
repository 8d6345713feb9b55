"""规范性文件 · 重大行政决策 · 法律顾问 · 合法性审查 records.

- `NormativeDocument`: the register of an issuing organ (制定机关, the owning unit), from the
  draft through 合法性审核, 集体审议 and publication to its 有效期 and status history.
- `Filing`: the 报备 of a published document and its 备案审查, to closure (有错必纠).
- `DecisionCatalog`/`CatalogItem`: the annual 重大行政决策事项目录 (条例 第三条第三款), with
  adjustments as versions; `Decision`: one decision through the procedures of the 条例.
- `LegalAdviser`/`AdviserService`: 法律顾问 and 公职律师 per unit, and their service log.
- `OtherReview`: other 合法性审查 (contracts, policy documents, 重大事项).

Draft texts, dissent records and risk assessments are sensitive (docs/permissions.md): the
pages and the API show them only where `selectors.can_read_restricted` says so.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import RestrictedQuerySet, active_membership, acts_on
from fazhi.core.records import ChildRecord, ScopedRecord, UnitRecord


def _area_of(unit: Unit) -> Unit:
    return unit if unit.is_area else (unit.parent or unit)


class PublishedInAreaQuerySet(RestrictedQuerySet):
    """A published document is read by every member of its area acting on the line: a
    department sees the other departments' documents once published, never their drafts
    (issue 16 item 9; docs/permissions.md). The role and the line are checked as for every
    record; only the unit scope widens, and only to the own area (区/县)."""

    def restrict(self, user, action: str = "view"):
        scoped = super().restrict(user, action)
        membership = active_membership(user)
        if action != "view" or membership is None or user.is_superuser:
            return scoped
        if not acts_on(user, self.model.work_line, action):
            return scoped
        area = _area_of(membership.unit)
        return scoped | self.filter(stage="published", unit__path__startswith=area.path)


class DocumentKind(models.TextChoices):
    GOVERNMENT = "government", "政府规范性文件"
    DEPARTMENT = "department", "部门规范性文件"


class Stage(models.TextChoices):
    DRAFTING = "drafting", "起草中"
    REVIEWING = "reviewing", "合法性审核中"
    REVIEWED = "reviewed", "审核完毕"
    PUBLISHED = "published", "已公布"


class ReviewOpinion(models.TextChoices):
    LAWFUL = "lawful", "合法"
    LAWFUL_IF_REVISED = "lawful_if_revised", "修改后合法"
    UNLAWFUL = "unlawful", "不合法"


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    AMENDED = "amended", "修改"
    REPEALED = "repealed", "废止"
    LAPSED = "lapsed", "失效"
    RENEWED = "renewed", "到期继续执行"


class FairCompetition(models.TextChoices):
    NOT_INVOLVED = "not_involved", "不涉及市场主体经济活动"
    PASSED = "passed", "已审查，符合公平竞争要求"
    REVISED = "revised", "已审查，经修改后符合"


class NormativeDocument(UnitRecord):
    """A 规范性文件 of its 制定机关 (the owning `unit`)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="制定机关"
    )
    title = models.CharField("文件名称", max_length=200)
    kind = models.CharField("类型", max_length=12, choices=DocumentKind.choices, editable=False)
    drafting_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="起草单位"
    )
    involves_major_decision = models.BooleanField("涉及重大行政决策", default=False)
    draft_text = models.TextField("草案文本", blank=True)  # sensitive: handlers only
    stage = models.CharField(
        "办理阶段", max_length=12, choices=Stage.choices, default=Stage.DRAFTING
    )
    # 征求意见
    comment_method = models.CharField("征求意见方式", max_length=100, blank=True)
    comment_from = models.DateField("征求意见起始日", null=True, blank=True)
    comment_to = models.DateField("征求意见截止日", null=True, blank=True)
    comments_received = models.PositiveIntegerField("收到意见（条）", default=0)
    comments_adopted = models.PositiveIntegerField("采纳意见（条）", default=0)
    fair_competition = models.CharField(
        "公平竞争审查", max_length=14, choices=FairCompetition.choices, blank=True
    )
    # 合法性审核
    review_sent_date = models.DateField("送审日期", null=True, blank=True)
    review_body = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="审核机构",
    )
    review_due = models.DateField("审核期限", null=True, blank=True, editable=False)
    reviewer = models.CharField("审核人", max_length=60, blank=True)
    review_opinion = models.CharField(
        "审核意见", max_length=20, choices=ReviewOpinion.choices, blank=True
    )
    review_finished_date = models.DateField("审核完成日期", null=True, blank=True)
    review_working_days = models.PositiveIntegerField(
        "审核用时（工作日）", null=True, blank=True, editable=False
    )
    reviews_count = models.PositiveIntegerField("审核次数", default=0, editable=False)
    # 集体审议
    deliberation_meeting = models.CharField("审议会议", max_length=100, blank=True)
    deliberation_date = models.DateField("审议日期", null=True, blank=True)
    # 登记、公布、施行
    registration_number = models.CharField("统一登记号", max_length=40, blank=True)
    doc_number = models.CharField("文号", max_length=60, blank=True)
    published_date = models.DateField("公布日期", null=True, blank=True)
    publish_channel = models.CharField("公布载体", max_length=100, blank=True)
    publish_url = models.URLField("公布网址", blank=True)
    effective_date = models.DateField("施行日期", null=True, blank=True)
    early_effect_reason = models.CharField("公布后不足30日施行的理由", max_length=300, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    status = models.CharField("效力状态", max_length=10, choices=Validity.choices, blank=True)

    detail_url_name = "rulemaking:document_detail"
    objects = models.Manager.from_queryset(PublishedInAreaQuerySet)()

    class Meta:
        verbose_name = "规范性文件"
        verbose_name_plural = "规范性文件"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage="published", published_date__isnull=False, status__gt="")
                | (~Q(stage="published") & Q(published_date__isnull=True, status="")),
                name="rulemaking_doc_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(stage="published", review_opinion__in=["lawful", "lawful_if_revised"])
                | ~Q(stage="published"),
                name="rulemaking_doc_published_after_review",
            ),
            models.CheckConstraint(
                condition=Q(comments_adopted__lte=models.F("comments_received")),
                name="rulemaking_doc_adopted_within_received",
            ),
        ]

    def __str__(self) -> str:
        return self.doc_number or self.title

    def review_overdue(self, today) -> bool:
        """A review past its period is flagged (the period: a setting, docs/rules.md)."""
        if self.review_due is None:
            return False
        end = self.review_finished_date or today
        return end > self.review_due and (
            self.review_finished_date is not None or self.stage == Stage.REVIEWING
        )


class StatusChange(ChildRecord):
    """The history of a document's 效力状态 (有效/修改/废止/失效/到期继续执行)."""

    document = models.ForeignKey(
        NormativeDocument,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name="文件",
    )
    date = models.DateField("日期")
    status_from = models.CharField("原状态", max_length=10, choices=Validity.choices, blank=True)
    status_to = models.CharField("新状态", max_length=10, choices=Validity.choices)
    reason = models.CharField("理由或依据", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "document"

    class Meta:
        verbose_name = "效力状态变更"
        verbose_name_plural = "效力状态变更"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.document}：{self.get_status_to_display()}"


# — 备案 · 备案审查 —


class FilingState(models.TextChoices):
    FILED = "filed", "已报备"
    DEFERRED = "deferred", "暂缓登记"
    REGISTERED = "registered", "已登记"
    CORRECTING = "correcting", "纠错中"
    CLOSED = "closed", "已办结"


class FilingOutcome(models.TextChoices):
    NO_PROBLEM = "no_problem", "无问题"
    SUGGEST_AMEND = "suggest_amend", "建议修改"
    SELF_CORRECT = "self_correct", "自行纠正意见"
    REVOKE = "revoke", "提请撤销"


CORRECTIONS = (FilingOutcome.SUGGEST_AMEND, FilingOutcome.SELF_CORRECT, FilingOutcome.REVOKE)


class Filing(ChildRecord):
    """The 报备 of a published document to the filing body, and its 备案审查."""

    document = models.OneToOneField(
        NormativeDocument, on_delete=models.PROTECT, related_name="filing", verbose_name="文件"
    )
    filing_body = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="备案机关"
    )
    filed_date = models.DateField("报备日期")
    due_date = models.DateField("报备期限", editable=False)
    late = models.BooleanField("延迟报备", default=False, editable=False)
    has_report = models.BooleanField("备案报告", default=False)
    has_text = models.BooleanField("正式文本", default=False)
    has_explanation = models.BooleanField("起草说明（含合法性审核意见）", default=False)
    state = models.CharField(
        "状态", max_length=12, choices=FilingState.choices, default=FilingState.FILED
    )
    registered_date = models.DateField("登记日期", null=True, blank=True)
    supplement_due = models.DateField("补正期限", null=True, blank=True)
    # Once 暂缓登记, always so for the 规范率 (normative_docs.registered_directly).
    deferred = models.BooleanField("曾暂缓登记", default=False, editable=False)
    # 审查事项
    authority_ok = models.BooleanField("未超越权限", null=True, blank=True)
    superior_law_ok = models.BooleanField("不违反上位法", null=True, blank=True)
    procedure_ok = models.BooleanField("符合法定程序", null=True, blank=True)
    outcome = models.CharField("审查结果", max_length=16, choices=FilingOutcome.choices, blank=True)
    reviewed_date = models.DateField("审查完成日期", null=True, blank=True)
    review_note = models.CharField("审查意见", max_length=500, blank=True)
    reply_due = models.DateField("回复期限", null=True, blank=True, editable=False)
    reply_date = models.DateField("制定机关回复日期", null=True, blank=True)
    reply = models.CharField("回复内容", max_length=500, blank=True)
    closed_date = models.DateField("办结日期", null=True, blank=True)
    closing_change = models.ForeignKey(
        StatusChange,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="纠错结果（修改或废止记录）",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "document"
    detail_url_name = "rulemaking:filing_detail"

    class Meta:
        verbose_name = "规范性文件备案"
        verbose_name_plural = "规范性文件备案"
        ordering = ["-filed_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="closed") | Q(outcome__gt=""),
                name="rulemaking_filing_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(
                    state="closed", outcome__in=["suggest_amend", "self_correct", "revoke"]
                )
                | Q(closing_change__isnull=False),
                name="rulemaking_correction_closed_by_document",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document}（报备）"


class RequestSource(models.TextChoices):
    CITIZEN = "citizen", "公民、法人或者其他组织提出审查建议"
    APPLICATION = "application", "复议申请人一并提出附带审查申请（行政复议法第十三条、第五十六条）"
    EX_OFFICIO = "ex_officio", "复议机关审查时认为依据不合法（行政复议法第五十七条）"


class IncidentalResult(models.TextChoices):
    LAWFUL = "lawful", "相关条款合法，在行政复议决定书中一并告知"
    UNLAWFUL = "unlawful", "相关条款超越权限或者违反上位法，决定停止执行并责令制定机关纠正"
    FORWARDED = "forwarded", "无权处理，已转送有权处理的机关"


class ReviewRequest(ChildRecord):
    """A request to review a document: a citizen's 建议审查, or the 附带审查 of a 行政复议 case
    (行政复议法 第十三条, 第五十六条至第六十条), with its clocks."""

    document = models.ForeignKey(
        NormativeDocument,
        on_delete=models.PROTECT,
        related_name="review_requests",
        verbose_name="文件",
    )
    source = models.CharField(
        "来源", max_length=12, choices=RequestSource.choices, default=RequestSource.CITIZEN
    )
    case = models.ForeignKey(
        "reconsideration.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="行政复议案件",
    )
    applicant = models.CharField("建议人或申请人", max_length=100)
    received_date = models.DateField("收到日期")
    grounds = models.CharField("审查建议理由", max_length=500)
    competent = models.BooleanField("复议机关有权处理", null=True, blank=True)
    handle_due = models.DateField("处理期限", null=True, blank=True, editable=False)
    notice_due = models.DateField("书面通知制定机关期限", null=True, blank=True, editable=False)
    notice_date = models.DateField("书面通知制定机关日期", null=True, blank=True)
    organ_reply_due = models.DateField("制定机关答复期限", null=True, blank=True, editable=False)
    organ_reply_date = models.DateField("制定机关答复日期", null=True, blank=True)
    result = models.CharField(
        "审查结果", max_length=10, choices=IncidentalResult.choices, blank=True
    )
    recipient_reply_due = models.DateField(
        "接受转送机关回复期限", null=True, blank=True, editable=False
    )
    handling = models.CharField("处理情况", max_length=500, blank=True)
    reply_date = models.DateField("答复或办结日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "document"

    class Meta:
        verbose_name = "审查建议"
        verbose_name_plural = "审查建议"
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source="citizen") | Q(case__isnull=False),
                name="rulemaking_incidental_has_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.applicant}对{self.document}的{'附带审查' if self.case_id else '审查建议'}"


# — 重大行政决策 —


class DecisionCategory(models.TextChoices):
    """重大行政决策程序暂行条例 第三条第一款 (一)至(五)."""

    POLICY = "policy", "（一）重大公共政策和措施"
    PLAN = "plan", "（二）经济和社会发展等方面的重要规划"
    RESOURCES = "resources", "（三）重要自然资源和文化资源的重大公共政策和措施"
    PROJECT = "project", "（四）重大公共建设项目"
    OTHER = "other", "（五）其他重大事项"


class DecisionCatalog(UnitRecord):
    """The 决策事项目录 of a 决策机关 (the owning `unit`) for a year; an adjustment is a new
    version, the old one kept (条例 第三条第三款: 根据实际情况调整)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="决策机关"
    )
    year = models.PositiveIntegerField("年度")
    version = models.PositiveIntegerField("版本", default=1)
    party_agreed_date = models.DateField("同级党委同意日期", null=True, blank=True)
    published_date = models.DateField("公布日期", null=True, blank=True)
    adjustment_note = models.CharField("调整说明", max_length=300, blank=True)
    superseded = models.BooleanField("已被调整后的目录取代", default=False, editable=False)

    detail_url_name = "rulemaking:catalog_detail"

    class Meta:
        verbose_name = "重大行政决策事项目录"
        verbose_name_plural = "重大行政决策事项目录"
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "version"],
                name="rulemaking_catalog_version_unique",
                violation_error_message="该年度目录的此版本已存在",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}{self.year}年度重大行政决策事项目录（第{self.version}版）"


class CatalogItem(ChildRecord):
    catalog = models.ForeignKey(
        DecisionCatalog, on_delete=models.CASCADE, related_name="items", verbose_name="目录"
    )
    name = models.CharField("决策事项", max_length=200)
    category = models.CharField("类别（第三条）", max_length=10, choices=DecisionCategory.choices)
    undertaking_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="承办单位"
    )
    planned_completion = models.DateField("计划完成时间", null=True, blank=True)
    hearing_planned = models.BooleanField("拟举行听证", default=False)

    parent_field = "catalog"

    class Meta:
        verbose_name = "目录事项"
        verbose_name_plural = "目录事项"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ProposalSource(models.TextChoices):
    """条例 第十条 (一)至(三)."""

    LEADERS = "leaders", "（一）决策机关领导人员提出"
    DEPARTMENT = "department", "（二）所属部门或者下一级人民政府提出"
    PUBLIC = "public", "（三）人大代表、政协委员或者公民、法人、其他组织提出"


class DecisionState(models.TextChoices):
    STARTED = "started", "已启动"
    CONSULTING = "consulting", "公开征求意见中"
    DRAFTED = "drafted", "草案完善"
    LEGALITY_REVIEW = "legality_review", "合法性审查中"
    REVIEWED = "reviewed", "待集体讨论"
    DECIDED = "decided", "已作出决定"
    PUBLISHED = "published", "已公布"
    ARCHIVED = "archived", "已归档"
    STOPPED = "stopped", "已停止执行"


class MeetingKind(models.TextChoices):
    STANDING = "standing", "常务会议"
    PLENARY = "plenary", "全体会议"


class Decision(UnitRecord):
    """One 重大行政决策 of its 决策机关 (the owning `unit`)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="决策机关"
    )
    catalog_item = models.ForeignKey(
        CatalogItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="目录事项",
    )
    name = models.CharField("决策事项", max_length=200)
    category = models.CharField("类别（第三条）", max_length=10, choices=DecisionCategory.choices)
    proposal_source = models.CharField(
        "建议来源（第十条）", max_length=12, choices=ProposalSource.choices
    )
    undertaking_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="承办单位"
    )
    started_date = models.DateField("启动日期")
    involves_market = models.BooleanField("涉及市场主体经济活动", default=False)
    draft_text = models.TextField("决策草案", blank=True)  # sensitive
    state = models.CharField(
        "办理阶段", max_length=16, choices=DecisionState.choices, default=DecisionState.STARTED
    )
    # 公众参与 (第十四至十八条)
    comment_from = models.DateField("征求意见起始日", null=True, blank=True)
    comment_to = models.DateField("征求意见截止日", null=True, blank=True)
    comment_channel = models.CharField("公布途径", max_length=100, blank=True)
    shortened_reason = models.CharField("缩短征求意见期限的说明", max_length=300, blank=True)
    no_comment_reason = models.CharField("不公开征求意见的理由", max_length=300, blank=True)
    comments_received = models.PositiveIntegerField("收到意见（条）", default=0)
    comments_adopted = models.PositiveIntegerField("采纳意见（条）", default=0)
    comment_summary = models.TextField("意见研究采纳情况", blank=True)
    hearing_date = models.DateField("听证会日期", null=True, blank=True)
    hearing_materials_sent = models.DateField("听证材料送达日期", null=True, blank=True)
    # 专家论证 (第十九至二十一条)
    expert_review_date = models.DateField("专家论证日期", null=True, blank=True)
    experts = models.TextField("论证专家及利益冲突声明", blank=True)
    expert_summary = models.TextField("专家论证意见采纳情况", blank=True)
    # 风险评估 (第二十二至二十四条)
    risk_assessed_date = models.DateField("风险评估日期", null=True, blank=True)
    risk_report = models.TextField("风险评估报告", blank=True)  # sensitive
    risk_controllable = models.BooleanField("风险可控", null=True, blank=True)
    # 合法性审查 (第二十五至二十八条)
    legality_sent_date = models.DateField("送请合法性审查日期", null=True, blank=True)
    legality_reply_by = models.DateField("审查期限", null=True, blank=True)
    legality_body = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="合法性审查部门",
    )
    legality_finished_date = models.DateField("合法性审查完成日期", null=True, blank=True)
    legality_opinion = models.CharField(
        "合法性审查意见", max_length=20, choices=ReviewOpinion.choices, blank=True
    )
    adviser_opinion = models.TextField("法律顾问、公职律师法律意见", blank=True)
    adviser = models.ForeignKey(
        "rulemaking.LegalAdviser",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="出具意见的法律顾问",
    )
    # 第二十九条 的会议材料
    m_draft = models.BooleanField("（一）决策草案及相关材料", default=False)
    m_fair_competition = models.BooleanField("（一）公平竞争审查情况", default=False)
    m_public_comment = models.BooleanField("（二）公众意见研究采纳情况", default=False)
    m_expert = models.BooleanField("（三）专家论证意见研究采纳情况", default=False)
    m_risk = models.BooleanField("（四）风险评估报告", default=False)
    m_legality = models.BooleanField("（五）合法性审查意见", default=False)
    # 集体讨论决定 (第三十条): the meeting that discussed the draft, its kind and date copied
    meeting = models.ForeignKey(
        "rulemaking.CollectiveMeeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="集体讨论会议",
    )
    meeting_kind = models.CharField("会议", max_length=10, choices=MeetingKind.choices, blank=True)
    meeting_date = models.DateField("会议日期", null=True, blank=True)
    attendees = models.TextField("出席人员", blank=True)
    dissent = models.TextField("不同意见", blank=True)  # sensitive
    head_decision = models.TextField("行政首长的决定", blank=True)
    departs_from_majority = models.BooleanField("与多数人意见不一致", default=False)
    departure_reason = models.TextField("不一致的理由", blank=True)
    party_reported = models.BooleanField("已向同级党委请示报告（第三十一条）", default=False)
    # 公布 (第三十二条), 归档 (第三十三条), 停止 (第三十七条)
    published_date = models.DateField("公布日期", null=True, blank=True)
    publish_channel = models.CharField("公布途径", max_length=100, blank=True)
    interpretation = models.CharField("解读方式", max_length=200, blank=True)
    archived_date = models.DateField("归档日期", null=True, blank=True)
    stopped_date = models.DateField("停止执行日期", null=True, blank=True)
    stop_reason = models.CharField("变更或停止的理由", max_length=300, blank=True)

    detail_url_name = "rulemaking:decision_detail"

    class Meta:
        verbose_name = "重大行政决策"
        verbose_name_plural = "重大行政决策"
        ordering = ["-started_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(comments_adopted__lte=models.F("comments_received")),
                name="rulemaking_decision_adopted_within_received",
            ),
            models.CheckConstraint(
                condition=Q(
                    state__in=["started", "consulting", "drafted", "legality_review", "reviewed"]
                )
                | Q(
                    legality_opinion__in=["lawful", "lawful_if_revised"],
                    meeting_date__isnull=False,
                    meeting__isnull=False,
                ),
                name="rulemaking_decision_decided_after_review",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def adviser_missing(self) -> bool:
        """条例 第二十八条: the review organizes a 法律顾问/公职律师 opinion; a draft submitted
        without one is flagged."""
        return bool(self.legality_finished_date) and not self.adviser_opinion.strip()


class CollectiveMeeting(UnitRecord):
    """A 常务会议 or 全体会议 of the 决策机关 (the owning `unit`): 条例 第三十条第一款, 决策草案
    应当经决策机关常务会议或者全体会议讨论. One meeting may decide several matters; a decision
    is recorded as decided only with its meeting (`Decision.meeting`)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="决策机关"
    )
    kind = models.CharField("会议", max_length=10, choices=MeetingKind.choices)
    title = models.CharField("会议名称", max_length=100)
    date = models.DateField("会议日期")
    attendees = models.TextField("出席的会议组成人员")

    detail_url_name = "rulemaking:meeting_detail"

    class Meta:
        verbose_name = "集体讨论会议"
        verbose_name_plural = "集体讨论会议"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.title}（{self.date:%Y-%m-%d}）"


class ParticipationKind(models.TextChoices):
    """条例 第十四条第二款 (听取意见的方式) and 第三款 (与特定群体沟通协商)."""

    SYMPOSIUM = "symposium", "座谈会"
    HEARING = "hearing", "听证会"
    FIELD_VISIT = "field_visit", "实地走访"
    WRITTEN = "written", "书面征求意见"
    PUBLIC_COMMENT = "public_comment", "向社会公开征求意见"
    QUESTIONNAIRE = "questionnaire", "问卷调查"
    POLL = "poll", "民意调查"
    CONSULTATION = "consultation", "与人民团体、社会组织、群众代表沟通协商"


class ParticipationEvent(ChildRecord):
    """One 公众参与 event of a decision (条例 第十四条至第十七条): a 座谈会, a 听证会, a visit …
    The public comment period is one event, recorded by its own step (第十五条)."""

    decision = models.ForeignKey(
        Decision,
        on_delete=models.CASCADE,
        related_name="participation_events",
        verbose_name="决策",
    )
    kind = models.CharField("方式", max_length=14, choices=ParticipationKind.choices)
    date = models.DateField("日期")
    subject = models.CharField("对象或地点", max_length=200, blank=True)
    participants = models.PositiveIntegerField("参加人数", null=True, blank=True)
    materials_sent = models.DateField("听证会材料送达日期", null=True, blank=True)
    summary = models.TextField("听取意见情况", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "decision"

    class Meta:
        verbose_name = "公众参与"
        verbose_name_plural = "公众参与"
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="hearing") | Q(materials_sent__isnull=False),
                name="rulemaking_hearing_materials_sent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision}：{self.get_kind_display()}（{self.date:%Y-%m-%d}）"

    def get_absolute_url(self) -> str:
        return self.decision.get_absolute_url()


class ExecutionReport(ChildRecord):
    """条例 第三十五、三十六条: the executing unit's reports and the post-evaluation."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="reports", verbose_name="决策"
    )
    date = models.DateField("日期")
    is_evaluation = models.BooleanField("决策后评估", default=False)
    content = models.TextField("执行情况或评估结论")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "decision"

    class Meta:
        verbose_name = "决策执行报告"
        verbose_name_plural = "决策执行报告"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.decision}（{'后评估' if self.is_evaluation else '执行情况'}）"


# — 法律顾问 · 公职律师 —


class AdviserKind(models.TextChoices):
    INTERNAL = "internal", "内部法律顾问"
    EXTERNAL = "external", "外聘法律顾问"
    PUBLIC_LAWYER = "public_lawyer", "公职律师"


class LegalAdviser(UnitRecord):
    """A 法律顾问 or 公职律师 of the engaging unit (the owning `unit`)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="聘用单位"
    )
    name = models.CharField("姓名", max_length=60)
    kind = models.CharField("类别", max_length=14, choices=AdviserKind.choices)
    firm = models.CharField("所在律师事务所或单位", max_length=100, blank=True)
    certificate_number = models.CharField("公职律师证号", max_length=40, blank=True)
    contract_from = models.DateField("聘期起")
    contract_to = models.DateField("聘期止")
    # The day the adviser leaves the roster (聘期止 is the contract's last day): the
    # registers legal_advisers.advisers / .public_lawyers count those not yet left.
    roster_until = models.DateField("离册日期（聘期止次日）", editable=False, null=True)

    detail_url_name = "rulemaking:adviser_detail"

    class Meta:
        verbose_name = "法律顾问"
        verbose_name_plural = "法律顾问"
        ordering = ["unit__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contract_to__gte=models.F("contract_from")),
                name="rulemaking_adviser_contract_order",
            ),
            models.CheckConstraint(
                condition=~Q(kind="public_lawyer") | Q(certificate_number__gt=""),
                name="rulemaking_public_lawyer_certificate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"

    def save(self, *args, **kwargs):
        self.roster_until = self.contract_to + datetime.timedelta(days=1)
        super().save(*args, **kwargs)


class CoverageKind(models.TextChoices):
    ADVISER = "adviser", "配备法律顾问"
    PUBLIC_LAWYER = "public_lawyer", "设立公职律师"
    DUTY = "duty", "应配备法律顾问"
    # The stretches in which a unit on the list (DUTY) had an adviser (ADVISER): the
    # numerator of legal_advisers.units_covered_rate (docs/rules.md).
    DUTY_COVERED = "duty_covered", "应配备且已配备法律顾问"


class Coverage(ScopedRecord):
    """A span in which a unit had at least one 法律顾问 (any kind) or 公职律师 under contract:
    the advisers' contract periods merged per unit (services.refresh_coverage), so that a
    unit counts once in legal_advisers.units_covered / .public_lawyer_units. A `DUTY` span is
    a 党政机关 that must have one (services.register_adviser_duty), open while it must."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name="单位")
    kind = models.CharField("类别", max_length=14, choices=CoverageKind.choices)
    start = models.DateField("起")
    until = models.DateField("止（不含）", null=True, blank=True)

    class Meta:
        verbose_name = "法律顾问配备情况"
        verbose_name_plural = "法律顾问配备情况"
        ordering = ["unit__name", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=models.F("start")),
                name="rulemaking_coverage_order",
            )
        ]

    def __str__(self) -> str:
        since = f"{self.unit.name}{self.get_kind_display()}（{self.start:%Y-%m-%d}"
        if self.until is None:
            return f"{since}起）"
        return f"{since}至{self.until - datetime.timedelta(days=1):%Y-%m-%d}）"


class ServiceKind(models.TextChoices):
    MEETING = "meeting", "列席会议"
    DOCUMENT = "document", "审查文件"
    CONTRACT = "contract", "审查合同"
    OPINION = "opinion", "出具法律意见"
    CASE = "case", "参与复议诉讼"
    MEDIATION = "mediation", "参与调解"


class AdviserService(ChildRecord):
    adviser = models.ForeignKey(
        LegalAdviser, on_delete=models.CASCADE, related_name="services", verbose_name="法律顾问"
    )
    date = models.DateField("日期")
    kind = models.CharField("服务类别", max_length=10, choices=ServiceKind.choices)
    subject = models.CharField("事项", max_length=200)
    items = models.PositiveIntegerField("议题或件数", default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "adviser"

    class Meta:
        verbose_name = "法律顾问服务记录"
        verbose_name_plural = "法律顾问服务记录"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.adviser.name} {self.subject}"


# — 征求意见反馈 —


class ConsultationReply(UnitRecord):
    """反馈征求意见和建议: the owning `unit` (often the 司法局) answers another organ's
    consultation on the draft of a 规范性文件 (规章制定程序条例 第十五条: 书面征求意见, applied
    to 规范性文件 by 第三十六条). The draft is linked where it is on the register."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="反馈单位"
    )
    requesting_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="征求意见机关"
    )
    document = models.ForeignKey(
        NormativeDocument,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_replies",
        verbose_name="登记的文件草案",
    )
    draft_title = models.CharField("草案名称", max_length=200)
    received_date = models.DateField("收到征求意见日期")
    reply_date = models.DateField("反馈日期")
    suggestions = models.PositiveIntegerField("提出意见建议（条）", default=0)
    content = models.TextField("反馈意见")

    detail_url_name = "rulemaking:reply_detail"

    class Meta:
        verbose_name = "征求意见反馈"
        verbose_name_plural = "征求意见反馈"
        ordering = ["-reply_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reply_date__gte=models.F("received_date")),
                name="rulemaking_reply_after_received",
            )
        ]

    def __str__(self) -> str:
        return f"对《{self.draft_title}》的反馈意见"


# — 其他合法性审查 —


class MatterKind(models.TextChoices):
    CONTRACT = "contract", "行政合同"
    POLICY = "policy", "政策文件"
    MAJOR = "major", "重大事项"


class OtherReview(UnitRecord):
    """A 合法性审查 of a contract, policy document or 重大事项 by the reviewing unit."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="审查机构"
    )
    matter = models.CharField("审查事项", max_length=200)
    kind = models.CharField("类别", max_length=10, choices=MatterKind.choices)
    requesting_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="送审单位"
    )
    received_date = models.DateField("收到日期")
    opinion = models.CharField("审查意见", max_length=300, blank=True)
    finished_date = models.DateField("完成日期", null=True, blank=True)
    working_days = models.PositiveIntegerField(
        "用时（工作日）", null=True, blank=True, editable=False
    )

    detail_url_name = "rulemaking:review_detail"

    class Meta:
        verbose_name = "其他合法性审查"
        verbose_name_plural = "其他合法性审查"
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(finished_date__isnull=True)
                | Q(finished_date__gte=models.F("received_date")),
                name="rulemaking_other_review_order",
            )
        ]

    def __str__(self) -> str:
        return self.matter


# — 清理 · 后评估 —


class CleanupKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", "全面清理"
    SPECIAL = "special", "专项清理"


class Conclusion(models.TextChoices):
    """规章制定程序条例 第三十七条 (清理), applied to 规范性文件."""

    CONTINUE = "continue", "继续有效"
    AMEND = "amend", "修改"
    REPEAL = "repeal", "废止"
    LAPSE = "lapse", "宣布失效"
    RENEW = "renew", "到期继续执行"


CONCLUSION_STATUS = {
    Conclusion.AMEND: Validity.AMENDED,
    Conclusion.REPEAL: Validity.REPEALED,
    Conclusion.LAPSE: Validity.LAPSED,
    Conclusion.RENEW: Validity.RENEWED,
}


class CleanupBatch(UnitRecord):
    """A 清理 campaign of the organizing organ (the owning `unit`); its conclusions change the
    register when the result is published."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="组织机关"
    )
    title = models.CharField("清理名称", max_length=200)
    kind = models.CharField("类型", max_length=14, choices=CleanupKind.choices)
    started_date = models.DateField("开始日期")
    published_date = models.DateField("清理结果公布日期", null=True, blank=True)

    detail_url_name = "rulemaking:cleanup_detail"

    class Meta:
        verbose_name = "规范性文件清理"
        verbose_name_plural = "规范性文件清理"
        ordering = ["-started_date", "-pk"]

    def __str__(self) -> str:
        return self.title


class CleanupEntry(ChildRecord):
    batch = models.ForeignKey(
        CleanupBatch, on_delete=models.CASCADE, related_name="entries", verbose_name="清理"
    )
    document = models.ForeignKey(
        NormativeDocument,
        on_delete=models.PROTECT,
        related_name="cleanup_entries",
        verbose_name="文件",
    )
    conclusion = models.CharField("清理结论", max_length=10, choices=Conclusion.choices)
    reason = models.CharField("理由", max_length=300)
    valid_until = models.DateField("延续后的有效期至", null=True, blank=True)

    parent_field = "batch"

    class Meta:
        verbose_name = "清理结论"
        verbose_name_plural = "清理结论"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "document"],
                name="rulemaking_cleanup_entry_once",
                violation_error_message="该文件已列入本次清理",
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}：{self.get_conclusion_display()}"


class PostEvaluation(ChildRecord):
    """后评估 of a document (规章制定程序条例 第三十八条, applied to 规范性文件)."""

    document = models.ForeignKey(
        NormativeDocument, on_delete=models.PROTECT, related_name="evaluations", verbose_name="文件"
    )
    evaluator = models.CharField("评估机构", max_length=100)
    method = models.CharField("评估方法", max_length=200)
    date = models.DateField("评估报告日期")
    report = models.TextField("评估报告")
    conclusion = models.CharField("评估结论", max_length=10, choices=Conclusion.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "document"

    class Meta:
        verbose_name = "规范性文件后评估"
        verbose_name_plural = "规范性文件后评估"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.document}后评估"
