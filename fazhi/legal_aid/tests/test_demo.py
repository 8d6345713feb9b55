from fazhi.legal_aid.models import AidCase, State, Subsidy


def test_the_demo_gives_every_district_cases_in_every_state(demo):
    for key in demo.districts:
        cases = AidCase.objects.filter(unit=demo.units[f"{key}_justice"])
        states = set(cases.values_list("state", flat=True))
        assert {State.RECEIVED, State.SUPPLEMENT, State.REFUSED, State.GRANTED} <= states
        assert {State.ASSIGNED, State.CLOSED} <= states
        assert Subsidy.objects.filter(case__unit=demo.units[f"{key}_justice"]).count() == 1
