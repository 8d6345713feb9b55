"""REST API of 公共法律服务 (read-only; documented in the OpenAPI schema at /api/schema/)."""

from rest_framework import serializers, viewsets

from . import selectors
from .models import Approval, HotlineContact, NotaryReport, Village


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = HotlineContact
        fields = [
            "id",
            "unit",
            "contact_date",
            "channel",
            "category",
            "answered",
            "duration_minutes",
            "satisfaction",
            "referral",
            "aid_case",
            "dispute",
        ]


class ContactViewSet(viewsets.ReadOnlyModelViewSet):
    """12348咨询及来访."""

    serializer_class = ContactSerializer
    queryset = HotlineContact.objects.none()

    def get_queryset(self):
        return selectors.api_contacts(self.request.user)


class VillageSerializer(serializers.ModelSerializer):
    township_name = serializers.CharField(source="township.name", read_only=True)
    has_adviser = serializers.BooleanField(read_only=True)

    class Meta:
        model = Village
        fields = [
            "id",
            "unit",
            "township",
            "township_name",
            "name",
            "has_adviser",
            "listed_date",
            "removed_date",
            "merged_into",
        ]


class VillageViewSet(viewsets.ReadOnlyModelViewSet):
    """村（居）and whether a legal adviser serves them today; a village 撤并 carries the
    day (`removed_date`, from which it is off the roster) and the village it joined."""

    serializer_class = VillageSerializer
    queryset = Village.objects.none()

    def get_queryset(self):
        return selectors.api_villages(self.request.user)


class NotaryReportSerializer(serializers.ModelSerializer):
    office_name = serializers.CharField(source="office.name", read_only=True)

    class Meta:
        model = NotaryReport
        fields = [
            "id",
            "office",
            "office_name",
            "month",
            "category",
            "cases",
            "refusals",
            "fee_waivers",
            "timed",
            "on_time",
        ]


class NotaryReportViewSet(viewsets.ReadOnlyModelViewSet):
    """公证月报."""

    serializer_class = NotaryReportSerializer
    queryset = NotaryReport.objects.none()

    def get_queryset(self):
        return selectors.api_reports(self.request.user)


class ApprovalSerializer(serializers.ModelSerializer):
    overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Approval
        fields = [
            "id",
            "unit",
            "item",
            "applicant",
            "received_date",
            "due",
            "decided_date",
            "decision",
            "reason",
            "overdue",
        ]


class ApprovalViewSet(viewsets.ReadOnlyModelViewSet):
    """司法行政审批 (行政许可 accepted, initially reviewed or decided by the bureau)."""

    serializer_class = ApprovalSerializer
    queryset = Approval.objects.none()

    def get_queryset(self):
        return selectors.approvals(self.request.user)
