"""Pages of the 监督检查 and of the rectification notices."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from fazhi.core import documentpages, guards, issuing
from fazhi.core import selectors as core_selectors
from fazhi.core.guards import permits
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import record_view

from .. import documents, forms, ledgers
from ..models.supervision import NoticeDocument, RectificationNotice, SupervisionInspection
from ..selectors.agencies import area_agencies, creatable_units
from ..selectors.supervision import inspected_units, notices, notices_of, supervisions
from ..services.supervision import (
    approve_notice_document,
    close_notice,
    correct_notice_document,
    create_supervision,
    issue_notice,
    issue_notice_document,
    respond_notice,
    serve_notice_document,
    upload_notice_draft,
)
from ..workflow import NOTICE_FLOW
from .pages import create_page, form_page, list_page


@require_safe
def supervision_list(request):
    queryset = supervisions(request.user, request.GET.get("q", "").strip())
    return list_page(
        request,
        queryset,
        ledgers.SUPERVISIONS,
        "执法监督检查",
        create="enforcement:supervision_create",
    )


def supervision_create(request):
    return create_page(
        request,
        forms.SupervisionForm,
        create_supervision,
        units=creatable_units(request.user),
        title="登记监督检查",
        message="已登记监督检查",
        agencies=area_agencies(request.user),
    )


@record_view(SupervisionInspection)
@require_safe
def supervision_detail(request, inspection):
    context = {
        "inspection": inspection,
        "notices": notices_of(request.user, inspection=inspection),
        "can_change": permits(request.user, Action.CHANGE, inspection),
        "history": core_selectors.record_history(request.user, inspection),
    }
    return render(request, "enforcement/supervision_detail.html", context)


@record_view(SupervisionInspection, Action.CHANGE)
def supervision_notice(request, inspection):
    form = forms.NoticeForm(
        request.POST or None,
        request=request,
        querysets={"agency": inspected_units(inspection)},
    )
    return form_page(
        request,
        form,
        issue_notice,
        title="下发整改通知",
        back=inspection,
        message="已起草整改通知书，待负责人审批后签发",
        inspection=inspection,
    )


@require_safe
def notice_list(request):
    today = guards.today()
    queryset = notices(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        overdue_on=today if request.GET.get("overdue") == "1" else None,
    )
    return list_page(
        request,
        queryset,
        ledgers.NOTICES,
        "整改通知",
        statuses=forms.NOTICE_STATUS_CHOICES,
        links=[("只看逾期未整改", "?overdue=1")],
    )


@record_view(RectificationNotice)
@require_safe
def notice_detail(request, notice):
    context = {
        "notice": notice,
        "overdue": notice.overdue(guards.today()),
        "buttons": NOTICE_FLOW.buttons(notice, request.user),
        "documents": NoticeDocument.objects.restrict(request.user)
        .filter(notice=notice)
        .exclude(kind=issuing.RECEIPT),
        "workflow": NOTICE_FLOW,
        "history": core_selectors.record_history(request.user, notice),
    }
    return render(request, "enforcement/notice_detail.html", context)


@record_view(NoticeDocument)
@require_safe
def notice_document_download(request, document):
    """The 整改通知书 as stored: the draft, or the issued file, frozen."""
    return documentpages.download(document)


NOTICE_DOCUMENT_SERVICES = {
    "upload": upload_notice_draft,
    "approve": approve_notice_document,
    "issue": issue_notice_document,
    "correct": correct_notice_document,
    "serve": serve_notice_document,
}


@record_view(NoticeDocument)
def notice_document_detail(request, document):
    """The 整改通知书's 呈批: draft, approval by the 负责人, issue, 送达, corrections."""
    return documentpages.document_page(
        request,
        document,
        services=NOTICE_DOCUMENT_SERVICES,
        approvers=documents.APPROVERS,
        template="enforcement/notice_document.html",
    )


@record_view(RectificationNotice, Action.CHANGE)
def notice_respond(request, notice):
    return step_page(
        request,
        notice,
        NOTICE_FLOW,
        "respond_notice",
        forms.RespondForm,
        respond_notice,
        message="已登记整改情况",
    )


@record_view(RectificationNotice, Action.CHANGE)
def notice_close(request, notice):
    return step_page(
        request,
        notice,
        NOTICE_FLOW,
        "close_notice",
        forms.CloseNoticeForm,
        close_notice,
        message="已销号",
    )
