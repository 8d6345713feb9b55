"""Pages of 行政应诉: the ledger (list, filters, Excel), a suit's page, one form per step."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page, step_page
from fazhi.core.viewtools import record_view, require

from . import deadlines, selectors, services
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


def _hearings(lawsuit: Lawsuit) -> list:
    return list(lawsuit.hearings.all())


def _heads(lawsuit: Lawsuit) -> str:
    heads = [f"{h.head_name}（{h.head_post}）" for h in _hearings(lawsuit) if h.head_appeared]
    return "、".join(dict.fromkeys(heads))


def _answer_cell(lawsuit: Lawsuit):
    if lawsuit.answer_filed_date:
        note = mark_safe(' <span class="muted">已答辩</span>')
    elif lawsuit.status == Status.PENDING and lawsuit.answer_overdue(timezone.localdate()):
        note = mark_safe(' <span class="badge badge-danger">答辩逾期</span>')
    else:
        note = ""
    return format_html("{}{}", day(lawsuit.answer_due), note)


def _appearance_cell(lawsuit: Lawsuit):
    if lawsuit.head_appeared:
        return mark_safe('<span class="badge">已出庭</span>')
    if lawsuit.first_hearing_date:
        return mark_safe('<span class="badge badge-warning">未出庭</span>')
    return mark_safe('<span class="muted">未开庭</span>')


def _judgment_cell(lawsuit: Lawsuit):
    lost = mark_safe(' <span class="badge badge-danger">败诉</span>') if lawsuit.lost else ""
    return format_html("{}{}", lawsuit.get_judgment_type_display() or "—", lost)


LAWSUIT_LEDGER = Ledger(
    "行政应诉案件台账.xlsx",
    "行政应诉",
    (
        Column("案号", lambda suit: suit.case_number),
        Column("审级", lambda suit: suit.get_trial_level_display()),
        Column("受理法院", lambda suit: suit.court, on_page=False),
        Column("原告", lambda suit: suit.plaintiff),
        Column("被告（本机关）", lambda suit: suit.unit.name),
        Column("被告身份", lambda suit: suit.get_defendant_role_display(), on_page=False),
        Column("被诉行政行为", lambda suit: suit.contested_act, on_page=False),
        Column("行政复议案号", lambda suit: suit.prior_reconsideration_number or "", on_page=False),
        Column("立案日期", lambda suit: day(suit.filed_date), on_page=False),
        Column("收到起诉状副本日期", lambda suit: day(suit.served_date), on_page=False),
        Column("答辩期限", lambda suit: day(suit.answer_due), cell=_answer_cell),
        Column("提交答辩状日期", lambda suit: day(suit.answer_filed_date), on_page=False),
        Column("开庭次数", lambda suit: len(_hearings(suit)), on_page=False),
        Column("首次开庭日期", lambda suit: day(suit.first_hearing_date), on_page=False),
        Column(
            "负责人出庭应诉",
            lambda suit: "是" if suit.head_appeared else ("否" if _hearings(suit) else ""),
            on_page=False,
        ),
        Column("负责人出庭", _appearance_cell, in_export=False),
        Column("出庭负责人", _heads, on_page=False),
        Column("状态", lambda suit: suit.get_status_display()),
        Column("裁判结果", lambda suit: suit.get_judgment_type_display(), cell=_judgment_cell),
        Column("结案日期", lambda suit: day(suit.concluded_date), on_page=False),
        Column(
            "是否败诉",
            lambda suit: ("是" if suit.lost else "否") if suit.status == Status.CONCLUDED else "",
            on_page=False,
        ),
        Column("裁判文书送达日期", lambda suit: day(suit.judgment_served_date), on_page=False),
        Column("上诉期限", lambda suit: day(suit.appeal_due), on_page=False),
        Column("是否上诉", lambda suit: suit.get_appeal_display(), on_page=False),
        Column("司法建议（件）", lambda suit: suit.suggestion_count, on_page=False),
        Column(
            "经办人", lambda suit: suit.handler.first_name or suit.handler.username, on_page=False
        ),
    ),
)


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
    can_create = core_selectors.can(request.user, Action.CREATE, Lawsuit.work_line)
    return ledger_page(
        request,
        queryset,
        ledger=LAWSUIT_LEDGER,
        title="行政应诉案件",
        export_rows=selectors.ledger_rows(queryset, request.user),
        search_placeholder="案号、原告、被告或被诉行为",
        filter_form=filters,
        empty="没有符合条件的案件",
        actions=[("登记案件", reverse("litigation:lawsuit_create"))] if can_create else [],
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
            "answer_pending": deadlines.answer_pending(lawsuit),
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
