from fazhi.core import worklines


class EnforcementConfig(worklines.WorkLineConfig):
    name = "fazhi.enforcement"
    label = "enforcement"
    verbose_name = "行政执法监督"
    work_line = "enforcement"
    url_prefix = "enforcement/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, documents, indicators, models, workflow  # noqa: F401

        line.audit(models.Agency)
        line.audit(models.MajorDecisionItem)
        # The field history shows the 身份证号码 masked, as the pages do.
        line.audit(
            models.Officer, exclude_fields=["certificates", "trainings"], mask_fields=["id_number"]
        )
        line.audit(models.Certificate, exclude_fields=["checks"])
        line.audit(models.CertificateCheck)
        line.audit(models.TrainingRecord)
        line.audit(models.EnforcementAction, m2m_fields={"officers"})
        line.audit(models.PenaltyList, exclude_fields=["items"])
        line.audit(models.PenaltyListItem)
        line.audit(models.EnterpriseInspection, m2m_fields={"officers"})
        line.audit(models.ReviewCampaign, exclude_fields=["score_items", "case_files"])
        line.audit(models.ScoreItem)
        line.audit(models.CaseFile, exclude_fields=["scores"])
        line.audit(models.Score)
        line.audit(models.SupervisionInspection, m2m_fields={"agencies"})
        line.audit(models.RectificationNotice)
        line.audit(models.NoticeDocument)
        line.audit(models.NoticeService)
        line.workflow(*workflow.WORKFLOWS)
        line.nav(
            NavItem("执法主体与人员", "enforcement:agency_list", "行政执法监督"),
            NavItem("执法证件", "enforcement:certificate_list", "行政执法监督"),
            NavItem("三项制度", "enforcement:action_list", "行政执法监督"),
            NavItem("免罚轻罚清单", "enforcement:penalty_lists", "行政执法监督"),
            NavItem("入企执法报备", "enforcement:enterprise_inspection_list", "行政执法监督"),
            NavItem("案卷评查", "enforcement:campaign_list", "行政执法监督"),
            NavItem("监督检查与整改", "enforcement:supervision_list", "行政执法监督"),
        )
        line.due(*deadlines.PROVIDERS)
        line.indicators(*indicators.INDICATORS)
        line.demo(40, "行政执法监督", demo.build)
        line.api_viewset("enforcement/officers", api.OfficerViewSet, "enforcement-officer")
        line.api_viewset("enforcement/actions", api.ActionViewSet, "enforcement-action")
        line.api_viewset("enforcement/inspections", api.InspectionViewSet, "enforcement-inspection")
        line.api_viewset("enforcement/campaigns", api.CampaignViewSet, "enforcement-campaign")
