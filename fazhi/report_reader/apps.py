from fazhi.core import worklines


class ReportReaderConfig(worklines.KitAppConfig):
    name = "fazhi.report_reader"
    label = "report_reader"
    verbose_name = "报告解析"
    url_prefix = "reports/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, demo, models

        line.audit(models.ReadReport, exclude_fields=["text", "result", "sections"])
        line.audit(models.ReportFigure)
        line.nav(NavItem("报告解析", "report_reader:report_list", "报告解析"))
        line.demo(30, "报告解析", demo.build)
        line.api_view("reports/<int:pk>/", api.report, "report")
