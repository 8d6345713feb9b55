from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from fazhi.annual_report import api as annual_report_api
from fazhi.core import api as core_api
from fazhi.core import views as core_views
from fazhi.enforcement import api as enforcement_api
from fazhi.indicators import api as indicators_api
from fazhi.litigation import api as litigation_api
from fazhi.reconsideration import api as reconsideration_api
from fazhi.report_reader import api as report_reader_api

router = SimpleRouter()
router.register("units", core_api.UnitViewSet, basename="unit")
router.register("litigation/lawsuits", litigation_api.LawsuitViewSet, basename="lawsuit")
router.register(
    "enforcement/officers", enforcement_api.OfficerViewSet, basename="enforcement-officer"
)
router.register("enforcement/actions", enforcement_api.ActionViewSet, basename="enforcement-action")
router.register(
    "enforcement/inspections", enforcement_api.InspectionViewSet, basename="enforcement-inspection"
)
router.register(
    "enforcement/campaigns", enforcement_api.CampaignViewSet, basename="enforcement-campaign"
)
router.register(
    "reconsideration/cases", reconsideration_api.CaseViewSet, basename="reconsideration-case"
)

# The API authenticates by session or token itself (DRF), so the site-wide login redirect
# must not catch it.
api_patterns = [
    path("me/", core_api.me, name="me"),
    path("due/", core_api.due, name="due"),
    path("indicators/", indicators_api.indicators, name="indicators"),
    path("reports/<int:pk>/", report_reader_api.report, name="report"),
    path("annual-reports/<int:pk>/", annual_report_api.annual_report, name="annual_report"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
for pattern in api_patterns:
    pattern.callback = login_not_required(pattern.callback)

urlpatterns = [
    path("healthz/", core_views.health, name="health"),
    path("login/", core_views.login_view, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", include((api_patterns, "api"))),
    path("indicators/", include("fazhi.indicators.urls")),
    path("reconsideration/", include("fazhi.reconsideration.urls")),
    path("litigation/", include("fazhi.litigation.urls")),
    path("enforcement/", include("fazhi.enforcement.urls")),
    path("reports/", include("fazhi.report_reader.urls")),
    path("annual-reports/", include("fazhi.annual_report.urls")),
    path("", include("fazhi.core.urls")),
]
