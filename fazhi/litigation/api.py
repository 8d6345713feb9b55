"""REST API of 行政应诉 (read-only; documented in the OpenAPI schema at /api/schema/)."""

from rest_framework import serializers, viewsets

from . import selectors
from .models import Hearing, Lawsuit


class HearingSerializer(serializers.ModelSerializer):
    attendance_display = serializers.CharField(source="get_attendance_display", read_only=True)

    class Meta:
        model = Hearing
        fields = [
            "id",
            "date",
            "attendance",
            "attendance_display",
            "head_summoned",
            "head_name",
            "head_post",
            "head_post_kind",
            "head_id_proof",
            "head_appeared",
            "absence_reason",
        ]


class LawsuitSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    trial_level_display = serializers.CharField(source="get_trial_level_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    judgment_type_display = serializers.CharField(
        source="get_judgment_type_display", read_only=True
    )
    hearings = HearingSerializer(many=True, read_only=True)

    class Meta:
        model = Lawsuit
        fields = [
            "id",
            "unit",
            "unit_name",
            "case_number",
            "court",
            "plaintiff",
            "contested_act",
            "trial_level",
            "trial_level_display",
            "defendant_role",
            "prior_reconsideration_number",
            "filed_date",
            "served_date",
            "answer_due",
            "answer_filed_date",
            "status",
            "status_display",
            "judgment_type",
            "judgment_type_display",
            "concluded_date",
            "lost",
            "first_hearing_date",
            "head_appeared",
            "hearings",
        ]


class LawsuitViewSet(viewsets.ReadOnlyModelViewSet):
    """行政应诉案件: the suits the user may see, with their hearings."""

    serializer_class = LawsuitSerializer
    queryset = Lawsuit.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.api_lawsuits(self.request.user)
