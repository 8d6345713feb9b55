"""The two form pages every work line has: a record's step (`step_page`, core/step.html, the
step named by its workflow) and any other form that runs a service (`form_page`,
core/form.html) — on success a message and back to the record's page."""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.shortcuts import redirect, render

from .viewtools import run_service_form
from .workflow import Workflow


def step_page(
    request,
    record,
    workflow: Workflow,
    action: str,
    form_class,
    service,
    *,
    message: str | Callable | None = None,
    warnings: Callable[[object], Iterable[str]] | None = None,
    form_kwargs: dict | None = None,
    then: Callable[[object], str] | None = None,
    **fixed,
):
    """The form of the step `action` on `record`: on a valid POST the service runs (with the
    record as `workflow.record_kwarg`), then a message (`message`, text or a function of the
    result; by default 已办理：<step>) and any `warnings(result)`, and back to the record (or
    on to `then(result)`, the page of what the step made)."""
    transition = workflow.transition(action)
    form = form_class(request.POST or None, request=request, **(form_kwargs or {}))
    result = run_service_form(request, form, service, **{workflow.record_kwarg: record}, **fixed)
    if result is not None:
        if message is None:
            message = f"已办理：{transition.label}"
        messages.success(request, message(result) if callable(message) else message)
        for warning in warnings(result) if warnings else ():
            messages.warning(request, warning)
        return redirect(then(result) if then else record)
    context = {
        "record": record,
        "record_title": workflow.title(record),
        "workflow": workflow,
        "transition": transition,
        "form": form,
        "action": action,
    }
    return render(request, "core/step.html", context)


def form_page(
    request,
    form,
    service,
    *,
    title: str,
    message: str | Callable,
    back=None,
    crumbs: Iterable[tuple[str, str | None]] = (),
    **fixed,
):
    """A form that runs `service`: on success a message (text or a function of the result)
    and on to the result's page (or `back`'s: the record the form belongs to)."""
    result = run_service_form(request, form, service, **fixed)
    if result is not None:
        messages.success(request, message(result) if callable(message) else message)
        return redirect(_page_of(result) or back)
    context = {"form": form, "title": title, "back": back, "crumbs": crumbs}
    return render(request, "core/form.html", context)


def _page_of(record) -> str | None:
    """The record's own page, if it has one (a ScopedRecord without a page says so)."""
    try:
        return record.get_absolute_url()
    except AttributeError:
        return None
