from fazhi.core import worklines


class MediationConfig(worklines.WorkLineConfig):
    name = "fazhi.mediation"
    label = "mediation"
    verbose_name = "人民调解"
    work_line = "mediation"
    url_prefix = "mediation/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import (
            api,
            deadlines,
            demo,
            documents,  # noqa: F401 (registers its 文书 templates)
            indicators,
            models,
            scale,
            services,
            workflow,
        )

        line.audit(
            models.Committee, exclude_fields=["seats", "disputes", "screenings", "nil_reports"]
        )
        line.audit(models.Mediator, exclude_fields=["seats", "disputes"])
        line.audit(models.Seat)
        line.audit(
            models.Dispute,
            exclude_fields=[
                "petition_reviews",
                "parties",
                "sessions",
                "follow_ups",
                "agreement",
                "confirmation",
                "typical_case",
                "finding",
            ],
        )
        line.audit(models.Party, models.Session, models.Agreement, models.Confirmation)
        line.audit(models.FollowUp, models.Finding, models.NilReport)
        line.audit(models.Screening, exclude_fields=["findings"])
        line.audit(models.TypicalCase, models.PetitionReview)
        line.workflow(workflow.DISPUTE_FLOW)
        line.nav(
            NavItem("矛盾纠纷", "mediation:dispute_list", "人民调解"),
            NavItem("调解组织", "mediation:committee_list", "人民调解"),
            NavItem("人民调解员", "mediation:mediator_list", "人民调解"),
            NavItem("排查与零上报", "mediation:screening_list", "人民调解"),
            NavItem("典型案例", "mediation:typical_list", "人民调解"),
        )
        line.due(
            deadlines.disputes_due,
            deadlines.confirmations_due,
            deadlines.filings_due,
            deadlines.returns_due,
            deadlines.reviews_due,
            deadlines.routes_due,
            deadlines.notices_due,
        )
        line.on_year_entered(services.fill_open_periods)
        line.indicators(*indicators.INDICATORS)
        line.demo(50, "人民调解", demo.build)
        line.scale(30, scale.MAKER)
        line.api_viewset("mediation/disputes", api.DisputeViewSet, "mediation-dispute")
        line.api_viewset("mediation/committees", api.CommitteeViewSet, "mediation-committee")
