"""公共法律服务 records: the service platform's points (中心、工作站、工作室), the villages with
their legal advisers (一村一法律顾问) and the advisers' monthly logs, the 12348 contacts and
centre visits, and what the bureau holds of the notary offices it supervises (公证法 第五条):
monthly counts by category and complaints, never the case files."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.records import ChildRecord, UnitRecord


class Level(models.TextChoices):
    CENTRE = "centre", "公共法律服务中心（县级）"
    STATION = "station", "公共法律服务工作站（乡镇、街道）"
    ROOM = "room", "公共法律服务工作室（村居）"


class ServicePoint(UnitRecord):
    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=10, choices=Level.choices)
    address = models.CharField("地址", max_length=200, blank=True)
    staff = models.PositiveSmallIntegerField("工作人员（人）", default=0)
    hours = models.CharField("服务时间", max_length=100, blank=True)
    services = models.CharField("服务事项", max_length=300, blank=True)
    rating = models.PositiveSmallIntegerField(
        "星级评定", null=True, blank=True, choices=[(n, f"{n}星") for n in range(1, 6)]
    )
    established_date = models.DateField("建成日期")

    detail_url_name = "legal_services:point_detail"

    class Meta:
        verbose_name = "公共法律服务站点"
        verbose_name_plural = "公共法律服务站点"
        ordering = ["level", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class Village(UnitRecord):
    """A 村（居）of a township, the unit the 一村一法律顾问 duty is counted on; owned by the
    司法局 that keeps the roster."""

    township = models.ForeignKey(
        "core.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="乡镇（街道）"
    )
    name = models.CharField("村（居）", max_length=60)
    # The coverage rate's register (在册): from the day the village is listed to the day it
    # is merged or removed (撤并), if ever.
    listed_date = models.DateField("列入名册日期")
    removed_date = models.DateField("撤并日期", null=True, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_villages",
        editable=False,
        verbose_name="并入村（居）",
    )

    detail_url_name = "legal_services:village_detail"

    class Meta:
        verbose_name = "村（居）"
        verbose_name_plural = "村（居）"
        ordering = ["township__name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["township", "name"],
                name="village_unique_name",
                violation_error_message="该乡镇（街道）已登记同名村（居）",
            )
        ]

    def __str__(self) -> str:
        return f"{self.township.name}{self.name}"

    def on_roster(self, on: datetime.date) -> bool:
        return self.listed_date <= on and (self.removed_date is None or self.removed_date > on)


class AdviserKind(models.TextChoices):
    LAWYER = "lawyer", "律师"
    GRASSROOTS = "grassroots", "基层法律服务工作者"


class VillageAdviser(ChildRecord):
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="advisers", verbose_name="村（居）"
    )
    name = models.CharField("法律顾问", max_length=40)
    kind = models.CharField("类别", max_length=12, choices=AdviserKind.choices)
    firm = models.CharField("执业机构", max_length=100)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    start = models.DateField("聘任起始")
    end = models.DateField("聘任截止")
    # The day after the term's last day: the coverage register's `until_field` (a term that
    # ends on a period's last day still covers the village at that period's end).
    left_date = models.DateField("离任日期", editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "village"

    class Meta:
        verbose_name = "村居法律顾问"
        verbose_name_plural = "村居法律顾问"
        ordering = ["-start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="adviser_period")
        ]

    def __str__(self) -> str:
        return f"{self.village} 法律顾问{self.name}"

    def _leave(self):
        # The term counts for the village until its last day, or until the village is
        # merged or removed (撤并), whichever comes first.
        if self.end is not None:
            left = self.end + datetime.timedelta(days=1)
            removed = self.village.removed_date if self.village_id else None
            self.left_date = min(left, removed) if removed else left

    def clean_fields(self, exclude=None):
        self._leave()
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self._leave()
        super().save(*args, **kwargs)


class AdviserLog(ChildRecord):
    """The adviser's service in one month (the first day of the month)."""

    adviser = models.ForeignKey(
        VillageAdviser, on_delete=models.PROTECT, related_name="logs", verbose_name="法律顾问"
    )
    month = models.DateField("月份")
    consultations = models.PositiveIntegerField("解答咨询（人次）", default=0)
    disputes = models.PositiveIntegerField("参与调解纠纷（件）", default=0)
    lectures = models.PositiveIntegerField("法治讲座（场次）", default=0)
    documents = models.PositiveIntegerField("审核村规民约、合同（件）", default=0)
    aid_referrals = models.PositiveIntegerField("引导法律援助（件）", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "adviser"

    class Meta:
        verbose_name = "法律顾问服务记录"
        verbose_name_plural = "法律顾问服务记录"
        ordering = ["-month", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["adviser", "month"],
                name="adviser_log_one_per_month",
                violation_error_message="该法律顾问本月已登记服务记录",
            )
        ]

    def __str__(self) -> str:
        return f"{self.adviser} {self.month:%Y年%m月}服务记录"


class ContactChannel(models.TextChoices):
    PHONE = "phone", "12348电话"
    ONLINE = "online", "网络（12348法网）"
    MESSAGE = "message", "留言"
    VISIT = "visit", "中心来访"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASIC = "basic", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class ContactReferral(models.TextChoices):
    NONE = "", "当场解答"
    LEGAL_AID = "legal_aid", "转法律援助"
    MEDIATION = "mediation", "转人民调解"
    OTHER = "other", "转其他部门"


class HotlineContact(UnitRecord):
    """One 12348 call or online contact, or one visit to the centre."""

    contact_date = models.DateField("日期")
    channel = models.CharField("渠道", max_length=10, choices=ContactChannel.choices)
    category = models.CharField("咨询类别", max_length=30)
    answered = models.BooleanField("已接通（已接待）", default=True)
    duration_minutes = models.PositiveIntegerField("时长（分钟）", default=0)
    satisfaction = models.CharField(
        "满意度", max_length=14, choices=Satisfaction.choices, blank=True
    )
    follow_up = models.CharField("回访情况", max_length=200, blank=True)
    referral = models.CharField(
        "转办", max_length=10, choices=ContactReferral.choices, blank=True, default=""
    )
    summary = models.CharField("咨询摘要", max_length=300, blank=True)
    # The case the referral opened in the other line ("一端发起、三端响应"): a 法律援助 application
    # or a 人民调解 dispute. The case carries the contact's reference back.
    aid_case = models.ForeignKey(
        "legal_aid.AidCase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hotline_contacts",
        editable=False,
        verbose_name="转介的法律援助案件",
    )
    dispute = models.ForeignKey(
        "mediation.Dispute",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hotline_contacts",
        editable=False,
        verbose_name="转介的矛盾纠纷",
    )

    detail_url_name = "legal_services:contact_detail"

    class Meta:
        verbose_name = "12348咨询及来访"
        verbose_name_plural = "12348咨询及来访"
        ordering = ["-contact_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered=True) | (Q(satisfaction="") & Q(duration_minutes=0)),
                name="contact_abandoned_has_no_service",
            ),
            models.CheckConstraint(
                condition=Q(aid_case__isnull=True) | Q(dispute__isnull=True),
                name="contact_one_referral",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name} {self.contact_date:%Y-%m-%d} {self.get_channel_display()}（{self.category}）"

    @property
    def reference(self) -> str:
        """How the case of the other line names this contact."""
        return f"12348转介：{self.unit.name}{self.contact_date:%Y-%m-%d}{self.get_channel_display()}（第{self.pk}号）"

    @property
    def referred(self) -> bool:
        return self.aid_case_id is not None or self.dispute_id is not None


class NotaryOffice(UnitRecord):
    """A 公证机构 under the bureau's supervision (公证法 第五条)."""

    name = models.CharField("公证机构", max_length=100)
    notaries = models.PositiveSmallIntegerField("公证员（人）", default=2)

    detail_url_name = "legal_services:office_detail"

    class Meta:
        verbose_name = "公证机构"
        verbose_name_plural = "公证机构"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class NotaryCategory(models.TextChoices):
    """公证法 第十一条 grouped as the monthly statistics report them."""

    CIVIL = "civil", "民事（继承、遗嘱、委托、声明、赠与等）"
    ECONOMIC = "economic", "经济（合同、招投标、拍卖等）"
    FOREIGN = "foreign", "涉外、涉港澳台"
    EVIDENCE = "evidence", "保全证据"
    AFFAIRS = "affairs", "公证事务（第十二条）"


class NotaryReport(ChildRecord):
    """One office's count for one month and category, as the office reports it."""

    office = models.ForeignKey(
        NotaryOffice, on_delete=models.PROTECT, related_name="reports", verbose_name="公证机构"
    )
    month = models.DateField("月份")
    category = models.CharField("类别", max_length=10, choices=NotaryCategory.choices)
    cases = models.PositiveIntegerField("办理公证（件）")
    refusals = models.PositiveIntegerField("不予办理（件，第三十一条）", default=0)
    fee_waivers = models.PositiveIntegerField("减免费用（件，第三十四条）", default=0)
    # 公证法 第三十条: 十五个工作日 from 受理, counted where the office reports per-case dates.
    timed = models.PositiveIntegerField("报送办证日期的（件）", default=0)
    on_time = models.PositiveIntegerField("其中十五个工作日内出具（件）", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "office"

    class Meta:
        verbose_name = "公证月报"
        verbose_name_plural = "公证月报"
        ordering = ["-month", "category", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "month", "category"],
                name="notary_report_one_per_month",
                violation_error_message="该公证机构本月该类别已报送",
            ),
            models.CheckConstraint(
                condition=Q(on_time__lte=models.F("timed")) & Q(timed__lte=models.F("cases")),
                name="notary_report_on_time_within_counts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.month:%Y年%m月}{self.get_category_display()}"


class NotaryComplaint(ChildRecord):
    office = models.ForeignKey(
        NotaryOffice, on_delete=models.PROTECT, related_name="complaints", verbose_name="公证机构"
    )
    received_date = models.DateField("收到投诉日期")
    notary = models.CharField("被投诉公证员", max_length=40, blank=True)
    content = models.TextField("投诉事项")
    due = models.DateField("办理期限", null=True, blank=True, editable=False)
    handled_date = models.DateField("办结日期", null=True, blank=True)
    result = models.CharField("处理结果", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="登记人"
    )

    parent_field = "office"

    class Meta:
        verbose_name = "公证投诉"
        verbose_name_plural = "公证投诉"
        ordering = ["-received_date", "pk"]

    def __str__(self) -> str:
        return f"{self.office} 投诉（{self.received_date:%Y-%m-%d}）"


class ApprovalItem(models.TextChoices):
    """司法行政 行政许可 a county or city bureau receives (受理、初审 or decides)."""

    LAWYER = "lawyer", "律师执业许可（初审）"
    LAW_FIRM = "law_firm", "律师事务所设立许可（初审）"
    GRASSROOTS = "grassroots", "基层法律服务工作者执业核准（初审）"
    NOTARY = "notary", "公证员执业（初审）"
    FORENSIC = "forensic", "司法鉴定机构和鉴定人登记（初审）"
    OTHER = "other", "其他司法行政许可"


class ApprovalDecision(models.TextChoices):
    GRANTED = "granted", "准予许可"
    FORWARDED = "forwarded", "初审同意并报送上级"
    REFUSED = "refused", "不予许可（初审不同意）"


class Approval(UnitRecord):
    """One 司法行政 行政许可 application and its decision (`legal_services.approvals`)."""

    item = models.CharField("审批事项", max_length=12, choices=ApprovalItem.choices)
    applicant = models.CharField("申请人", max_length=100)
    received_date = models.DateField("受理日期")
    # 行政许可法 第四十二条第一款 (二十日), 第八十二条 (工作日): setting APPROVAL_WORKING_DAYS.
    due = models.DateField("办理期限", null=True, blank=True, editable=False)
    decided_date = models.DateField("办结日期", null=True, blank=True)
    decision = models.CharField(
        "办理结果", max_length=10, choices=ApprovalDecision.choices, blank=True
    )
    reason = models.CharField("理由", max_length=300, blank=True)

    detail_url_name = "legal_services:approval_detail"

    class Meta:
        verbose_name = "司法行政审批"
        verbose_name_plural = "司法行政审批"
        ordering = ["-received_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_date__isnull=True)
                | Q(decided_date__gte=models.F("received_date")),
                name="approval_decided_after_receipt",
            ),
            models.CheckConstraint(
                condition=~Q(decision="refused") | ~Q(reason=""),
                name="approval_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.applicant} {self.get_item_display()}（{self.received_date:%Y-%m-%d}受理）"

    @property
    def overdue(self) -> bool:
        return bool(self.due and self.decided_date and self.decided_date > self.due)
