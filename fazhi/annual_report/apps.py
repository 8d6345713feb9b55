from django.apps import AppConfig


class AnnualReportConfig(AppConfig):
    name = "fazhi.annual_report"
    label = "annual_report"
    verbose_name = "法治政府建设年度报告"

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.core.deadlines import register_due_provider
        from fazhi.core.demo import register_demo_builder
        from fazhi.core.navigation import NavItem, register_nav
        from fazhi.core.workflow import register_workflow

        from . import deadlines, demo, models, workflow

        auditlog.register(models.AnnualReport, exclude_fields=["parts", "steps", "overrides"])
        auditlog.register(models.Part)
        auditlog.register(models.CheckOverride)
        auditlog.register(models.ReportStep)
        auditlog.register(models.ReportingDates)
        register_workflow(workflow.REPORT_FLOW)
        register_nav(
            NavItem("年度报告", "annual_report:report_list", "年度报告"),
            NavItem("各地报告情况", "annual_report:report_overview", "年度报告"),
        )
        register_due_provider(deadlines.reports_due)
        # After every work line: the demo report is drafted from their records.
        register_demo_builder(90, "法治政府建设年度报告", demo.build)
