"""Every read of the 普法 records, scoped to what the user may see."""

from decimal import Decimal

from django.db.models import Count, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action

from .models import (
    Activity,
    CultureSite,
    ExamResult,
    LawExam,
    LegalLiteratePerson,
    Level,
    MediaAdoption,
    ModelVillage,
    ResponsibilityItem,
    ResponsibilityList,
    Village,
    Volunteer,
)

# 乡村“法律明白人”培养工作规范（试行）: at least three in every 行政村 (docs/rules.md).
PER_VILLAGE = 3


def lists(user, *, search: str = ""):
    queryset = ResponsibilityList.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(unit__name__icontains=search)
    return queryset


def items_of(user, responsibility_list):
    return ResponsibilityItem.objects.restrict(user).filter(responsibility_list=responsibility_list)


def ranking(user, year: int) -> list[ResponsibilityList]:
    """The year's reviewed lists by score (评议 ranking)."""
    return list(
        lists(user).filter(year=year, review_score__isnull=False).order_by("-review_score", "pk")
    )


def activities(user, *, search: str = ""):
    queryset = Activity.objects.restrict(user).select_related("unit", "village")
    if search:
        queryset = queryset.filter(
            Q(title__icontains=search)
            | Q(place__icontains=search)
            | Q(unit__name__icontains=search)
        )
    return queryset


def villages(user, *, search: str = ""):
    queryset = (
        Village.objects.restrict(user)
        .select_related("unit")
        .annotate(active_people=Count("people", filter=Q(people__active=True)))
        .order_by("unit__path", "name", "pk")
    )
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(unit__name__icontains=search))
    return queryset


def villages_below(user):
    """Villages with fewer than PER_VILLAGE 法律明白人 on the roster."""
    return villages(user).filter(active_people__lt=PER_VILLAGE)


def people_of(user, village):
    return LegalLiteratePerson.objects.restrict(user).filter(village=village)


def exams(user, *, search: str = ""):
    queryset = LawExam.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(name__icontains=search)
    return queryset


def results_of(user, exam):
    return ExamResult.objects.restrict(user).filter(exam=exam).select_related("person_unit")


def _rate(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.01")) if whole else None


def exam_rates(user, exam) -> dict:
    """应考、参考、及格、优秀 and the three rates, per unit and in total (computed, never typed)."""
    rows = (
        results_of(user, exam)
        .values("person_unit__name")
        .annotate(
            due=Count("pk"),
            sat=Count("pk", filter=Q(sat=True)),
            passed=Count("pk", filter=Q(passed=True)),
            excellent=Count("pk", filter=Q(excellent=True)),
        )
        .order_by("person_unit__name")
    )

    def rates(row):
        return {
            **row,
            "participation": _rate(row["sat"], row["due"]),
            "pass": _rate(row["passed"], row["sat"]),
            "excellent_rate": _rate(row["excellent"], row["sat"]),
        }

    per_unit = [rates(row) for row in rows]
    total = {
        key: sum(row[key] for row in per_unit) for key in ("due", "sat", "passed", "excellent")
    }
    return {"units": per_unit, "total": rates({"person_unit__name": "合计", **total})}


def organiser_units(user):
    return Unit.objects.restrict(user, Action.CREATE).filter(is_active=True)


def townships(user):
    return organiser_units(user).filter(kind=Unit.Kind.TOWNSHIP)


def agencies(user):
    return organiser_units(user).exclude(kind__in=Unit.AREA_KINDS)


def _search(queryset, search: str, *fields: str):
    if search:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": search})
        queryset = queryset.filter(condition)
    return queryset


def media_adoptions(user, *, search: str = ""):
    queryset = MediaAdoption.objects.restrict(user).select_related("unit")
    return _search(queryset, search, "title", "outlet", "unit__name")


def culture_sites(user, *, search: str = ""):
    queryset = CultureSite.objects.restrict(user).select_related("unit")
    return _search(queryset, search, "name", "address", "unit__name")


def model_villages(user, *, search: str = ""):
    queryset = ModelVillage.objects.restrict(user).select_related("unit", "village__unit")
    return _search(queryset, search, "village__name", "unit__name", "named_by")


def volunteers(user, *, search: str = ""):
    queryset = Volunteer.objects.restrict(user).select_related("unit")
    return _search(queryset, search, "name", "team", "unit__name")


def by_level(queryset) -> list[tuple[str, int]]:
    """The register's rows per level (级别), in the levels' order: 国家级 first."""
    counts = dict(queryset.order_by().values_list("level").annotate(n=Count("pk")))
    return [(label, counts[value]) for value, label in Level.choices if counts.get(value)]


def mask_phone(value: str) -> str:
    """13812345678 → 138****5678 (a 普法志愿者's phone for who may not read it in full)."""
    return value[:3] + "****" + value[-4:] if len(value) >= 7 else "*" * len(value)
