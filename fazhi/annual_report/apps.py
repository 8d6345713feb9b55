from fazhi.core import worklines


class AnnualReportConfig(worklines.KitAppConfig):
    name = "fazhi.annual_report"
    label = "annual_report"
    verbose_name = "法治政府建设年度报告"
    url_prefix = "annual-reports/"
    # A line of its own: drafting and filing the report is a duty a bureau assigns, not
    # part of any case line (docs/permissions.md).
    work_line = "annual_report"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, models, urging, views, workflow

        line.audit(models.AnnualReport, exclude_fields=["parts", "steps", "overrides"])
        line.audit(models.Part, models.CheckOverride, models.ReportStep, models.ReportingDates)
        line.audit(models.UrgeNotice)
        line.workflow(workflow.REPORT_FLOW)
        line.nav(
            NavItem("年度报告", "annual_report:report_list", "年度报告"),
            NavItem("各地报告情况", "annual_report:report_overview", "年度报告"),
        )
        line.due(deadlines.reports_due, urging.urged_reports)
        # After every work line: the demo report is drafted from their records.
        line.demo(90, "法治政府建设年度报告", demo.build)
        line.api_view("annual-reports/<int:pk>/", api.annual_report, "annual_report")
        # Notes other apps add to the draft's page (statistics: returns that differ from the
        # records now), as the dashboard's panels.
        worklines.consume("annual_report_notes", views.register_notes)
