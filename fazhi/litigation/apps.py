from fazhi.core import worklines


class LitigationConfig(worklines.WorkLineConfig):
    name = "fazhi.litigation"
    label = "litigation"
    verbose_name = "行政应诉"
    work_line = "litigation"
    url_prefix = "litigation/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, indicators, models, scale, services, workflow

        # The reverse relations would show up as empty "changes" of every new suit.
        line.audit(models.Lawsuit, exclude_fields=["hearings", "suggestions"])
        line.audit(models.Hearing, models.JudicialSuggestion)
        line.workflow(workflow.LAWSUIT_FLOW)
        line.nav(NavItem("行政应诉", "litigation:lawsuit_list", "行政复议与应诉"))
        line.due(deadlines.answers_due, deadlines.appeals_due)
        line.on_year_entered(services.fill_open_periods)
        line.indicators(*indicators.INDICATORS)
        line.demo(20, "行政应诉", demo.build)
        line.scale(20, scale.MAKER)
        line.api_viewset("litigation/lawsuits", api.LawsuitViewSet, "lawsuit")
