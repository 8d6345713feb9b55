from fazhi.core import worklines


class LegalAidConfig(worklines.WorkLineConfig):
    name = "fazhi.legal_aid"
    label = "legal_aid"
    verbose_name = "法律援助"
    work_line = "legal_aid"
    url_prefix = "legal-aid/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, documents, indicators, models, scale, workflow  # noqa: F401

        line.audit(
            models.AidCase,
            # Sensitive data stays off the field history (法律援助法 第二十一条): the
            # economic evidence and the charge are not in it, the ID number masked.
            exclude_fields=[
                "progress",
                "quality_checks",
                "subsidies",
                "objections",
                "lookups",
                "complaints",
                "hotline_contacts",
                "economic_evidence",
                "criminal_charge",
            ],
            mask_fields=["applicant_id_number"],
        )
        line.audit(
            models.Provider,
            models.Progress,
            models.QualityCheck,
            models.SubsidyStandard,
            models.Subsidy,
            models.Objection,
            models.Consultation,
            models.StatusLookup,
            models.Complaint,
            models.DutyService,
            models.OutreachEvent,
        )
        line.workflow(workflow.CASE_FLOW)
        line.nav(
            NavItem("法律援助案件", "legal_aid:case_list", "法律援助"),
            NavItem("法律咨询", "legal_aid:consultation_list", "法律援助"),
            NavItem("法律援助人员", "legal_aid:provider_list", "法律援助"),
            NavItem("补贴标准", "legal_aid:standard_list", "法律援助"),
            NavItem("投诉", "legal_aid:complaint_list", "法律援助"),
            NavItem("值班律师", "legal_aid:duty_list", "法律援助"),
            NavItem("宣传活动", "legal_aid:outreach_list", "法律援助"),
        )
        line.due(deadlines.cases_due, deadlines.objections_due, deadlines.complaints_due)
        line.indicators(*indicators.INDICATORS)
        line.demo(60, "法律援助", demo.build)
        line.scale(60, scale.MAKER)
        line.api_viewset("legal-aid/cases", api.CaseViewSet, "legal-aid-case")
        line.api_viewset(
            "legal-aid/consultations", api.ConsultationViewSet, "legal-aid-consultation"
        )
        line.api_viewset("legal-aid/duty", api.DutyServiceViewSet, "legal-aid-duty")
        line.api_viewset("legal-aid/outreach", api.OutreachEventViewSet, "legal-aid-outreach")
