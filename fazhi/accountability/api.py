"""REST API of 述法 · 督察 · 考核 (read-only; documented at /api/schema/). Findings and scores
follow the data rule of the pages (models.ConfidentialQuerySet); 述法 grades are shown only
to 负责人 and the 依法治办."""

from rest_framework import serializers, viewsets

from . import selectors
from .models import (
    AssessmentItem,
    AssessmentScheme,
    AssessmentScore,
    AssignedTask,
    DemonstrationProject,
    Finding,
    InspectionPlan,
    LawReport,
    LeadershipSession,
    ReportingUnit,
    ScoreAppeal,
    sees_personnel_data,
)


class InspectionPlanSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = InspectionPlan
        fields = [
            "id",
            "unit",
            "unit_name",
            "title",
            "kind",
            "kind_display",
            "groups",
            "methods",
            "start_date",
            "end_date",
            "feedback_date",
        ]


class FindingSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    inspected_unit_name = serializers.CharField(source="inspected_unit.name", read_only=True)

    class Meta:
        model = Finding
        fields = [
            "id",
            "plan",
            "law_report",
            "inspected_unit",
            "inspected_unit_name",
            "category",
            "description",
            "state",
            "state_display",
            "measure",
            "responsible_department",
            "responsible_person",
            "deadline",
            "progress",
            "evidence",
            "submitted_date",
            "closed_date",
            "escalation",
            "escalated_date",
        ]


class AssessmentItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentItem
        fields = [
            "id",
            "parent",
            "code",
            "name",
            "points",
            "rule",
            "evidence_required",
            "responsible_unit",
            "indicator_id",
        ]


class AssessmentSchemeSerializer(serializers.ModelSerializer):
    items = AssessmentItemSerializer(many=True, read_only=True)

    class Meta:
        model = AssessmentScheme
        fields = ["id", "unit", "year", "version", "name", "assessed_units", "items"]


class AssessmentScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentScore
        fields = [
            "id",
            "item",
            "assessed_unit",
            "self_score",
            "self_evidence",
            "review_score",
            "deduction_reason",
            "reviewed_date",
        ]


class LawReportSerializer(serializers.ModelSerializer):
    grade = serializers.SerializerMethodField()
    review_comment = serializers.SerializerMethodField()

    class Meta:
        model = LawReport
        fields = [
            "id",
            "unit",
            "year",
            "person",
            "post",
            "tier",
            "form",
            "report_date",
            "checklist",
            "grade",
            "review_comment",
        ]

    def _personnel(self) -> bool:
        return sees_personnel_data(self.context["request"].user)

    def get_grade(self, report) -> str | None:
        return report.grade if self._personnel() else None

    def get_review_comment(self, report) -> str | None:
        return report.review_comment if self._personnel() else None


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    """法治督察方案."""

    serializer_class = InspectionPlanSerializer
    queryset = InspectionPlan.objects.none()

    def get_queryset(self):
        return selectors.plans(self.request.user)


class FindingViewSet(viewsets.ReadOnlyModelViewSet):
    """督察问题及其整改、销号（依法治办和被督察单位的负责人、单位管理员可见）."""

    serializer_class = FindingSerializer
    queryset = Finding.objects.none()

    def get_queryset(self):
        return selectors.findings(self.request.user)


class SchemeViewSet(viewsets.ReadOnlyModelViewSet):
    """法治建设考核方案及其指标体系."""

    serializer_class = AssessmentSchemeSerializer
    queryset = AssessmentScheme.objects.none()

    def get_queryset(self):
        return selectors.schemes(self.request.user).prefetch_related("items", "assessed_units")


class ScoreViewSet(viewsets.ReadOnlyModelViewSet):
    """考核评分（依法治办和被考核单位的负责人、单位管理员可见）."""

    serializer_class = AssessmentScoreSerializer
    queryset = AssessmentScore.objects.none()

    def get_queryset(self):
        return AssessmentScore.objects.restrict(self.request.user).select_related("item")


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """述法（评议等次仅负责人和依法治办可见）."""

    serializer_class = LawReportSerializer
    queryset = LawReport.objects.none()

    def get_queryset(self):
        return selectors.reports(self.request.user)


class DemonstrationProjectSerializer(serializers.ModelSerializer):
    stage_display = serializers.CharField(source="get_stage_display", read_only=True)

    class Meta:
        model = DemonstrationProject
        fields = [
            "id",
            "unit",
            "name",
            "kind",
            "stage",
            "stage_display",
            "recommended_date",
            "provincial_date",
            "national_date",
            "named_date",
            "satisfaction_rate",
            "follow_up",
        ]


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """示范创建项目及其阶段."""

    serializer_class = DemonstrationProjectSerializer
    queryset = DemonstrationProject.objects.none()

    def get_queryset(self):
        return selectors.projects(self.request.user)


class ScoreAppealSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = ScoreAppeal
        fields = [
            "id",
            "score",
            "filed_date",
            "reason",
            "requested_score",
            "original_score",
            "state",
            "state_display",
            "decided_score",
            "decision",
            "decided_date",
        ]


class AppealViewSet(viewsets.ReadOnlyModelViewSet):
    """考核申诉及复核（依法治办和被考核单位的负责人、单位管理员可见）."""

    serializer_class = ScoreAppealSerializer
    queryset = ScoreAppeal.objects.none()

    def get_queryset(self):
        return selectors.appeals(self.request.user)


class LeadershipSessionSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = LeadershipSession
        fields = ["id", "unit", "kind", "kind_display", "date", "topic", "chaired_by", "attendees"]


class SessionViewSet(viewsets.ReadOnlyModelViewSet):
    """领导班子学法和听取研究法治工作会议."""

    serializer_class = LeadershipSessionSerializer
    queryset = LeadershipSession.objects.none()

    def get_queryset(self):
        return selectors.sessions(self.request.user)


class AssignedTaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssignedTask
        fields = [
            "id",
            "unit",
            "title",
            "assigned_by",
            "assigned_date",
            "due_date",
            "done_date",
            "result",
        ]


class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    """上级交办任务."""

    serializer_class = AssignedTaskSerializer
    queryset = AssignedTask.objects.none()

    def get_queryset(self):
        return selectors.tasks(self.request.user)


class ReportingUnitSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ReportingUnit
        fields = ["id", "unit", "unit_name", "year", "listed_date"]


class ReportingUnitViewSet(viewsets.ReadOnlyModelViewSet):
    """述法名单（应述法单位）：述法覆盖率的分母."""

    serializer_class = ReportingUnitSerializer
    queryset = ReportingUnit.objects.none()

    def get_queryset(self):
        return selectors.reporting_units(self.request.user)
