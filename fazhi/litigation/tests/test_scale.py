"""The synthetic 行政应诉 suits (litigation/scale.py) of the small province."""

from collections import Counter

from django.db.models import F

from fazhi.core.models import Unit
from fazhi.litigation.models import LOSING_JUDGMENTS, JudgmentType, Lawsuit, Status, TrialLevel

K = Unit.Kind


def synthetic_suits(province):
    return Lawsuit.objects.filter(unit__path__startswith=province.path)


def test_seed_7_gives_the_suits_it_always_gave(scale_province):
    """The counts of fazhi/indicators/scale_data.py before the makers moved into the lines."""
    suits = synthetic_suits(scale_province)
    assert Counter(suits.values_list("judgment_type", flat=True)) == {
        "": 89,
        JudgmentType.CONFIRM_ILLEGAL: 5,
        JudgmentType.DISMISS_SUIT: 44,
        JudgmentType.PAY: 1,
        JudgmentType.PERFORM: 3,
        JudgmentType.REJECT_CLAIM: 103,
        JudgmentType.REMEDY: 1,
        JudgmentType.REVOKE: 12,
        JudgmentType.REVOKE_REMAKE: 6,
        JudgmentType.WITHDRAWN: 36,
    }
    assert Counter(suits.values_list("trial_level", flat=True)) == {
        TrialLevel.FIRST: 244,
        TrialLevel.SECOND: 49,
        TrialLevel.RETRIAL: 7,
    }


def test_suits_satisfy_the_model_constraints(scale_province):
    suits = synthetic_suits(scale_province)
    assert suits.count() == 300
    assert set(suits.values_list("unit__kind", flat=True)) <= {K.GOVERNMENT, K.ENFORCEMENT}
    for suit in suits.order_by("?")[:100]:
        suit.validate_constraints()
    assert not suits.filter(answer_due__lte=F("served_date")).exists()
    assert not suits.filter(lost=True).exclude(judgment_type__in=LOSING_JUDGMENTS).exists()
    assert not suits.filter(lost=False, judgment_type__in=LOSING_JUDGMENTS).exists()
    assert suits.filter(lost=True).exists() and suits.filter(status=Status.PENDING).exists()
    assert suits.values("unit", "case_number").distinct().count() == 300
