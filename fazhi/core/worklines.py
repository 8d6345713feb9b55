"""The work-line kit's declaration: one way for an app to say what it brings to the platform.

A work line (业务条线) is a Django app whose `AppConfig` subclasses `WorkLineConfig` and
declares, in `wire(line)`, everything the platform needs to know of it: the audited models,
navigation entries, due-list providers, indicators, demo builders, scale-data makers,
workflows, receivers of a newly entered calendar year, its pages and API routes. Nothing
registers itself as a side effect of being imported; `fazhi/urls.py` and the API router
loop over the declared apps. `ready()` also checks that the line has every room of the
project's layout (DESIGN.md), so a line cannot be half-built.

Apps that are not work lines but use the same wiring (the annual report, the report
reader, the indicators, core itself) subclass `KitAppConfig`.
"""

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured

# The rooms every work line has (DESIGN.md, "Architecture"); a room may be a module or a package.
ROOMS = ("models", "services", "selectors", "deadlines", "indicators", "views", "urls", "api")


@dataclass
class ApiRoute:
    """A REST route of the line: a viewset under `prefix`, or a view at `route`."""

    route: str
    view: object
    name: str
    viewset: bool = False


@dataclass
class Line:
    """What an app's `wire(line)` fills in; the platform reads it (urls, API, checks)."""

    config: "KitAppConfig"
    api_routes: list[ApiRoute] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.config.label

    @property
    def work_line(self) -> str | None:
        return self.config.work_line

    def audit(self, *models, **options) -> None:
        """Keep the field history of `models` (django-auditlog); options as auditlog.register."""
        from auditlog.registry import auditlog

        for model in models:
            auditlog.register(model, **options)

    def events(self, rule: Callable, *, private_reason: bool = False) -> None:
        """Who reads the line's domain events on /events/: `rule(user)` is a Q over them
        (None: none at all); `private_reason`: their reason shows only on the record's page."""
        from .audit import register_event_rule

        register_event_rule(self.label, rule, private_reason)

    def nav(self, *items) -> None:
        """Navigation entries, shown only to memberships acting on the line's work line."""
        from .navigation import register_nav

        register_nav(*(replace(item, work_line=item.work_line or self.work_line) for item in items))

    def due(self, *providers) -> None:
        """Due-list providers `(user, today, horizon) -> DueItems` (see core/deadlines.py)."""
        from .deadlines import register_due_provider

        for provider in providers:
            register_due_provider(provider)

    def demo(self, order: int, label: str, builder: Callable) -> None:
        """A demo-data builder, run by `fazhi load_demo` in `order` (core's units and users: 0)."""
        from .demo import register_demo_builder

        register_demo_builder(order, label, builder)

    def scale(self, order: int, maker) -> None:
        """A scale-data maker (core/scale.py), run by `fazhi generate_scale_data` in `order`."""
        from .scale import register_scale_maker

        register_scale_maker(order, maker)

    def workflow(self, *workflows) -> None:
        """The state tables of the line's records (core/workflow.py), printed at /workflows/."""
        from .workflow import register_workflow

        register_workflow(*workflows)

    def indicators(self, *indicators) -> None:
        """Catalog entries of the line. Core knows no indicator code: the indicators app
        receives them through `contributions`."""
        contribute("indicators", indicators)

    def on_year_entered(self, receiver: Callable) -> None:
        """Called when an administrator enters a year's holidays (clocks waiting for it)."""
        from .calendar import year_entered

        year_entered.connect(receiver, dispatch_uid=f"{self.label}.{receiver.__name__}")

    def api_viewset(self, prefix: str, viewset, basename: str) -> None:
        self.api_routes.append(ApiRoute(prefix, viewset, basename, viewset=True))

    def api_view(self, route: str, view, name: str) -> None:
        self.api_routes.append(ApiRoute(route, view, name))


class KitAppConfig(AppConfig):
    """An app wired through the kit. Subclasses set `url_prefix` ("" for none) and `wire`."""

    # The 业务条线 whose memberships act on the app's records (a roles.WorkLine value);
    # None: the records belong to no one line.
    work_line: str | None = None
    url_prefix: str | None = None  # the pages' path ("reconsideration/"); None: no pages
    rooms: tuple[str, ...] = ()

    def wire(self, line: Line) -> None:
        """Declare what the app brings (override)."""

    def ready(self):
        self.check_rooms()
        self.line = Line(self)
        self.wire(self.line)

    def check_rooms(self) -> None:
        missing = [
            room for room in self.rooms if importlib.util.find_spec(f"{self.name}.{room}") is None
        ]
        if self.rooms:
            base = Path(self.path)
            if not (base / "templates" / self.label).is_dir():
                missing.append(f"templates/{self.label}/")
            if not (base / "tests").is_dir():
                missing.append("tests/")
        if missing:
            raise ImproperlyConfigured(f"{self.name} 缺少以下组成部分：{'、'.join(missing)}")


class WorkLineConfig(KitAppConfig):
    """A work line: an app with its own 业务条线 and every room of the layout."""

    rooms = ROOMS

    def check_rooms(self) -> None:
        if not self.work_line:
            raise ImproperlyConfigured(f"{self.name} 未声明业务条线（work_line）")
        super().check_rooms()


def kit_apps() -> list[KitAppConfig]:
    """Every app wired through the kit, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, KitAppConfig)]


def work_lines() -> list[WorkLineConfig]:
    return [config for config in kit_apps() if isinstance(config, WorkLineConfig)]


# Contributions: what a line hands to an app that core may not import (the indicator
# catalog). The receiving app registers a consumer; whatever came before it is replayed.
_consumers: dict[str, Callable] = {}
_pending: dict[str, list] = {}


def contribute(kind: str, items) -> None:
    if kind in _consumers:
        _consumers[kind](*items)
    else:
        _pending.setdefault(kind, []).extend(items)


def consume(kind: str, consumer: Callable) -> None:
    _consumers[kind] = consumer
    pending = _pending.pop(kind, [])
    if pending:
        consumer(*pending)
