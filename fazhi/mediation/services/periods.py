"""Periods left open for a year whose holidays were not entered, filled once it is."""

from fazhi.core.calendar import date_or_none

from .. import deadlines
from ..models import (
    Agreement,
    Committee,
    Confirmation,
    Dispute,
    PetitionReview,
    Source,
)


def fill_open_periods(*, year: int, actor, **kwargs) -> None:
    """Once a year's holidays are entered, compute the periods left open (None) for it."""
    for dispute in Dispute.objects.filter(due_date__isnull=True):
        dispute.due_date = date_or_none(
            deadlines.mediation_due, dispute.received_date, dispute.source, dispute.simple_procedure
        )
        if dispute.source in deadlines.RETURNED_SOURCES:
            dispute.return_due = date_or_none(deadlines.return_due, dispute)
        if dispute.due_date is not None:
            dispute.save()
    for dispute in Dispute.objects.filter(
        return_due__isnull=True, source=Source.PETITION, returned_date__isnull=True
    ):
        dispute.return_due = date_or_none(deadlines.return_due, dispute)
        if dispute.return_due is not None:
            dispute.save()
    for dispute in Dispute.objects.filter(notice_due__isnull=True, source=Source.PETITION):
        dispute.notice_due = date_or_none(deadlines.notice_due, dispute)
        if dispute.notice_due is not None:
            dispute.notice_late = bool(
                dispute.notice_date and dispute.notice_date > dispute.notice_due
            )
            dispute.save()
    for dispute in Dispute.objects.filter(
        route_due__isnull=True, petition_registered_date__isnull=False
    ):
        dispute.route_due = date_or_none(deadlines.route_due, dispute.petition_registered_date)
        if dispute.route_due is not None:
            dispute.routed_late = bool(
                dispute.routed_date and dispute.routed_date > dispute.route_due
            )
            dispute.save()
    for agreement in Agreement.objects.filter(confirmation_due__isnull=True):
        agreement.confirmation_due = date_or_none(
            deadlines.confirmation_due, agreement.effective_date
        )
        if agreement.confirmation_due is not None:
            agreement.save()
    for confirmation in Confirmation.objects.filter(acceptance_due__isnull=True):
        confirmation.acceptance_due = date_or_none(
            deadlines.acceptance_due, confirmation.applied_date
        )
        if confirmation.acceptance_due is not None:
            confirmation.save()
    for confirmation in Confirmation.objects.filter(
        decision_due__isnull=True, accepted_date__isnull=False
    ):
        confirmation.decision_due = date_or_none(
            deadlines.decision_due, confirmation.accepted_date, confirmation.extended
        )
        if confirmation.decision_due is not None:
            confirmation.save()
    for committee in Committee.objects.filter(filing_due__isnull=True, filed_date__isnull=True):
        committee.filing_due = date_or_none(deadlines.filing_due, committee.changed_date)
        if committee.filing_due is not None:
            committee.save()
    for review in PetitionReview.objects.filter(opinion_due__isnull=True):
        review.opinion_due = date_or_none(
            deadlines.review_opinion_due, review.requested_date, review.hearing_days
        )
        if review.opinion_due is not None:
            review.save()
