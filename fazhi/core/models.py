"""Core records: the unit tree, memberships, the domain-event log, the holiday calendar's
override table and attachments."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .querysets import RestrictedQuerySet
from .records import ScopedRecord
from .roles import DataScope, Role, WorkLine
from .validators import validate_division_code


class Unit(ScopedRecord):
    """行政区划 or 机关. Agencies hang off the area they belong to."""

    class Kind(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "市"
        DISTRICT = "district", "区/县"
        TOWNSHIP = "township", "街道/乡镇"
        GOVERNMENT = "government", "人民政府"
        JUSTICE_BUREAU = "justice_bureau", "司法局"
        RULE_OF_LAW_OFFICE = "rule_of_law_office", "依法治市/区委员会办公室"
        ENFORCEMENT = "enforcement", "行政执法部门"
        OTHER_AGENCY = "other_agency", "其他机关"

    AREA_KINDS = (Kind.PROVINCE, Kind.CITY, Kind.DISTRICT, Kind.TOWNSHIP)
    # Agencies whose remit is their whole area: with 本单位及下级 they see the area's subtree.
    AREA_WIDE_KINDS = (Kind.GOVERNMENT, Kind.JUSTICE_BUREAU, Kind.RULE_OF_LAW_OFFICE)
    # Which area kinds may sit under which (agencies may sit under any area).
    AREA_PARENT = {
        Kind.PROVINCE: (None,),
        Kind.CITY: (Kind.PROVINCE, None),
        Kind.DISTRICT: (Kind.CITY, Kind.PROVINCE),
        Kind.TOWNSHIP: (Kind.DISTRICT,),
    }

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialized path ("/a1b2c3d4/…/"): a subtree is one indexed prefix match.
    path = models.CharField(max_length=512, unique=True, editable=False)
    division_code = models.CharField(
        "行政区划代码", max_length=6, blank=True, validators=[validate_division_code]
    )
    is_active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_unit_field = None
    detail_url_name = "core:unit_detail"
    change_action = "manage_units"

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unit_unique_name_in_parent"),
            # NULLs are distinct in a unique index: top-level units need their own rule.
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(parent__isnull=True),
                name="unit_unique_top_level_name",
                violation_error_message="已有同名的顶层单位",
            ),
            models.CheckConstraint(
                condition=Q(division_code="") | Q(division_code__regex=r"^[0-9]{6}$"),
                name="unit_division_code_six_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_area(self) -> bool:
        return self.kind in self.AREA_KINDS

    @property
    def scope_root(self) -> "Unit":
        """The top of what 本单位及下级 covers for a member of this unit."""
        if self.kind in self.AREA_WIDE_KINDS and self.parent_id:
            return self.parent
        return self

    @staticmethod
    def new_path_segment() -> str:
        return uuid.uuid4().hex[:10]

    def ancestors(self):
        segments = self.path.strip("/").split("/")
        paths = ["/" + "/".join(segments[: i + 1]) + "/" for i in range(len(segments) - 1)]
        return Unit.objects.filter(path__in=paths).order_by("path")


class Membership(ScopedRecord):
    """A user's role in a unit, with the data scope it reads with and the work lines
    (业务条线) it acts on: all of them (a bureau's 负责人, a 依法治办 督察员) or a list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name="用户",
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="memberships", verbose_name="单位"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    data_scope = models.CharField(
        "数据范围",
        max_length=20,
        choices=[c for c in DataScope.choices if c[0] != DataScope.ALL],
    )
    # A flag rather than an empty list meaning "all": a membership emptied by mistake must
    # act on nothing, not on everything. Read from the loaded membership, never queried.
    all_work_lines = models.BooleanField("全部业务条线", default=True)
    work_lines = models.JSONField("业务条线", default=list, blank=True)
    is_active = models.BooleanField("有效", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_owner_fields = ("user",)

    class Meta:
        verbose_name = "任职"
        verbose_name_plural = "任职"
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique"),
            models.CheckConstraint(
                condition=~Q(data_scope=DataScope.ALL), name="membership_scope_not_all"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username}（{self.unit.name}·{self.get_role_display()}）"

    def clean(self):
        lines = self.work_lines
        if not isinstance(lines, list) or any(line not in WorkLine.values for line in lines):
            raise ValidationError({"work_lines": "业务条线无效"})
        if len(set(lines)) != len(lines):
            raise ValidationError({"work_lines": "业务条线重复"})
        if self.all_work_lines and lines:
            raise ValidationError({"work_lines": "已选“全部业务条线”时不再逐项选择"})

    @property
    def lines(self) -> frozenset[str] | None:
        """The work lines acted on, None for all of them."""
        return None if self.all_work_lines else frozenset(self.work_lines)

    def acts_on(self, line: str | None) -> bool:
        return line is None or self.all_work_lines or line in self.work_lines

    def work_lines_display(self) -> str:
        if self.all_work_lines:
            return "全部"
        labels = [WorkLine(line).label for line in WorkLine.values if line in self.work_lines]
        return "、".join(labels) or "无"


class ImmutableQuerySet(RestrictedQuerySet):
    def delete(self):
        raise PermissionError("操作记录不可删除")


class DomainEvent(models.Model):
    """One business action: who did what to which record, why — written with the change."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    acting_unit = models.ForeignKey(Unit, null=True, on_delete=models.PROTECT, related_name="+")
    # None for national records (the holiday calendar): only system administrators see those.
    unit = models.ForeignKey(Unit, null=True, on_delete=models.PROTECT, related_name="events")
    action = models.CharField("操作", max_length=64)
    summary = models.CharField("说明", max_length=300)
    reason = models.TextField("理由", blank=True)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    target_repr = models.CharField(max_length=200)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = models.Manager.from_queryset(ImmutableQuerySet)()
    scope_owner_fields = ("actor",)

    class Meta:
        verbose_name = "业务操作记录"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.summary}（{self.target_repr}）"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("操作记录不可修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("操作记录不可删除")


class CalendarYear(models.Model):
    """A year whose holidays an administrator entered from the State Council notice."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    notice = models.CharField("依据（国务院办公厅通知）", max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "节假日安排年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年（{self.notice}）"


class HolidayOverride(models.Model):
    """One day whose status differs from a plain Monday–Friday week (or corrects the package)."""

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("工作日")
    name = models.CharField("名称", max_length=50, blank=True)
    calendar_year = models.ForeignKey(
        CalendarYear, on_delete=models.CASCADE, related_name="days", null=True, blank=True
    )

    class Meta:
        verbose_name = "节假日调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {'调休上班' if self.is_workday else '放假'} {self.name}"


def attachment_upload_to(instance, filename: str) -> str:
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(ScopedRecord):
    """附件: a checked file on any record, visible to whoever may see the record."""

    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=attachment_upload_to, max_length=200)
    original_name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_owner_fields = ("uploaded_by",)

    class Meta:
        verbose_name = "附件"
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return self.original_name


class DataVersion(models.Model):
    """One row whose token changes with every write to the platform's records
    (dataversion.py): what cached figures are keyed on."""

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token


class UnitVersion(models.Model):
    """The version of one unit's records (dataversion.py): a random number changed by the
    first write to the unit's records in each transaction. A subtree's version is the sum
    over its units, so a write touches only its own unit's row."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    token = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.unit_id}:{self.token}"


class Account(models.Model):
    """The security state of a login: whether its password must be changed before anything
    else (an account an administrator opened or reset), and when it last was."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    must_change_password = models.BooleanField("须修改密码", default=False)
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)

    class Meta:
        verbose_name = "账号安全状态"

    def __str__(self) -> str:
        return str(self.user)


class NumberSequence(ScopedRecord):
    """The last serial given per unit, kind and year (e.g. 东湖复决字〔2025〕第12号, 执法监督
    整改〔2025〕3号): numbers without gaps or duplicates (numbering.py takes them)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=50)  # the work line's label and the document's kind
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "文书编号序列"
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind", "year"], name="core_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year} #{self.last}"


class FormToken(models.Model):
    """The one-time token of one rendered form (重复提交): made when the form is shown, bound
    to its user and form, and consumed in the transaction of the service the form runs, so
    that of two submissions of one page exactly one is carried out."""

    token = models.CharField(max_length=32, primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True)
    form = models.CharField(max_length=200)  # the form class, module and name
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.token


def word_template_upload_to(instance, filename: str) -> str:
    return f"word_templates/{instance.unit_id}/{instance.key}/{instance.sha256}.docx"


class WordTemplate(ScopedRecord):
    """A unit's own template of one kind of 文书 (wordtemplates.py), replacing the default."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    key = models.CharField(
        "文书", max_length=60
    )  # the registered kind, e.g. reconsideration.decision
    file = models.FileField(upload_to=word_template_upload_to, max_length=200)
    original_name = models.CharField("文件名", max_length=200)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    scope_owner_fields = ("uploaded_by",)

    class Meta:
        verbose_name = "文书模板"
        constraints = [
            models.UniqueConstraint(fields=["unit", "key"], name="core_word_template_unique")
        ]

    def __str__(self) -> str:
        return f"{self.key}（{self.original_name}）"
