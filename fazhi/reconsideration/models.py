"""行政复议 records: the case with its parties, the timeline of statutory steps, suspensions,
numbered documents (文书) and 意见书/建议书."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.issuing import IssuableDocument, ServiceRecord
from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, ScopedRecord, UnitRecord
from fazhi.core.validators import validate_credit_code, validate_id_number


class State(models.TextChoices):
    REGISTERED = "registered", "已登记·审查中"
    AWAITING_SUPPLEMENT = "awaiting_supplement", "待补正"
    HEARING = "hearing", "已受理·审理中"
    SUSPENDED = "suspended", "中止审理"
    AWAITING_SERVICE = "awaiting_service", "已决定·待送达"
    CLOSED = "closed", "已送达·生效"
    MEDIATED = "mediated", "调解结案"
    TERMINATED = "terminated", "终止"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    ABANDONED = "abandoned", "视为放弃"


OPEN_STATES = (State.REGISTERED, State.AWAITING_SUPPLEMENT, State.HEARING, State.SUSPENDED)


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", "普通程序"
    SIMPLE = "simple", "简易程序"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "维持（第六十八条）"
    CLAIM_DISMISSED = "claim_dismissed", "驳回行政复议请求（第六十九条）"
    REVOKED = "revoked", "撤销或部分撤销（第六十四条）"
    ALTERED = "altered", "变更（第六十三条）"
    CONFIRMED_ILLEGAL = "confirmed_illegal", "确认违法（第六十五条）"
    ORDERED_PERFORMANCE = "ordered_performance", "责令履行（第六十六条）"
    CONFIRMED_INVALID = "confirmed_invalid", "确认无效（第六十七条）"
    AGREEMENT_LIABILITY = "agreement_liability", "承担行政协议责任或者补偿（第七十一条）"
    APPLICATION_DISMISSED = "application_dismissed", "驳回申请（第三十三条）"
    MEDIATED = "mediated", "调解（第七十三条）"
    TERMINATED = "terminated", "终止（第四十一条）"
    NOT_ACCEPTED = "not_accepted", "不予受理（第三十条）"
    ABANDONED = "abandoned", "视为放弃（第三十一条）"


# 纠错: the decisions that find the act wrong (indicators.md reconsideration.corrected).
CORRECTING = (
    Outcome.REVOKED,
    Outcome.ALTERED,
    Outcome.CONFIRMED_ILLEGAL,
    Outcome.ORDERED_PERFORMANCE,
    Outcome.CONFIRMED_INVALID,
    Outcome.AGREEMENT_LIABILITY,
)
# Decisions on the merits, 第六十三条至第六十九条.
MERITS = (*CORRECTING, Outcome.UPHELD, Outcome.CLAIM_DISMISSED)
# 审结: every way an accepted case is concluded.
CONCLUDED = (*MERITS, Outcome.APPLICATION_DISMISSED, Outcome.MEDIATED, Outcome.TERMINATED)


class ActKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    WARNING = "warning", "行政处罚（警告、通报批评）"
    COERCION = "coercion", "行政强制"
    LICENSE = "license", "行政许可"
    INFO_DISCLOSURE = "info_disclosure", "政府信息公开"
    NONPERFORMANCE = "nonperformance", "不履行法定职责"
    EXPROPRIATION = "expropriation", "征收征用及补偿"
    CONFIRMATION = "confirmation", "行政确认"
    AGREEMENT = "agreement", "行政协议"
    OTHER = "other", "其他行政行为"


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面递交"
    POST = "post", "邮寄"
    ONLINE = "online", "网上申请"
    ORAL = "oral", "口头申请"


class ServiceMethod(models.TextChoices):
    """送达方式 of a 文书 (民事诉讼法 第七章第二节, via 行政复议法 第八十八条)."""

    DIRECT = "direct", "直接送达"
    POST = "post", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达"
    LEFT = "left", "留置送达"
    ENTRUSTED = "entrusted", "委托送达"


class Approval(models.TextChoices):
    """第六十一条第一款: who approved the 行政复议决定, in what capacity."""

    ORGAN_HEAD = "organ_head", "行政复议机关负责人同意"
    COLLECTIVE = "collective", "集体讨论通过"
    DELEGATED = "delegated", "受委托的行政复议机构负责人同意"


class Case(UnitRecord):
    """One 行政复议 application and everything that follows it."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="承办单位"
    )
    number = models.CharField("收案编号", max_length=60)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="承办人"
    )

    # The application (第二十条至第二十二条)
    channel = models.CharField("申请方式", max_length=20, choices=Channel.choices)
    oral_record = models.TextField("口头申请笔录", blank=True)
    received_date = models.DateField("收到申请日期")
    request = models.TextField("行政复议请求")
    reasons = models.TextField("事实和理由", blank=True)
    respondent = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="被申请人",
    )
    respondent_name = models.CharField("被申请人（系统外机关）", max_length=100, blank=True)
    act_kind = models.CharField("被申请行政行为类型", max_length=20, choices=ActKind.choices)
    act_number = models.CharField("行政行为文号", max_length=100, blank=True)
    act_date = models.DateField("行政行为作出日期")
    act_known_date = models.DateField("知道行政行为日期")
    act_on_the_spot = models.BooleanField("当场作出", default=False)
    act_amount = models.DecimalField(
        "涉及款额（元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    rights_notified = models.BooleanField("已告知申请复议的权利、机关和期限", default=True)
    # 第二十三条第一款第二项、第五项: 复议前置 that the act's kind does not show
    pre_review_by_law = models.BooleanField(
        "法律、行政法规规定应当先申请行政复议（自然资源权属等）", default=False
    )
    # 第二十条第三款: the period runs from learning of the right, the organ and the period
    rights_known_date = models.DateField("知道申请复议权利、机关和期限日期", null=True, blank=True)
    late_reason = models.TextField("超过申请期限的正当理由（第二十条）", blank=True)
    # 民事诉讼法 第八十五条第四款 (行政复议法 第八十八条): 期满前交邮的，不算过期
    posted_date = models.DateField("邮寄申请的交邮日期（邮戳）", null=True, blank=True)
    # 第三十条第二款: an application outside 第二十条、第二十一条 is registered and refused
    time_limit_finding = models.TextField("超过申请期限的情形", blank=True)
    # 第三十二条: submitted through the organ that made the penalty, which forwards it
    via_respondent_date = models.DateField(
        "作出行政处罚决定的机关收到申请日期", null=True, blank=True
    )
    act_by_monitoring = models.BooleanField("依据电子技术监控设备记录的违法事实作出", default=False)
    # 第七十二条: 申请人在申请行政复议时一并提出行政赔偿请求
    compensation_requested = models.BooleanField("一并提出行政赔偿请求", default=False)
    # 第二十条第二款: 申请期限自障碍消除之日起继续计算
    obstacle_start = models.DateField("耽误申请期限的障碍发生日期", null=True, blank=True)
    obstacle_end = models.DateField("障碍消除日期", null=True, blank=True)

    # Acceptance (第三十条、第三十一条)
    state = models.CharField("状态", max_length=24, choices=State.choices, default=State.REGISTERED)
    review_start = models.DateField("审查期起算日")  # receipt, or the day 补正 arrived
    supplement_notice_date = models.DateField("补正通知日期", null=True, blank=True)
    supplement_items = models.TextField("补正事项", blank=True)
    supplement_due = models.DateField("补正期满日", null=True, blank=True)
    supplement_date = models.DateField("收到补正材料日期", null=True, blank=True)
    accepted_date = models.DateField("受理日期", null=True, blank=True)
    deemed_accepted = models.BooleanField("视为受理", default=False)
    procedure = models.CharField("审理程序", max_length=10, choices=Procedure.choices, blank=True)
    simple_by_consent = models.BooleanField("当事人各方同意适用简易程序", default=False)

    # Hearing (第四十八条至第六十二条)
    copy_sent_date = models.DateField("发送申请书副本日期", null=True, blank=True)
    # 第四十八条、第五十四条: the reply period runs from the respondent's receipt of the copy
    copy_service_method = models.CharField(
        "副本送达方式", max_length=20, choices=ServiceMethod.choices, blank=True
    )
    copy_received_date = models.DateField("被申请人收到副本日期", null=True, blank=True)
    reply_date = models.DateField("收到答复日期", null=True, blank=True)
    views_heard_date = models.DateField("听取意见日期", null=True, blank=True)
    hearing_date = models.DateField("听证日期", null=True, blank=True)
    # 第五十条第一款、第五十二条第二款第一项: a 重大、疑难、复杂 case must be heard and referred.
    complex_case = models.BooleanField("重大、疑难、复杂案件", default=False)
    committee_referred_date = models.DateField("提请行政复议委员会日期", null=True, blank=True)
    # 第五十二条第三款: 行政复议机构应当记录行政复议委员会的咨询意见
    committee_opinion_date = models.DateField("收到咨询意见日期", null=True, blank=True)
    committee_opinion = models.TextField("行政复议委员会咨询意见", blank=True)
    extension_days = models.PositiveSmallIntegerField("延期天数", default=0)
    converted_date = models.DateField("简易程序转普通程序日期", null=True, blank=True)
    # 第四十二条: 停止执行
    stay_date = models.DateField("决定停止执行日期", null=True, blank=True)
    stay_ground = models.PositiveSmallIntegerField("停止执行情形", null=True, blank=True)

    # Stored clocks, recomputed by every step from the fields above (deadlines.py)
    acceptance_due = models.DateField("审查期满日", null=True, blank=True)
    copy_due = models.DateField("发送副本期满日", null=True, blank=True)
    reply_due = models.DateField("答复期满日", null=True, blank=True)
    decision_due = models.DateField("审理期满日", null=True, blank=True)

    # Outcome (第六十一条至第七十五条)
    outcome = models.CharField("结果", max_length=24, choices=Outcome.choices, blank=True)
    outcome_ground = models.CharField("结果依据", max_length=40, blank=True)
    outcome_reasons = models.TextField("理由", blank=True)
    invalidity_requested = models.BooleanField("申请人请求确认无效", default=False)
    self_corrected = models.BooleanField("被申请人自行纠正后撤回或调解", default=False)
    # 第六十一条第一款: 经行政复议机关的负责人同意或者集体讨论通过
    approval = models.CharField("决定审批", max_length=20, choices=Approval.choices, blank=True)
    approver_name = models.CharField("审批人及职务", max_length=100, blank=True)
    approval_basis = models.TextField("集体讨论情况或者授权依据", blank=True)
    # 第七十二条: the compensation decided with the decision
    compensation = models.CharField("行政赔偿", max_length=20, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_date = models.DateField("结案日期", null=True, blank=True)
    closed_on_time = models.BooleanField("按期结案", null=True, blank=True)
    served_date = models.DateField("送达日期", null=True, blank=True)
    performance_due = models.DateField("履行期限", null=True, blank=True)
    performed_date = models.DateField("履行日期", null=True, blank=True)
    # 第七十七条: 责令限期履行
    performance_order_date = models.DateField("责令限期履行日期", null=True, blank=True)
    performance_order_due = models.DateField("责令履行期限", null=True, blank=True)
    # 第七十九条: 公开 and 抄告
    published_date = models.DateField("决定书公开日期", null=True, blank=True)
    copied_to = models.CharField("抄告对象", max_length=100, blank=True)
    copied_date = models.DateField("抄告日期", null=True, blank=True)

    scope_owner_fields = ("handler", "created_by")
    detail_url_name = "reconsideration:case_detail"

    class Meta:
        verbose_name = "行政复议案件"
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"], name="reconsideration_case_number_unique"
            ),
            models.CheckConstraint(
                condition=~Q(channel=Channel.ORAL) | ~Q(oral_record=""),
                name="reconsideration_oral_needs_record",
                violation_error_message="口头申请应当当场记录（第二十二条）",
            ),
            models.CheckConstraint(
                condition=Q(respondent__isnull=False) | ~Q(respondent_name=""),
                name="reconsideration_has_respondent",
                violation_error_message="请选择或填写被申请人",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.CONFIRMED_INVALID) | Q(invalidity_requested=True),
                name="reconsideration_invalid_only_on_request",
                violation_error_message="确认无效须以申请人请求为前提（第六十七条）",
            ),
            models.CheckConstraint(
                condition=Q(extension_days__lte=30), name="reconsideration_extension_max_30"
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "received_date"]),
            models.Index(fields=["unit", "closed_date"]),
            models.Index(fields=["state", "decision_due"]),
            # The list's order: a page's keys are read from this index alone (core/paging.py).
            models.Index(fields=["received_date", "id"], name="reconsideration_case_order"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_names}"

    @property
    def applicant_names(self) -> str:
        return "、".join(p.name for p in self.parties.all() if p.role == Party.Role.APPLICANT)

    @property
    def respondent_display(self) -> str:
        return self.respondent.name if self.respondent_id else self.respondent_name

    def get_outcome_ground_display(self) -> str:
        from .grounds import ground_label

        return ground_label(self.outcome_ground)


class Party(ChildRecord):
    """申请人、第三人或代理人."""

    class Role(models.TextChoices):
        APPLICANT = "applicant", "申请人"
        THIRD_PARTY = "third_party", "第三人"
        AGENT = "agent", "代理人"

    class Kind(models.TextChoices):
        PERSON = "person", "自然人"
        ORGANISATION = "organisation", "法人或其他组织"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField("身份", max_length=20, choices=Role.choices)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    name = models.CharField("姓名或名称", max_length=100)
    id_number = models.CharField(
        "身份证号码", max_length=18, blank=True, validators=[validate_id_number]
    )
    credit_code = models.CharField(
        "统一社会信用代码", max_length=18, blank=True, validators=[validate_credit_code]
    )
    address = models.CharField("住址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)

    parent_field = "case"

    class Meta:
        verbose_name = "当事人"
        ordering = ["role", "pk"]

    def __str__(self) -> str:
        return self.name


class Step(ChildRecord):
    """One transition on the case's timeline: who took which statutory step, when, why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField("步骤", max_length=40)
    label = models.CharField("步骤名称", max_length=60)
    step_date = models.DateField("日期")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField("说明", blank=True)
    data = models.JSONField(default=dict, blank=True)

    parent_field = "case"

    class Meta:
        verbose_name = "办理步骤"
        ordering = ["step_date", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case.number} {self.label}"


class Suspension(ChildRecord):
    """中止 (第三十九条) with its ground and the day the review resumed."""

    class Ground(models.IntegerChoices):
        DEATH = 1, "（一）申请人死亡，近亲属尚未确定是否参加"
        INCAPACITY = 2, "（二）申请人丧失行为能力，尚未确定法定代理人"
        MISSING = 3, "（三）申请人下落不明"
        ENTITY_ENDED = 4, "（四）申请人终止，尚未确定权利义务承受人"
        FORCE_MAJEURE = 5, "（五）不可抗力或者其他正当理由不能参加"
        MEDIATION = 6, "（六）调解、和解，双方同意中止"
        INTERPRETATION = 7, "（七）法律适用问题需要有权机关解释或者确认"
        OTHER_CASE = 8, "（八）需要以其他案件的审理结果为依据"
        NORM_REVIEW = 9, "（九）规范性文件附带审查（第五十六条、第五十七条）"
        OTHER = 10, "（十）其他需要中止的情形"

    # 第四十一条第一款第五项: these grounds lead to 终止 after sixty days.
    TERMINATING_GROUNDS = (Ground.DEATH, Ground.INCAPACITY, Ground.ENTITY_ENDED)

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="suspensions")
    ground = models.PositiveSmallIntegerField("中止情形", choices=Ground.choices)
    reason = models.TextField("具体理由", blank=True)
    start_date = models.DateField("中止日期")
    end_date = models.DateField("恢复日期", null=True, blank=True)

    parent_field = "case"

    class Meta:
        verbose_name = "中止"
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="reconsideration_suspension_dates",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.number} 中止{self.get_ground_display()}"


class Document(UnitRecord, IssuableDocument):
    """A 文书 (.docx): a draft the officer may edit, approved by the role the law names, then
    numbered and issued — frozen, its SHA-256 kept. A correction is a new document
    (core/issuing.py)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents", null=True)
    letter = models.ForeignKey(
        "OpinionLetter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="意见书、建议书",
    )

    scope_owner_fields = ("created_by", "case__handler")
    detail_url_name = "reconsideration:document_detail"
    download_url_name = "reconsideration:document_download"

    class Meta:
        verbose_name = "文书"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "kind", "serial"],
                name="reconsideration_document_number_unique",
            )
        ]

    def __str__(self) -> str:
        if self.number:
            return f"{self.title}（{self.number}）"
        owner = self.case.number if self.case_id else self.unit.name
        return f"{self.title}（{owner}·{self.get_status_display()}）"


class DocumentService(ChildRecord, ServiceRecord):
    """送达 of an issued 文书: how, when and to whom, with its 送达回证 (a document too)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="services")
    receipt = models.OneToOneField(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="receipt_of"
    )

    parent_field = "document"

    class Meta:
        verbose_name = "送达记录"
        ordering = ["served_date", "pk"]

    def __str__(self) -> str:
        return f"{self.document} {self.get_method_display()} {self.recipient}"


class CaseFile(ChildRecord):
    """A file of the case's record (案卷材料): the application's scan, evidence, the reply …"""

    class Category(models.TextChoices):
        APPLICATION = "application", "行政复议申请书（扫描件）"
        APPLICANT_EVIDENCE = "applicant_evidence", "申请人提交的证据"
        EVIDENCE_LIST = "evidence_list", "证据清单"
        REPLY = "reply", "被申请人答复书"
        RESPONDENT_EVIDENCE = "respondent_evidence", "被申请人提交的证据、依据"
        HEARING_RECORD = "hearing_record", "听证笔录"
        OTHER = "other", "其他材料"

    # The categories counted in the decision's list of evidence.
    EVIDENCE = (
        Category.APPLICANT_EVIDENCE,
        Category.EVIDENCE_LIST,
        Category.RESPONDENT_EVIDENCE,
        Category.HEARING_RECORD,
    )

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="files")
    category = models.CharField("材料类别", max_length=24, choices=Category.choices)
    title = models.CharField("材料名称", max_length=100)
    attachment = models.OneToOneField("core.Attachment", on_delete=models.PROTECT, related_name="+")

    parent_field = "case"

    class Meta:
        verbose_name = "案卷材料"
        ordering = ["category", "pk"]

    def __str__(self) -> str:
        return f"{self.get_category_display()}：{self.title}"


class OpinionLetter(ScopedRecord):
    """行政复议意见书 (第七十六条) or 建议书 (实施条例 第五十七条第二款)."""

    class Kind(models.TextChoices):
        OPINION = "opinion", "行政复议意见书"
        SUGGESTION = "suggestion", "行政复议建议书"

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    recipient = models.CharField("制发对象", max_length=100)
    issued_date = models.DateField("制发日期")
    # 第七十六条: the sixty days run from the recipient's receipt (the issue date if not known)
    received_date = models.DateField("制发对象收到日期", null=True, blank=True)
    service_method = models.CharField(
        "送达方式", max_length=20, choices=ServiceMethod.choices, blank=True
    )
    content = models.TextField("主要内容")
    report_due = models.DateField("反馈期满日", null=True, blank=True)
    reported_date = models.DateField("反馈日期", null=True, blank=True)
    report_summary = models.TextField("整改反馈", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    scope_owner_fields = ("created_by",)
    detail_url_name = "reconsideration:letter_detail"

    class Meta:
        verbose_name = "意见书、建议书"
        ordering = ["-issued_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.recipient}）"
