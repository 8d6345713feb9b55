"""GET /api/indicators/: computed values for a unit and period, with the link to the records."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from fazhi.core.filters import UnitQuery
from fazhi.core.models import Unit

from . import dashboard, engine
from .registry import get, registered

VALUE = inline_serializer(
    "IndicatorValue",
    {
        "indicator": serializers.CharField(),
        "name": serializers.CharField(),
        "value": serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True),
        "unit": serializers.CharField(),
        "qualifier": serializers.CharField(),
        "records": serializers.CharField(allow_null=True),
    },
    many=True,
)


@extend_schema(
    summary="计算指标",
    parameters=[
        OpenApiParameter(
            "unit", OpenApiTypes.INT, description="单位编号（须在本人可见范围内）", required=True
        ),
        OpenApiParameter("from", OpenApiTypes.DATE, description="开始日期；不填则统计 year 年度"),
        OpenApiParameter("to", OpenApiTypes.DATE, description="结束日期"),
        OpenApiParameter("year", OpenApiTypes.INT, description="年度（默认今年）"),
        OpenApiParameter("ids", OpenApiTypes.STR, description="逗号分隔的指标编号；不填则全部"),
    ],
    responses={200: VALUE, 400: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def indicators(request):
    params = request.query_params
    try:
        unit = Unit.objects.restrict(request.user).get(pk=UnitQuery(params).values()["unit"])
    except Unit.DoesNotExist:
        return Response({"detail": "单位不存在或无权查看"}, status=400)
    try:
        period = dashboard.parse_period(
            params.get("from", ""),
            params.get("to", ""),
            params.get("year", ""),
            timezone.localdate(),
        )
        asked = [get(i) for i in params.get("ids", "").split(",") if i]
        chosen = engine.shown_to(request.user, asked or list(registered().values()))
        if len(chosen) < len(asked):
            hidden = sorted({i.id for i in asked} - {i.id for i in chosen})
            return Response({"detail": f"当前任职不办理这些指标的业务：{'、'.join(hidden)}"}, 403)
        ids = [i.id for i in chosen]
    except ValidationError as error:
        return Response({"detail": error.messages[0]}, status=400)
    except KeyError as error:
        return Response({"detail": error.args[0]}, status=400)
    values = engine.compute(ids, user=request.user, unit=unit, period=period)
    records = reverse("indicators:records")
    window = f"unit={unit.pk}&from={period.start:%Y-%m-%d}&to={period.end:%Y-%m-%d}"
    return Response(
        [
            {
                "indicator": i.id,
                "name": i.name,
                "value": values[i.id],
                "unit": i.unit,
                "qualifier": "exact",
                "records": None
                if i.is_ratio
                else request.build_absolute_uri(f"{records}?id={i.id}&{window}"),
            }
            for i in chosen
        ]
    )
