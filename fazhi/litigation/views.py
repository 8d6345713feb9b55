"""Pages of 行政应诉: the ledger (list, filters, Excel), a suit's page, one form per step."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import Ledger, ledger_page, record_view, require

from . import selectors, services
from .forms import (
    AnswerForm,
    AppealForm,
    HearingForm,
    JudgmentForm,
    JudgmentServedForm,
    LawsuitFilterForm,
    LawsuitForm,
    SuggestionForm,
    WithdrawalForm,
)
from .models import Lawsuit, Status
from .workflow import LAWSUIT_FLOW

LEDGER_HEADER = [
    "案号",
    "审级",
    "受理法院",
    "原告",
    "被告（本机关）",
    "被告身份",
    "被诉行政行为",
    "行政复议案号",
    "立案日期",
    "收到起诉状副本日期",
    "答辩期限",
    "提交答辩状日期",
    "开庭次数",
    "首次开庭日期",
    "负责人出庭应诉",
    "出庭负责人",
    "状态",
    "裁判结果",
    "结案日期",
    "是否败诉",
    "裁判文书送达日期",
    "上诉期限",
    "是否上诉",
    "司法建议（件）",
    "经办人",
]


def _day(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _ledger_row(lawsuit: Lawsuit) -> list:
    hearings = list(lawsuit.hearings.all())
    heads = [f"{h.head_name}（{h.head_post}）" for h in hearings if h.head_appeared]
    return [
        lawsuit.case_number,
        lawsuit.get_trial_level_display(),
        lawsuit.court,
        lawsuit.plaintiff,
        lawsuit.unit.name,
        lawsuit.get_defendant_role_display(),
        lawsuit.contested_act,
        lawsuit.prior_reconsideration_number or "",
        _day(lawsuit.filed_date),
        _day(lawsuit.served_date),
        _day(lawsuit.answer_due),
        _day(lawsuit.answer_filed_date),
        len(hearings),
        _day(lawsuit.first_hearing_date),
        "是" if lawsuit.head_appeared else ("否" if hearings else ""),
        "、".join(dict.fromkeys(heads)),
        lawsuit.get_status_display(),
        lawsuit.get_judgment_type_display(),
        _day(lawsuit.concluded_date),
        ("是" if lawsuit.lost else "否") if lawsuit.status == Status.CONCLUDED else "",
        _day(lawsuit.judgment_served_date),
        _day(lawsuit.appeal_due),
        lawsuit.get_appeal_display(),
        lawsuit.suggestion_count,
        lawsuit.handler.first_name or lawsuit.handler.username,
    ]


LAWSUIT_LEDGER = Ledger("行政应诉案件台账.xlsx", "行政应诉", LEDGER_HEADER, _ledger_row)


@require_safe
def lawsuit_list(request):
    today = timezone.localdate()
    filters = LawsuitFilterForm(request.GET)
    filters.is_valid()  # an invalid filter value is left out, not an error page
    data = filters.cleaned_data
    queryset = selectors.lawsuits(
        request.user,
        search=data.get("q", ""),
        status=data.get("status", ""),
        trial_level=data.get("trial_level", ""),
        judgment_type=data.get("judgment_type", ""),
        overdue_on=today if data.get("overdue") else None,
    )
    return ledger_page(
        request,
        queryset,
        ledger=LAWSUIT_LEDGER,
        template="litigation/lawsuit_list.html",
        rows_template="litigation/_rows.html",
        export_rows=selectors.ledger_rows(queryset, request.user),
        filters=filters,
        today=today,
        can_create=core_selectors.can(request.user, Action.CREATE, Lawsuit.work_line),
    )


def lawsuit_create(request):
    require(request, Action.CREATE, Lawsuit.work_line)
    units = selectors.defendant_units(request.user)
    initial = {"unit": units.first()} if units.count() == 1 else {}
    form = LawsuitForm(request.POST or None, units=units, initial=initial, request=request)
    return form_page(
        request,
        form,
        services.register_lawsuit,
        title="登记行政应诉案件",
        crumbs=[("行政应诉", reverse("litigation:lawsuit_list"))],
        message=lambda created: (
            f"已登记{created.case_number}，答辩期限为{created.answer_due:%Y-%m-%d}"
            if created.answer_due
            else f"已登记{created.case_number}；答辩期限所在年度的节假日安排尚未录入，录入后自动计算"
        ),
    )


@record_view(Lawsuit)
@require_safe
def lawsuit_detail(request, lawsuit):
    today = timezone.localdate()
    hearings = selectors.hearings_of(request.user, lawsuit)
    return render(
        request,
        "litigation/lawsuit_detail.html",
        {
            "lawsuit": lawsuit,
            "hearings": [(hearing, hearing.issues()) for hearing in hearings],
            "suggestions": selectors.suggestions_of(request.user, lawsuit),
            "history": core_selectors.record_history(request.user, lawsuit),
            "buttons": LAWSUIT_FLOW.buttons(lawsuit, request.user),
            "workflow": LAWSUIT_FLOW,
            "answer_overdue": lawsuit.answer_overdue(today),
            "appeal_overdue": bool(
                lawsuit.appeal_due and not lawsuit.appeal and lawsuit.appeal_due < today
            ),
            "prior_case": selectors.prior_case(request.user, lawsuit),
        },
    )


def _step(request, lawsuit, action, form_class, **kwargs):
    service = getattr(services, action)
    return step_page(request, lawsuit, LAWSUIT_FLOW, action, form_class, service, **kwargs)


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_answer(request, lawsuit):
    return _step(
        request, lawsuit, "record_answer_filed", AnswerForm, message="已登记提交答辩状和证据"
    )


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_hearing(request, lawsuit):
    return _step(
        request,
        lawsuit,
        "record_hearing",
        HearingForm,
        message=lambda hearing: f"已登记{hearing.date:%Y-%m-%d}的庭审",
        warnings=lambda hearing: hearing.issues(),
    )


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_judgment(request, lawsuit):
    return _step(
        request,
        lawsuit,
        "record_judgment",
        JudgmentForm,
        message=lambda done: f"已登记裁判结果：{done.get_judgment_type_display()}",
    )


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_judgment_served(request, lawsuit):
    return _step(
        request,
        lawsuit,
        "record_judgment_served",
        JudgmentServedForm,
        message=lambda done: (
            f"已登记裁判文书送达，上诉期限至{done.appeal_due:%Y-%m-%d}"
            if done.appeal_due
            else "已登记裁判文书送达；上诉期限所在年度的节假日安排尚未录入，录入后自动计算"
        ),
    )


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_appeal(request, lawsuit):
    return _step(
        request,
        lawsuit,
        "record_appeal",
        AppealForm,
        message=lambda done: f"已登记：{done.get_appeal_display()}",
    )


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_withdrawal(request, lawsuit):
    return _step(request, lawsuit, "record_withdrawal", WithdrawalForm, message="已登记原告撤诉")


@record_view(Lawsuit, Action.CHANGE)
def lawsuit_suggestion(request, lawsuit):
    return _step(
        request, lawsuit, "record_judicial_suggestion", SuggestionForm, message="已登记司法建议"
    )
