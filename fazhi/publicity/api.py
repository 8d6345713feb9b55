"""REST API of 普法 (read-only; documented at /api/schema/). Exam results are personal
data: the per-person list shows the 身份证号码 masked unless the user may see it in full."""

from rest_framework import serializers, viewsets

from fazhi.core.guards import can_view_personal_data, shown_id_number
from fazhi.core.validators import mask_id_number

from . import selectors
from .models import (
    Activity,
    CultureSite,
    LawExam,
    MediaAdoption,
    ModelVillage,
    ResponsibilityItem,
    ResponsibilityList,
    Village,
    Volunteer,
)


class ResponsibilityItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResponsibilityItem
        fields = ["id", "law", "audience", "measure", "timing", "department"]


class ResponsibilityListSerializer(serializers.ModelSerializer):
    items = ResponsibilityItemSerializer(many=True, read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ResponsibilityList
        fields = [
            "id",
            "unit",
            "unit_name",
            "year",
            "published_date",
            "report_date",
            "review_score",
            "review_grade",
            "review_comment",
            "reviewed_date",
            "items",
        ]


class ActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Activity
        fields = [
            "id",
            "unit",
            "date",
            "theme",
            "title",
            "form",
            "place",
            "participants",
            "materials",
            "village",
        ]


class VillageSerializer(serializers.ModelSerializer):
    active_people = serializers.IntegerField(read_only=True)

    class Meta:
        model = Village
        fields = ["id", "unit", "name", "active_people"]


class ExamSerializer(serializers.ModelSerializer):
    rates = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()

    class Meta:
        model = LawExam
        fields = ["id", "unit", "name", "date", "rates", "results"]

    def get_rates(self, exam) -> dict[str, str | None]:
        rates = selectors.exam_rates(self.context["request"].user, exam)
        return {
            key: str(value) if value is not None else None
            for key, value in rates["total"].items()
            if key != "person_unit__name"
        }

    def get_results(self, exam) -> list[dict]:
        user = self.context["request"].user
        return [
            {
                "unit": result.person_unit.name,
                "name": result.name,
                "id_number": shown_id_number(user, result, result.id_number),
                "sat": result.sat,
                "score": str(result.score) if result.score is not None else None,
                "passed": result.passed,
                "excellent": result.excellent,
            }
            for result in selectors.results_of(user, exam)
        ]


class ListViewSet(viewsets.ReadOnlyModelViewSet):
    """谁执法谁普法责任清单, 履职报告和评议."""

    serializer_class = ResponsibilityListSerializer
    queryset = ResponsibilityList.objects.none()

    def get_queryset(self):
        return selectors.lists(self.request.user).prefetch_related("items")


class ActivityViewSet(viewsets.ReadOnlyModelViewSet):
    """普法活动."""

    serializer_class = ActivitySerializer
    queryset = Activity.objects.none()

    def get_queryset(self):
        return selectors.activities(self.request.user)


class VillageViewSet(viewsets.ReadOnlyModelViewSet):
    """村（社区）及其在册法律明白人人数."""

    serializer_class = VillageSerializer
    queryset = Village.objects.none()

    def get_queryset(self):
        return selectors.villages(self.request.user)


class ExamViewSet(viewsets.ReadOnlyModelViewSet):
    """学法考法: rates computed from the results; per person with masked 身份证号码."""

    serializer_class = ExamSerializer
    queryset = LawExam.objects.none()

    def get_queryset(self):
        return selectors.exams(self.request.user)


def _register_viewset(model, selector, fields, doc, *, masked=None):
    """A read-only viewset of one register: its selector's rows, `fields` of each; `masked`
    maps a personal field to its mask, applied unless the user may read it in full."""

    class Serializer(serializers.ModelSerializer):
        class Meta:
            pass

        def to_representation(self, record):
            data = super().to_representation(record)
            user = self.context["request"].user
            if masked and not can_view_personal_data(user, record):
                for field, mask in masked.items():
                    data[field] = mask(data[field] or "")
            return data

    Serializer.Meta.model = model
    Serializer.Meta.fields = ["id", *fields]
    Serializer.__name__ = f"{model.__name__}Serializer"

    class ViewSet(viewsets.ReadOnlyModelViewSet):
        serializer_class = Serializer
        queryset = model.objects.none()

        def get_queryset(self):
            return selector(self.request.user)

    ViewSet.__doc__ = doc
    ViewSet.__name__ = f"{model.__name__}ViewSet"
    return ViewSet


MediaAdoptionViewSet = _register_viewset(
    MediaAdoption,
    selectors.media_adoptions,
    ["unit", "title", "outlet", "level", "published_date"],
    "媒体采用普法稿件.",
)
CultureSiteViewSet = _register_viewset(
    CultureSite,
    selectors.culture_sites,
    ["unit", "name", "kind", "level", "address", "named_date"],
    "法治文化阵地.",
)
ModelVillageViewSet = _register_viewset(
    ModelVillage,
    selectors.model_villages,
    ["unit", "village", "level", "year", "named_by", "named_date"],
    "民主法治示范村（社区）.",
)
VolunteerViewSet = _register_viewset(
    Volunteer,
    selectors.volunteers,
    ["unit", "name", "team", "phone", "id_number", "registered_date"],
    "普法志愿者: 联系电话和身份证号码 masked unless the user may read personal data.",
    masked={"phone": selectors.mask_phone, "id_number": mask_id_number},
)
