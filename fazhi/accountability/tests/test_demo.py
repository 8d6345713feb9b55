"""The demo gives every district and the city 督察, 考核 and 述法 records in every state."""

from fazhi.accountability.models import (
    AssessmentScore,
    Escalation,
    Finding,
    FindingState,
    InspectionPlan,
    LawReport,
)


def test_every_district_and_the_city_have_inspections_findings_scores_and_reports(demo):
    for key in [*demo.districts, "city"]:
        office = demo.units[f"{key}_office"]
        assert InspectionPlan.objects.filter(unit=office).count() == 2
        states = set(Finding.objects.filter(unit=office).values_list("state", flat=True))
        assert {FindingState.CLOSED, FindingState.RECTIFYING, FindingState.FED_BACK} <= states
        assert Finding.objects.filter(unit=office, escalation=Escalation.INQUIRY).exists()
        assert LawReport.objects.filter(created_by=demo.users[f"{key}_office"]).count() == 3
    for key in demo.districts:
        assert AssessmentScore.objects.filter(unit=demo.units[f"{key}_office"]).count() == 9
