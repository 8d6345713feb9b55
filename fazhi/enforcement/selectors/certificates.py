"""Reads of the 行政执法证件 and the officers' training, and the certificates falling due."""

from django.db.models import Q

from ..models.agencies import Officer
from ..models.certificates import Certificate, CertificateStatus, TrainingRecord


def search_certificates(user, *, search: str = "", status: str = "", review_due_by=None):
    queryset = Certificate.objects.restrict(user).select_related("officer__unit")
    if search:
        queryset = queryset.filter(
            Q(number__icontains=search)
            | Q(officer__name__icontains=search)
            | Q(officer__unit__name__icontains=search)
        )
    if status:
        queryset = queryset.filter(status=status)
    if review_due_by is not None:
        queryset = queryset.filter(
            status=CertificateStatus.VALID, annual_review_due__lte=review_due_by
        )
    return queryset


def certificates_of(user, officer: Officer):
    return Certificate.objects.restrict(user).filter(officer=officer).prefetch_related("checks")


def trainings_of(user, officer: Officer):
    return TrainingRecord.objects.restrict(user).filter(officer=officer)


def open_certificates(user, officer: Officer):
    """The officer's application waiting for its training, for the training form."""
    return certificates_of(user, officer).filter(status=CertificateStatus.APPLIED)


def reviews_pending(user, horizon):
    return search_certificates(user, review_due_by=horizon).order_by("annual_review_due", "pk")


def certificates_expiring(user, horizon):
    """Valid certificates whose validity ends by `horizon`: the officer should apply for 换发."""
    return (
        search_certificates(user, status=CertificateStatus.VALID)
        .filter(valid_until__lte=horizon)
        .order_by("valid_until", "pk")
    )
