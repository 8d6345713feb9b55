"""Pages of the 案卷评查: campaigns, the case files drawn and scored, their notices."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.filters import query_values
from fazhi.core.guards import permits
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import error_text, record_view, run_service_form

from .. import forms, ledgers
from ..models.reviews import CaseFile, ReviewCampaign
from ..selectors.agencies import area_agencies, creatable_units
from ..selectors.reviews import (
    campaign_results,
    campaigns,
    case_files,
    score_items,
    scores_of,
    selectable_actions,
)
from ..services.reviews import (
    add_case_file,
    campaign_problems,
    close_campaign,
    create_campaign,
    score_case_file,
    select_case_files,
)
from ..services.supervision import issue_notice
from ..workflow import CAMPAIGN_FLOW
from .pages import SECTION, create_page, list_page


@require_safe
def campaign_list(request):
    queryset = campaigns(request.user, request.GET.get("q", "").strip())
    return list_page(
        request, queryset, ledgers.CAMPAIGNS, "案卷评查", create="enforcement:campaign_create"
    )


def campaign_create(request):
    return create_page(
        request,
        forms.CampaignForm,
        create_campaign,
        units=creatable_units(request.user),
        title="启动案卷评查",
        message="已启动案卷评查，评分表为标准评查项目",
    )


@record_view(ReviewCampaign)
@require_safe
def campaign_detail(request, campaign):
    results = campaign_results(request.user, campaign)
    buttons = CAMPAIGN_FLOW.buttons(campaign, request.user)
    context = {
        "campaign": campaign,
        "items": score_items(request.user, campaign),
        "files": case_files(request.user, campaign),
        "results": results,
        "summary": {
            "agencies": len(results),
            "files": sum(r.files for r in results),
            "scored": sum(r.scored for r in results),
        },
        "buttons": buttons,
        "workflow": CAMPAIGN_FLOW,
        # The notice of one agency, from its row of the results.
        "may_notice": any(b.transition.action == "issue_notice" for b in buttons),
        "history": core_selectors.record_history(request.user, campaign),
    }
    return render(request, "enforcement/campaign_detail.html", context)


@record_view(ReviewCampaign, Action.CHANGE)
def campaign_select(request, campaign):
    candidates = selectable_actions(request.user, campaign)
    agencies = core_selectors.units_in_area(request.user).filter(pk__in=candidates.values("unit"))
    form = forms.SelectFilesForm(
        request.POST or None,
        request=request,
        querysets={"agencies": agencies, "actions": candidates},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        random_draw = data["mode"] == "random"
        try:
            with transaction.atomic():
                form.consume_token()
                files = select_case_files(
                    actor=request.user,
                    campaign=campaign,
                    candidates=candidates.filter(unit__in=data["agencies"])
                    if random_draw
                    else data["actions"],
                    count=data["count"] if random_draw else None,
                )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(
                request, f"已{'随机抽取' if random_draw else '选定'}案卷{len(files)}本"
            )
            return redirect(campaign.get_absolute_url())
    context = {"form": form, "title": "抽取评查案卷", "back": campaign, "crumbs": SECTION}
    return render(request, "core/form.html", context)


@record_view(ReviewCampaign, Action.CHANGE)
def campaign_add_file(request, campaign):
    """A paper case file an agency submitted, entered by its number."""
    return step_page(
        request,
        campaign,
        CAMPAIGN_FLOW,
        "add_case_file",
        forms.CaseFileForm,
        add_case_file,
        message=lambda f: f"已登记案卷{f.file_number}",
        form_kwargs={"querysets": {"agency": area_agencies(request.user)}},
    )


@record_view(ReviewCampaign, Action.CHANGE)
def campaign_notice(request, campaign):
    agencies = (
        core_selectors.units_in_area(request.user)
        .filter(reviewed_case_files__campaign=campaign)
        .distinct()
    )
    initial = {}
    agency = query_values(request, forms.AgencyQuery)["agency"]
    if agency:
        chosen = agencies.filter(pk=agency).first()
        if chosen is not None:
            initial = {
                "agency": chosen,
                "problems": campaign_problems(campaign, chosen),
            }
    return step_page(
        request,
        campaign,
        CAMPAIGN_FLOW,
        "issue_notice",
        forms.NoticeForm,
        issue_notice,
        message=lambda n: f"已下发{n.number}",
        form_kwargs={"querysets": {"agency": agencies}, "initial": initial},
        then=lambda notice: notice.get_absolute_url(),
    )


@record_view(ReviewCampaign, Action.CHANGE)
def campaign_close(request, campaign):
    return step_page(
        request,
        campaign,
        CAMPAIGN_FLOW,
        "close_campaign",
        forms.CloseCampaignForm,
        close_campaign,
        message="评查活动已结束",
    )


@record_view(CaseFile)
def casefile_detail(request, case_file):
    """The case file's scores; its 评分表 as a form for those who may score it."""
    can_change = permits(request.user, Action.CHANGE, case_file)
    if request.method == "POST" and not can_change:
        raise PermissionDenied("当前角色无权评查")
    form = None
    if can_change and CAMPAIGN_FLOW.allows(case_file.campaign, "score_case_file", request.user):
        form = forms.ScoreForm(
            request.POST or None,
            request=request,
            items=score_items(request.user, case_file.campaign),
        )
        result = run_service_form(request, form, score_case_file, case_file=case_file)
        if result:
            messages.success(request, f"已评查：{result.total}分（{result.grade}）")
            return redirect(case_file.campaign.get_absolute_url())
    context = {
        "case_file": case_file,
        "scores": scores_of(request.user, case_file),
        "form": form,
        "history": core_selectors.record_history(request.user, case_file),
    }
    return render(request, "enforcement/casefile_detail.html", context)
