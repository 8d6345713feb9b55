"""Pages of 普法: responsibility lists (履职报告, 评议), activities, the 法律明白人 roster per
village, and 学法考法 with its imported results and computed rates."""

from dataclasses import dataclass
from functools import partial

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
from fazhi.core.validators import mask_id_number
from fazhi.core.viewtools import error_text, record_view, require

from . import imports, selectors, services
from .forms import (
    ActivityRegisterForm,
    CultureSiteForm,
    ExamForm,
    ItemForm,
    ListForm,
    MediaAdoptionForm,
    ModelVillageForm,
    PersonForm,
    ReportForm,
    ReviewForm,
    VillageForm,
    VolunteerForm,
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
        partial(services.import_list_items, responsibility_list=responsibility_list),
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
        partial(services.import_exam_results, exam=exam),
        title="导入学法考法成绩",
        template_name="学法考法成绩导入模板.xlsx",
        success="已导入{count}人的成绩",
        done=exam,
        back=exam,
    )


# — 媒体采用 · 法治文化阵地 · 民主法治示范村 · 普法志愿者: one declared list and create page —


@dataclass(frozen=True)
class Register:
    """A register of the line: its ledger (a function of whether the user reads personal
    data in full), selector, form with the choices it offers, and service."""

    title: str
    ledger: object  # (personal: bool) -> Ledger
    rows: object  # selectors.x(user, search=...)
    form: type
    choices: object  # selectors.x(user): the form's units (or villages)
    service: object
    create: str  # the button's label
    url: str  # "publicity:x": its pages are x_list and x_create
    placeholder: str
    measure: str  # 篇, 处, 个, 人: the unit of the per-level counts
    by_level: bool = True


def _register_views(register: Register):
    @require_safe
    def list_view(request):
        user = request.user
        queryset = register.rows(user, search=request.GET.get("q", "")[:100])
        model = queryset.model
        return ledger_page(
            request,
            queryset,
            ledger=register.ledger(can_view_personal_data(user, model())),
            title=register.title,
            template="publicity/register_list.html",
            search_placeholder=register.placeholder,
            empty=f"没有{register.title}",
            actions=_actions(request, register.create, f"{register.url}_create"),
            levels=selectors.by_level(queryset) if register.by_level else [],
            measure=register.measure,
        )

    def create_view(request):
        require(request, Action.CREATE, LINE)
        form = register.form(
            request.POST or None, request=request, choices=register.choices(request.user)
        )
        list_url = reverse(f"{register.url}_list")
        return form_page(
            request,
            form,
            register.service,
            title=register.create,
            back=list_url,
            crumbs=[(register.title, list_url)],
            message=lambda record: f"已登记{record}",
        )

    return list_view, create_view


def _fixed(ledger):
    return lambda personal: ledger


MEDIA_LEDGER = Ledger(
    "媒体采用普法稿件台账.xlsx",
    "媒体采用",
    (
        Column("稿件标题", lambda m: m.title),
        Column("采用媒体", lambda m: m.outlet),
        Column("媒体层级", lambda m: m.get_level_display()),
        Column("报送单位", lambda m: m.unit.name),
        Column("刊播日期", lambda m: day(m.published_date)),
    ),
)
SITE_LEDGER = Ledger(
    "法治文化阵地台账.xlsx",
    "法治文化阵地",
    (
        Column("阵地名称", lambda s: s.name),
        Column("类型", lambda s: s.get_kind_display()),
        Column("级别", lambda s: s.get_level_display()),
        Column("建设单位", lambda s: s.unit.name),
        Column("地址", lambda s: s.address, on_page=False),
        Column("建成（命名）日期", lambda s: day(s.named_date)),
    ),
)
MODEL_VILLAGE_LEDGER = Ledger(
    "民主法治示范村（社区）台账.xlsx",
    "民主法治示范村",
    (
        Column("村（社区）", lambda m: str(m.village)),
        Column("命名级别", lambda m: m.get_level_display()),
        Column("命名年度", lambda m: m.year),
        Column("命名机关", lambda m: m.named_by),
        Column("命名日期", lambda m: day(m.named_date), on_page=False),
    ),
)


def volunteer_ledger(personal: bool) -> Ledger:
    """普法志愿者: phone and 身份证号码 in full only for who may read personal data."""
    phone = (lambda v: v.phone) if personal else (lambda v: selectors.mask_phone(v.phone))
    id_number = (lambda v: v.id_number) if personal else (lambda v: mask_id_number(v.id_number))
    return Ledger(
        "普法志愿者花名册.xlsx",
        "普法志愿者",
        (
            Column("姓名", lambda v: v.name),
            Column("志愿服务队", lambda v: v.team),
            Column("登记单位", lambda v: v.unit.name),
            Column("联系电话", phone),
            Column("身份证号码", id_number, on_page=False),
            Column("登记日期", lambda v: day(v.registered_date)),
        ),
    )


media_list, media_create = _register_views(
    Register(
        "媒体采用普法稿件",
        _fixed(MEDIA_LEDGER),
        selectors.media_adoptions,
        MediaAdoptionForm,
        selectors.organiser_units,
        services.register_media_adoption,
        "登记媒体采用",
        "publicity:media",
        "稿件标题、媒体或单位",
        "篇",
    )
)
site_list, site_create = _register_views(
    Register(
        "法治文化阵地",
        _fixed(SITE_LEDGER),
        selectors.culture_sites,
        CultureSiteForm,
        selectors.organiser_units,
        services.register_culture_site,
        "登记法治文化阵地",
        "publicity:site",
        "阵地名称、地址或单位",
        "处",
    )
)
model_village_list, model_village_create = _register_views(
    Register(
        "民主法治示范村（社区）",
        _fixed(MODEL_VILLAGE_LEDGER),
        selectors.model_villages,
        ModelVillageForm,
        selectors.villages,
        services.name_model_village,
        "登记示范村命名",
        "publicity:model_village",
        "村（社区）、乡镇或命名机关",
        "个",
    )
)
volunteer_list, volunteer_create = _register_views(
    Register(
        "普法志愿者",
        volunteer_ledger,
        selectors.volunteers,
        VolunteerForm,
        selectors.organiser_units,
        services.register_volunteer,
        "登记普法志愿者",
        "publicity:volunteer",
        "姓名、志愿服务队或单位",
        "人",
        by_level=False,
    )
)
