from fazhi.core import worklines


class StatisticsConfig(worklines.WorkLineConfig):
    name = "fazhi.statistics"
    label = "statistics"
    verbose_name = "统计报表"
    work_line = "statistics"
    url_prefix = "statistics/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, indicators, models, views, workflow

        line.audit(models.StatReturn, exclude_fields=["versions", "send_backs"])
        line.audit(models.ReturnVersion, models.UrgeNotice, models.ReturnTemplate, models.SendBack)
        line.workflow(workflow.RETURN_FLOW)
        line.nav(NavItem("统计报表", "statistics:return_list", "统计报表"))
        line.due(deadlines.returns_due, deadlines.urged_returns)
        line.indicators(*indicators.INDICATORS)
        # The dashboard's section of the submitted returns and their agreement with the records.
        worklines.contribute("dashboard", [views.dashboard_returns])
        # The annual report draft's note of submitted returns that differ from the records.
        worklines.contribute("annual_report_notes", [views.annual_report_returns])
        # After every work line: the returns are filled from their records.
        line.demo(85, "统计报表", demo.build)
        line.api_viewset("statistics/returns", api.ReturnViewSet, "stat-return")
        line.api_viewset("statistics/templates", api.TemplateViewSet, "stat-template")
