"""REST API of 人民调解 (read-only; documented in the OpenAPI schema at /api/schema/).

Party ID numbers are masked unless the user may view personal data; a non-public case's
summary is left out (人民调解法 第二十三条第三项)."""

from django.core.exceptions import PermissionDenied
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from fazhi.core.guards import shown_id_number

from . import selectors, services
from .models import Committee, Dispute, Party


class PartySerializer(serializers.ModelSerializer):
    id_number = serializers.SerializerMethodField()

    class Meta:
        model = Party
        fields = ["id", "role", "name", "gender", "age", "id_number"]

    def get_id_number(self, party) -> str:
        return shown_id_number(self.context["request"].user, party, party.id_number)


class DisputeSerializer(serializers.ModelSerializer):
    committee_name = serializers.CharField(source="committee.name", read_only=True)
    source_display = serializers.CharField(source="get_source_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    summary = serializers.SerializerMethodField()
    parties = PartySerializer(many=True, read_only=True)

    class Meta:
        model = Dispute
        fields = [
            "id",
            "number",
            "committee",
            "committee_name",
            "source",
            "source_display",
            "source_reference",
            "kind",
            "summary",
            "non_public",
            "received_date",
            "due_date",
            "extended_due",
            "status",
            "status_display",
            "agreed_date",
            "ended_date",
            "end_reason",
            "closed_date",
            "parties",
            "return_due",
            "returned_date",
            "petition_registered_date",
            "route_due",
            "routed_date",
            "route_way",
            "route_recipient",
            "routed_late",
            "petition_extension_days",
            "petition_extension_approved_date",
            "petition_extension_notice_date",
            "notice_due",
            "notice_date",
            "notice_to",
            "notice_late",
        ]

    def get_summary(self, dispute) -> str:
        return "" if dispute.non_public else dispute.summary


class DisputeViewSet(viewsets.ReadOnlyModelViewSet):
    """矛盾纠纷: the disputes the user may see (none for 依法治办 and superiors: figures only)."""

    serializer_class = DisputeSerializer
    queryset = Dispute.objects.none()

    def get_queryset(self):
        return selectors.api_disputes(self.request.user)

    def _figures_only(self):
        if selectors.case_access(self.request.user) == selectors.FIGURES:
            raise PermissionDenied("依法治办和上级机关查看人民调解统计数据，不查看案件卷宗")

    def list(self, request, *args, **kwargs):
        self._figures_only()
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        """The county bureau reads a 司法所's case file with `?reason=` (recorded)."""
        dispute = self.get_object()  # 404 out of scope
        self._figures_only()
        if selectors.view_needs_reason(request.user, dispute):
            reason = request.query_params.get("reason", "").strip()[:200]
            if not reason:
                raise PermissionDenied("查阅司法所的调解卷宗请以 reason 参数说明查阅事由")
            services.record_case_view(actor=request.user, dispute=dispute, reason=reason)
        return Response(self.get_serializer(dispute).data)


class CommitteeSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    members = serializers.IntegerField(read_only=True)

    class Meta:
        model = Committee
        fields = [
            "id",
            "name",
            "kind",
            "kind_display",
            "field",
            "unit",
            "founder",
            "term_start",
            "term_end",
            "filed_date",
            "established_date",
            "dissolved_date",
            "court_notified_date",
            "members",
            "active",
        ]


class CommitteeViewSet(viewsets.ReadOnlyModelViewSet):
    """人民调解组织 with their number of 委员."""

    serializer_class = CommitteeSerializer
    queryset = Committee.objects.none()

    def get_queryset(self):
        return selectors.api_committees(self.request.user)
