"""Pages of 普法: responsibility lists (履职报告, 评议), activities, the 法律明白人 roster per
village, and 学法考法 with its imported results and computed rates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST, require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.guards import can_view_personal_data, permits, shown_id_number
from fazhi.core.imports import import_page
from fazhi.core.ledgers import Column, Ledger, day, ledger_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page
from fazhi.core.viewtools import error_text, record_view, require

from . import imports, selectors, services
from .forms import (
    ActivityRegisterForm,
    ExamForm,
    ItemForm,
    ListForm,
    PersonForm,
    ReportForm,
    ReviewForm,
    VillageForm,
)
from .models import Activity, LawExam, ResponsibilityList, Village

LINE = "publicity"


def _actions(request, label, url_name):
    if core_selectors.can(request.user, Action.CREATE, LINE):
        return [(label, reverse(url_name))]
    return []


def _list(request, queryset, ledger, *, title, placeholder, empty, create):
    """The line's record lists: a ledger page with its 新建 button for who may create."""
    return ledger_page(
        request,
        queryset,
        ledger=ledger,
        title=title,
        search_placeholder=placeholder,
        empty=empty,
        actions=_actions(request, *create),
    )


# — 谁执法谁普法 —

LIST_LEDGER = Ledger(
    "普法责任清单台账.xlsx",
    "普法责任清单",
    (
        Column("责任清单", lambda r: str(r)),
        Column("年度", lambda r: r.year),
        Column("公布日期", lambda r: day(r.published_date)),
        Column("履职报告", lambda r: day(r.report_date), empty="未提交"),
        Column("评议得分", lambda r: r.review_score, empty="未评议"),
        Column("评议等次", lambda r: r.get_review_grade_display()),
        Column("评议意见及整改建议", lambda r: r.review_comment, on_page=False),
    ),
)


@require_safe
def list_list(request):
    return _list(
        request,
        selectors.lists(request.user, search=request.GET.get("q", "")[:100]),
        LIST_LEDGER,
        title="谁执法谁普法责任清单",
        placeholder="单位名称",
        empty="没有责任清单",
        create=("公布责任清单", "publicity:list_create"),
    )


def list_create(request):
    require(request, Action.CREATE, LINE)
    form = ListForm(request.POST or None, request=request, units=selectors.agencies(request.user))
    return form_page(
        request,
        form,
        services.create_list,
        title="公布普法责任清单",
        crumbs=[("谁执法谁普法", reverse("publicity:list_list"))],
        message=lambda r: f"已登记{r}",
    )


@record_view(ResponsibilityList)
@require_safe
def list_detail(request, responsibility_list):
    user = request.user
    return render(
        request,
        "publicity/list_detail.html",
        {
            "record": responsibility_list,
            "items": selectors.items_of(user, responsibility_list),
            "may_change": permits(user, Action.CHANGE, responsibility_list),
            "may_review": permits(user, Action.REVIEW, responsibility_list)
            and responsibility_list.report_date is not None,
            "ranking": selectors.ranking(user, responsibility_list.year),
            "history": core_selectors.record_history(user, responsibility_list),
        },
    )


def _list_form(request, record, form, service, title, message):
    return form_page(
        request,
        form,
        service,
        title=title,
        back=record,
        crumbs=[("谁执法谁普法", reverse("publicity:list_list"))],
        message=message,
        responsibility_list=record,
    )


@record_view(ResponsibilityList, Action.CHANGE)
def list_item(request, responsibility_list):
    form = ItemForm(request.POST or None, request=request)
    return _list_form(
        request, responsibility_list, form, services.add_list_item, "增加清单事项", "已增加清单事项"
    )


@record_view(ResponsibilityList, Action.CHANGE)
def list_import(request, responsibility_list):
    return import_page(
        request,
        imports.LIST_ITEMS,
        lambda upload: services.import_list_items(
            actor=request.user, responsibility_list=responsibility_list, data=upload
        ),
        title="导入责任清单事项",
        template_name="普法责任清单导入模板.xlsx",
        success="已导入{count}项清单事项",
        done=responsibility_list,
        back=responsibility_list,
    )


@record_view(ResponsibilityList, Action.CHANGE)
def list_report(request, responsibility_list):
    form = ReportForm(request.POST or None, request=request)
    return _list_form(
        request, responsibility_list, form, services.submit_report, "提交履职报告", "已提交履职报告"
    )


@record_view(ResponsibilityList, Action.REVIEW)
def list_review(request, responsibility_list):
    form = ReviewForm(request.POST or None, request=request)
    return _list_form(
        request, responsibility_list, form, services.review_list, "履职报告评议", "已登记评议"
    )


# — activities —

ACTIVITY_LEDGER = Ledger(
    "普法活动台账.xlsx",
    "普法活动",
    (
        Column("活动", lambda a: str(a)),
        Column("主办单位", lambda a: a.unit.name),
        Column("主题", lambda a: a.get_theme_display()),
        Column("形式", lambda a: a.get_form_display(), on_page=False),
        Column("地点", lambda a: a.place, on_page=False),
        Column("参与人数", lambda a: a.participants),
        Column("发放宣传材料（份）", lambda a: a.materials, on_page=False),
        Column("法律明白人活动", lambda a: a.village.name if a.village else ""),
    ),
)


@require_safe
def activity_list(request):
    return _list(
        request,
        selectors.activities(request.user, search=request.GET.get("q", "")[:100]),
        ACTIVITY_LEDGER,
        title="普法活动",
        placeholder="活动名称、地点或主办单位",
        empty="没有普法活动",
        create=("登记普法活动", "publicity:activity_create"),
    )


def activity_create(request):
    require(request, Action.CREATE, LINE)
    form = ActivityRegisterForm(
        request.POST or None,
        request=request,
        units=selectors.organiser_units(request.user),
        villages=selectors.villages(request.user),
    )
    return form_page(
        request,
        form,
        services.register_activity,
        title="登记普法活动",
        crumbs=[("普法活动", reverse("publicity:activity_list"))],
        message=lambda a: f"已登记{a}",
    )


@record_view(Activity)
@require_safe
def activity_detail(request, activity):
    return render(
        request,
        "publicity/activity_detail.html",
        {
            "activity": activity,
            "history": core_selectors.record_history(request.user, activity),
            "attachments": core_selectors.attachments_of(request.user, activity),
            "may_upload": permits(request.user, Action.CHANGE, activity),
        },
    )


@record_view(Activity, Action.CHANGE)
@require_POST
def activity_upload(request, activity):
    """照片、宣传材料 of an activity: checked as every upload (core/attachments.py)."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的照片或材料")
    else:
        try:
            services.attach_activity_file(
                actor=request.user, activity=activity, uploaded_file=upload
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, f"已上传“{upload.name}”")
    return redirect(activity)


# — 法律明白人 —


def _count_cell(village):
    if village.active_people < selectors.PER_VILLAGE:
        return format_html(
            '{} <span class="badge badge-danger">不足{}人</span>',
            village.active_people,
            selectors.PER_VILLAGE,
        )
    return village.active_people


VILLAGE_LEDGER = Ledger(
    "法律明白人花名册（按村）.xlsx",
    "法律明白人",
    (
        Column("村（社区）", lambda v: str(v)),
        Column("乡镇（街道）", lambda v: v.unit.name, on_page=False),
        Column("在册法律明白人", lambda v: v.active_people, cell=_count_cell),
        Column(
            "达到每村3名",
            lambda v: "是" if v.active_people >= selectors.PER_VILLAGE else "否",
            on_page=False,
        ),
    ),
)


@require_safe
def village_list(request):
    queryset = selectors.villages(request.user, search=request.GET.get("q", "")[:100])
    if request.GET.get("below"):
        queryset = queryset.filter(active_people__lt=selectors.PER_VILLAGE)
    return ledger_page(
        request,
        queryset,
        ledger=VILLAGE_LEDGER,
        title="法律明白人（按村）",
        search_placeholder="村（社区）或乡镇（街道）",
        empty="没有村（社区）",
        below=selectors.villages_below(request.user).count(),
        actions=[("不足3名的村", f"{reverse('publicity:village_list')}?below=1")]
        + _actions(request, "登记村（社区）", "publicity:village_create"),
    )


def village_create(request):
    require(request, Action.CREATE, LINE)
    form = VillageForm(
        request.POST or None, request=request, units=selectors.townships(request.user)
    )
    return form_page(
        request,
        form,
        services.register_village,
        title="登记村（社区）",
        crumbs=[("法律明白人", reverse("publicity:village_list"))],
        message=lambda v: f"已登记{v}",
    )


@record_view(Village)
@require_safe
def village_detail(request, village):
    user = request.user
    people = selectors.people_of(user, village)
    return render(
        request,
        "publicity/village_detail.html",
        {
            "village": village,
            "people": people,
            "active": people.filter(active=True).count(),
            "floor": selectors.PER_VILLAGE,
            "personal": can_view_personal_data(user, village),
            "may_change": permits(user, Action.CHANGE, village),
            "history": core_selectors.record_history(user, village),
        },
    )


@record_view(Village, Action.CHANGE)
def village_person(request, village):
    form = PersonForm(request.POST or None, request=request)
    return form_page(
        request,
        form,
        services.add_person,
        title="法律明白人考核上岗",
        back=village,
        crumbs=[("法律明白人", reverse("publicity:village_list"))],
        message=lambda p: f"已登记法律明白人{p.name}",
        village=village,
    )


# — 学法考法 —

EXAM_LEDGER = Ledger(
    "学法考法台账.xlsx",
    "学法考法",
    (
        Column("考试", lambda e: e.name),
        Column("组织单位", lambda e: e.unit.name),
        Column("考试日期", lambda e: day(e.date)),
    ),
)


@require_safe
def exam_list(request):
    return _list(
        request,
        selectors.exams(request.user, search=request.GET.get("q", "")[:100]),
        EXAM_LEDGER,
        title="学法考法",
        placeholder="考试名称",
        empty="没有学法考法",
        create=("组织学法考法", "publicity:exam_create"),
    )


def exam_create(request):
    require(request, Action.CREATE, LINE)
    form = ExamForm(request.POST or None, request=request, units=selectors.agencies(request.user))
    return form_page(
        request,
        form,
        services.create_exam,
        title="组织学法考法",
        crumbs=[("学法考法", reverse("publicity:exam_list"))],
        message=lambda e: f"已登记{e}，请导入成绩",
    )


@record_view(LawExam)
@require_safe
def exam_detail(request, exam):
    user = request.user
    personal = can_view_personal_data(user, exam)
    results = selectors.results_of(user, exam) if personal else []
    return render(
        request,
        "publicity/exam_detail.html",
        {
            "exam": exam,
            "rates": selectors.exam_rates(user, exam),
            "results": [(r, shown_id_number(user, r, r.id_number)) for r in results],
            "personal": personal,
            "may_change": permits(user, Action.CHANGE, exam),
            "history": core_selectors.record_history(user, exam),
        },
    )


@record_view(LawExam, Action.CHANGE)
def exam_import(request, exam):
    return import_page(
        request,
        imports.EXAM_RESULTS,
        lambda upload: services.import_exam_results(actor=request.user, exam=exam, data=upload),
        title="导入学法考法成绩",
        template_name="学法考法成绩导入模板.xlsx",
        success="已导入{count}人的成绩",
        done=exam,
        back=exam,
    )
