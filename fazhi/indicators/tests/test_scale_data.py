"""The synthetic scale-data generator (`generate_scale_data`) on a small province."""

import datetime
from collections import Counter
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from fazhi.core.models import Unit
from fazhi.indicators.engine import Period, compute
from fazhi.indicators.scale_data import PROVINCE_NAME, USERNAME
from fazhi.litigation.models import LOSING_JUDGMENTS, Lawsuit, Status
from fazhi.reconsideration.models import CONCLUDED, Case, Outcome, Party, Procedure

SMALL = {"year": 2023, "cities": 2, "districts": 3, "reconsideration": 3000, "lawsuits": 300}
K = Unit.Kind


def generate(**options):
    out = StringIO()
    call_command("generate_scale_data", **{**SMALL, "seed": 7, **options}, stdout=out, verbosity=0)
    return out.getvalue()


@pytest.fixture
def province(demo):
    generate()
    return Unit.objects.get(name=PROVINCE_NAME, parent=None)


def synthetic_cases(province):
    return Case.objects.filter(unit__path__startswith=province.path)


def outcome_counts(province) -> Counter:
    return Counter(synthetic_cases(province).values_list("outcome", flat=True))


def test_the_unit_tree_is_a_province_of_cities_of_districts(province):
    subtree = Unit.objects.filter(path__startswith=province.path)
    cities = subtree.filter(kind=K.CITY)
    districts = subtree.filter(kind=K.DISTRICT)
    assert province.kind == K.PROVINCE and province.division_code == "650000"
    assert cities.count() == 2 and all(city.parent == province for city in cities)
    assert districts.count() == 3 and all(d.parent.kind == K.CITY for d in districts)
    assert set(districts.values_list("name", flat=True)) == {
        "合成1市1区",
        "合成2市1区",
        "合成1市2区",
    }
    for district in districts:
        kinds = Counter(district.children.values_list("kind", flat=True))
        assert kinds[K.GOVERNMENT] == 1 and kinds[K.JUSTICE_BUREAU] == 1
        assert 2 <= kinds[K.ENFORCEMENT] <= 3 and len(kinds) == 3
    for unit in subtree.exclude(pk=province.pk).select_related("parent"):
        segment = unit.path.removeprefix(unit.parent.path)
        assert unit.path.startswith(unit.parent.path) and len(segment) == 11
        assert segment.endswith("/") and "/" not in segment[:-1]
        unit.full_clean()  # names, division codes and uniqueness as the forms would check


def test_every_case_has_one_applicant_and_a_unique_number_in_its_bureau(province):
    cases = synthetic_cases(province)
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


def test_the_owner_is_a_plain_user_without_a_password(province):
    owner = Case.objects.filter(unit__path__startswith=province.path).first().handler
    assert not owner.is_superuser and not owner.is_staff
    assert not owner.has_usable_password()


def test_outcomes_follow_the_specified_mix(province):
    counts = outcome_counts(province)
    total = sum(counts.values())
    assert abs(counts[Outcome.NOT_ACCEPTED] / total - 0.10) < 0.025
    assert abs(counts[Outcome.ABANDONED] / total - 0.05) < 0.02
    cases = synthetic_cases(province)
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


def test_dates_follow_each_other_within_the_year(province):
    cases = synthetic_cases(province)
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


def test_rows_satisfy_the_model_constraints(province):
    cases = synthetic_cases(province)
    suits = Lawsuit.objects.filter(unit__path__startswith=province.path)
    assert suits.count() == 300
    for record in [*cases.order_by("?")[:100], *suits.order_by("?")[:100]]:
        record.validate_constraints()
    assert not suits.filter(answer_due__lte=F("served_date")).exists()
    assert not suits.filter(lost=True).exclude(judgment_type__in=LOSING_JUDGMENTS).exists()
    assert not suits.filter(lost=False, judgment_type__in=LOSING_JUDGMENTS).exists()
    assert suits.filter(lost=True).exists() and suits.filter(status=Status.PENDING).exists()
    assert suits.values("unit", "case_number").distinct().count() == 300


def test_indicators_over_the_province(province, demo):
    values = compute(
        ["reconsideration.received", "reconsideration.closed", "reconsideration.correction_rate"],
        user=demo.admin,
        unit=province,
        period=Period.year(2023),
    )
    assert values["reconsideration.received"] == 3000
    assert values["reconsideration.closed"] == sum(
        outcome_counts(province)[outcome] for outcome in CONCLUDED
    )
    assert Decimal(10) < values["reconsideration.correction_rate"] < Decimal(30)


def test_a_second_run_is_refused_unless_replacing(province):
    before = outcome_counts(province)
    with pytest.raises(CommandError, match="合成省.*已存在.*--replace"):
        generate()
    output = generate(replace=True)
    assert "已删除原有" in output and "人民调解" in output
    assert Unit.objects.filter(name=PROVINCE_NAME, parent=None).count() == 1
    replaced = Unit.objects.get(name=PROVINCE_NAME, parent=None)
    assert replaced.pk != province.pk
    assert synthetic_cases(replaced).count() == 3000
    assert Party.objects.filter(case__unit__path__startswith=replaced.path).count() == 3000
    assert outcome_counts(replaced) == before  # same seed, same data
    generate(replace=True, seed=8)
    assert outcome_counts(Unit.objects.get(name=PROVINCE_NAME, parent=None)) != before


def test_impossible_shapes_are_refused(demo):
    with pytest.raises(CommandError, match="区县数量不能少于市的数量"):
        generate(cities=4, districts=3)
    assert not Unit.objects.filter(name=PROVINCE_NAME).exists()
