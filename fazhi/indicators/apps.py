from fazhi.core import worklines


class IndicatorsConfig(worklines.KitAppConfig):
    name = "fazhi.indicators"
    label = "indicators"
    verbose_name = "指标"
    url_prefix = "indicators/"

    def wire(self, line):
        from fazhi.core import demo, querysets, scale, worklines
        from fazhi.core.navigation import NavItem

        from . import api, dashboard, partials, registry

        # The work lines' catalog entries (core may not import this app, so they come here).
        worklines.consume("indicators", registry.register)
        worklines.consume("dashboard", dashboard.register_panels)
        line.nav(NavItem("指标看板", "indicators:dashboard", "工作台", weight=1))
        line.api_view("indicators/", api.indicators, "indicators")
        # Statistics by partition (partials.py): recounted after the writes that touch them;
        # rebuilt after loads that send no signals and at the demo's end.
        partials.connect()
        querysets.register_bulk_create_hook(partials.after_bulk_create)
        scale.register_scale_hooks(generated=partials.rebuild, deleting=partials.forget_subtree)
        demo.register_demo_wrapper(partials.counted_at_the_end)
