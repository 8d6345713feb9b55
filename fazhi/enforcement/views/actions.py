"""Pages of the enforcement actions and their 三项制度 steps."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from fazhi.core import guards
from fazhi.core import selectors as core_selectors
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import record_view

from .. import forms, ledgers
from ..models.actions import EnforcementAction
from ..selectors.actions import applicable_list_items, legal_reviewers, search_actions
from ..selectors.agencies import active_officers, enforcing_units, major_items_of, named_officers
from ..services import actions as action_services
from ..services.actions import register_action
from ..workflow import ACTION_FLOW
from .pages import create_page, list_page


@require_safe
def action_list(request):
    queryset = search_actions(
        request.user,
        search=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        gaps=request.GET.get("gaps") == "1",
    )
    return list_page(
        request,
        queryset,
        ledgers.ACTIONS,
        "行政执法三项制度",
        create="enforcement:action_create",
        links=[("只看三项制度缺项", "?gaps=1")],
    )


def action_create(request):
    units = enforcing_units(request.user)
    return create_page(
        request,
        forms.ActionForm,
        register_action,
        units=units,
        title="登记执法行为",
        message="已登记执法行为",
        preselect=False,
        officers=active_officers(request.user, units),
        major_item=major_items_of(request.user, units),
    )


@record_view(EnforcementAction)
@require_safe
def action_detail(request, enforcement_action):
    today = guards.today()
    context = {
        "action": enforcement_action,
        "officers": [
            (o, o.certificate_problem(today))
            for o in named_officers(request.user, enforcement_action)
        ],
        "gaps": enforcement_action.three_systems_gaps(),
        "clocks": action_services.clocks(enforcement_action),
        "buttons": ACTION_FLOW.buttons(enforcement_action, request.user),
        "workflow": ACTION_FLOW,
        "history": core_selectors.record_history(request.user, enforcement_action),
    }
    return render(request, "enforcement/action_detail.html", context)


def _step(request, enforcement_action, action, form_class, message, **form_kwargs):
    return step_page(
        request,
        enforcement_action,
        ACTION_FLOW,
        action,
        form_class,
        getattr(action_services, action),
        message=message,
        form_kwargs=form_kwargs,
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_publicity(request, enforcement_action):
    return _step(request, enforcement_action, "record_publicity", forms.PublicityForm, "已登记公示")


@record_view(EnforcementAction, Action.CHANGE)
def action_recording(request, enforcement_action):
    return _step(
        request,
        enforcement_action,
        "record_recording",
        forms.RecordingForm,
        "已登记执法全过程记录",
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_review(request, enforcement_action):
    reviewers = legal_reviewers(request.user, enforcement_action)
    return _step(
        request,
        enforcement_action,
        "record_legal_review",
        forms.LegalReviewForm,
        "已登记法制审核",
        querysets={"reviewer": reviewers},
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_decide(request, enforcement_action):
    items = applicable_list_items(request.user, enforcement_action)
    return _step(
        request,
        enforcement_action,
        "decide_action",
        forms.DecideForm,
        "已登记决定",
        querysets={"list_item": items},
    )


@record_view(EnforcementAction, Action.CHANGE)
def action_step(request, enforcement_action):
    """The steps of the 行政处罚法 clocks, one form each, chosen by ?action=."""
    action = request.GET.get("action", "")
    if not action:
        return redirect(enforcement_action)
    form_class = forms.CLOCK_STEP_FORMS.get(action)
    if form_class is None:
        raise Http404("未知的办理步骤")
    label = ACTION_FLOW.transition(action).label
    return _step(request, enforcement_action, action, form_class, f"已办理：{label}")
