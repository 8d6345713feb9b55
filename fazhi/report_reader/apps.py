from django.apps import AppConfig


class ReportReaderConfig(AppConfig):
    name = "fazhi.report_reader"
    label = "report_reader"
    verbose_name = "报告解析"

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.core.navigation import NavItem, register_nav

        from . import demo, models  # noqa: F401 (they register themselves)

        auditlog.register(models.ReadReport, exclude_fields=["text", "result", "sections"])
        auditlog.register(models.ReportFigure)
        register_nav(NavItem("报告解析", "report_reader:report_list", "报告解析"))
