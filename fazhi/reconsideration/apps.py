from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "fazhi.reconsideration"
    label = "reconsideration"
    verbose_name = "行政复议"

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.core.calendar import year_entered
        from fazhi.core.navigation import NavItem, register_nav

        from . import deadlines, demo, demo_history, indicators, models  # noqa: F401 (they register themselves)

        year_entered.connect(
            deadlines.fill_open_clocks, dispatch_uid="reconsideration.fill_open_clocks"
        )
        for model in (
            models.Case,
            models.Party,
            models.Step,
            models.Suspension,
            models.Document,
            models.OpinionLetter,
        ):
            auditlog.register(model)
        register_nav(
            NavItem("行政复议案件", "reconsideration:case_list", "行政复议与应诉"),
            NavItem("意见书与建议书", "reconsideration:letter_list", "行政复议与应诉"),
            NavItem("复议流程规则", "reconsideration:workflow", "行政复议与应诉"),
            NavItem(
                "复议监督", "reconsideration:supervision", "行政复议与应诉", action="view_history"
            ),
        )
