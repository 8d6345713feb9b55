from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fazhi.core.viewtools import PAGE_SIZE, list_template, run_service_form

from . import selectors, services
from .forms import PreferenceForm


def inbox(request):
    notices = selectors.notices_of(request.user)
    if request.GET.get("unread"):
        notices = notices.filter(read_at__isnull=True)
    template = list_template(request, "notifications/inbox.html", "notifications/_notice_rows.html")
    return render(
        request,
        template,
        {
            # not the cached count of the lists: reading a notice changes no data version
            "page": Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page")),
            "unread": request.GET.get("unread", ""),
        },
    )


@require_POST
def read(request):
    """Mark one notice read and open its record."""
    notice = selectors.notices_of(request.user).filter(pk=request.POST.get("notice")).first()
    if notice is None:
        raise Http404("通知不存在")
    services.mark_read(actor=request.user, notice=notice)
    safe = url_has_allowed_host_and_scheme(notice.url, allowed_hosts={request.get_host()})
    return redirect(notice.url if safe else "notifications:inbox")


@require_POST
def read_all(request):
    count = services.mark_all_read(actor=request.user)
    messages.success(request, f"已将 {count} 条通知标为已读")
    return redirect("notifications:inbox")


def preferences(request):
    form = PreferenceForm(request.POST or None, instance=services.preference_of(request.user))
    if run_service_form(request, form, services.set_preference) is not None:
        messages.success(request, "通知设置已保存")
        return redirect("notifications:inbox")
    return render(request, "notifications/preferences.html", {"form": form})
