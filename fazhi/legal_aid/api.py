"""REST API of 法律援助 (read-only; documented in the OpenAPI schema at /api/schema/).

The applicant's ID number is masked unless the user may see personal data; the economic
evidence and the criminal charge are not in the API at all (the case page shows them to
those who may, and records each view)."""

from rest_framework import serializers, viewsets

from fazhi.core.guards import shown_id_number

from . import selectors
from .models import AidCase, Consultation, DutyService, OutreachEvent


def _read_only(name, serializer, selector, doc):
    """A read-only viewset of `serializer`'s model over `selector(user)` (scoped)."""

    def get_queryset(self):
        return selector(self.request.user)

    return type(
        name,
        (viewsets.ReadOnlyModelViewSet,),
        {
            "__doc__": doc,
            "__module__": __name__,
            "serializer_class": serializer,
            "queryset": serializer.Meta.model.objects.none(),
            "get_queryset": get_queryset,
        },
    )


class CaseSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    case_type_display = serializers.CharField(source="get_case_type_display", read_only=True)
    origin_display = serializers.CharField(source="get_origin_display", read_only=True)
    provider_name = serializers.SerializerMethodField()
    applicant_id_number = serializers.SerializerMethodField()
    groups = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = AidCase
        fields = [
            "id",
            "number",
            "unit",
            "unit_name",
            "origin",
            "origin_display",
            "applicant_name",
            "applicant_id_number",
            "groups",
            "case_type",
            "case_type_display",
            "matter",
            "case_organ",
            "received_date",
            "decision_due",
            "decided_date",
            "accepted_date",
            "assignment_due",
            "assigned_date",
            "assignment_number",
            "provider_name",
            "closed_date",
            "amount_recovered",
            "terminated_date",
            "quality_grade",
            "state",
            "state_display",
            "referral_reference",
        ]

    def get_provider_name(self, case) -> str:
        return str(case.provider) if case.provider else ""

    def get_applicant_id_number(self, case) -> str:
        return shown_id_number(self.context["request"].user, case, case.applicant_id_number)


CaseViewSet = _read_only(
    "CaseViewSet", CaseSerializer, selectors.api_cases, "法律援助案件: the cases the user may see."
)


class ConsultationSerializer(serializers.ModelSerializer):
    channel_display = serializers.CharField(source="get_channel_display", read_only=True)

    class Meta:
        model = Consultation
        fields = ["id", "unit", "date", "channel", "channel_display", "question", "referral"]


ConsultationViewSet = _read_only(
    "ConsultationViewSet", ConsultationSerializer, selectors.api_consultations, "法律咨询."
)


class DutyServiceSerializer(serializers.ModelSerializer):
    """A duty lawyer's day: counts only (the persons helped are not named in the record)."""

    unit_name = serializers.CharField(source="unit.name", read_only=True)
    place_display = serializers.CharField(source="get_place_display", read_only=True)
    provider_name = serializers.CharField(source="provider.name", read_only=True)

    class Meta:
        model = DutyService
        fields = [
            "id",
            "unit",
            "unit_name",
            "date",
            "place",
            "place_display",
            "place_name",
            "provider",
            "provider_name",
            "persons",
            "plea_witnessed",
            "note",
        ]


DutyServiceViewSet = _read_only(
    "DutyServiceViewSet",
    DutyServiceSerializer,
    selectors.duty_services,
    "值班律师法律帮助 (法律援助法 第十四条、第三十条).",
)


class OutreachEventSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = OutreachEvent
        fields = [
            "id",
            "unit",
            "unit_name",
            "date",
            "title",
            "place",
            "audience",
            "participants",
            "note",
        ]


OutreachEventViewSet = _read_only(
    "OutreachEventViewSet",
    OutreachEventSerializer,
    selectors.outreach_events,
    "法律援助宣传活动 (法律援助法 第十条).",
)
