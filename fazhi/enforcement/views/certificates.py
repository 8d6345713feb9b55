"""Pages of the 行政执法证件 cycle: 申领, 培训, 考试, 发证, 年审, 暂扣, 收回, and the ledger."""

import datetime

from django.views.decorators.http import require_safe

from fazhi.core import guards
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import record_view

from .. import forms, ledgers
from ..models.agencies import Officer
from ..models.certificates import Certificate
from ..selectors.certificates import open_certificates, search_certificates
from ..services import certificates as certificate_services
from ..services.certificates import apply_certificate, record_training
from ..workflow import CERTIFICATE_FLOW
from .pages import form_page, list_page


@record_view(Officer, Action.CHANGE)
def officer_apply(request, officer):
    form = forms.ApplyForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        apply_certificate,
        title=f"{officer.name}申领执法证件",
        back=officer,
        message="已登记证件申领，请安排培训",
        officer=officer,
    )


@record_view(Officer, Action.CHANGE)
def officer_training(request, officer):
    form = forms.TrainingForm(
        request.POST or None,
        request=request,
        querysets={"certificate": open_certificates(request.user, officer)},
    )
    return form_page(
        request,
        form,
        record_training,
        title=f"登记{officer.name}培训",
        back=officer,
        message=lambda training: f"已登记培训{training.hours}学时",
        officer=officer,
    )


def _step(request, certificate, action, form_class, message):
    service = getattr(certificate_services, action)
    return step_page(
        request, certificate, CERTIFICATE_FLOW, action, form_class, service, message=message
    )


@record_view(Certificate, Action.CHANGE)
def certificate_exam(request, certificate):
    return _step(
        request,
        certificate,
        "record_exam",
        forms.ExamForm,
        lambda c: f"考试{c.get_status_display()}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_issue(request, certificate):
    return _step(
        request,
        certificate,
        "issue_certificate",
        forms.IssueForm,
        lambda c: f"已核发证件{c.number}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_review(request, certificate):
    return _step(
        request,
        certificate,
        "record_annual_review",
        forms.AnnualReviewForm,
        lambda c: f"已登记年审，下次年审截止{c.annual_review_due:%Y-%m-%d}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_suspend(request, certificate):
    return _step(request, certificate, "suspend_certificate", forms.ReasonForm, "证件已暂扣")


@record_view(Certificate, Action.CHANGE)
def certificate_withdraw(request, certificate):
    return _step(request, certificate, "withdraw_certificate", forms.ReasonForm, "证件已收回注销")


@require_safe
def certificate_list(request):
    today = guards.today()
    due = request.GET.get("due") == "1"
    queryset = search_certificates(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        review_due_by=today + datetime.timedelta(days=30) if due else None,
    )
    return list_page(
        request,
        queryset,
        ledgers.CERTIFICATES,
        "行政执法证件",
        statuses=forms.CERTIFICATE_STATUS_CHOICES,
    )
