"""Reads of the agencies and their officers, and the units a user may act for."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from fazhi.core.models import Unit
from fazhi.core.roles import Action
from fazhi.core.selectors import units_in_area

from ..models.agencies import Agency, MajorDecisionItem, Officer
from ..models.certificates import Certificate, TrainingRecord

# 国办发〔2018〕118号: 原则上各级行政执法机关的法制审核人员不少于本单位执法人员总数的5%.
LEGAL_REVIEW_FLOOR = 5


def creatable_units(user):
    return Unit.objects.restrict(user, Action.CREATE).filter(is_active=True)


def enforcing_units(user, action: str = Action.CREATE):
    """Agencies the user may act for: enforcement departments and 街道、乡镇."""
    return Unit.objects.restrict(user, action).filter(
        is_active=True, kind__in=[Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP]
    )


def _officers_with_certificates(queryset, user):
    return queryset.select_related("unit").prefetch_related(
        Prefetch("certificates", queryset=Certificate.objects.restrict(user))
    )


def officers_prefetch(user) -> Prefetch:
    """The officers a record names, with their certificates for the validity flag."""
    return Prefetch(
        "officers", queryset=_officers_with_certificates(Officer.objects.restrict(user), user)
    )


def search_agencies(user, search: str = ""):
    queryset = Agency.objects.restrict(user).select_related("unit")
    if search:
        queryset = queryset.filter(
            Q(unit__name__icontains=search) | Q(devolved_powers__icontains=search)
        )
    return queryset


@dataclass(frozen=True)
class StaffRatio:
    certified: int
    reviewers: int

    @property
    def percent(self):
        return round(self.reviewers * 100 / self.certified, 1) if self.certified else None

    @property
    def below_floor(self) -> bool:
        return self.certified > 0 and self.reviewers * 100 < LEGAL_REVIEW_FLOOR * self.certified


def staff_ratios(user, units, day: datetime.date) -> dict[int, StaffRatio]:
    """法制审核人员 among each agency's officers with a certificate valid on `day`, by unit
    pk: one query for a whole list of agencies."""
    officers = _officers_with_certificates(
        Officer.objects.restrict(user).filter(unit__in=units, is_active=True), user
    )
    certified: dict[int, list] = {unit.pk: [] for unit in units}
    for officer in officers:
        if not officer.certificate_problem(day):
            certified[officer.unit_id].append(officer)
    return {
        pk: StaffRatio(len(group), sum(1 for o in group if o.is_legal_reviewer))
        for pk, group in certified.items()
    }


def staff_ratio(user, unit: Unit, day: datetime.date) -> StaffRatio:
    return staff_ratios(user, [unit], day)[unit.pk]


def major_items(user, unit: Unit):
    return MajorDecisionItem.objects.restrict(user).filter(unit=unit)


def officers(user, *, search: str = "", unit: Unit | None = None):
    queryset = _officers_with_certificates(Officer.objects.restrict(user), user).prefetch_related(
        Prefetch("trainings", queryset=TrainingRecord.objects.restrict(user))
    )
    if unit is not None:
        queryset = queryset.filter(unit=unit)
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(unit__name__icontains=search))
    return queryset


def active_officers(user, units):
    return officers(user).filter(unit__in=units, is_active=True)


def major_items_of(user, units):
    return MajorDecisionItem.objects.restrict(user).filter(unit__in=units).select_related("unit")


def named_officers(user, record):
    """The officers an action or an inspection report names, with their certificates."""
    return _officers_with_certificates(
        Officer.objects.restrict(user).filter(pk__in=record.officers.all()), user
    )


def area_agencies(user):
    """Agencies of the user's area, to choose the inspected ones (as 被申请人 are chosen)."""
    return units_in_area(user).filter(kind__in=[Unit.Kind.ENFORCEMENT, Unit.Kind.TOWNSHIP])
