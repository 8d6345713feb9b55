"""Pages of the 行政执法证件 cycle: 申领, 培训, 考试, 发证, 年审, 暂扣, 收回, and the ledger."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from fazhi.core import guards
from fazhi.core.roles import Action
from fazhi.core.viewtools import record_view, run_service_form

from .. import forms, ledgers
from ..models.agencies import Officer
from ..models.certificates import Certificate
from ..selectors.certificates import open_certificates, search_certificates
from ..services.certificates import (
    apply_certificate,
    issue_certificate,
    record_annual_review,
    record_exam,
    record_training,
    suspend_certificate,
    withdraw_certificate,
)
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
    result = run_service_form(request, form, record_training, officer=officer)
    if result:
        messages.success(request, f"已登记培训{result.hours}学时")
        return redirect(officer.get_absolute_url())
    return render(
        request,
        "enforcement/form.html",
        {"form": form, "title": f"登记{officer.name}培训", "back": officer},
    )


def _certificate_step(request, certificate, form_class, service, title, message):
    form = form_class(request.POST or None, request=request)
    return form_page(
        request,
        form,
        service,
        title=f"{certificate}：{title}",
        back=certificate.officer,
        message=message,
        certificate=certificate,
    )


@record_view(Certificate, Action.CHANGE)
def certificate_exam(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.ExamForm,
        record_exam,
        "登记考试成绩",
        lambda c: f"考试{c.get_status_display()}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_issue(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.IssueForm,
        issue_certificate,
        "发证",
        lambda c: f"已核发证件{c.number}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_review(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.AnnualReviewForm,
        record_annual_review,
        "年审",
        lambda c: f"已登记年审，下次年审截止{c.annual_review_due:%Y-%m-%d}",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_suspend(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.ReasonForm,
        suspend_certificate,
        "暂扣证件",
        "证件已暂扣",
    )


@record_view(Certificate, Action.CHANGE)
def certificate_withdraw(request, certificate):
    return _certificate_step(
        request,
        certificate,
        forms.ReasonForm,
        withdraw_certificate,
        "收回证件",
        "证件已收回注销",
    )


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
