"""The statutory annual report (法治政府建设年度报告) of one unit and year, in its parts."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, ScopedRecord


class State(models.TextChoices):
    DRAFTING = "drafting", "起草中"
    IN_REVIEW = "in_review", "审核中"
    AWAITING_SIGNATURE = "awaiting_signature", "待签发"
    SIGNED = "signed", "已签发"
    SUBMITTED = "submitted", "已报送"
    PUBLISHED = "published", "已公开"


FROZEN_STATES = (State.SUBMITTED, State.PUBLISHED)


class AnnualReport(ScopedRecord):
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="报告单位"
    )
    year = models.PositiveIntegerField("报告年度")
    version = models.PositiveSmallIntegerField("版本", default=1)
    # A correction of a submitted report is a new version; the old one stays as it was.
    superseded = models.BooleanField("已被更正版本取代", default=False)
    previous_version = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="correction"
    )
    title = models.CharField("标题", max_length=200)
    state = models.CharField("状态", max_length=24, choices=State.choices, default=State.DRAFTING)
    report_due = models.DateField("报送期限")
    publish_due = models.DateField("公开期限")
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="起草人"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="签发人",
    )
    signed_on = models.DateField("签发日期", null=True, blank=True)
    submitted_on = models.DateField("报送日期", null=True, blank=True)
    recipients = models.JSONField("报送对象", default=list, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)
    publication_url = models.URLField("公开网址", blank=True)
    is_public = models.BooleanField("公开", default=False)
    # When the generated figures were last computed from the records.
    figures_computed_at = models.DateTimeField("数据计算时间", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_owner_fields = ("drafted_by",)
    scope_public_field = "is_public"  # a published report is a public document
    detail_url_name = "annual_report:report_detail"

    class Meta:
        verbose_name = "法治政府建设年度报告"
        ordering = ["-year", "unit__path", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                condition=Q(superseded=False),
                name="annual_report_one_current_per_unit_year",
                violation_error_message="该单位该年度已有报告",
            ),
            models.UniqueConstraint(
                fields=["unit", "year", "version"], name="annual_report_unique_version"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def default_title(self) -> str:
        return f"{self.unit.name}{self.year}年度法治政府建设情况的报告"

    @property
    def is_frozen(self) -> bool:
        return self.state in FROZEN_STATES or self.superseded


class Part(ChildRecord):
    """One statutory part: its generated figures (measures part) and the officers' narrative."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="parts")
    key = models.CharField("部分", max_length=40)
    order = models.PositiveSmallIntegerField()
    # Paragraphs of segments: {"text": …} or {"indicator": id, "value": str, "text": shown}.
    generated = models.JSONField("生成的数据段落", default=list, blank=True)
    narrative = models.TextField("正文", blank=True)

    parent_field = "report"
    scope_public_field = "report__is_public"

    class Meta:
        verbose_name = "报告组成部分"
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="annual_report_part_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report.title}·{self.key}"


class CheckOverride(ChildRecord):
    """A check problem accepted for approval with a reason (audited)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="overrides")
    problem = models.CharField("问题标识", max_length=200)
    reason = models.TextField("理由")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    parent_field = "report"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "problem"], name="annual_report_override_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report.title}·{self.problem}"


class ReportStep(ChildRecord):
    """One step of the report's workflow (起草 → 审核 → 签发 → 报送 → 公开), with its comment."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField("操作", max_length=40)
    from_state = models.CharField(max_length=24, choices=State.choices)
    to_state = models.CharField(max_length=24, choices=State.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField("意见", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # The workflow log (who drafted, reviewed and signed, their comments) is internal: it
    # stays within the report's tree when the report is public (docs/permissions.md).
    parent_field = "report"

    class Meta:
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report.title}·{self.action}"


class ReportingDates(ScopedRecord):
    """Earlier due dates an area sets for its whole subtree (provinces may set earlier dates
    than the rules' 3月1日 / 3月1日 / 4月1日; docs/rules.md)."""

    unit = models.OneToOneField(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="适用地区"
    )
    department_report_by = models.CharField("部门报送截止（月-日）", max_length=5)
    government_report_by = models.CharField("政府报送截止（月-日）", max_length=5)
    publish_by = models.CharField("公开截止（月-日）", max_length=5)

    class Meta:
        verbose_name = "年度报告期限"
        constraints = [
            models.CheckConstraint(
                condition=Q(department_report_by__regex=r"^(0[1-3])-[0-3][0-9]$")
                & Q(government_report_by__regex=r"^(0[1-3])-[0-3][0-9]$")
                & Q(publish_by__regex=r"^(0[1-3])-[0-3][0-9]$"),
                name="annual_report_dates_month_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}年度报告期限"


class UrgeNotice(ScopedRecord):
    """催报: a 依法治办 inspector's reminder to an area whose report of a year is late; it
    stands on the due list of the area's drafters until their report is submitted."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="被催报地区"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    urged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="催报人"
    )
    urged_on = models.DateField("催报日期")

    class Meta:
        verbose_name = "年度报告催报"
        ordering = ["-urged_on", "-pk"]

    def __str__(self) -> str:
        return f"催报{self.unit.name}{self.year}年度报告"
