"""法律援助 records: the agency's roster of providers, applications and notified cases from
receipt to closure (补正, 审查决定, 先行援助, 指派, 办理, 结案, 终止, 异议), quality checks,
the versioned subsidy standard and the subsidies paid, consultations, and the log of the
public status lookup.

The statute is 法律援助法 (2021); the articles are cited where a field or a rule comes from.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from fazhi.core.records import ChildRecord, UnitRecord


class ProviderKind(models.TextChoices):
    """法律援助法 第十二条、第十三条: who provides legal aid."""

    LAWYER = "lawyer", "律师"
    GRASSROOTS = "grassroots", "基层法律服务工作者"
    VOLUNTEER = "volunteer", "法律援助志愿者"
    AGENCY_STAFF = "agency_staff", "法律援助机构工作人员"


class Provider(UnitRecord):
    """A 法律援助人员 on the agency's roster (the owning unit is the 法律援助机构)."""

    name = models.CharField("姓名", max_length=40)
    kind = models.CharField("人员类别", max_length=14, choices=ProviderKind.choices)
    firm = models.CharField("执业机构", max_length=100)
    license_number = models.CharField("执业证号", max_length=40, blank=True)
    # 第二十六条 counts 三年以上相关执业经历 from here.
    practice_since = models.DateField("开始执业日期")
    criminal_experience = models.BooleanField("有刑事辩护执业经历", default=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    # The provider's own account: an assigned case is among the account's records (仅本人).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="平台账号",
    )
    active = models.BooleanField("在册", default=True)

    detail_url_name = "legal_aid:provider_detail"

    class Meta:
        verbose_name = "法律援助人员"
        verbose_name_plural = "法律援助人员"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.firm}）"

    def years_of_practice(self, on) -> int:
        years = on.year - self.practice_since.year
        if (on.month, on.day) < (self.practice_since.month, self.practice_since.day):
            years -= 1
        return years


class Origin(models.TextChoices):
    APPLICATION = "application", "申请"
    FORWARDED = "forwarded", "转交申请（被羁押人员，第三十九条）"
    NOTIFIED = "notified", "通知辩护/代理（第三十六条）"


class NotifyingOrgan(models.TextChoices):
    COURT = "court", "人民法院"
    PROCURATORATE = "procuratorate", "人民检察院"
    POLICE = "police", "公安机关"


class CaseType(models.TextChoices):
    CRIMINAL = "criminal", "刑事"
    CIVIL = "civil", "民事"
    ADMINISTRATIVE = "administrative", "行政"
    STATE_COMPENSATION = "state_compensation", "国家赔偿"
    NON_LITIGATION = "non_litigation", "非诉讼"


class Matter(models.TextChoices):
    """The matters of 第二十四条至第三十三条 (and the notified ones of 第二十五条、第二十八条)."""

    CRIMINAL_DEFENCE = "art24", "刑事辩护（第二十四条）"
    NOTIFIED_DEFENCE = "art25", "通知辩护（第二十五条）"
    COMPULSORY_TREATMENT = "art28", "强制医疗代理（第二十八条）"
    VICTIM = "art29", "刑事被害人、自诉人代理（第二十九条）"
    STATE_COMPENSATION = "art31_1", "请求国家赔偿（第三十一条第一项）"
    SOCIAL_INSURANCE = "art31_2", "请求社会保险待遇或社会救助（第三十一条第二项）"
    PENSION = "art31_3", "请求发给抚恤金（第三十一条第三项）"
    SUPPORT = "art31_4", "请求给付赡养费、抚养费、扶养费（第三十一条第四项）"
    LABOUR = "art31_5", "请求确认劳动关系或支付劳动报酬（第三十一条第五项）"
    CAPACITY = "art31_6", "请求认定无民事行为能力或限制民事行为能力（第三十一条第六项）"
    INJURY = "art31_7", "工伤、交通、食品药品、医疗事故人身损害赔偿（第三十一条第七项）"
    ENVIRONMENT = "art31_8", "环境污染、生态破坏损害赔偿（第三十一条第八项）"
    OTHER_CIVIL = "art31_9", "法律、法规、规章规定的其他情形（第三十一条第九项）"
    RETRIAL = "art33", "申诉、再审（第三十三条）"


class EconomicCheck(models.TextChoices):
    """第四十一条 (核查方式), 第四十二条 (免予核查), 第三十二条 (不受经济困难条件限制)."""

    INFORMATION_SHARING = "sharing", "信息共享查询（第四十一条第二款）"
    PLEDGE = "pledge", "个人诚信承诺（第四十一条第二款）"
    EXEMPT = "exempt", "免予核查（第四十二条）"
    UNRESTRICTED = "unrestricted", "不受经济困难条件限制（第三十二条）"
    NOT_REQUIRED = "not_required", "通知辩护/代理，无需审查经济状况"
    IMPORTED = "imported", "以全国法律援助管理信息系统的审查为准（导入）"


class Exemption(models.TextChoices):
    """第四十二条."""

    NO_INCOME_GROUP = "1", "无固定生活来源的未成年人、老年人、残疾人等特定群体（第一项）"
    ASSISTANCE = "2", "社会救助、司法救助或者优抚对象（第二项）"
    MIGRANT_WAGES = "3", "申请支付劳动报酬或工伤赔偿的进城务工人员（第三项）"
    OTHER = "4", "法律、法规、规章规定的其他人员（第四项）"


class Unrestricted(models.TextChoices):
    """第三十二条."""

    MARTYR = "1", "英雄烈士近亲属维护英雄烈士人格权益（第一项）"
    GOOD_SAMARITAN = "2", "因见义勇为行为主张相关民事权益（第二项）"
    ACQUITTED = "3", "再审改判无罪请求国家赔偿（第三项）"
    ABUSE = "4", "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益（第四项）"
    OTHER = "5", "法律、法规、规章规定的其他情形（第五项）"


class ProvisionalGround(models.TextChoices):
    """第四十四条第一款."""

    LIMITATION = "1", "距法定时效或者期限届满不足七日（第一项）"
    PRESERVATION = "2", "需要立即申请财产保全、证据保全或者先予执行（第二项）"
    OTHER = "3", "法律、法规、规章规定的其他情形（第三项）"


class TerminationGround(models.TextChoices):
    """第四十八条第一款."""

    DECEPTION = "1", "受援人以欺骗或者其他不正当手段获得法律援助（第一项）"
    CONCEALMENT = "2", "受援人故意隐瞒重要事实或者提供虚假证据（第二项）"
    ILLEGAL_USE = "3", "受援人利用法律援助从事违法活动（第三项）"
    NO_LONGER_ELIGIBLE = "4", "受援人经济状况发生变化，不再符合法律援助条件（第四项）"
    PROCEEDINGS_ENDED = "5", "案件终止审理或者已经被撤销（第五项）"
    OWN_LAWYER = "6", "受援人自行委托律师或者其他代理人（第六项）"
    RECIPIENT_REQUEST = "7", "受援人有正当理由要求终止法律援助（第七项）"
    OTHER = "8", "法律法规规定的其他情形（第八项）"


class State(models.TextChoices):
    RECEIVED = "received", "待审查"
    SUPPLEMENT = "supplement", "待补正"
    WITHDRAWN = "withdrawn", "视为撤回"
    GRANTED = "granted", "已决定援助，待指派"
    REFUSED = "refused", "不予援助"
    ASSIGNED = "assigned", "已指派，办理中"
    CLOSED = "closed", "已结案"
    TERMINATED = "terminated", "已终止"


class Grade(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


GOOD_GRADES = (Grade.EXCELLENT, Grade.GOOD)


class AidCase(UnitRecord):
    """One application (or notification) and, once granted, the case it became."""

    unit = models.ForeignKey(
        "core.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="法律援助机构"
    )
    number = models.CharField("申请编号", max_length=40, unique=True, editable=False)
    origin = models.CharField("来源", max_length=12, choices=Origin.choices)
    # The case number of the national system (全国法律援助管理信息系统), by which its export
    # is matched on import.
    national_number = models.CharField("全国系统案号", max_length=60, blank=True)
    # An application referred from 12348 (公共法律服务) names the contact it came from.
    referral_reference = models.CharField("转介来源", max_length=120, blank=True, editable=False)
    # — the applicant (受援人) —
    applicant_name = models.CharField("申请人姓名", max_length=40)
    applicant_id_number = models.CharField("身份证号码", max_length=18)
    applicant_gender = models.CharField(
        "性别", max_length=2, choices=[("男", "男"), ("女", "女")], blank=True
    )
    applicant_phone = models.CharField("联系电话", max_length=30, blank=True)
    applicant_address = models.CharField("住所", max_length=200, blank=True)
    minor = models.BooleanField("未成年人", default=False)
    elderly = models.BooleanField("老年人", default=False)
    disabled = models.BooleanField("残疾人", default=False)
    woman = models.BooleanField("妇女", default=False)
    migrant_worker = models.BooleanField("农民工", default=False)
    military = models.BooleanField("军人军属", default=False)
    low_income = models.BooleanField("低保、特困人员", default=False)
    agent_name = models.CharField("代理申请人（第四十条）", max_length=40, blank=True)
    agent_relation = models.CharField("与申请人关系", max_length=20, blank=True)
    # — the matter —
    case_type = models.CharField("案件类型", max_length=20, choices=CaseType.choices)
    matter = models.CharField("援助事项", max_length=10, choices=Matter.choices)
    summary = models.TextField("案情摘要")
    case_organ = models.CharField("办案机关", max_length=100, blank=True)
    # Sensitive: shown to the agency and the assigned provider, every view recorded.
    criminal_charge = models.CharField("涉嫌罪名", max_length=100, blank=True)
    # 第二十六条: 可能被判处无期徒刑、死刑的人，以及死刑复核案件的被告人.
    life_or_death = models.BooleanField("可能判处无期徒刑、死刑或死刑复核", default=False)
    # — economic difficulty (第三十二条、第四十一条、第四十二条) —
    economic_check = models.CharField("经济困难审查", max_length=14, choices=EconomicCheck.choices)
    exemption = models.CharField(
        "免予核查情形", max_length=2, choices=Exemption.choices, blank=True
    )
    unrestricted = models.CharField(
        "不受经济困难条件限制情形", max_length=2, choices=Unrestricted.choices, blank=True
    )
    # Sensitive: the agency's reviewers only.
    economic_evidence = models.TextField("经济困难状况说明及证明材料", blank=True)
    # — receipt —
    received_date = models.DateField("收到申请（通知）日期")
    # 第三十九条: a detained person's request, forwarded by the 办案机关/监管场所.
    requested_at = models.DateTimeField("被羁押人提出申请时间", null=True, blank=True)
    forwarded_at = models.DateTimeField("办案机关转交时间", null=True, blank=True)
    # 第三十六条: the organ's notice (within 3 days of finding the ground).
    notifying_organ = models.CharField(
        "通知机关类别", max_length=14, choices=NotifyingOrgan.choices, blank=True
    )
    organ_found_date = models.DateField("办案机关发现应当通知情形日期", null=True, blank=True)
    notice_date = models.DateField("通知书日期", null=True, blank=True)
    # — 补正 (第四十三条第二款) —
    supplement_requested_date = models.DateField("一次性告知补正日期", null=True, blank=True)
    supplement_items = models.TextField("需补充的材料或说明", blank=True)
    supplement_due = models.DateField("补正期限", null=True, blank=True)
    supplement_received_date = models.DateField("收到补正材料日期", null=True, blank=True)
    # — review and decision (第四十三条第一款) —
    decision_due = models.DateField("审查决定期限", null=True, blank=True, editable=False)
    decided_date = models.DateField("决定日期", null=True, blank=True)
    refusal_reason = models.TextField("不予援助理由", blank=True)
    late_reason = models.TextField("逾期原因", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="审查人",
    )
    # The day legal aid was granted (决定, 先行援助) or the notice received: 受理 in the figures.
    accepted_date = models.DateField("受理日期", null=True, blank=True, editable=False)
    # 第四十四条 先行援助.
    provisional_ground = models.CharField(
        "先行援助情形", max_length=2, choices=ProvisionalGround.choices, blank=True
    )
    limitation_end = models.DateField("时效或期限届满日", null=True, blank=True)
    # — assignment (第四十三条、第三十六条: 三日内) —
    assignment_due = models.DateField("指派期限", null=True, blank=True, editable=False)
    assigned_date = models.DateField("指派日期", null=True, blank=True)
    # The 指派通知书's number (the 案卷 cover's 指派号), taken when the case is assigned.
    assignment_number = models.CharField("指派号", max_length=40, blank=True, editable=False)
    provider = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="承办人员",
    )
    assigned_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name="承办人员账号",
    )
    assignment_late_reason = models.TextField("逾期指派原因", blank=True)
    agreement_date = models.DateField("签订委托协议日期", null=True, blank=True)
    # — closure (第五十条) —
    concluded_date = models.DateField("办理结束日期", null=True, blank=True)
    closure_due = models.DateField("结案材料提交期限", null=True, blank=True, editable=False)
    closed_date = models.DateField("提交结案报告日期", null=True, blank=True)
    result = models.CharField("办理结果", max_length=200, blank=True)
    amount_recovered = models.DecimalField(
        "挽回经济损失（元）", max_digits=14, decimal_places=2, default=0
    )
    # — termination (第四十八条) —
    terminated_date = models.DateField("终止日期", null=True, blank=True)
    termination_ground = models.CharField(
        "终止情形", max_length=2, choices=TerminationGround.choices, blank=True
    )
    termination_reason = models.TextField("终止说明", blank=True)
    # — the latest quality grade (第五十九条), kept by record_quality_check —
    quality_grade = models.CharField(
        "质量等级", max_length=10, choices=Grade.choices, blank=True, editable=False
    )
    graded_date = models.DateField("质量评定日期", null=True, blank=True, editable=False)
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.RECEIVED)

    scope_owner_fields = ("created_by", "assigned_user")
    detail_url_name = "legal_aid:case_detail"

    class Meta:
        verbose_name = "法律援助案件"
        verbose_name_plural = "法律援助案件"
        ordering = ["-received_date", "-pk"]
        indexes = [models.Index(fields=["received_date", "id"], name="aidcase_list_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_date__isnull=True)
                | Q(decided_date__gte=models.F("received_date")),
                name="aidcase_decided_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(assigned_date__isnull=True)
                | Q(assigned_date__gte=models.F("received_date")),
                name="aidcase_assigned_after_receipt",
            ),
            models.CheckConstraint(
                condition=~Q(state="refused") | ~Q(refusal_reason=""),
                name="aidcase_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(assigned_date__isnull=True) | Q(provider__isnull=False),
                name="aidcase_assignment_has_provider",
            ),
            models.CheckConstraint(
                condition=Q(amount_recovered__gte=0), name="aidcase_amount_not_negative"
            ),
            models.UniqueConstraint(
                fields=["unit", "national_number"],
                condition=~Q(national_number=""),
                name="aidcase_unique_national_number",
                violation_error_message="本机构已有该全国系统案号的案件",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    @property
    def groups(self) -> list[str]:
        flags = ("minor", "elderly", "disabled", "woman", "migrant_worker", "military")
        names = [str(self._meta.get_field(flag).verbose_name) for flag in flags + ("low_income",)]
        return [
            name
            for flag, name in zip((*flags, "low_income"), names, strict=True)
            if getattr(self, flag)
        ]

    @property
    def decision_overdue(self) -> bool:
        return bool(
            self.decided_date and self.decision_due and self.decided_date > self.decision_due
        )

    @property
    def assignment_overdue(self) -> bool:
        return bool(
            self.assigned_date and self.assignment_due and self.assigned_date > self.assignment_due
        )

    @property
    def closure_overdue(self) -> bool:
        """第五十条: the closure report came after its due day, or it has not come and the day
        has passed (the due list marks the same case 逾期)."""
        if self.closure_due is None:
            return False
        return (self.closed_date or timezone.localdate()) > self.closure_due

    @property
    def forwarding_hours(self) -> float | None:
        """第三十九条: hours the 办案机关 took to forward a detained person's request."""
        if self.requested_at and self.forwarded_at:
            return (self.forwarded_at - self.requested_at).total_seconds() / 3600
        return None

    @property
    def organ_notice_days(self) -> int | None:
        """第三十六条: days the organ took from finding the ground to its notice."""
        if self.organ_found_date and self.notice_date:
            return (self.notice_date - self.organ_found_date).days
        return None

    @property
    def sensitive(self) -> bool:
        return bool(self.criminal_charge or self.economic_evidence)


class ProgressKind(models.TextChoices):
    MEETING = "meeting", "会见"
    FILE_READING = "reading", "阅卷"
    HEARING = "hearing", "开庭"
    INVESTIGATION = "investigation", "调查取证"
    MEDIATION = "mediation", "调解、和解"
    REPORT = "report", "向受援人通报办理情况（第四十六条第二款）"
    OTHER = "other", "其他"


class Progress(ChildRecord):
    case = models.ForeignKey(
        AidCase, on_delete=models.PROTECT, related_name="progress", verbose_name="案件"
    )
    date = models.DateField("日期")
    kind = models.CharField("办理事项", max_length=14, choices=ProgressKind.choices)
    note = models.CharField("情况", max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "case"

    class Meta:
        verbose_name = "办理进展"
        verbose_name_plural = "办理进展"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.case.number} {self.get_kind_display()}（{self.date:%Y-%m-%d}）"


class Objection(ChildRecord):
    """第四十九条: an objection to a refusal or a termination, decided within 5 days."""

    class Outcome(models.TextChoices):
        UPHELD = "upheld", "维持法律援助机构决定"
        CORRECTED = "corrected", "责令法律援助机构改正"

    case = models.ForeignKey(
        AidCase, on_delete=models.PROTECT, related_name="objections", verbose_name="案件"
    )
    against = models.CharField(
        "异议对象", max_length=12, choices=[("refused", "不予援助决定"), ("terminated", "终止决定")]
    )
    received_date = models.DateField("收到异议日期")
    grounds = models.TextField("异议理由")
    due = models.DateField("审查期限", null=True, blank=True, editable=False)
    decided_date = models.DateField("审查决定日期", null=True, blank=True)
    outcome = models.CharField("审查结果", max_length=10, choices=Outcome.choices, blank=True)
    decision_note = models.TextField("审查意见", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "case"

    class Meta:
        verbose_name = "异议"
        verbose_name_plural = "异议"
        ordering = ["received_date", "pk"]

    def __str__(self) -> str:
        return f"{self.case.number} 异议（{self.received_date:%Y-%m-%d}）"


class QualityMethod(models.TextChoices):
    """第五十九条."""

    HEARING = "hearing", "旁听庭审"
    FILE = "file", "案卷检查"
    ORGAN_OPINION = "opinion", "征询司法机关意见"
    FOLLOW_UP = "follow_up", "回访受援人"


class QualityCheck(ChildRecord):
    case = models.ForeignKey(
        AidCase, on_delete=models.PROTECT, related_name="quality_checks", verbose_name="案件"
    )
    date = models.DateField("评查日期")
    method = models.CharField("评查方式", max_length=10, choices=QualityMethod.choices)
    grade = models.CharField("质量等级", max_length=10, choices=Grade.choices)
    note = models.CharField("评查意见", max_length=300, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="评查人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "case"

    class Meta:
        verbose_name = "质量评查"
        verbose_name_plural = "质量评查"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.case.number} {self.get_method_display()} {self.get_grade_display()}"


class SubsidyStandard(UnitRecord):
    """One row of the province's 办案补贴标准 (第五十二条) as the agency applies it: a case
    type's base (on archiving) and performance part (after evaluation), from a date on."""

    version = models.CharField("标准文件", max_length=120)
    effective_from = models.DateField("施行日期")
    case_type = models.CharField("案件类型", max_length=20, choices=CaseType.choices)
    base_amount = models.DecimalField("基础补贴（元）", max_digits=10, decimal_places=2)
    performance_amount = models.DecimalField("绩效补贴（元）", max_digits=10, decimal_places=2)
    requires_grade = models.BooleanField("须经质量评定后发放", default=True)
    # The share of the base paid when aid is terminated (北京 50%, 重庆 20–100%).
    termination_percent = models.PositiveSmallIntegerField("终止案件发放比例（%）", default=50)

    detail_url_name = "legal_aid:standard_detail"

    class Meta:
        verbose_name = "办案补贴标准"
        verbose_name_plural = "办案补贴标准"
        ordering = ["case_type", "-effective_from", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "case_type", "effective_from"],
                name="subsidy_standard_unique_version",
                violation_error_message="该案件类型在同一施行日期已有补贴标准",
            ),
            models.CheckConstraint(
                condition=Q(termination_percent__lte=100), name="subsidy_standard_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name} {self.get_case_type_display()}补贴标准（{self.effective_from:%Y-%m-%d}起）"


class Subsidy(ChildRecord):
    case = models.ForeignKey(
        AidCase, on_delete=models.PROTECT, related_name="subsidies", verbose_name="案件"
    )
    standard = models.ForeignKey(
        SubsidyStandard, on_delete=models.PROTECT, related_name="+", verbose_name="适用标准"
    )
    base = models.DecimalField("基础补贴（元）", max_digits=10, decimal_places=2)
    performance = models.DecimalField("绩效补贴（元）", max_digits=10, decimal_places=2)
    total = models.DecimalField("补贴合计（元）", max_digits=10, decimal_places=2)
    grade = models.CharField("质量等级", max_length=10, choices=Grade.choices, blank=True)
    paid_date = models.DateField("发放日期")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "case"

    class Meta:
        verbose_name = "办案补贴"
        verbose_name_plural = "办案补贴"
        ordering = ["paid_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                name="subsidy_one_per_case",
                violation_error_message="本案已发放办案补贴",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.number} 办案补贴{self.total}元"


class Channel(models.TextChoices):
    VISIT = "visit", "来访"
    HOTLINE = "hotline", "12348电话"
    LETTER = "letter", "来信"
    ONLINE = "online", "网络"


class Referral(models.TextChoices):
    NONE = "", "当场解答"
    APPLICATION = "application", "引导申请法律援助"
    MEDIATION = "mediation", "转人民调解"
    LAWYER = "lawyer", "建议委托律师"
    OTHER_ORGAN = "organ", "告知向有关部门反映"


class Consultation(UnitRecord):
    """第二十三条: 法律咨询 by window, telephone, letter or network."""

    date = models.DateField("咨询日期")
    channel = models.CharField("咨询方式", max_length=10, choices=Channel.choices)
    person_name = models.CharField("咨询人", max_length=40)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    question = models.TextField("咨询事项")
    answer = models.TextField("解答意见")
    referral = models.CharField(
        "处理方式", max_length=12, choices=Referral.choices, blank=True, default=""
    )
    detail_url_name = "legal_aid:consultation_detail"

    class Meta:
        verbose_name = "法律咨询"
        verbose_name_plural = "法律咨询"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.person_name}咨询"


class StatusLookup(models.Model):
    """One public status lookup (by number and ID check), kept whether it matched or not."""

    at = models.DateTimeField("查询时间", auto_now_add=True)
    address = models.GenericIPAddressField("来源地址", null=True)
    number = models.CharField("查询编号", max_length=40)
    matched = models.BooleanField("核验通过", default=False)
    case = models.ForeignKey(
        AidCase, on_delete=models.CASCADE, null=True, related_name="lookups", verbose_name="案件"
    )

    class Meta:
        verbose_name = "进度查询记录"
        verbose_name_plural = "进度查询记录"
        indexes = [models.Index(fields=["address", "at"], name="aid_lookup_address")]

    def __str__(self) -> str:
        return f"{self.number} {self.at:%Y-%m-%d %H:%M}"


class Complaint(ChildRecord):
    """法律援助法 第五十五条、第五十六条: a complaint to the 司法行政部门 that the agency or the
    provider did not perform its duty (and a request to replace the provider), accepted,
    investigated and its result told to the complainant."""

    class Relation(models.TextChoices):
        APPLICANT = "applicant", "申请人"
        RECIPIENT = "recipient", "受援人"
        INTERESTED = "interested", "利害关系人"

    class Against(models.TextChoices):
        AGENCY = "agency", "法律援助机构"
        PROVIDER = "provider", "法律援助人员"

    class Outcome(models.TextChoices):
        CORRECTED = "corrected", "投诉属实，责令改正"
        REPLACED = "replaced", "投诉属实，更换法律援助人员"
        PUNISHED = "punished", "投诉属实，移送处罚或处分"
        UNFOUNDED = "unfounded", "投诉不属实"

    case = models.ForeignKey(
        AidCase, on_delete=models.PROTECT, related_name="complaints", verbose_name="案件"
    )
    received_date = models.DateField("收到投诉日期")
    complainant = models.CharField("投诉人", max_length=40)
    relation = models.CharField("投诉人身份", max_length=12, choices=Relation.choices)
    against = models.CharField("被投诉对象", max_length=10, choices=Against.choices)
    content = models.TextField("投诉事项及理由")
    wants_replacement = models.BooleanField("请求更换法律援助人员（第五十五条）", default=False)
    accept_due = models.DateField("受理期限", null=True, blank=True, editable=False)
    accepted_date = models.DateField("受理日期", null=True, blank=True)
    rejected_date = models.DateField("不予受理日期", null=True, blank=True)
    rejection_reason = models.TextField("不予受理理由", blank=True)
    handle_due = models.DateField("办结期限", null=True, blank=True, editable=False)
    handled_date = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("处理结果", max_length=10, choices=Outcome.choices, blank=True)
    result = models.TextField("调查处理情况", blank=True)
    late_reason = models.TextField("逾期原因", blank=True)
    reply_due = models.DateField("告知期限", null=True, blank=True, editable=False)
    replied_date = models.DateField("告知投诉人日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "case"

    class Meta:
        verbose_name = "法律援助投诉"
        verbose_name_plural = "法律援助投诉"
        ordering = ["received_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rejected_date__isnull=True) | ~Q(rejection_reason=""),
                name="aidcomplaint_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(accepted_date__isnull=True) | Q(rejected_date__isnull=True),
                name="aidcomplaint_accepted_or_rejected",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.number} 投诉（{self.received_date:%Y-%m-%d}）"

    @property
    def stage(self) -> str:
        if self.replied_date:
            return "已告知投诉人"
        if self.rejected_date:
            return "不予受理，待告知投诉人"
        if self.handled_date:
            return "已办结，待告知投诉人"
        if self.accepted_date:
            return "已受理，调查处理中"
        return "待决定是否受理"

    @property
    def accept_overdue(self) -> bool:
        decided = self.accepted_date or self.rejected_date
        return bool(self.accept_due and decided and decided > self.accept_due)

    @property
    def handle_overdue(self) -> bool:
        return bool(self.handle_due and self.handled_date and self.handled_date > self.handle_due)


class DutyPlace(models.TextChoices):
    # 法律援助法 第十四条: 值班律师派驻人民法院、人民检察院和看守所等场所
    COURT = "court", "人民法院"
    PROCURATORATE = "procuratorate", "人民检察院"
    DETENTION = "detention", "看守所"
    OTHER = "other", "其他场所"


class DutyService(UnitRecord):
    """One duty lawyer's day at a station (法律援助法 第十四条、第三十条): how many suspects and
    defendants without a defender received 法律帮助 (人次), of which 认罪认罚 witnessed. A
    count per day, as the duty ledgers keep it; the persons helped are not named here."""

    date = models.DateField("值班日期")
    place = models.CharField("派驻场所", max_length=14, choices=DutyPlace.choices)
    place_name = models.CharField("场所名称", max_length=100)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="duty_services", verbose_name="值班律师"
    )
    persons = models.PositiveIntegerField("提供法律帮助（人次）")
    plea_witnessed = models.PositiveIntegerField("其中见证认罪认罚具结（人次）", default=0)
    note = models.CharField("情况", max_length=300, blank=True)

    detail_url_name = "legal_aid:duty_detail"

    class Meta:
        verbose_name = "值班律师法律帮助"
        verbose_name_plural = "值班律师法律帮助"
        ordering = ["-date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plea_witnessed__lte=models.F("persons")),
                name="duty_plea_within_persons",
                violation_error_message="见证认罪认罚具结的人次不能多于提供法律帮助的人次",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.place_name}值班"


class OutreachEvent(UnitRecord):
    """法律援助法 第十条: a 法律援助 宣传 event (seed 004's "法援惠民生"系列活动, 28场次)."""

    date = models.DateField("活动日期")
    title = models.CharField("活动名称", max_length=120)
    place = models.CharField("地点", max_length=120)
    audience = models.CharField("对象", max_length=100, blank=True)
    participants = models.PositiveIntegerField("参与（人次）", default=0)
    note = models.CharField("情况", max_length=300, blank=True)

    detail_url_name = "legal_aid:outreach_detail"

    class Meta:
        verbose_name = "法律援助宣传活动"
        verbose_name_plural = "法律援助宣传活动"
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"
