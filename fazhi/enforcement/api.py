"""REST API of 行政执法监督 (read-only; documented in the OpenAPI schema at /api/schema/)."""

from rest_framework import serializers, viewsets

from fazhi.core.guards import shown_id_number

from .models.actions import EnforcementAction
from .models.agencies import Officer
from .models.enterprise_inspections import EnterpriseInspection
from .models.reviews import CaseFile, ReviewCampaign
from .selectors.actions import search_actions
from .selectors.agencies import officers
from .selectors.enterprise_inspections import search_enterprise_inspections
from .selectors.reviews import campaigns


class OfficerSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    id_number = serializers.SerializerMethodField()
    certificate_number = serializers.SerializerMethodField()

    class Meta:
        model = Officer
        fields = [
            "id",
            "unit",
            "unit_name",
            "name",
            "id_number",
            "post",
            "is_legal_reviewer",
            "certificate_number",
        ]

    def get_id_number(self, officer) -> str:
        return shown_id_number(self.context["request"].user, officer, officer.id_number)

    def get_certificate_number(self, officer) -> str:
        certificate = officer.current_certificate()
        return (certificate.number or "") if certificate else ""


class ActionSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    gaps = serializers.ListField(
        source="three_systems_gaps", child=serializers.CharField(), read_only=True
    )

    class Meta:
        model = EnforcementAction
        fields = [
            "id",
            "unit",
            "unit_name",
            "kind",
            "number",
            "party",
            "summary",
            "started_date",
            "pre_publicity_date",
            "post_publicity_date",
            "recording_location",
            "major_item",
            "review_passed",
            "status",
            "decided_date",
            "outcome",
            "list_item",
            "gaps",
        ]


class InspectionSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = EnterpriseInspection
        fields = [
            "id",
            "unit",
            "unit_name",
            "enterprise",
            "credit_code",
            "purpose",
            "planned_date",
            "status",
            "result",
        ]


class CaseFileSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)

    class Meta:
        model = CaseFile
        fields = [
            "id",
            "agency",
            "agency_name",
            "file_number",
            "title",
            "total",
            "grade",
            "problems",
        ]


class CampaignSerializer(serializers.ModelSerializer):
    case_files = CaseFileSerializer(many=True, read_only=True)

    class Meta:
        model = ReviewCampaign
        fields = [
            "id",
            "unit",
            "title",
            "year",
            "started_date",
            "status",
            "closed_date",
            "case_files",
        ]


class OfficerViewSet(viewsets.ReadOnlyModelViewSet):
    """行政执法人员 the user may see (身份证号码 masked unless VIEW_PERSONAL_DATA)."""

    serializer_class = OfficerSerializer
    queryset = Officer.objects.none()

    def get_queryset(self):
        return officers(self.request.user)


class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    """行政执法行为 with their 三项制度 records and gaps."""

    serializer_class = ActionSerializer
    queryset = EnforcementAction.objects.none()

    def get_queryset(self):
        return search_actions(self.request.user)


class InspectionViewSet(viewsets.ReadOnlyModelViewSet):
    """入企执法报备."""

    serializer_class = InspectionSerializer
    queryset = EnterpriseInspection.objects.none()

    def get_queryset(self):
        return search_enterprise_inspections(self.request.user)


class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    """案卷评查 campaigns with their scored case files."""

    serializer_class = CampaignSerializer
    queryset = ReviewCampaign.objects.none()

    def get_queryset(self):
        return campaigns(self.request.user).prefetch_related("case_files__agency")
