"""入企执法报备: an agency's inspection of an enterprise, reported before the visit."""

from django.db import models
from django.db.models import F, Q

from fazhi.core.models import Unit
from fazhi.core.records import UnitRecord

from .agencies import Officer


class InspectionStatus(models.TextChoices):
    REPORTED = "reported", "已报备"
    DONE = "done", "已检查"
    CANCELLED = "cancelled", "已取消"


class EnterpriseInspection(UnitRecord):
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

    detail_url_name = "enforcement:enterprise_inspection_detail"

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
