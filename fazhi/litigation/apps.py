from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    label = "litigation"
    verbose_name = "行政应诉"

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.core.calendar import year_entered
        from fazhi.core.deadlines import register_due_provider
        from fazhi.core.demo import register_demo_builder
        from fazhi.core.navigation import NavItem, register_nav
        from fazhi.core.scale import register_scale_maker

        from . import deadlines, demo, indicators, models, scale, services

        # The reverse relations would show up as empty "changes" of every new suit.
        auditlog.register(models.Lawsuit, exclude_fields=["hearings", "suggestions"])
        auditlog.register(models.Hearing)
        auditlog.register(models.JudicialSuggestion)
        register_nav(NavItem("行政应诉", "litigation:lawsuit_list", "行政复议与应诉"))
        register_due_provider(deadlines.answers_due)
        year_entered.connect(
            services.fill_open_answer_periods, dispatch_uid="litigation.answer_periods"
        )
        indicators.register_indicators()
        register_demo_builder(20, "行政应诉", demo.build)
        register_scale_maker(20, scale.MAKER)
