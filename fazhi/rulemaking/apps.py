from fazhi.core import worklines


class RulemakingConfig(worklines.WorkLineConfig):
    name = "fazhi.rulemaking"
    label = "rulemaking"
    verbose_name = "规范性文件·重大行政决策·法律顾问"
    work_line = "rulemaking"
    url_prefix = "rulemaking/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, indicators, models, workflow

        line.audit(
            models.NormativeDocument,
            exclude_fields=[
                "status_changes",
                "filing",
                "review_requests",
                "cleanup_entries",
                "evaluations",
                "draft_text",
            ],
        )
        # The restricted texts stay out of the field history, which every 查看操作记录 reader
        # sees (docs/permissions.md); their steps are in the domain events.
        restricted = ["draft_text", "dissent", "risk_report"]
        line.audit(models.Decision, exclude_fields=["reports", *restricted])
        line.audit(models.DecisionCatalog, exclude_fields=["items"])
        line.audit(models.LegalAdviser, exclude_fields=["services"])
        line.audit(
            models.StatusChange,
            models.Filing,
            models.ReviewRequest,
            models.CatalogItem,
            models.ExecutionReport,
            models.AdviserService,
            models.OtherReview,
            models.CleanupEntry,
            models.PostEvaluation,
            models.Coverage,
            models.ParticipationEvent,
            models.ConsultationReply,
        )
        line.audit(models.CollectiveMeeting, exclude_fields=["decisions"])
        line.audit(models.CleanupBatch, exclude_fields=["entries"])
        line.workflow(workflow.DOCUMENT_FLOW, workflow.FILING_FLOW, workflow.DECISION_FLOW)
        group = "规范性文件与重大决策"
        line.nav(
            NavItem("规范性文件", "rulemaking:document_list", group),
            NavItem("备案审查", "rulemaking:filing_list", group),
            NavItem("重大行政决策", "rulemaking:decision_list", group),
            NavItem("决策事项目录", "rulemaking:catalog_list", group),
            NavItem("清理", "rulemaking:cleanup_list", group),
            NavItem("附带审查", "rulemaking:incidental_list", group),
            NavItem("法律顾问", "rulemaking:adviser_list", group),
            NavItem("其他合法性审查", "rulemaking:review_list", group),
            NavItem("集体讨论会议", "rulemaking:meeting_list", group),
            NavItem("征求意见反馈", "rulemaking:reply_list", group),
        )
        line.due(
            deadlines.incidental_due,
            deadlines.reviews_due,
            deadlines.filings_due,
            deadlines.expiries_due,
            deadlines.contracts_due,
        )
        line.indicators(*indicators.INDICATORS)
        line.demo(60, "规范性文件与重大行政决策", demo.build)
        line.api_viewset("rulemaking/documents", api.DocumentViewSet, "rulemaking-document")
        line.api_viewset("rulemaking/filings", api.FilingViewSet, "rulemaking-filing")
        line.api_viewset("rulemaking/catalogs", api.CatalogViewSet, "rulemaking-catalog")
        line.api_viewset("rulemaking/decisions", api.DecisionViewSet, "rulemaking-decision")
        line.api_viewset("rulemaking/advisers", api.AdviserViewSet, "rulemaking-adviser")
        line.api_viewset("rulemaking/reviews", api.OtherReviewViewSet, "rulemaking-review")
        line.api_viewset("rulemaking/meetings", api.MeetingViewSet, "rulemaking-meeting")
        line.api_viewset("rulemaking/replies", api.ReplyViewSet, "rulemaking-reply")
