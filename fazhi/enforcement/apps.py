from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    label = "enforcement"
    verbose_name = "行政执法监督"

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.core.deadlines import register_due_provider
        from fazhi.core.demo import register_demo_builder
        from fazhi.core.navigation import NavItem, register_nav

        from . import deadlines, demo, indicators, models

        auditlog.register(models.Agency)
        auditlog.register(models.MajorDecisionItem)
        # The field history shows the 身份证号码 masked, as the pages do.
        auditlog.register(
            models.Officer, exclude_fields=["certificates", "trainings"], mask_fields=["id_number"]
        )
        auditlog.register(models.Certificate, exclude_fields=["checks"])
        auditlog.register(models.CertificateCheck)
        auditlog.register(models.TrainingRecord)
        auditlog.register(models.EnforcementAction, m2m_fields={"officers"})
        auditlog.register(models.PenaltyList, exclude_fields=["items"])
        auditlog.register(models.PenaltyListItem)
        auditlog.register(models.EnterpriseInspection, m2m_fields={"officers"})
        auditlog.register(models.ReviewCampaign, exclude_fields=["score_items", "case_files"])
        auditlog.register(models.ScoreItem)
        auditlog.register(models.CaseFile, exclude_fields=["scores"])
        auditlog.register(models.Score)
        auditlog.register(models.SupervisionInspection, m2m_fields={"agencies"})
        auditlog.register(models.RectificationNotice)
        register_nav(
            NavItem("执法主体与人员", "enforcement:agency_list", "行政执法监督"),
            NavItem("执法证件", "enforcement:certificate_list", "行政执法监督"),
            NavItem("三项制度", "enforcement:action_list", "行政执法监督"),
            NavItem("免罚轻罚清单", "enforcement:penalty_lists", "行政执法监督"),
            NavItem("入企执法报备", "enforcement:enterprise_inspection_list", "行政执法监督"),
            NavItem("案卷评查", "enforcement:campaign_list", "行政执法监督"),
            NavItem("监督检查与整改", "enforcement:supervision_list", "行政执法监督"),
        )
        for provider in deadlines.PROVIDERS:
            register_due_provider(provider)
        indicators.register_indicators()
        register_demo_builder(40, "行政执法监督", demo.build)
