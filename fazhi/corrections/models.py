"""社区矫正 records: pre-sentence investigations (调查评估), subjects (矫正对象) with their
daily log, leave approvals, sanctions and rewards, electronic-location orders with their
points, and the access log of every 申请查看 of an identity field.

Every other page names a subject by the pseudonymous 矫正编号 (`number`); the identity
fields (`IDENTITY_FIELDS`) are never shown in full except through a recorded reveal, never in
an export, the API or the field history (they are excluded from auditlog).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.querysets import RestrictedManager
from fazhi.core.records import ChildRecord, UnitRecord

from .rows import RowRuleManager


class Category(models.TextChoices):
    """社区矫正法 第二条: the four kinds of sentence carried out in the community."""

    CONTROL = "control", "管制"
    PROBATION = "probation", "缓刑"
    PAROLE = "parole", "假释"
    MEDICAL_PAROLE = "medical_parole", "暂予监外执行"


class Level(models.TextChoices):
    """分类管理 (社区矫正法 第二十四条: 分类管理、个别化矫正)."""

    STRICT = "strict", "严管"
    NORMAL = "normal", "普管"
    LENIENT = "lenient", "宽管"


class SubjectStatus(models.TextChoices):
    SUPERVISED = "supervised", "在矫"
    RELEASED = "released", "已解除矫正"
    TRANSFERRED = "transferred", "已变更执行地（移出）"
    TERMINATED = "terminated", "矫正终止"


class EndReason(models.TextChoices):
    """社区矫正法 第四十五条: 终止 on revocation, 收监 or death."""

    REVOKED = "revoked", "撤销缓刑、假释"
    RECOMMITTED = "recommitted", "暂予监外执行收监执行"
    DIED = "died", "死亡"


# The identity fields and how each is shown (rows.mask): 姓名 张*三, 身份证号 the last four
# digits, the address to its 村/社区 (a field of its own), the phone masked.
IDENTITY_FIELDS = {
    "name": "姓名",
    "id_number": "身份证号",
    "address": "居住地址",
    "phone": "联系电话",
}


class Subject(UnitRecord):
    """A person under community correction in the county (社区矫正法 第二条)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="社区矫正机构"
    )
    # The provincial number follows the subject: one record per county it was supervised in,
    # at most one not transferred out (执行地变更: the new county receives it under the same
    # number, the old county keeps its record and figures).
    number = models.CharField("矫正编号", max_length=40)
    station = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="受委托司法所"
    )
    # Blank for a row imported from the provincial platform by its 矫正编号 alone.
    name = models.CharField("姓名", max_length=40, blank=True)
    id_number = models.CharField("身份证号", max_length=18, blank=True)
    address = models.CharField("居住地址", max_length=200, blank=True)
    community = models.CharField("村（社区）", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    # 社区矫正法 第五十四、五十八条: the record of a minor is closed to all but its handlers.
    is_minor = models.BooleanField("未成年人", default=False)
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name="具名执法人员", blank=True
    )
    category = models.CharField("矫正类别", max_length=20, choices=Category.choices)
    decision_organ = models.CharField("决定机关", max_length=100)
    effective_date = models.DateField("判决、裁定、决定生效日期")
    notice_date = models.DateField("收到决定机关通知日期", null=True, blank=True)
    documents_date = models.DateField("收到法律文书日期", null=True, blank=True)
    reported_date = models.DateField("本人报到日期", null=True, blank=True)
    term_start = models.DateField("矫正期限起")
    term_end = models.DateField("矫正期限止")
    level = models.CharField("管理等级", max_length=10, choices=Level.choices, default=Level.NORMAL)
    plan = models.TextField("矫正方案", blank=True)
    team = models.TextField("矫正小组（姓名与任务）", blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=SubjectStatus.choices, default=SubjectStatus.SUPERVISED
    )
    released_date = models.DateField("解除矫正日期", null=True, blank=True)
    certificate_number = models.CharField("解除社区矫正证明书编号", max_length=60, blank=True)
    transfer_to = models.CharField("变更后的执行地", max_length=100, blank=True)
    transfer_date = models.DateField("执行地变更日期", null=True, blank=True)
    end_reason = models.CharField("终止原因", max_length=12, choices=EndReason.choices, blank=True)
    end_date = models.DateField("终止日期", null=True, blank=True)
    # 第四十六条第二款: revoked for a crime committed during the term (漏罪 is not one); a
    # 暂予监外执行 subject recommitted for one likewise (corrections.reoffended).
    new_crime = models.BooleanField("矫正期间重新犯罪", default=False)
    # The day the subject left the register (解除, 移出 or 终止): what 在册 is counted on.
    left_date = models.DateField("离册日期", null=True, blank=True, editable=False)

    objects = RowRuleManager()
    identity_fields = IDENTITY_FIELDS
    row_rule_path = ""
    scope_owner_fields = ("created_by",)
    detail_url_name = "corrections:subject_detail"

    class Meta:
        verbose_name = "社区矫正对象"
        verbose_name_plural = "社区矫正对象"
        ordering = ["-term_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__gte=models.F("term_start")),
                name="corrections_term_in_order",
                violation_error_message="矫正期限止不能早于矫正期限起",
            ),
            models.UniqueConstraint(
                fields=["unit", "number"],
                name="corrections_number_per_county",
                violation_error_message="本县（区）已有该矫正编号的社区矫正对象",
            ),
            models.UniqueConstraint(
                fields=["number"],
                condition=~Q(status="transferred"),
                name="corrections_number_current",
                violation_error_message="该矫正编号的社区矫正对象尚未移出原执行地",
            ),
        ]

    def __str__(self) -> str:
        """The 矫正编号 — but not of a minor: events, the due list and the history pages are read
        by others than the record's handlers (社区矫正法 第五十四条)."""
        return "未成年社区矫正对象（编号不显示）" if self.is_minor else self.number

    def intake_gaps(self) -> list[str]:
        """社区矫正法 第二十、二十一条: the notice within 5 days of the decision's effect, the
        documents within 10, the subject's report within 10; each late or missing one."""
        gaps = []
        for day, limit, text in (
            (
                self.notice_date,
                5,
                "决定机关应自判决、裁定、决定生效之日起五日内通知执行地社区矫正机构（第二十条）",
            ),
            (
                self.documents_date,
                10,
                "决定机关应自判决、裁定、决定生效之日起十日内送达法律文书（第二十条）",
            ),
            (
                self.reported_date,
                10,
                "社区矫正对象应自判决、裁定生效之日起十日内报到（第二十一条）",
            ),
        ):
            due = self.effective_date + datetime.timedelta(days=limit)
            if day is None:
                gaps.append(f"未登记：{text}")
            elif day > due:
                gaps.append(f"逾期{(day - due).days}日：{text}")
        return gaps


class InvestigationStatus(models.TextChoices):
    OPEN = "open", "调查中"
    DONE = "done", "已出具评估意见"
    RETURNED = "returned", "已退回委托机关"


class OrganKind(models.TextChoices):
    COURT = "court", "人民法院"
    PROCURATORATE = "procuratorate", "人民检察院"
    POLICE = "police", "公安机关"
    PRISON = "prison", "监狱管理机关"


class Opinion(models.TextChoices):
    SUITABLE = "suitable", "建议适用社区矫正"
    UNSUITABLE = "unsuitable", "不建议适用社区矫正"


class Investigation(UnitRecord):
    """调查评估 entrusted by a 决定机关 (社区矫正法 第十八条). The person is named only as the
    entrusting organ names them (`person_name`, an identity field)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="社区矫正机构"
    )
    organ_kind = models.CharField("委托机关类别", max_length=16, choices=OrganKind.choices)
    organ = models.CharField("委托机关", max_length=100)
    reference = models.CharField("委托编号", max_length=60)
    person_name = models.CharField("被调查评估对象", max_length=40)
    proposed_category = models.CharField("拟适用矫正类别", max_length=20, choices=Category.choices)
    received_date = models.DateField("收到委托函日期")
    fast_track = models.BooleanField("速裁案件", default=False)
    due_date = models.DateField("评估期限", null=True, blank=True, editable=False)
    visits = models.TextField("调查走访", blank=True)
    opinions_gathered = models.TextField("听取的意见（村居委会、被害人等）", blank=True)
    opinion = models.CharField("评估意见", max_length=12, choices=Opinion.choices, blank=True)
    opinion_date = models.DateField("出具评估意见日期", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=InvestigationStatus.choices, default=InvestigationStatus.OPEN
    )

    objects = RowRuleManager()
    identity_fields = {"person_name": "被调查评估对象姓名"}
    detail_url_name = "corrections:investigation_detail"

    class Meta:
        verbose_name = "调查评估"
        verbose_name_plural = "调查评估"
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "organ", "reference"], name="corrections_investigation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organ}委托（{self.reference}）"

    @property
    def late(self) -> bool:
        if self.due_date is None:
            return False
        if self.opinion_date is not None:
            return self.opinion_date > self.due_date
        return self.status == InvestigationStatus.OPEN and datetime.date.today() > self.due_date


class DailyKind(models.TextChoices):
    REPORT = "report", "报告"
    TALK = "talk", "谈话"
    VISIT = "visit", "走访"
    INSPECTION = "inspection", "实地查访"
    # 信息化核查 (phone or app checks) is no 电子定位 (社区矫正法 第二十九条 covers devices only).
    PHONE_CHECK = "phone_check", "信息化核查（通信联络）"
    # 社区矫正法 第三十条: lost contact (脱管), searched for at once.
    LOST_CONTACT = "lost_contact", "脱管（失去联系）"


class DailyRecord(ChildRecord):
    parent_field = "subject"
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="daily", verbose_name="社区矫正对象"
    )
    kind = models.CharField("类型", max_length=12, choices=DailyKind.choices)
    date = models.DateField("日期")
    note = models.CharField("情况", max_length=300, blank=True)

    objects = RowRuleManager()
    row_rule_path = "subject__"

    class Meta:
        verbose_name = "日常管理记录"
        verbose_name_plural = "日常管理记录"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_kind_display()} {self.date:%Y-%m-%d}"


class LeaveApprover(models.TextChoices):
    """Who approved a leave (实施办法 as read in docs/rules.md: a 司法所 up to the setting's
    days when the county bureau entrusts it, the county bureau beyond)."""

    STATION = "station", "司法所（受委托）"
    COUNTY = "county", "县级社区矫正机构"


class Leave(ChildRecord):
    """社区矫正法 第二十七条: leaving the city or county needs approval."""

    parent_field = "subject"
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="leaves", verbose_name="社区矫正对象"
    )
    start = models.DateField("外出起")
    end = models.DateField("外出止")
    destination = models.CharField("目的地（市、县）", max_length=60)
    reason = models.CharField("事由", max_length=200)
    approved_by = models.CharField("批准", max_length=60)
    approver_level = models.CharField(
        "批准机关", max_length=10, choices=LeaveApprover.choices, default=LeaveApprover.COUNTY
    )

    objects = RowRuleManager()
    row_rule_path = "subject__"

    class Meta:
        verbose_name = "外出审批"
        verbose_name_plural = "外出审批"
        ordering = ["-start", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} 外出 {self.start:%Y-%m-%d}"


class SanctionKind(models.TextChoices):
    """社区矫正法 第二十八条 (表扬, 训诫, 警告, 提请治安管理处罚) and 第四十六、四十九条
    (提请撤销缓刑、假释, 提请收监执行)."""

    COMMENDATION = "commendation", "表扬"
    ADMONITION = "admonition", "训诫"
    WARNING = "warning", "警告"
    PUBLIC_SECURITY = "public_security", "提请治安管理处罚"
    REVOCATION = "revocation", "提请撤销缓刑、假释"
    RECOMMITMENT = "recommitment", "提请收监执行"


class SanctionBasis(models.TextChoices):
    """The grounds the thresholds of docs/rules.md (实施办法 as reproduced locally) turn on;
    any other ground is 其他 and stated in 事实和理由."""

    LATE_OR_LOST = "late_or_lost", "未按规定报到、报告或脱管"
    REPEATED_ADMONITIONS = "admonitions", "受到训诫后仍不改正"
    REPEATED_WARNINGS = "warnings", "受到警告后仍不改正"
    OTHER = "other", "其他违反监督管理规定的情形"


class Sanction(ChildRecord):
    parent_field = "subject"
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="sanctions", verbose_name="社区矫正对象"
    )
    kind = models.CharField("类型", max_length=16, choices=SanctionKind.choices)
    date = models.DateField("决定日期")
    ground = models.CharField("事实和理由", max_length=300)
    basis = models.CharField(
        "情形", max_length=12, choices=SanctionBasis.choices, blank=True, default=""
    )
    # Days late (报到、报告) or out of contact (脱管), when the basis is that.
    days = models.PositiveIntegerField("逾期或脱管天数", null=True, blank=True)

    objects = RowRuleManager()
    row_rule_path = "subject__"

    class Meta:
        verbose_name = "考核奖惩"
        verbose_name_plural = "考核奖惩"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_kind_display()} {self.date:%Y-%m-%d}"


class LocationGround(models.TextChoices):
    """社区矫正法 第二十九条第一款: the five grounds of an electronic-location order."""

    PROHIBITION = "prohibition", "（一）违反人民法院禁止令的"
    LEFT_AREA = "left_area", "（二）无正当理由，未经批准离开所居住的市、县的"
    NOT_REPORTING = "not_reporting", "（三）拒不按照规定报告自己的活动情况，被给予警告的"
    PUNISHED = "punished", "（四）违反监督管理规定，被给予治安管理处罚的"
    PROPOSED = "proposed", "（五）拟提请撤销缓刑、假释或者暂予监外执行收监执行的"


class LocationOrder(ChildRecord):
    """An approved 电子定位 order: at most three months; an extension is a new order."""

    parent_field = "subject"
    subject = models.ForeignKey(
        Subject,
        on_delete=models.PROTECT,
        related_name="location_orders",
        verbose_name="社区矫正对象",
    )
    ground = models.CharField("适用情形", max_length=16, choices=LocationGround.choices)
    approver = models.CharField("批准人（县级司法行政部门负责人）", max_length=40)
    approved_date = models.DateField("批准日期")
    start = models.DateField("起始日期")
    end = models.DateField("终止日期")
    device = models.CharField("电子定位装置编号", max_length=40, blank=True)
    extends = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="extension",
        verbose_name="延长的前次决定",
    )

    objects = RowRuleManager()
    row_rule_path = "subject__"

    class Meta:
        verbose_name = "电子定位决定"
        verbose_name_plural = "电子定位决定"
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="corrections_location_in_order",
                violation_error_message="电子定位终止日期不能早于起始日期",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} 电子定位 {self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}"


class LocationPoint(ChildRecord):
    """One position of the device, only within its order's period (第二十九条第三款: used for
    社区矫正 only). Seen only by the subject's named handlers; removed after release."""

    parent_field = "subject"
    subject = models.ForeignKey(
        Subject,
        on_delete=models.PROTECT,
        related_name="location_points",
        verbose_name="社区矫正对象",
    )
    order = models.ForeignKey(
        LocationOrder, on_delete=models.PROTECT, related_name="points", verbose_name="电子定位决定"
    )
    recorded_at = models.DateTimeField("定位时间")
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6)

    objects = RowRuleManager()
    row_rule_path = "subject__"
    handlers_only = True

    class Meta:
        verbose_name = "定位记录"
        verbose_name_plural = "定位记录"
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} 定位 {self.recorded_at:%Y-%m-%d %H:%M}"


class Linkage(models.TextChoices):
    AWAITING = "awaiting", "待衔接"
    COLLECTED = "collected", "家属接回"
    RETURNED = "returned", "帮助返回居住地"
    UNLINKED = "unlinked", "未衔接"


class Placement(models.TextChoices):
    EMPLOYED = "employed", "就业"
    SOCIAL_AID = "social_aid", "纳入低保等社会救助"
    BASE = "base", "过渡性安置基地"
    OTHER = "other", "其他安置"


LINKED = (Linkage.COLLECTED, Linkage.RETURNED)


class ReleasedPerson(UnitRecord):
    """安置帮教: a person released from prison to the county (上海市安置帮教工作规定 第二条;
    河南省安置教育刑满释放和解除劳动教养人员的暂行规定 as the same model)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="司法行政部门"
    )
    number = models.CharField("帮教编号", max_length=40, unique=True)
    name = models.CharField("姓名", max_length=40)
    id_number = models.CharField("身份证号", max_length=18, blank=True)
    community = models.CharField("村（社区）", max_length=60)
    prison = models.CharField("监管场所", max_length=100)
    intake_date = models.DateField("入监日期", null=True, blank=True)
    intake_notice_date = models.DateField("收到入监告知日期", null=True, blank=True)
    release_date = models.DateField("刑满释放日期")
    release_notice_date = models.DateField("收到释放前通知日期", null=True, blank=True)
    linkage = models.CharField(
        "衔接情况", max_length=10, choices=Linkage.choices, default=Linkage.AWAITING
    )
    linkage_date = models.DateField("衔接日期", null=True, blank=True)
    is_key = models.BooleanField("重点帮教对象", default=False)
    assisted = models.BooleanField("已落实帮教", default=False)
    placement = models.CharField("安置情况", max_length=12, choices=Placement.choices, blank=True)
    period_end = models.DateField("帮教期满日期", null=True, blank=True, editable=False)

    objects = RowRuleManager()
    identity_fields = {"name": "姓名", "id_number": "身份证号"}
    detail_url_name = "corrections:released_detail"

    class Meta:
        verbose_name = "安置帮教对象"
        verbose_name_plural = "安置帮教对象"
        ordering = ["-release_date", "-pk"]

    def __str__(self) -> str:
        return self.number

    def notice_gaps(self) -> list[str]:
        """上海市安置帮教工作规定 第六条第二款 (告知 within 30 days of intake) and 第七条第一款
        (通知 30 days before release)."""
        gaps = []
        if self.intake_date is not None:
            due = self.intake_date + datetime.timedelta(days=30)
            if self.intake_notice_date is None:
                gaps.append("未登记监管场所入监告知（第六条第二款：接收之日起三十日内）")
            elif self.intake_notice_date > due:
                gaps.append(f"入监告知逾期{(self.intake_notice_date - due).days}日（第六条第二款）")
        latest = self.release_date - datetime.timedelta(days=30)
        if self.release_notice_date is None:
            gaps.append("未登记释放前通知（第七条第一款：刑释前三十日）")
        elif self.release_notice_date > latest:
            gaps.append(
                f"释放前通知晚于刑释前三十日（{(self.release_notice_date - latest).days}日，第七条第一款）"
            )
        return gaps


class Access(UnitRecord):
    """One 申请查看 of an identity field, granted or refused: who (`created_by`), when
    (`created_at`), which record and field, why."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    subject = models.ForeignKey(
        Subject,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accesses",
        verbose_name="社区矫正对象",
    )
    investigation = models.ForeignKey(
        Investigation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accesses",
        verbose_name="调查评估",
    )
    person = models.ForeignKey(
        "ReleasedPerson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accesses",
        verbose_name="安置帮教对象",
    )
    field = models.CharField("字段", max_length=20)
    reason = models.CharField("理由", max_length=200, blank=True)
    granted = models.BooleanField("已准许", default=False)
    refusal = models.CharField("拒绝原因", max_length=200, blank=True)

    objects = RestrictedManager()

    class Meta:
        verbose_name = "个人信息查看记录"
        verbose_name_plural = "个人信息查看记录"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"查看{self.target}的{self.field_label}"

    @property
    def target(self):
        return self.subject or self.investigation or self.person

    @property
    def field_label(self) -> str:
        return type(self.target).identity_fields.get(self.field, self.field)


class CountReport(UnitRecord):
    """A month's counts filed by a county that keeps its subjects in the provincial platform
    only (no local rows): imported, never typed, one per county and month (a re-import of the
    month replaces it). The indicators read a figure from these reports only for a county
    with no rows of the `replaced_by` models (engine `Indicator.reported`): never both."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="社区矫正机构"
    )
    month = models.DateField("月份")  # the month's first day
    subjects = models.PositiveIntegerField("月末在册")
    received = models.PositiveIntegerField("新接收")
    released = models.PositiveIntegerField("解除矫正")
    transferred_out = models.PositiveIntegerField("执行地变更移出")
    investigations = models.PositiveIntegerField("出具调查评估意见")
    investigations_on_time = models.PositiveIntegerField("按期完成调查评估")
    warnings = models.PositiveIntegerField("警告")
    revocation_proposals = models.PositiveIntegerField("提请撤销缓刑、假释或收监执行")
    absconded = models.PositiveIntegerField("脱管")
    electronic_monitoring = models.PositiveIntegerField("使用电子定位装置")
    # Added later (an older month reads 0): the categories of 月末在册, 终止 by its reason
    # (第四十五条; `terminated` is their sum), 提请治安管理处罚, 走访 and 重新犯罪.
    subjects_control = models.PositiveIntegerField("在册管制", default=0)
    subjects_probation = models.PositiveIntegerField("在册缓刑", default=0)
    subjects_parole = models.PositiveIntegerField("在册假释", default=0)
    subjects_medical_parole = models.PositiveIntegerField("在册暂予监外执行", default=0)
    terminated_revoked = models.PositiveIntegerField("终止：撤销缓刑、假释", default=0)
    terminated_recommitted = models.PositiveIntegerField("终止：收监执行", default=0)
    terminated_died = models.PositiveIntegerField("终止：死亡", default=0)
    terminated = models.PositiveIntegerField("矫正终止", default=0, editable=False)
    reoffended = models.PositiveIntegerField("重新犯罪", default=0)
    public_security_penalties = models.PositiveIntegerField("提请治安管理处罚", default=0)
    home_visits = models.PositiveIntegerField("走访、实地查访", default=0)

    objects = RowRuleManager()
    replaced_by = ("corrections.Subject", "corrections.Investigation")

    class Meta:
        verbose_name = "社区矫正数量月报"
        verbose_name_plural = "社区矫正数量月报"
        ordering = ["-month", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="corrections_count_month"),
            models.CheckConstraint(
                condition=Q(investigations_on_time__lte=models.F("investigations")),
                name="corrections_count_on_time",
                violation_error_message="按期完成的调查评估不能多于出具意见的调查评估",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}{self.month:%Y年%m月}数量月报"

    def save(self, *args, **kwargs):
        self.terminated = (
            self.terminated_revoked + self.terminated_recommitted + self.terminated_died
        )
        super().save(*args, **kwargs)
