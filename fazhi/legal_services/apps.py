from fazhi.core import worklines


class LegalServicesConfig(worklines.WorkLineConfig):
    name = "fazhi.legal_services"
    label = "legal_services"
    verbose_name = "公共法律服务·公证"
    work_line = "legal_services"
    url_prefix = "legal-services/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, indicators, models, scale

        line.audit(models.ServicePoint, models.HotlineContact)
        line.audit(models.Village, exclude_fields=["advisers", "merged_villages"])
        line.audit(models.VillageAdviser, exclude_fields=["logs"])
        line.audit(models.NotaryOffice, exclude_fields=["reports", "complaints"])
        line.audit(models.AdviserLog, models.NotaryReport, models.NotaryComplaint)
        line.audit(models.Approval)
        line.nav(
            NavItem("服务平台", "legal_services:point_list", "公共法律服务"),
            NavItem("村居法律顾问", "legal_services:village_list", "公共法律服务"),
            NavItem("12348与来访", "legal_services:contact_list", "公共法律服务"),
            NavItem("公证机构", "legal_services:office_list", "公共法律服务"),
            NavItem("行政审批", "legal_services:approval_list", "公共法律服务"),
        )
        line.due(deadlines.complaints_due)
        line.due(deadlines.approvals_due)
        line.indicators(*indicators.INDICATORS)
        line.demo(61, "公共法律服务", demo.build)
        line.scale(61, scale.MAKER)
        line.api_viewset("legal-services/contacts", api.ContactViewSet, "legal-services-contact")
        line.api_viewset("legal-services/villages", api.VillageViewSet, "legal-services-village")
        line.api_viewset("legal-services/notary-reports", api.NotaryReportViewSet, "notary-report")
        line.api_viewset("legal-services/approvals", api.ApprovalViewSet, "legal-services-approval")
