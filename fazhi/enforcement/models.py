"""行政执法监督 records: enforcement agencies and their officers with certificates (执法证),
enforcement actions under the 三项制度, the 免罚轻罚清单, 入企执法报备, 案卷评查 campaigns,
监督检查 and the rectification notices both of them issue.

Every record's `unit` is the unit that keeps it: an agency keeps its officers, actions and
inspection reports; the supervising 司法局 keeps its review campaigns, supervision
inspections and notices (with the agency concerned named beside it).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from fazhi.core.models import Unit
from fazhi.core.querysets import RestrictedManager
from fazhi.core.roles import WorkLine


class Agency(models.Model):
    """A 行政执法主体: an enforcement department, or a 街道/乡镇 with devolved powers (赋权事项)."""

    unit = models.OneToOneField(
        Unit, on_delete=models.PROTECT, related_name="enforcement_agency", verbose_name="执法单位"
    )
    legal_basis = models.TextField("执法依据（设立及职权依据）")
    devolved_powers = models.TextField(
        "赋权事项", blank=True, help_text="街道、乡镇承接的行政执法事项，一行一项"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "行政执法主体"
        verbose_name_plural = "行政执法主体"
        ordering = ["unit__path"]

    def __str__(self) -> str:
        return self.unit.name

    def get_absolute_url(self) -> str:
        return reverse("enforcement:agency_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}

    @property
    def devolved_list(self) -> list[str]:
        return [line.strip() for line in self.devolved_powers.splitlines() if line.strip()]


class MajorGround(models.TextChoices):
    """行政处罚法 第五十八条第一款: the cases that need 法制审核 before the decision."""

    PUBLIC_INTEREST = "public_interest", "涉及重大公共利益的（第五十八条第一款第一项）"
    MAJOR_RIGHTS_HEARING = "major_rights", "直接关系重大权益，经过听证程序的（第二项）"
    COMPLEX = "complex", "案件情况疑难复杂、涉及多个法律关系的（第三项）"
    OTHER_LAW = "other_law", "法律、法规规定应当进行法制审核的其他情形（第四项）"


class MajorDecisionItem(models.Model):
    """One entry of an agency's 重大执法决定法制审核目录清单."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="major_decision_items", verbose_name="执法单位"
    )
    title = models.CharField("重大执法决定事项", max_length=200)
    ground = models.CharField("法制审核情形", max_length=20, choices=MajorGround.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "重大执法决定事项"
        ordering = ["unit__path", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "title"], name="major_item_unique_title"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}：{self.title}"

    def get_additional_data(self):
        return {"unit_id": self.unit_id}


class Officer(models.Model):
    """A 行政执法人员 of an agency (its `unit`)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="enforcement_officers", verbose_name="所在单位"
    )
    name = models.CharField("姓名", max_length=30)
    id_number = models.CharField("身份证号码", max_length=18)
    post = models.CharField("职务", max_length=60, blank=True)
    is_legal_reviewer = models.BooleanField("法制审核人员", default=False)
    # 行政处罚法 第五十八条第二款: first-time 法制审核 staff need the 法律职业资格.
    has_legal_qualification = models.BooleanField("具有法律职业资格", default=False)
    is_active = models.BooleanField("在岗", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "行政执法人员"
        verbose_name_plural = "行政执法人员"
        ordering = ["unit__path", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "id_number"],
                name="officer_unique_id_in_unit",
                violation_error_message="本单位已登记该身份证号码的执法人员",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.unit.name}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:officer_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}

    def current_certificate(self):
        """The latest issued certificate, else the latest application."""
        certificates = sorted(
            self.certificates.all(),
            key=lambda c: (c.issue_date is not None, c.issue_date or c.applied_date, c.pk),
        )
        return certificates[-1] if certificates else None

    def certificate_problem(self, day: datetime.date) -> str:
        """Why the officer may not enforce on `day` (empty when the certificate is valid)."""
        certificate = self.current_certificate()
        if certificate is None:
            return "未取得行政执法证件"
        return certificate.problem(day)


class CertificateStatus(models.TextChoices):
    APPLIED = "applied", "已申领"
    TRAINED = "trained", "已培训"
    FAILED = "failed", "考试未通过"
    PASSED = "passed", "考试合格"
    VALID = "valid", "已发证"
    SUSPENDED = "suspended", "暂扣"
    WITHDRAWN = "withdrawn", "收回注销"


class Certificate(models.Model):
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "officer__unit"
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

    def get_additional_data(self):
        return {"unit_id": self.officer.unit_id}

    def problem(self, day: datetime.date) -> str:
        """Empty when the certificate may be used on `day`, else why not."""
        if self.status in (CertificateStatus.SUSPENDED, CertificateStatus.WITHDRAWN):
            return f"执法证件已{self.get_status_display()}（{self.status_reason}）"
        if self.status != CertificateStatus.VALID:
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


class CertificateCheck(models.Model):
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

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "certificate__officer__unit"
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "执法证件核发年审记录"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.certificate} {self.get_kind_display()}（{self.date:%Y-%m-%d}）"

    def get_additional_data(self):
        return {"unit_id": self.certificate.officer.unit_id}


class TrainingRecord(models.Model):
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

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "officer__unit"
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "执法人员培训"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="training_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.officer}参加{self.title}"

    def get_additional_data(self):
        return {"unit_id": self.officer.unit_id}


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


class EnforcementAction(models.Model):
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

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
        ]

    def __str__(self) -> str:
        return f"{self.number}（{self.unit.name}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:action_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}

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


class ListStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已公布施行"
    SUPERSEDED = "superseded", "已被新版本替代"


class PenaltyList(models.Model):
    """A 免罚轻罚清单 of a region, in one version (e.g. 2021年版)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="penalty_lists", verbose_name="制定单位"
    )
    region = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="适用区域"
    )
    title = models.CharField("清单名称", max_length=200)
    year = models.PositiveSmallIntegerField("年度")
    version = models.CharField("版本", max_length=20)
    status = models.CharField(
        "状态", max_length=12, choices=ListStatus.choices, default=ListStatus.DRAFT
    )
    published_date = models.DateField("公布日期", null=True, blank=True)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="替代的版本",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "免罚轻罚清单"
        verbose_name_plural = "免罚轻罚清单"
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "version"],
                name="penalty_list_unique_version",
                violation_error_message="该区域已有同一版本的清单",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_date__isnull=False),
                name="penalty_list_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement:list_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}


class ListCategory(models.TextChoices):
    NO_PENALTY = "no_penalty", "不予处罚"
    LIGHTER = "lighter", "从轻处罚"
    MITIGATED = "mitigated", "减轻处罚"


class ListBasis(models.TextChoices):
    """行政处罚法 第三十三条 (不予处罚) and 第三十二条 (从轻、减轻)."""

    MINOR = "minor", "轻微不罚（第三十三条第一款）"
    FIRST_OFFENCE = "first_offence", "首违不罚（第三十三条第一款）"
    NO_FAULT = "no_fault", "无主观过错不罚（第三十三条第二款）"
    LIGHTER_OR_MITIGATED = "lighter_or_mitigated", "从轻或者减轻处罚（第三十二条）"


NO_PENALTY_BASES = (ListBasis.MINOR, ListBasis.FIRST_OFFENCE, ListBasis.NO_FAULT)


class PenaltyListItem(models.Model):
    """One item of a 免罚轻罚清单: the violation, its basis, the conditions and the treatment."""

    penalty_list = models.ForeignKey(
        PenaltyList, on_delete=models.PROTECT, related_name="items", verbose_name="清单"
    )
    number = models.PositiveIntegerField("序号")
    category = models.CharField("类别", max_length=12, choices=ListCategory.choices)
    basis = models.CharField("法定情形", max_length=24, choices=ListBasis.choices)
    violation = models.CharField("违法行为", max_length=300)
    legal_basis = models.CharField("违法依据及处罚依据", max_length=500)
    conditions = models.CharField("适用条件", max_length=500)
    treatment = models.CharField("处理方式", max_length=300)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "penalty_list__unit"
    scope_owner_fields = ("penalty_list__created_by",)

    class Meta:
        verbose_name = "免罚轻罚清单事项"
        ordering = ["penalty_list", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["penalty_list", "number"], name="penalty_item_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(category="no_penalty", basis__in=NO_PENALTY_BASES)
                | Q(category__in=["lighter", "mitigated"], basis="lighter_or_mitigated"),
                name="penalty_item_basis_matches_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.penalty_list.title} 第{self.number}项"

    def get_additional_data(self):
        return {"unit_id": self.penalty_list.unit_id}


class InspectionStatus(models.TextChoices):
    REPORTED = "reported", "已报备"
    DONE = "done", "已检查"
    CANCELLED = "cancelled", "已取消"


class EnterpriseInspection(models.Model):
    """入企执法报备: the plan an agency reports before inspecting an enterprise, then the result."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="enterprise_inspections",
        verbose_name="执法单位",
    )
    enterprise = models.CharField("企业名称", max_length=200)
    credit_code = models.CharField("统一社会信用代码", max_length=18)
    purpose = models.CharField("检查事项", max_length=300)
    legal_basis = models.CharField("检查依据", max_length=300)
    planned_date = models.DateField("计划检查日期")
    officers = models.ManyToManyField(
        Officer, related_name="enterprise_inspections", verbose_name="执法人员"
    )
    is_joint = models.BooleanField("联合检查", default=False)
    status = models.CharField(
        "状态", max_length=10, choices=InspectionStatus.choices, default=InspectionStatus.REPORTED
    )
    result_date = models.DateField("检查日期", null=True, blank=True)
    result = models.TextField("检查结果", blank=True)
    problems_found = models.BooleanField("发现问题", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "入企执法报备"
        verbose_name_plural = "入企执法报备"
        ordering = ["-planned_date", "-pk"]
        indexes = [models.Index(fields=["credit_code", "planned_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", result_date__gte=F("planned_date"))
                | (~Q(status="done") & Q(result_date__isnull=True)),
                name="inspection_result_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}入企检查{self.enterprise}（{self.planned_date:%Y-%m-%d}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:report_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}


class CampaignStatus(models.TextChoices):
    OPEN = "open", "评查中"
    CLOSED = "closed", "已结束"


class ReviewCampaign(models.Model):
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

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

    def get_absolute_url(self) -> str:
        return reverse("enforcement:campaign_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}


class ScoreItem(models.Model):
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

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "campaign__unit"
    scope_owner_fields = ("campaign__created_by",)

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


class CaseFile(models.Model):
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

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "campaign__unit"
    scope_owner_fields = ("created_by",)

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

    def get_absolute_url(self) -> str:
        return reverse("enforcement:casefile_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.campaign.unit_id}

    @property
    def grade(self) -> str:
        """评查等次 by the total (优秀 ≥ 90, 合格 ≥ 60, else 不合格)."""
        if self.total is None:
            return "未评查"
        if self.total >= 90:
            return "优秀"
        return "合格" if self.total >= 60 else "不合格"


class Score(models.Model):
    case_file = models.ForeignKey(
        CaseFile, on_delete=models.PROTECT, related_name="scores", verbose_name="案卷"
    )
    item = models.ForeignKey(
        ScoreItem, on_delete=models.PROTECT, related_name="scores", verbose_name="评查项目"
    )
    points = models.PositiveSmallIntegerField("得分")

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_unit_field = "case_file__campaign__unit"
    scope_owner_fields = ("case_file__created_by",)

    class Meta:
        verbose_name = "评查得分"
        ordering = ["case_file", "item__order"]
        constraints = [
            models.UniqueConstraint(fields=["case_file", "item"], name="score_unique_item"),
        ]

    def __str__(self) -> str:
        return f"{self.case_file}·{self.item.name}"


class SupervisionKind(models.TextChoices):
    SPECIAL = "special", "专项监督"
    ROUTINE = "routine", "执法监督检查"


class SupervisionInspection(models.Model):
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "执法监督检查"
        verbose_name_plural = "执法监督检查"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement:supervision_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}


class NoticeStatus(models.TextChoices):
    ISSUED = "issued", "待整改"
    RESPONDED = "responded", "已反馈"
    CLOSED = "closed", "已销号"


class RectificationNotice(models.Model):
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
    number = models.CharField("通知编号", max_length=60)
    problems = models.TextField("存在问题及整改要求")
    issued_date = models.DateField("下发日期")
    due_date = models.DateField("整改期限")
    status = models.CharField(
        "状态", max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.ISSUED
    )
    response = models.TextField("整改情况", blank=True)
    responded_date = models.DateField("反馈日期", null=True, blank=True)
    closed_date = models.DateField("销号日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RestrictedManager()
    work_line = WorkLine.ENFORCEMENT
    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "整改通知"
        verbose_name_plural = "整改通知"
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "number"], name="notice_unique_number"),
            models.CheckConstraint(
                condition=Q(inspection__isnull=True, campaign__isnull=False)
                | Q(inspection__isnull=False, campaign__isnull=True),
                name="notice_has_one_source",
            ),
            models.CheckConstraint(
                condition=Q(due_date__gt=F("issued_date")), name="notice_due_after_issue"
            ),
            models.CheckConstraint(
                condition=Q(status="issued", responded_date__isnull=True)
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
        return f"{self.number}（{self.agency.name}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:notice_detail", kwargs={"pk": self.pk})

    def get_additional_data(self):
        return {"unit_id": self.unit_id}

    @property
    def source(self):
        return self.inspection or self.campaign

    def overdue(self, today: datetime.date) -> bool:
        """Not answered by its due date: flagged to the issuing bureau's superior."""
        late_open = self.status == NoticeStatus.ISSUED and self.due_date < today
        late_answer = self.responded_date is not None and self.responded_date > self.due_date
        return late_open or late_answer
