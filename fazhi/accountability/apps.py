from fazhi.core import worklines


class AccountabilityConfig(worklines.WorkLineConfig):
    name = "fazhi.accountability"
    label = "accountability"
    verbose_name = "述法·督察·考核"
    work_line = "accountability"
    url_prefix = "accountability/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem
        from fazhi.core.querysets import register_scope_key_part

        from . import api, deadlines, demo, indicators, models, workflow

        line.audit(models.InspectionPlan, m2m_fields={"targets"})
        line.audit(
            models.Finding,
            models.AssessmentItem,
            models.AssessmentScore,
            models.LawReport,
            models.DemonstrationProject,
            models.ScoreAppeal,
            models.LeadershipSession,
            models.AssessmentResult,
            models.AssignedTask,
            models.ReportingUnit,
        )
        line.audit(models.AssessmentScheme, m2m_fields={"assessed_units"}, exclude_fields=["items"])
        # Findings and scores are read by a data rule of their own: it is part of the key.
        register_scope_key_part(models.audience)
        line.workflow(workflow.FINDING_FLOW)
        group = "述法·督察·考核"
        line.nav(
            NavItem("法治督察", "accountability:plan_list", group),
            NavItem("整改销号台账", "accountability:finding_list", group),
            NavItem("法治建设考核", "accountability:scheme_list", group),
            NavItem("述法", "accountability:report_list", group),
            NavItem("示范创建", "accountability:project_list", group),
            NavItem("整改台账（督察·述法·执法监督）", "accountability:rectification_list", group),
            NavItem("领导班子学法和会议", "accountability:session_list", group),
            NavItem("上级交办任务", "accountability:task_list", group),
        )
        line.due(deadlines.findings_due)
        line.indicators(*indicators.INDICATORS)
        line.demo(60, "述法·督察·考核", demo.build)
        line.api_viewset("accountability/plans", api.PlanViewSet, "accountability-plan")
        line.api_viewset("accountability/findings", api.FindingViewSet, "accountability-finding")
        line.api_viewset("accountability/schemes", api.SchemeViewSet, "accountability-scheme")
        line.api_viewset("accountability/scores", api.ScoreViewSet, "accountability-score")
        line.api_viewset("accountability/projects", api.ProjectViewSet, "accountability-project")
        line.api_viewset("accountability/law-reports", api.ReportViewSet, "accountability-report")
        line.api_viewset("accountability/appeals", api.AppealViewSet, "accountability-appeal")
        line.api_viewset("accountability/sessions", api.SessionViewSet, "accountability-session")
        line.api_viewset("accountability/tasks", api.TaskViewSet, "accountability-task")
        line.api_viewset(
            "accountability/reporting-units", api.ReportingUnitViewSet, "accountability-reporting"
        )
