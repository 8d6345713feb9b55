"""免罚轻罚清单 in versions, and their items."""

from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, UnitRecord


class ListStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已公布施行"
    SUPERSEDED = "superseded", "已被新版本替代"


class PenaltyList(UnitRecord):
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

    detail_url_name = "enforcement:penalty_list_detail"

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


class PenaltyListItem(ChildRecord):
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

    parent_field = "penalty_list"

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
