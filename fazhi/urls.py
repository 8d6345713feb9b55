from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from fazhi.core import views as core_views
from fazhi.core.worklines import kit_apps


def _api_patterns():
    """Every route the apps declared in `wire(line)`, then the schema."""
    router = SimpleRouter()
    views = []
    for config in kit_apps():
        for route in config.line.api_routes:
            if route.viewset:
                router.register(route.route, route.view, basename=route.name)
            else:
                views.append(path(route.route, route.view, name=route.name))
    patterns = [*views, path("schema/", SpectacularAPIView.as_view(), name="schema"), *router.urls]
    # The API authenticates by session or token itself (DRF), so the site-wide login redirect
    # must not catch it.
    for pattern in patterns:
        pattern.callback = login_not_required(pattern.callback)
    return patterns


def _page_patterns():
    """Each app's pages under its prefix; the app at "" (core) last, as it catches the rest."""
    mounted = [config for config in kit_apps() if config.url_prefix is not None]
    mounted.sort(key=lambda config: config.url_prefix == "")
    return [path(config.url_prefix, include(f"{config.name}.urls")) for config in mounted]


handler400 = "fazhi.core.views.bad_request"

urlpatterns = [
    path("healthz/", core_views.health, name="health"),
    path("login/", core_views.login_view, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", include((_api_patterns(), "api"))),
    *_page_patterns(),
]
