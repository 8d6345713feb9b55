"""The synthetic 12348 contacts (legal_services/scale.py) of the small province."""

from fazhi.core import scale
from fazhi.core.models import Unit
from fazhi.legal_services.models import HotlineContact


def test_contacts_satisfy_the_model_constraints(demo, generate_scale):
    generate_scale(count=["legal_aid=40", "legal_services=40"], scale=0)
    scale_province = Unit.objects.get(name=scale.PROVINCE_NAME, parent=None)
    contacts = HotlineContact.objects.filter(unit__path__startswith=scale_province.path)
    assert contacts.count() == 40
    for contact in contacts:
        contact.validate_constraints()
    assert contacts.filter(answered=False).exists() or contacts.count() < 20
    assert not contacts.filter(answered=False, duration_minutes__gt=0).exists()
