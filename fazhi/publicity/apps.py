from fazhi.core import worklines


class PublicityConfig(worklines.WorkLineConfig):
    name = "fazhi.publicity"
    label = "publicity"
    verbose_name = "普法"
    work_line = "publicity"
    url_prefix = "publicity/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, indicators, models

        line.audit(models.ResponsibilityList, exclude_fields=["items"])
        line.audit(models.Village, exclude_fields=["people", "activities"])
        line.audit(models.LawExam, exclude_fields=["results"])
        line.audit(
            models.ResponsibilityItem,
            models.Activity,
            models.LegalLiteratePerson,
            models.ExamResult,
            models.MediaAdoption,
            models.CultureSite,
            models.ModelVillage,
            models.Volunteer,
        )
        group = "普法"
        line.nav(
            NavItem("谁执法谁普法", "publicity:list_list", group),
            NavItem("普法活动", "publicity:activity_list", group),
            NavItem("法律明白人", "publicity:village_list", group),
            NavItem("学法考法", "publicity:exam_list", group),
            NavItem("媒体采用", "publicity:media_list", group),
            NavItem("法治文化阵地", "publicity:site_list", group),
            NavItem("民主法治示范村", "publicity:model_village_list", group),
            NavItem("普法志愿者", "publicity:volunteer_list", group),
        )
        line.due(deadlines.reports_due)
        line.indicators(*indicators.INDICATORS)
        line.demo(61, "普法", demo.build)
        line.api_viewset("publicity/lists", api.ListViewSet, "publicity-list")
        line.api_viewset("publicity/activities", api.ActivityViewSet, "publicity-activity")
        line.api_viewset("publicity/villages", api.VillageViewSet, "publicity-village")
        line.api_viewset("publicity/exams", api.ExamViewSet, "publicity-exam")
        line.api_viewset("publicity/media", api.MediaAdoptionViewSet, "publicity-media")
        line.api_viewset("publicity/sites", api.CultureSiteViewSet, "publicity-site")
        line.api_viewset(
            "publicity/model-villages", api.ModelVillageViewSet, "publicity-model-village"
        )
        line.api_viewset("publicity/volunteers", api.VolunteerViewSet, "publicity-volunteer")
