from fazhi.core import worklines


class CorrectionsConfig(worklines.WorkLineConfig):
    name = "fazhi.corrections"
    label = "corrections"
    verbose_name = "社区矫正"
    work_line = "corrections"
    url_prefix = "corrections/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import api, deadlines, demo, indicators, models, rows, workflow

        # The identity fields never enter the field history (auditlog stores values): a
        # change of them shows as the service's event, which names no value.
        line.audit(
            models.Subject,
            exclude_fields=[
                *models.IDENTITY_FIELDS,
                "handlers",
                "daily",
                "leaves",
                "sanctions",
                "location_orders",
                "location_points",
                "accesses",
            ],
        )
        line.audit(models.Investigation, exclude_fields=["person_name", "accesses"])
        line.audit(models.DailyRecord, models.Leave, models.Sanction, models.Access)
        line.audit(models.ReleasedPerson, exclude_fields=["name", "id_number", "accesses"])
        line.audit(models.LocationOrder, exclude_fields=["points", "extension"])
        line.audit(models.CountReport)
        # Positions are location data (第二十九条第三款): not copied into the history.
        line.audit(models.LocationPoint, exclude_fields=["latitude", "longitude"])
        line.workflow(
            workflow.SUBJECT_FLOW, workflow.INVESTIGATION_FLOW, workflow.RESETTLEMENT_FLOW
        )
        line.nav(NavItem("社区矫正", "corrections:overview", "社区矫正"))
        # /events/: the line's staff only; a reveal's reason only on the record's own page.
        line.events(rows.event_rule, private_reason=True)
        line.due(deadlines.investigations_due, deadlines.location_orders_due)
        line.indicators(*indicators.INDICATORS)
        line.demo(70, "社区矫正", demo.build)
        line.api_viewset("corrections/subjects", api.SubjectViewSet, "corrections-subject")
        line.api_view("corrections/counts/", api.counts, "corrections-counts")
