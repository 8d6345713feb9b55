"""The demo gives every district suits in every state: what the pages, the due list and the
scoping test need to show (and to hide from the sibling district)."""

import datetime

import pytest
from django.utils import timezone

from fazhi.litigation.models import Hearing, JudicialSuggestion, Lawsuit


@pytest.mark.parametrize("district", ["donghu", "xishan", "nanqiao"])
def test_every_district_has_suits_in_every_state(demo, district):
    today = timezone.localdate()
    path = demo.units[district].path
    suits = Lawsuit.objects.filter(unit__path__startswith=path)
    assert suits.count() >= 6
    assert set(suits.values_list("status", flat=True)) == {"pending", "concluded", "withdrawn"}
    assert suits.filter(lost=True).exists() and suits.filter(judgment_type="reject_claim").exists()
    unanswered = suits.filter(status="pending", answer_filed_date__isnull=True)
    assert unanswered.filter(answer_due__lt=today).count() == 1
    soon = today + datetime.timedelta(days=14)  # within the due list's horizon
    assert unanswered.filter(answer_due__range=(today, soon)).count() == 1
    hearings = Hearing.objects.filter(lawsuit__unit__path__startswith=path)
    assert hearings.filter(head_appeared=True).exists()
    assert hearings.filter(attendance="lawyer_only").count() == 1
    assert hearings.filter(attendance="head", head_appeared=False).exists()  # no ID proof
    assert JudicialSuggestion.objects.filter(lawsuit__unit__path__startswith=path).count() == 1
    assert set(suits.values_list("handler__username", flat=True)) == {f"{district}_officer"}
