"""The synthetic 法律援助 cases (legal_aid/scale.py) of the small province."""

from fazhi.core import scale
from fazhi.core.models import Unit
from fazhi.legal_aid.models import AidCase, Provider, State


def test_cases_satisfy_the_model_constraints(demo, generate_scale):
    generate_scale(count=["legal_aid=40", "legal_services=40"], scale=0)
    scale_province = Unit.objects.get(name=scale.PROVINCE_NAME, parent=None)
    cases = AidCase.objects.filter(unit__path__startswith=scale_province.path)
    assert cases.count() == 40
    for case in cases:
        case.validate_constraints()
        if case.assigned_date:
            assert case.provider.unit_id == case.unit_id
        if case.state == State.CLOSED:
            assert case.assigned_date <= case.concluded_date <= case.closed_date
    assert cases.values("number").distinct().count() == 40
    assert {State.CLOSED, State.ASSIGNED} <= set(cases.values_list("state", flat=True))
    assert Provider.objects.filter(unit__path__startswith=scale_province.path).count() == 9
