from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from fazhi.core import selectors as core_selectors

from .models import ReadReport


@extend_schema(
    summary="一份已解析报告的解析结果",
    description="报告的元数据、组成部分、数据和发现（与命令行 reports 的 JSON 相同）；"
    "`reviewed` 列出存储的数据及人工确认、更正、排除的结果（比较时以此为准）。",
    responses={200: OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def report(request, pk):
    found = core_selectors.get_visible(ReadReport, request.user, pk)
    reviewed = [
        {
            "indicator": f.indicator,
            "value": str(f.value),
            "unit": f.unit,
            "confidence": f.confidence,
            "review": f.review or "pending",
            "read_indicator": f.read_indicator or None,
            "read_value": None if f.read_value is None else str(f.read_value),
            "quote": f.quote,
        }
        for f in found.figures.all()
    ]
    return Response({"id": found.pk, **found.result, "reviewed": reviewed})


report.record_model = ReadReport
