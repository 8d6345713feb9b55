"""REST API of 行政复议: cases, read-only, scoped like the pages."""

from rest_framework import serializers, viewsets

from fazhi.core.guards import shown_id_number

from . import selectors
from .models import Case, Party


class PartySerializer(serializers.ModelSerializer):
    id_number = serializers.SerializerMethodField()

    class Meta:
        model = Party
        fields = ["role", "kind", "name", "id_number", "credit_code"]

    def get_id_number(self, party) -> str:
        return shown_id_number(self.context["request"].user, party, party.id_number)


class CaseSerializer(serializers.ModelSerializer):
    parties = PartySerializer(many=True, read_only=True)
    respondent = serializers.CharField(source="respondent_display")

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "parties",
            "respondent",
            "act_kind",
            "received_date",
            "accepted_date",
            "procedure",
            "state",
            "acceptance_due",
            "decision_due",
            "outcome",
            "outcome_ground",
            "closed_date",
            "closed_on_time",
            "served_date",
        ]


class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    """行政复议案件 (filters as on the case list: q, state, procedure, outcome)."""

    serializer_class = CaseSerializer
    queryset = Case.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        params = self.request.query_params
        return selectors.cases(
            self.request.user,
            search=params.get("q", ""),
            state=params.get("state", ""),
            procedure=params.get("procedure", ""),
            outcome=params.get("outcome", ""),
        )
