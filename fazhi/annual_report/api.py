from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from fazhi.core import selectors as core_selectors

from . import drafting, selectors
from .models import AnnualReport


@extend_schema(
    summary="一份法治政府建设年度报告",
    description="标题、状态、期限和各组成部分；生成的数据带指标编号。",
    responses={200: OpenApiTypes.OBJECT, 404: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def annual_report(request, pk):
    report = core_selectors.get_visible(AnnualReport, request.user, pk)
    return Response(
        {
            "id": report.pk,
            "title": report.title,
            "unit": report.unit.name,
            "year": report.year,
            "version": report.version,
            "state": report.state,
            "report_due": report.report_due,
            "publish_due": report.publish_due,
            "submitted_on": report.submitted_on,
            "published_on": report.published_on,
            "parts": [
                {
                    "key": part.key,
                    "generated": drafting.plain_text(part.generated),
                    "figures": drafting.figures_of(part.generated),
                    "narrative": part.narrative,
                }
                for part in selectors.parts(request.user, report)
            ],
        }
    )


annual_report.record_model = AnnualReport
