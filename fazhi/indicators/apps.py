from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    label = "indicators"
    verbose_name = "指标"

    def ready(self):
        from fazhi.core.navigation import NavItem, register_nav

        register_nav(NavItem("指标看板", "indicators:dashboard", "工作台", weight=1))
