"""The synthetic 行政复议 cases (reconsideration/scale.py) of the small province."""

import datetime
from collections import Counter
from decimal import Decimal

from django.db.models import Count, F

from fazhi.core.models import Unit
from fazhi.core.scale import PROVINCE_NAME, USERNAME
from fazhi.indicators.engine import Period, compute
from fazhi.reconsideration.models import CONCLUDED, Case, Outcome, Party, Procedure

K = Unit.Kind


def synthetic_cases(province):
    return Case.objects.filter(unit__path__startswith=province.path)


def outcome_counts(province) -> Counter:
    return Counter(synthetic_cases(province).values_list("outcome", flat=True))


def test_seed_7_gives_the_cases_it_always_gave(scale_province):
    """The counts of fazhi/indicators/scale_data.py before the makers moved into the lines."""
    assert outcome_counts(scale_province) == {
        "": 265,
        Outcome.ABANDONED: 159,
        Outcome.ALTERED: 27,
        Outcome.APPLICATION_DISMISSED: 68,
        Outcome.CLAIM_DISMISSED: 298,
        Outcome.CONFIRMED_ILLEGAL: 100,
        Outcome.CONFIRMED_INVALID: 6,
        Outcome.MEDIATED: 175,
        Outcome.NOT_ACCEPTED: 295,
        Outcome.ORDERED_PERFORMANCE: 40,
        Outcome.REVOKED: 192,
        Outcome.TERMINATED: 343,
        Outcome.UPHELD: 1032,
    }
    parties = Party.objects.filter(case__unit__path__startswith=scale_province.path)
    kinds = Counter(parties.values_list("kind", flat=True))
    assert kinds == {Party.Kind.ORGANISATION: 568, Party.Kind.PERSON: 2432}


def test_the_same_seed_gives_the_same_cases(scale_province, generate_scale):
    before = outcome_counts(scale_province)
    generate_scale(replace=True)
    assert outcome_counts(Unit.objects.get(name=PROVINCE_NAME, parent=None)) == before
    generate_scale(replace=True, seed=8)
    assert outcome_counts(Unit.objects.get(name=PROVINCE_NAME, parent=None)) != before


def test_every_case_has_one_applicant_and_a_unique_number_in_its_bureau(scale_province):
    cases = synthetic_cases(scale_province)
    assert cases.count() == 3000
    assert set(cases.values_list("unit__kind", flat=True)) == {K.JUSTICE_BUREAU}
    assert cases.values("unit", "number").distinct().count() == 3000
    parties = Party.objects.filter(case__in=cases)
    assert parties.count() == 3000
    assert set(parties.values_list("role", flat=True)) == {Party.Role.APPLICANT}
    assert not cases.annotate(n=Count("parties")).exclude(n=1).exists()
    assert set(cases.values_list("handler__username", "created_by__username").distinct()) == {
        (USERNAME, USERNAME)
    }


def test_outcomes_follow_the_specified_mix(scale_province):
    counts = outcome_counts(scale_province)
    total = sum(counts.values())
    assert abs(counts[Outcome.NOT_ACCEPTED] / total - 0.10) < 0.025
    assert abs(counts[Outcome.ABANDONED] / total - 0.05) < 0.02
    cases = synthetic_cases(scale_province)
    accepted = cases.filter(accepted_date__isnull=False)
    assert abs(accepted.count() / total - 0.85) < 0.03
    closed = sum(counts[outcome] for outcome in CONCLUDED)
    assert abs(closed / accepted.count() - 0.90) < 0.03
    expected = {
        Outcome.UPHELD: 0.45,
        Outcome.CLAIM_DISMISSED: 0.12,
        Outcome.REVOKED: 0.09,
        Outcome.CONFIRMED_ILLEGAL: 0.05,
        Outcome.MEDIATED: 0.08,
        Outcome.TERMINATED: 0.147,
        Outcome.APPLICATION_DISMISSED: 0.03,
        Outcome.ORDERED_PERFORMANCE: 0.02,
    }
    for outcome, share in expected.items():
        assert abs(counts[outcome] / closed - share) < 0.035, outcome
    assert 0 < counts[Outcome.ALTERED] < 0.03 * closed
    assert counts[Outcome.CONFIRMED_INVALID] < 0.015 * closed
    simple = accepted.filter(procedure=Procedure.SIMPLE).count()
    assert abs(simple / accepted.count() - 0.30) < 0.04
    concluded = cases.filter(outcome__in=CONCLUDED)
    assert concluded.filter(closed_on_time=True).count() > 0.8 * closed
    assert concluded.filter(self_corrected=True).exists()
    assert (
        not concluded.filter(self_corrected=True)
        .exclude(outcome__in=(Outcome.MEDIATED, Outcome.TERMINATED))
        .exists()
    )


def test_dates_follow_each_other_within_the_year(scale_province):
    cases = synthetic_cases(scale_province)
    year = (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    assert cases.filter(received_date__range=year).count() == 3000
    assert not cases.filter(accepted_date__lt=F("received_date")).exists()
    assert not cases.filter(closed_date__lt=F("accepted_date")).exists()
    assert not cases.filter(closed_date__lt=F("received_date")).exists()
    assert not cases.filter(closed_date__gt=year[1]).exists()
    assert not cases.filter(act_known_date__gt=F("received_date")).exists()
    assert not cases.filter(outcome="", closed_date__isnull=False).exists()
    assert not cases.exclude(outcome="").filter(closed_date__isnull=True).exists()
    weekdays = Counter(d.weekday() >= 5 for d in cases.values_list("received_date", flat=True))
    assert weekdays[True] < 0.1 * 3000  # 2/7 of the days, far fewer of the applications


def test_cases_satisfy_the_model_constraints(scale_province):
    for case in synthetic_cases(scale_province).order_by("?")[:100]:
        case.validate_constraints()


def test_indicators_over_the_province(scale_province, demo):
    values = compute(
        ["reconsideration.received", "reconsideration.closed", "reconsideration.correction_rate"],
        user=demo.admin,
        unit=scale_province,
        period=Period.year(2023),
    )
    assert values["reconsideration.received"] == 3000
    assert values["reconsideration.closed"] == sum(
        outcome_counts(scale_province)[outcome] for outcome in CONCLUDED
    )
    assert Decimal(10) < values["reconsideration.correction_rate"] < Decimal(30)
