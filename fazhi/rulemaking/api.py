"""REST API of the rulemaking line (read-only; documented in the OpenAPI schema).

Draft texts, dissent records and risk assessments are left out for everyone but the deciding
organ's handlers (selectors.can_read_restricted), as on the pages."""

from rest_framework import serializers, viewsets

from . import selectors
from .models import (
    CatalogItem,
    CollectiveMeeting,
    ConsultationReply,
    Decision,
    DecisionCatalog,
    Filing,
    LegalAdviser,
    NormativeDocument,
    OtherReview,
    ParticipationEvent,
)

RESTRICTED = ("draft_text", "dissent", "risk_report")


class RestrictedFieldsSerializer(serializers.ModelSerializer):
    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not selectors.can_read_restricted(self.context["request"].user, instance):
            for field in RESTRICTED:
                if field in data:
                    data[field] = None
        return data


class DocumentSerializer(RestrictedFieldsSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    stage_display = serializers.CharField(source="get_stage_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = NormativeDocument
        fields = [
            "id",
            "unit",
            "unit_name",
            "title",
            "kind",
            "drafting_unit",
            "involves_major_decision",
            "draft_text",
            "stage",
            "stage_display",
            "comment_from",
            "comment_to",
            "comments_received",
            "comments_adopted",
            "fair_competition",
            "review_sent_date",
            "review_body",
            "review_due",
            "reviewer",
            "review_opinion",
            "review_finished_date",
            "review_working_days",
            "deliberation_meeting",
            "deliberation_date",
            "registration_number",
            "doc_number",
            "published_date",
            "publish_channel",
            "publish_url",
            "effective_date",
            "early_effect_reason",
            "valid_until",
            "status",
            "status_display",
        ]


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """规范性文件: the documents the user may see (drafts of the own unit, published ones of the area)."""

    serializer_class = DocumentSerializer
    queryset = NormativeDocument.objects.none()

    def get_queryset(self):
        return selectors.documents(self.request.user)


class FilingSerializer(serializers.ModelSerializer):
    doc_number = serializers.CharField(source="document.doc_number", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = Filing
        fields = [
            "id",
            "document",
            "doc_number",
            "filing_body",
            "filed_date",
            "due_date",
            "late",
            "deferred",
            "state",
            "state_display",
            "registered_date",
            "supplement_due",
            "authority_ok",
            "superior_law_ok",
            "procedure_ok",
            "outcome",
            "reviewed_date",
            "reply_due",
            "reply_date",
            "closed_date",
        ]


class FilingViewSet(viewsets.ReadOnlyModelViewSet):
    """备案 · 备案审查."""

    serializer_class = FilingSerializer
    queryset = Filing.objects.none()

    def get_queryset(self):
        return selectors.filings(self.request.user)


class CatalogItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CatalogItem
        fields = [
            "id",
            "name",
            "category",
            "undertaking_unit",
            "planned_completion",
            "hearing_planned",
        ]


class CatalogSerializer(serializers.ModelSerializer):
    items = CatalogItemSerializer(many=True, read_only=True)

    class Meta:
        model = DecisionCatalog
        fields = [
            "id",
            "unit",
            "year",
            "version",
            "party_agreed_date",
            "published_date",
            "adjustment_note",
            "superseded",
            "items",
        ]


class CatalogViewSet(viewsets.ReadOnlyModelViewSet):
    """重大行政决策事项目录 with their items."""

    serializer_class = CatalogSerializer
    queryset = DecisionCatalog.objects.none()

    def get_queryset(self):
        return selectors.catalogs(self.request.user).prefetch_related("items")


class ParticipationSerializer(serializers.ModelSerializer):
    class Meta:
        model = ParticipationEvent
        fields = ["id", "kind", "date", "subject", "participants", "materials_sent", "summary"]


class DecisionSerializer(RestrictedFieldsSerializer):
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    participation_events = ParticipationSerializer(many=True, read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "unit",
            "catalog_item",
            "name",
            "category",
            "proposal_source",
            "undertaking_unit",
            "started_date",
            "draft_text",
            "state",
            "state_display",
            "comment_from",
            "comment_to",
            "comments_received",
            "comments_adopted",
            "hearing_date",
            "participation_events",
            "expert_review_date",
            "risk_assessed_date",
            "risk_report",
            "risk_controllable",
            "legality_sent_date",
            "legality_reply_by",
            "legality_finished_date",
            "legality_opinion",
            "adviser_missing",
            "meeting",
            "meeting_kind",
            "meeting_date",
            "dissent",
            "departs_from_majority",
            "published_date",
            "publish_channel",
            "archived_date",
            "stopped_date",
        ]


class DecisionViewSet(viewsets.ReadOnlyModelViewSet):
    """重大行政决策."""

    serializer_class = DecisionSerializer
    queryset = Decision.objects.none()

    def get_queryset(self):
        return selectors.decisions(self.request.user).prefetch_related("participation_events")


class AdviserSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalAdviser
        fields = [
            "id",
            "unit",
            "name",
            "kind",
            "firm",
            "certificate_number",
            "contract_from",
            "contract_to",
        ]


class AdviserViewSet(viewsets.ReadOnlyModelViewSet):
    """法律顾问和公职律师."""

    serializer_class = AdviserSerializer
    queryset = LegalAdviser.objects.none()

    def get_queryset(self):
        return selectors.advisers(self.request.user)


class OtherReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = OtherReview
        fields = [
            "id",
            "unit",
            "matter",
            "kind",
            "requesting_unit",
            "received_date",
            "opinion",
            "finished_date",
            "working_days",
        ]


class OtherReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """其他合法性审查."""

    serializer_class = OtherReviewSerializer
    queryset = OtherReview.objects.none()

    def get_queryset(self):
        return selectors.other_reviews(self.request.user)


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = CollectiveMeeting
        fields = ["id", "unit", "kind", "title", "date", "attendees"]


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """集体讨论会议 (常务会议、全体会议)."""

    serializer_class = MeetingSerializer
    queryset = CollectiveMeeting.objects.none()

    def get_queryset(self):
        return selectors.meetings(self.request.user)


class ReplySerializer(serializers.ModelSerializer):
    class Meta:
        model = ConsultationReply
        fields = [
            "id",
            "unit",
            "requesting_unit",
            "document",
            "draft_title",
            "received_date",
            "reply_date",
            "suggestions",
            "content",
        ]


class ReplyViewSet(viewsets.ReadOnlyModelViewSet):
    """征求意见反馈."""

    serializer_class = ReplySerializer
    queryset = ConsultationReply.objects.none()

    def get_queryset(self):
        return selectors.consultation_replies(self.request.user)
