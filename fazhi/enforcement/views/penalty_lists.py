"""Pages of the 免罚轻罚清单: the ledger, a list with its items, their import and publication."""

from functools import partial

from django.shortcuts import render
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.imports import import_page
from fazhi.core.roles import Action
from fazhi.core.steps import step_page
from fazhi.core.viewtools import record_view

from .. import forms, imports, ledgers
from ..models.penalty_lists import PenaltyList
from ..selectors.agencies import creatable_units
from ..selectors.penalty_lists import list_items, search_penalty_lists
from ..services.penalty_lists import (
    add_list_item,
    create_penalty_list,
    import_list_items,
    publish_list,
)
from ..workflow import LIST_FLOW
from .pages import create_page, list_page


@require_safe
def penalty_lists(request):
    queryset = search_penalty_lists(request.user, request.GET.get("q", "").strip())
    return list_page(
        request,
        queryset,
        ledgers.PENALTY_LISTS,
        "免罚轻罚清单",
        create="enforcement:penalty_list_create",
    )


def penalty_list_create(request):
    return create_page(
        request,
        forms.PenaltyListForm,
        create_penalty_list,
        units=creatable_units(request.user),
        title="起草免罚轻罚清单",
        message="已起草清单",
    )


@record_view(PenaltyList)
@require_safe
def penalty_list_detail(request, penalty_list):
    items = list(list_items(request.user, penalty_list))
    context = {
        "penalty_list": penalty_list,
        "items": items,
        "cases": sum(item.case_count for item in items),
        "buttons": LIST_FLOW.buttons(penalty_list, request.user),
        "workflow": LIST_FLOW,
        "history": core_selectors.record_history(request.user, penalty_list),
    }
    return render(request, "enforcement/penalty_list_detail.html", context)


@record_view(PenaltyList, Action.CHANGE)
def penalty_list_item_add(request, penalty_list):
    return step_page(
        request,
        penalty_list,
        LIST_FLOW,
        "add_list_item",
        forms.ListItemForm,
        add_list_item,
        message="已新增清单事项",
    )


@record_view(PenaltyList, Action.CHANGE)
def penalty_list_import(request, penalty_list):
    """导入清单事项: a template, an upload, all rows or none."""
    return import_page(
        request,
        imports.LIST_ITEMS,
        partial(import_list_items, penalty_list=penalty_list),
        title="导入清单事项",
        template_name="免罚轻罚清单导入模板.xlsx",
        success="已导入{count}项清单事项",
        done=penalty_list,
        back=penalty_list,
    )


@record_view(PenaltyList, Action.CHANGE)
def penalty_list_publish(request, penalty_list):
    return step_page(
        request,
        penalty_list,
        LIST_FLOW,
        "publish_list",
        forms.PublishForm,
        publish_list,
        message="清单已公布施行",
    )
