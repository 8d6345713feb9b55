"""REST API of 社区矫正 (read-only): pseudonymous rows to the staff who see rows — the
矫正编号, never an identity field — and counts to everyone of the line (督察员 included)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from fazhi.core import selectors as core_selectors

from . import rows, selectors
from .models import Subject


class SubjectSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    station_name = serializers.CharField(source="station.name", read_only=True)
    category_display = serializers.CharField(source="get_category_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Subject
        # No identity field (姓名, 身份证号, 地址, 电话) and no 村/社区: the pseudonymous number.
        fields = [
            "id",
            "number",
            "unit",
            "unit_name",
            "station_name",
            "category",
            "category_display",
            "term_start",
            "term_end",
            "level",
            "status",
            "status_display",
            "released_date",
        ]


class SubjectViewSet(viewsets.ReadOnlyModelViewSet):
    """社区矫正对象 by 矫正编号 (staff of the line; minors only to their named handlers)."""

    serializer_class = SubjectSerializer
    queryset = Subject.objects.none()

    def get_queryset(self):
        if rows.counts_only(self.request.user):
            raise PermissionDenied(rows.refusal(self.request.user))
        return selectors.api_subjects(self.request.user)

    def get_object(self):
        """404 outside the platform's scope; 403 for a row the line's rules withhold, and for
        a minor's record, which no interface carries (社区矫正法 第五十四条第二款)."""
        user = self.request.user
        subject = core_selectors.get_visible(Subject, user, self.kwargs["pk"])
        if rows.counts_only(user):
            raise PermissionDenied(rows.refusal(user))
        rows.require_row(user, subject)
        if subject.is_minor:
            raise PermissionDenied(
                "未成年社区矫正对象的档案不通过接口提供（社区矫正法 第五十四条）"
            )
        return subject


@extend_schema(summary="社区矫正的统计数量", responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def counts(request):
    if not core_selectors.can(request.user, "view", Subject.work_line):
        raise PermissionDenied("当前任职不办理社区矫正业务")
    return Response(selectors.counts(request.user))
