"""The page of a 文书 on its way through 呈批 (core/issuing.py), for every work line: the
draft to download or replace, approval, issue, 送达 with the 送达回证, corrections.

A line gives its document, the services of each operation and the roles that approve
(`document_page`); its template extends nothing but includes `core/_document.html`."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from . import selectors as core_selectors
from .forms import SubmitOnceForm, date_field
from .guards import permits
from .issuing import ServiceMethod
from .roles import Action, Role
from .viewtools import run_service_form


class DraftUploadForm(SubmitOnceForm):
    uploaded_file = forms.FileField(label="修改后的草稿（.docx）")


class IssueForm(SubmitOnceForm):
    date = date_field("签发日期", today=True)


class CorrectForm(SubmitOnceForm):
    reason = forms.CharField(label="更正的理由", widget=forms.Textarea(attrs={"rows": 2}))


class ServiceForm(SubmitOnceForm):
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    date = date_field("送达日期", today=True)
    recipient = forms.CharField(label="受送达人", max_length=100)
    address = forms.CharField(label="送达地址或电子送达地址", required=False, max_length=200)
    note = forms.CharField(label="备注（邮件号等）", required=False, max_length=200)


class ApproveForm(SubmitOnceForm):
    """审批: nothing to fill in but the one-time token."""


FORMS = {
    "upload": DraftUploadForm,
    "approve": None,
    "issue": IssueForm,
    "correct": CorrectForm,
    "serve": ServiceForm,
}
MESSAGES = {
    "write": "已更新草稿",
    "upload": "已上传修改稿",
    "approve": "已审批",
    "issue": "已签发并编号",
    "correct": "已生成更正文书草稿",
    "serve": "已登记送达",
}


def download(document) -> FileResponse:
    suffix = document.number or document.get_status_display()
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{document.title}（{suffix}）.docx",
    )


def document_page(
    request,
    document,
    *,
    services: dict,
    approvers,
    template: str,
    write_form=None,
    write_initial=None,
    **context,
):
    """`services`: op → service (upload, approve, issue, correct, serve, and write when the
    line lets the officer write parts of the draft on the page with `write_form`)."""
    op = request.POST.get("op", "")
    classes = {**FORMS, "write": write_form}
    forms_ = {
        key: classes[key](
            (request.POST if op == key else None),
            (request.FILES if op == key else None),
            request=request,
        )
        for key in services
        if classes.get(key) is not None
    }
    if "write" in forms_ and write_initial:
        forms_["write"].initial.update(write_initial)
    if request.method == "POST":
        if op not in services:
            raise Http404("没有这个操作")
        form = forms_.get(op) or ApproveForm(request.POST, request=request)
        result = run_service_form(request, form, services[op], document=document)
        if result is not None:
            messages.success(request, MESSAGES[op])
            target = result if isinstance(result, type(document)) else document
            return redirect(target.get_absolute_url())
        messages.error(request, "；".join(m for errors in form.errors.values() for m in errors))
    return render(
        request,
        template,
        {
            "document": document,
            "forms": forms_,
            "approve_form": ApproveForm(request=request),
            "approvers": "、".join(Role(role).label for role in approvers),
            "can_change": permits(request.user, Action.CHANGE, document),
            "can_review": permits(request.user, Action.REVIEW, document),
            "services": document.services.select_related("receipt"),
            "corrections": type(document).objects.restrict(request.user).filter(corrects=document),
            "history": core_selectors.record_history(request.user, document),
            **context,
        },
    )
