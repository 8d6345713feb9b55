"""REST API of the foundation (documented in the OpenAPI schema at /api/schema/)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from . import selectors
from .deadlines import due_list
from .models import Unit
from .querysets import active_membership


class UnitSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "kind", "kind_display", "parent", "division_code", "is_active"]


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """单位: the units the user may see."""

    serializer_class = UnitSerializer
    queryset = Unit.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.units(self.request.user, self.request.query_params.get("q", ""))


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    full_name = serializers.CharField()
    unit = UnitSerializer(allow_null=True)
    role = serializers.CharField(allow_null=True)
    data_scope = serializers.CharField(allow_null=True)
    # None: every line (业务条线); otherwise the WorkLine values acted on.
    work_lines = serializers.ListField(child=serializers.CharField(), allow_null=True)


@extend_schema(responses=MeSerializer, summary="当前用户及其任职")
@api_view(["GET"])
def me(request):
    membership = active_membership(request.user)
    return Response(
        MeSerializer(
            {
                "username": request.user.username,
                "full_name": request.user.first_name,
                "unit": membership.unit if membership else None,
                "role": membership.role if membership else None,
                "data_scope": membership.data_scope if membership else None,
                "work_lines": sorted(membership.lines)
                if membership and membership.lines is not None
                else None,
            }
        ).data
    )


class DueItemSerializer(serializers.Serializer):
    title = serializers.CharField()
    due_date = serializers.DateField()
    url = serializers.CharField()
    work_line = serializers.CharField()
    basis = serializers.CharField()
    status = serializers.CharField()
    pending = serializers.CharField(help_text="待录入节假日安排的期限：说明与自然日下限")


@extend_schema(responses=DueItemSerializer(many=True), summary="待办事项")
@api_view(["GET"])
def due(request):
    today = timezone.localdate()
    items = due_list(request.user, today).items
    return Response(
        DueItemSerializer(
            [
                {**item.__dict__, "status": item.status(today), "pending": str(item.pending or "")}
                for item in items
            ],
            many=True,
        ).data
    )
