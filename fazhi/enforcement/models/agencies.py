"""行政执法主体 (enforcement agencies), their 重大执法决定法制审核目录 and their officers."""

import datetime

from django.conf import settings
from django.db import models

from fazhi.core.models import Unit
from fazhi.core.records import ScopedRecord, UnitRecord

# 行政处罚法 第八十六条: 本法自2021年7月15日起施行.
FIRST_REVIEW_FROM = datetime.date(2021, 7, 15)


class Agency(UnitRecord):
    """A 行政执法主体: an enforcement department, or a 街道/乡镇 with devolved powers (赋权事项)."""

    unit = models.OneToOneField(
        Unit, on_delete=models.PROTECT, related_name="enforcement_agency", verbose_name="执法单位"
    )
    legal_basis = models.TextField("执法依据（设立及职权依据）")
    devolved_powers = models.TextField(
        "赋权事项", blank=True, help_text="街道、乡镇承接的行政执法事项，一行一项"
    )

    detail_url_name = "enforcement:agency_detail"

    class Meta:
        verbose_name = "行政执法主体"
        verbose_name_plural = "行政执法主体"
        ordering = ["unit__path"]

    def __str__(self) -> str:
        return self.unit.name

    @property
    def devolved_list(self) -> list[str]:
        return [line.strip() for line in self.devolved_powers.splitlines() if line.strip()]


class MajorGround(models.TextChoices):
    """行政处罚法 第五十八条第一款: the cases that need 法制审核 before the decision."""

    PUBLIC_INTEREST = "public_interest", "涉及重大公共利益的（第五十八条第一款第一项）"
    MAJOR_RIGHTS_HEARING = "major_rights", "直接关系重大权益，经过听证程序的（第二项）"
    COMPLEX = "complex", "案件情况疑难复杂、涉及多个法律关系的（第三项）"
    OTHER_LAW = "other_law", "法律、法规规定应当进行法制审核的其他情形（第四项）"


class MajorDecisionItem(ScopedRecord):
    """One entry of an agency's 重大执法决定法制审核目录清单."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="major_decision_items", verbose_name="执法单位"
    )
    title = models.CharField("重大执法决定事项", max_length=200)
    ground = models.CharField("法制审核情形", max_length=20, choices=MajorGround.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    scope_owner_fields = ("created_by",)

    class Meta:
        verbose_name = "重大执法决定事项"
        ordering = ["unit__path", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "title"], name="major_item_unique_title"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}：{self.title}"


class Officer(UnitRecord):
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
    # 第五十八条第二款 reads 初次从事 as: took up the work on or after 2021-07-15 (第八十六条).
    legal_review_since = models.DateField("开始从事行政处罚决定法制审核日期", null=True, blank=True)
    is_active = models.BooleanField("在岗", default=True)

    detail_url_name = "enforcement:officer_detail"

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

    def needs_legal_qualification(self) -> bool:
        """行政处罚法 第五十八条第二款: 行政机关中初次从事行政处罚决定法制审核的人员，应当通过
        国家统一法律职业资格考试取得法律职业资格. 初次从事: began on or after the law took
        effect (第八十六条: 2021年7月15日); an unknown start counts as 初次 (docs/rules.md)."""
        since = self.legal_review_since
        return since is None or since >= FIRST_REVIEW_FROM

    def certificate_on(self, day: datetime.date):
        """The certificate that was in force on `day`: the latest issued by then (today's may
        be a later 换发), else the current one."""
        issued = [c for c in self.certificates.all() if c.issue_date and c.issue_date <= day]
        if issued:
            return max(issued, key=lambda c: (c.issue_date, c.pk))
        return self.current_certificate()

    def current_certificate(self):
        """The latest issued certificate, else the latest application."""
        certificates = sorted(
            self.certificates.all(),
            key=lambda c: (c.issue_date is not None, c.issue_date or c.applied_date, c.pk),
        )
        return certificates[-1] if certificates else None

    def certificate_problem(self, day: datetime.date) -> str:
        """Why the officer may not enforce on `day` (empty when the certificate is valid)."""
        certificate = self.certificate_on(day)
        if certificate is None:
            return "未取得行政执法证件"
        return certificate.problem(day)
