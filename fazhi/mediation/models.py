"""人民调解 records: committees (调委会) and their seats, mediators, disputes with their
parties, sessions, agreement, judicial confirmation and 回访, screening rounds with what they
found, and the monthly nil reports (零上报).

A committee belongs to the unit that guides it (the township's 司法所, or the county bureau
for 行业性专业性 committees and 派驻工作室); its disputes belong to the same unit, so that the
committee's mediators and the guiding 司法所 see them (worklines.md §2.2(e)).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, UnitRecord


class CommitteeKind(models.TextChoices):
    # 人民调解法 第八条、第三十四条
    VILLAGE = "village", "村（居）民委员会人民调解委员会"
    TOWNSHIP = "township", "乡镇（街道）人民调解委员会"
    ENTERPRISE = "enterprise", "企事业单位人民调解委员会"
    SPECIALIZED = "specialized", "行业性专业性人民调解委员会"
    STUDIO = "studio", "派驻调解工作室"


class Employment(models.TextChoices):
    FULL_TIME = "full_time", "专职"
    PART_TIME = "part_time", "兼职"


class MediatorStatus(models.TextChoices):
    ACTIVE = "active", "在任"
    DISMISSED = "dismissed", "罢免或解聘（人民调解法 第十五条）"


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Post(models.TextChoices):
    # 人民调解法 第八条第二款: 委员三至九人，设主任一人，必要时可以设副主任若干人。
    DIRECTOR = "director", "主任"
    DEPUTY = "deputy", "副主任"
    MEMBER = "member", "委员"
    # 第十三条: 人民调解员由人民调解委员会委员和人民调解委员会聘任的人员担任 (not 委员).
    APPOINTED = "appointed", "聘任调解员"


MEMBER_POSTS = (Post.DIRECTOR, Post.DEPUTY, Post.MEMBER)


class Committee(UnitRecord):
    """A people's mediation committee (or a 派驻调解工作室) and its 备案."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="mediation_committees", verbose_name="指导单位"
    )
    name = models.CharField("名称", max_length=100)
    abbreviation = models.CharField(
        "卷号字号", max_length=30, help_text="卷号“（年）××人调字第 号”中的字号"
    )
    kind = models.CharField("类型", max_length=20, choices=CommitteeKind.choices)
    field = models.CharField("专业领域", max_length=40, blank=True)
    founder = models.CharField("设立单位", max_length=100)
    multi_ethnic = models.BooleanField("多民族居住地区", default=False)
    # The roster (在册) runs from 设立 to 撤销: indicators.py counts the committees on it at a
    # period's end (a point-in-time register), not those whose papers fall in the period.
    established_date = models.DateField("设立日期")
    dissolved_date = models.DateField("撤销日期", null=True, blank=True)
    dissolution_note = models.CharField("撤销原因", max_length=200, blank=True)
    term_start = models.DateField("本届任期开始")
    term_end = models.DateField("本届任期届满", editable=False)
    changed_date = models.DateField("最近设立或变更日期")
    filing_due = models.DateField("备案期限", null=True, blank=True, editable=False)
    filed_date = models.DateField("备案日期", null=True, blank=True)
    court_notified_date = models.DateField("通报基层人民法院日期", null=True, blank=True)
    active = models.BooleanField("存续", default=True)

    detail_url_name = "mediation:committee_detail"

    class Meta:
        verbose_name = "人民调解委员会"
        verbose_name_plural = "人民调解委员会"
        ordering = ["unit__path", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="mediation_committee_unique_name",
                violation_error_message="该单位已登记同名调解组织",
            ),
            models.CheckConstraint(
                condition=Q(term_end__gt=models.F("term_start")), name="mediation_term_order"
            ),
            models.CheckConstraint(
                condition=Q(dissolved_date__isnull=True)
                | Q(dissolved_date__gte=models.F("established_date")),
                name="mediation_committee_dissolved_after_established",
                violation_error_message="撤销日期不能早于设立日期",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Mediator(UnitRecord):
    """A people's mediator (名册库), possibly in the 专家库; may sit on several committees."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="mediators", verbose_name="所属单位"
    )
    name = models.CharField("姓名", max_length=30)
    gender = models.CharField("性别", max_length=6, choices=Gender.choices)
    ethnicity = models.CharField("民族", max_length=20, default="汉族")
    birth_date = models.DateField("出生日期")
    id_number = models.CharField("身份证号码", max_length=18, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    employment = models.CharField("专兼职", max_length=10, choices=Employment.choices)
    specialty = models.CharField("专长", max_length=100, blank=True)
    expert = models.BooleanField("入选专家库", default=False)
    trained_date = models.DateField("最近业务培训日期", null=True, blank=True)
    subsidy = models.CharField("补贴", max_length=60, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=MediatorStatus.choices, default=MediatorStatus.ACTIVE
    )
    dismissal_ground = models.CharField("罢免或解聘事由", max_length=200, blank=True)
    # On the roster (名册) from 入册 to 罢免/解聘: the year-end roster counts (indicators.py).
    appointed_date = models.DateField("入册日期")
    left_date = models.DateField("罢免或解聘日期", null=True, blank=True)

    detail_url_name = "mediation:mediator_detail"

    class Meta:
        verbose_name = "人民调解员"
        verbose_name_plural = "人民调解员"
        ordering = ["unit__path", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_date__isnull=True) | Q(left_date__gte=models.F("appointed_date")),
                name="mediation_mediator_left_after_appointed",
                violation_error_message="罢免或解聘日期不能早于入册日期",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def age_on(self, day: datetime.date) -> int:
        before = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before


class Seat(ChildRecord):
    """A mediator's seat on a committee (委员 with a post, or 聘任调解员)."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="seats", verbose_name="调解组织"
    )
    mediator = models.ForeignKey(
        Mediator, on_delete=models.PROTECT, related_name="seats", verbose_name="调解员"
    )
    post = models.CharField("职务", max_length=10, choices=Post.choices)
    since = models.DateField("任职日期")

    parent_field = "committee"

    class Meta:
        verbose_name = "调解组织成员"
        verbose_name_plural = "调解组织成员"
        ordering = ["committee", "post", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "mediator"],
                name="mediation_one_seat_per_committee",
                violation_error_message="该调解员已是本调解组织成员",
            )
        ]

    def __str__(self) -> str:
        return f"{self.committee.name}·{self.mediator.name}"


class Source(models.TextChoices):
    # 人民调解法 第十七条、第十八条; 特邀调解规定; 信访工作条例 第三十三条
    APPLICATION = "application", "当事人申请"
    INITIATIVE = "initiative", "调委会主动调解"
    POLICE = "police", "公安机关移交（警调对接）"
    COURT_PRE_FILING = "court_pre", "人民法院委派（诉前）"
    COURT_POST_FILING = "court_post", "人民法院委托（诉中）"
    PETITION = "petition", "信访部门转办（访调对接）"
    HOTLINE = "hotline", "12345热线转办"
    GOVERNMENT = "government", "政府部门指定"


# Sources whose referring body gives its own number (移交单号, 法院案号, 信访事项号, 工单号).
REFERRED_SOURCES = (
    Source.POLICE,
    Source.COURT_PRE_FILING,
    Source.COURT_POST_FILING,
    Source.PETITION,
    Source.HOTLINE,
    Source.GOVERNMENT,
)
COURT_SOURCES = (Source.COURT_PRE_FILING, Source.COURT_POST_FILING)


class DisputeKind(models.TextChoices):
    NEIGHBOUR = "neighbour", "邻里纠纷"
    FAMILY = "family", "婚姻家庭纠纷"
    LAND = "land", "山林土地纠纷"
    TRAFFIC = "traffic", "道路交通事故纠纷"
    LABOUR = "labour", "劳动争议纠纷"
    MEDICAL = "medical", "医疗纠纷"
    PROPERTY = "property", "物业纠纷"
    CONTRACT = "contract", "合同纠纷"
    DAMAGE = "damage", "损害赔偿纠纷"
    OTHER = "other", "其他纠纷"


class Status(models.TextChoices):
    MEDIATING = "mediating", "调解中"
    AGREED = "agreed", "已达成协议（履行中）"
    CLOSED = "closed", "已结案（履行完毕）"
    ENDED = "ended", "调解终止"


SUCCESS_STATES = (Status.AGREED, Status.CLOSED)


class EndReason(models.TextChoices):
    REFUSED = "refused", "当事人一方明确拒绝调解（人民调解法 第十七条）"
    WITHDRAWN = "withdrawn", "当事人要求终止调解（人民调解法 第二十三条第二项）"
    FAILED = "failed", "调解不成（人民调解法 第二十六条）"


class RouteWay(models.TextChoices):
    # 信访工作条例 第二十二条 (转送, 交办), 第二十三条 (告知)
    TRANSFER = "transfer", "转送有权处理的机关、单位"
    ASSIGN = "assign", "交办（要求反馈办理结果）"
    INFORM = "inform", "告知信访人向有权处理的机关、单位提出"


class Dispute(UnitRecord):
    """One dispute file (卷宗), numbered "（年）××人调字第 号"."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="mediation_disputes", verbose_name="指导单位"
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="disputes", verbose_name="调解组织"
    )
    number = models.CharField("卷号", max_length=60, editable=False)
    # The case's number on the provincial platform (山东智慧调解 …) it was imported from: a
    # re-import of the same export updates the case instead of adding it again.
    platform_number = models.CharField("省级平台编号", max_length=60, blank=True)
    source = models.CharField("案件来源", max_length=12, choices=Source.choices)
    source_reference = models.CharField(
        "来源单位及文号",
        max_length=100,
        blank=True,
        help_text="移交单号、法院案号、信访事项号、工单号",
    )
    simple_procedure = models.BooleanField("法院委托案件适用简易程序", default=False)
    kind = models.CharField("纠纷类型", max_length=12, choices=DisputeKind.choices)
    summary = models.TextField("纠纷简要情况", max_length=2000)
    claims = models.CharField("申请事项", max_length=500, blank=True)
    received_date = models.DateField("受理日期")
    due_date = models.DateField("调解期限", null=True, blank=True, editable=False)
    extended_due = models.DateField("经双方同意延长至", null=True, blank=True)
    extension_note = models.CharField("延长理由", max_length=200, blank=True)
    non_public = models.BooleanField("当事人要求不公开调解", default=False)
    mediator = models.ForeignKey(
        Mediator, on_delete=models.PROTECT, related_name="disputes", verbose_name="调解员"
    )
    recorder = models.CharField("记录人", max_length=30, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.MEDIATING
    )
    end_reason = models.CharField("终止原因", max_length=10, choices=EndReason.choices, blank=True)
    ended_date = models.DateField("调解终止日期", null=True, blank=True)
    routes_told = models.CharField("告知的其他解决途径", max_length=200, blank=True)
    agreed_date = models.DateField("达成协议日期", null=True, blank=True, editable=False)
    closed_date = models.DateField("结案日期", null=True, blank=True, editable=False)
    escalation_reported = models.BooleanField("已向公安机关报告激化风险", default=False)
    # 对接 (linkage): the referring body's handoff, online mediation's confirmation, and the
    # feedback owed to the court or the petition office.
    referred_date = models.DateField("来源单位移交（委派、转办）日期", null=True, blank=True)
    online = models.BooleanField("在线调解", default=False)
    confirm_due = models.DateField("确认接受期限", null=True, blank=True, editable=False)
    confirmed_late = models.BooleanField("逾期确认接受", default=False, editable=False)
    return_due = models.DateField("反馈来源单位期限", null=True, blank=True, editable=False)
    returned_date = models.DateField("反馈来源单位日期", null=True, blank=True)
    return_note = models.CharField("反馈情况", max_length=300, blank=True)
    # 访调对接: the petition office's 登记 and 转送/交办 (告知) within 15 days (信访工作条例 第二十二条),
    # and the one extension of the 60-day handling period (第三十四条).
    petition_registered_date = models.DateField("信访部门登记日期", null=True, blank=True)
    route_due = models.DateField("转送交办期限", null=True, blank=True, editable=False)
    routed_date = models.DateField("转送、交办（告知）日期", null=True, blank=True)
    route_way = models.CharField("处理方式", max_length=10, choices=RouteWay.choices, blank=True)
    route_recipient = models.CharField("接收机关、单位", max_length=100, blank=True)
    routed_late = models.BooleanField("逾期转送交办", default=False, editable=False)
    petition_extension_days = models.PositiveSmallIntegerField("延长办理期限天数", default=0)
    petition_extension_approver = models.CharField("批准延期的负责人", max_length=30, blank=True)
    petition_extension_reason = models.CharField("延期理由", max_length=200, blank=True)
    petition_extension_approved_date = models.DateField("批准延期日期", null=True, blank=True)
    petition_extension_notice_date = models.DateField(
        "告知信访人延期理由日期", null=True, blank=True
    )
    # 信访工作条例 第二十三条第三款: the receiving body (the committee the petition office routed
    # the petition to) tells the petitioner in writing, within 15 days of receiving it, that
    # it was received and how it will be handled.
    notice_due = models.DateField("书面告知期限", null=True, blank=True, editable=False)
    notice_date = models.DateField("书面告知信访人日期", null=True, blank=True)
    notice_to = models.CharField("告知对象", max_length=100, blank=True)
    notice_late = models.BooleanField("逾期书面告知", default=False, editable=False)
    # Agreement reached or mediation ended within the (extended) period: the 按期调结 count.
    on_time = models.BooleanField("按期调结", null=True, editable=False)

    detail_url_name = "mediation:dispute_detail"

    class Meta:
        verbose_name = "矛盾纠纷"
        verbose_name_plural = "矛盾纠纷"
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform_number"],
                condition=~Q(platform_number=""),
                name="mediation_unique_platform_number",
                violation_error_message="该省级平台编号已导入",
            ),
            models.UniqueConstraint(
                fields=["committee", "number"],
                name="mediation_dispute_unique_number",
                violation_error_message="该卷号已被使用",
            ),
            models.CheckConstraint(
                condition=Q(due_date__isnull=True) | Q(due_date__gt=models.F("received_date")),
                name="mediation_due_order",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.ENDED, ended_date__isnull=False)
                | (~Q(status=Status.ENDED) & Q(ended_date__isnull=True, end_reason="")),
                name="mediation_end_matches_status",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=SUCCESS_STATES) | Q(agreed_date__isnull=False),
                name="mediation_success_needs_agreement",
            ),
            models.CheckConstraint(
                condition=Q(petition_extension_days__lte=30),
                name="mediation_petition_extension_at_most_30",
            ),
        ]
        indexes = [
            models.Index(fields=["received_date", "id"], name="mediation_list_order"),
            # the figures of one unit's subtree and period (indicators, benchmarks/mediation.py)
            models.Index(fields=["unit", "received_date"], name="mediation_unit_received"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def current_due(self) -> datetime.date:
        return self.extended_due or self.due_date

    @property
    def resolved(self) -> bool:
        return self.status in SUCCESS_STATES


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    RESPONDENT = "respondent", "被申请人"
    OTHER = "other", "其他当事人"


class Party(ChildRecord):
    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="parties", verbose_name="纠纷"
    )
    role = models.CharField("当事人地位", max_length=12, choices=PartyRole.choices)
    name = models.CharField("姓名或名称", max_length=100)
    gender = models.CharField("性别", max_length=6, choices=Gender.choices, blank=True)
    ethnicity = models.CharField("民族", max_length=20, blank=True)
    age = models.PositiveSmallIntegerField("年龄", null=True, blank=True)
    occupation = models.CharField("职业或职务", max_length=60, blank=True)
    address = models.CharField("单位或住址", max_length=200, blank=True)
    phone = models.CharField("联系方式", max_length=30, blank=True)
    id_number = models.CharField("身份证号码", max_length=18, blank=True)

    parent_field = "dispute"

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        ordering = ["dispute", "role", "pk"]

    def __str__(self) -> str:
        return self.name


class Session(ChildRecord):
    """调解记录 (人民调解法 第二十七条): one session, recorded on the spot."""

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="sessions", verbose_name="纠纷"
    )
    date = models.DateField("调解日期")
    place = models.CharField("地点", max_length=100)
    present = models.CharField("参加人员", max_length=300)
    record = models.TextField("调解情况", max_length=5000)

    parent_field = "dispute"

    class Meta:
        verbose_name = "调解记录"
        verbose_name_plural = "调解记录"
        ordering = ["dispute", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.dispute.number} {self.date:%Y-%m-%d}调解记录"


class AgreementForm(models.TextChoices):
    WRITTEN = "written", "书面调解协议书"
    ORAL = "oral", "口头协议"


class Agreement(ChildRecord):
    """人民调解法 第二十八至三十条: a written agreement takes effect when every party and the
    mediator signed and the committee sealed it; an oral one on the day it was reached."""

    dispute = models.OneToOneField(
        Dispute, on_delete=models.CASCADE, related_name="agreement", verbose_name="纠纷"
    )
    form = models.CharField("协议形式", max_length=8, choices=AgreementForm.choices)
    content = models.TextField("协议内容", max_length=5000)
    amount = models.DecimalField("协议涉及金额（元）", max_digits=14, decimal_places=2, default=0)
    performance_term = models.CharField("履行方式、时限", max_length=200, blank=True)
    parties_signed = models.BooleanField("各方当事人已签名、盖章或按指印", default=False)
    mediator_signed = models.BooleanField("人民调解员已签名", default=False)
    sealed = models.BooleanField("已加盖人民调解委员会印章", default=False)
    effective_date = models.DateField("生效日期")
    confirmation_due = models.DateField("申请司法确认期限", null=True, blank=True, editable=False)

    parent_field = "dispute"

    class Meta:
        verbose_name = "调解协议"
        verbose_name_plural = "调解协议"

    def __str__(self) -> str:
        return f"{self.dispute.number}调解协议"


class ConfirmationResult(models.TextChoices):
    PENDING = "", "审查中"
    CONFIRMED = "confirmed", "确认有效"
    NOT_CONFIRMED = "not_confirmed", "不予确认"
    WITHDRAWN = "withdrawn", "申请人撤回申请"


class NotConfirmedGround(models.TextChoices):
    # 最高人民法院关于人民调解协议司法确认程序的若干规定 第七条
    MANDATORY_LAW = "1", "违反法律、行政法规强制性规定（第七条第一项）"
    PUBLIC_INTEREST = "2", "侵害国家利益、社会公共利益（第七条第二项）"
    THIRD_PARTY = "3", "侵害案外人合法权益（第七条第三项）"
    PUBLIC_ORDER = "4", "损害社会公序良俗（第七条第四项）"
    UNCLEAR = "5", "内容不明确，无法确认（第七条第五项）"
    OTHER = "6", "其他不能进行司法确认的情形（第七条第六项）"


class Confirmation(ChildRecord):
    """司法确认 (人民调解法 第三十三条; 2011 规定 第四、五、七条)."""

    dispute = models.OneToOneField(
        Dispute, on_delete=models.CASCADE, related_name="confirmation", verbose_name="纠纷"
    )
    court = models.CharField("受理法院", max_length=100)
    applied_date = models.DateField("共同申请日期")
    acceptance_due = models.DateField("法院决定是否受理期限", null=True, blank=True, editable=False)
    accepted_date = models.DateField("法院受理日期", null=True, blank=True)
    court_number = models.CharField("调确字案号", max_length=60, blank=True)
    decision_due = models.DateField("法院作出决定期限", null=True, blank=True, editable=False)
    extended = models.BooleanField("经院长批准延长十日", default=False)
    result = models.CharField(
        "结果", max_length=14, choices=ConfirmationResult.choices, blank=True, default=""
    )
    ground = models.CharField(
        "不予确认理由", max_length=2, choices=NotConfirmedGround.choices, blank=True
    )
    decided_date = models.DateField("决定日期", null=True, blank=True)

    parent_field = "dispute"

    class Meta:
        verbose_name = "司法确认"
        verbose_name_plural = "司法确认"
        constraints = [
            models.CheckConstraint(
                condition=~Q(result="not_confirmed") | ~Q(ground=""),
                name="mediation_not_confirmed_has_ground",
            )
        ]

    def __str__(self) -> str:
        return f"{self.dispute.number}司法确认"


class Performance(models.TextChoices):
    FULL = "full", "已履行完毕"
    PARTIAL = "partial", "部分履行"
    NONE = "none", "未履行"


class FollowUp(ChildRecord):
    """回访 and performance supervision (人民调解法 第三十一条)."""

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="follow_ups", verbose_name="纠纷"
    )
    date = models.DateField("回访日期")
    visitor = models.CharField("回访人", max_length=30)
    performance = models.CharField("履行情况", max_length=8, choices=Performance.choices)
    satisfied = models.BooleanField("当事人满意", default=True)
    sued = models.BooleanField("当事人已起诉", default=False)
    risks = models.CharField("遗留隐患", max_length=300, blank=True)

    parent_field = "dispute"

    class Meta:
        verbose_name = "回访记录"
        verbose_name_plural = "回访记录"
        ordering = ["dispute", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.dispute.number} {self.date:%Y-%m-%d}回访"


class Screening(UnitRecord):
    """A screening round (排查) of a committee in its area."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="mediation_screenings", verbose_name="指导单位"
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="screenings", verbose_name="调解组织"
    )
    date = models.DateField("排查日期")
    area = models.CharField("排查范围", max_length=100)
    screener = models.CharField("排查人", max_length=60)

    detail_url_name = "mediation:screening_detail"

    class Meta:
        verbose_name = "矛盾纠纷排查"
        verbose_name_plural = "矛盾纠纷排查"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.committee.name}{self.date:%Y-%m-%d}排查"


class Risk(models.TextChoices):
    # 预警等级 [S chaxiaohao, 临海]: red reported at once, orange handled the same day, yellow
    # handled on the spot; deadlines.RISK_HANDLING_DAYS holds the days (a setting).
    RED = "red", "红色（立即上报）"
    ORANGE = "orange", "橙色（当日处置）"
    YELLOW = "yellow", "黄色（就地化解）"


class Prevented(models.TextChoices):
    NONE = "", "—"
    CRIMINAL = "criminal", "防止民转刑"
    SUICIDE = "suicide", "防止自杀"
    GROUP_PETITION = "group_petition", "防止群体性上访"
    GROUP_FIGHT = "group_fight", "防止群体性械斗"


class FindingOutcome(models.TextChoices):
    OPEN = "", "待处置"
    PREVENTED = "prevented", "已化解（预防纠纷）"
    CASE = "case", "已转入调解"


class Finding(ChildRecord):
    screening = models.ForeignKey(
        Screening, on_delete=models.CASCADE, related_name="findings", verbose_name="排查"
    )
    description = models.CharField("发现的矛盾纠纷", max_length=300)
    risk = models.CharField("预警等级", max_length=8, choices=Risk.choices)
    handling_due = models.DateField("处置期限", null=True, blank=True, editable=False)
    reported_to_police = models.BooleanField(
        "已向公安机关报告（人民调解法 第二十五条）", default=False
    )
    prevented = models.CharField(
        "防止激化", max_length=16, choices=Prevented.choices, blank=True, default=""
    )
    outcome = models.CharField(
        "处置结果", max_length=10, choices=FindingOutcome.choices, blank=True, default=""
    )
    dispute = models.OneToOneField(
        Dispute,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="finding",
        verbose_name="转入调解的纠纷",
    )

    parent_field = "screening"

    class Meta:
        verbose_name = "排查发现"
        verbose_name_plural = "排查发现"
        ordering = ["screening", "pk"]

    def __str__(self) -> str:
        return f"{self.screening}：{self.description[:30]}"


class NilReport(UnitRecord):
    """零上报: the committee found no dispute this month (told apart from not reporting)."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="mediation_nil_reports",
        verbose_name="指导单位",
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="nil_reports", verbose_name="调解组织"
    )
    month = models.DateField("月份", help_text="该月第一日")
    reported_on = models.DateField("上报日期")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上报人"
    )

    class Meta:
        verbose_name = "零上报"
        verbose_name_plural = "零上报"
        ordering = ["-month", "committee"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "month"],
                name="mediation_one_nil_report_a_month",
                violation_error_message="本月已零上报",
            )
        ]
        # the screening page's latest nil reports (selectors.nil_reports)
        indexes = [models.Index(fields=["month", "id"], name="mediation_nil_month")]

    def __str__(self) -> str:
        return f"{self.committee.name}{self.month:%Y年%m月}零上报"


class TypicalCase(ChildRecord):
    """典型案例: a resolved case published anonymised (names to 张某, addresses to the village);
    never a case whose parties asked for non-public mediation (人民调解法 第二十三条第三项)."""

    dispute = models.OneToOneField(
        Dispute, on_delete=models.CASCADE, related_name="typical_case", verbose_name="纠纷"
    )
    title = models.CharField("标题", max_length=100)
    text = models.TextField("案例正文（已隐名）", max_length=5000)
    published_date = models.DateField("发布日期")

    parent_field = "dispute"

    class Meta:
        verbose_name = "典型案例"
        verbose_name_plural = "典型案例"
        ordering = ["-published_date", "-pk"]

    def __str__(self) -> str:
        return self.title


class ReviewStage(models.TextChoices):
    # 信访工作条例 第三十五条 (复查), 第三十六条 (复核)
    REVIEW = "review", "复查"
    RE_REVIEW = "re_review", "复核"


class PetitionReview(ChildRecord):
    """A petition-linked matter's 复查 or 复核 (信访工作条例 第三十五、三十六条): the
    petitioner's 30 days from receiving the written reply, the reviewing body's 30 days from
    receiving the request (a 复核's hearing time not counted)."""

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, related_name="petition_reviews", verbose_name="纠纷"
    )
    stage = models.CharField("程序", max_length=10, choices=ReviewStage.choices)
    body = models.CharField("复查（复核）机关", max_length=100)
    reply_received_date = models.DateField("信访人收到书面答复日期")
    request_due = models.DateField("请求期限", null=True, blank=True, editable=False)
    requested_date = models.DateField("收到请求日期")
    hearing_days = models.PositiveSmallIntegerField("听证所用天数", default=0)
    opinion_due = models.DateField("提出意见期限", null=True, blank=True, editable=False)
    opinion_date = models.DateField("提出意见日期", null=True, blank=True)
    opinion = models.CharField("复查（复核）意见", max_length=300, blank=True)

    parent_field = "dispute"

    class Meta:
        verbose_name = "信访复查复核"
        verbose_name_plural = "信访复查复核"
        ordering = ["dispute", "requested_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dispute", "stage"],
                name="mediation_one_review_a_stage",
                violation_error_message="该信访事项已登记此程序",
            ),
            models.CheckConstraint(
                condition=Q(requested_date__gte=models.F("reply_received_date")),
                name="mediation_review_request_after_reply",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dispute.number}{self.get_stage_display()}"
