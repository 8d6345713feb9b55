from fazhi.core import worklines


class ReconsiderationConfig(worklines.WorkLineConfig):
    name = "fazhi.reconsideration"
    label = "reconsideration"
    verbose_name = "行政复议"
    work_line = "reconsideration"
    url_prefix = "reconsideration/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import (  # noqa: F401 (documents registers its templates)
            api,
            deadlines,
            demo,
            demo_history,
            documents,
            indicators,
            models,
            scale,
            workflow,
        )

        line.workflow(workflow.CASE_FLOW)

        line.audit(
            models.Case,
            models.Party,
            models.Step,
            models.Suspension,
            models.Document,
            models.OpinionLetter,
            models.DocumentService,
            models.CaseFile,
        )
        line.nav(
            NavItem("行政复议案件", "reconsideration:case_list", "行政复议与应诉"),
            NavItem("意见书与建议书", "reconsideration:letter_list", "行政复议与应诉"),
            NavItem("复议流程规则", "reconsideration:workflow", "行政复议与应诉"),
            NavItem(
                "复议监督", "reconsideration:supervision", "行政复议与应诉", action="view_history"
            ),
        )
        line.due(deadlines.due_items)
        line.on_year_entered(deadlines.fill_open_clocks)
        line.indicators(*indicators.INDICATORS)
        line.demo(10, "行政复议案件", demo.build)
        line.demo(12, "行政复议历史台账（2025年）", demo_history.build)
        line.scale(10, scale.MAKER)
        line.api_viewset("reconsideration/cases", api.CaseViewSet, "reconsideration-case")
