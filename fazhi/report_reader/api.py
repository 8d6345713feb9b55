from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from fazhi.core import selectors as core_selectors

from .models import ReadReport


@extend_schema(
    summary="一份已解析报告的解析结果",
    description="报告的元数据、组成部分、数据和发现（与命令行 reports 的 JSON 相同）。",
    responses={200: OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def report(request, pk):
    found = core_selectors.get_visible(ReadReport, request.user, pk)
    return Response({"id": found.pk, **found.result})


report.record_model = ReadReport
