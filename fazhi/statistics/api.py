"""REST API of the returns: read a unit's returns and their values, consolidated ones with
their children's parts; nothing is written here (the steps are the workflow's pages)."""

from rest_framework import mixins, serializers, viewsets

from . import selectors, tables
from .models import ReturnTemplate, StatReturn


class TemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReturnTemplate
        fields = [
            "id",
            "code",
            "version",
            "name",
            "work_line",
            "issuer",
            "approver",
            "approval_number",
            "period_type",
            "due_day",
            "scope_text",
            "valid_from",
            "valid_until",
            "layout",
            "checks",
            "notes",
        ]


class ReturnSerializer(serializers.ModelSerializer):
    template_code = serializers.CharField(source="template.code", read_only=True)
    template_version = serializers.IntegerField(source="template.version", read_only=True)
    area_name = serializers.CharField(source="area.name", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    cells = serializers.SerializerMethodField()

    class Meta:
        model = StatReturn
        fields = [
            "id",
            "unit",
            "area",
            "area_name",
            "template_code",
            "template_version",
            "period_key",
            "period_start",
            "period_end",
            "due_date",
            "state",
            "state_display",
            "consolidated",
            "nil_return",
            "version",
            "submitted_on",
            "on_time",
            "values",
            "sources",
            "records",
            "cells",
            "parts",
        ]

    def get_cells(self, statreturn) -> list[dict]:
        layout = statreturn.template.layout
        return [
            {
                "cell": cell_id,
                "label": tables.cell_label(layout, cell_id),
                "unit": spec.get("unit", ""),
                "indicator": spec.get("indicator"),
                "value": statreturn.values.get(cell_id),
            }
            for cell_id, spec in tables.cells(layout).items()
        ]


class ReturnViewSet(viewsets.ReadOnlyModelViewSet):
    """统计报表: the returns the user may see, with every cell's value."""

    serializer_class = ReturnSerializer
    queryset = StatReturn.objects.none()

    def get_queryset(self):
        return selectors.api_returns(self.request.user)


class TemplateViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """报表制度: the tables and their versions (public to every user of the platform; a list
    only, as the tables belong to no unit)."""

    serializer_class = TemplateSerializer
    queryset = ReturnTemplate.objects.all()
