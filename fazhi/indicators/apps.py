from fazhi.core import worklines


class IndicatorsConfig(worklines.KitAppConfig):
    name = "fazhi.indicators"
    label = "indicators"
    verbose_name = "指标"
    url_prefix = "indicators/"

    def wire(self, line):
        from fazhi.core import worklines
        from fazhi.core.navigation import NavItem

        from . import api, dashboard, registry

        # The work lines' catalog entries (core may not import this app, so they come here).
        worklines.consume("indicators", registry.register)
        worklines.consume("dashboard", dashboard.register_panels)
        line.nav(NavItem("指标看板", "indicators:dashboard", "工作台", weight=1))
        line.api_view("indicators/", api.indicators, "indicators")
