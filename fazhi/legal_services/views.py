"""Pages of 公共法律服务: service points, villages and their advisers, 12348 contacts and
visits, notary offices with their monthly reports and complaints — each a ledger with Excel."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from fazhi.core import selectors as core_selectors
from fazhi.core.imports import import_page
from fazhi.core.ledgers import Column, Ledger, day
from fazhi.core.recordpages import RecordPages, create_page, records_page
from fazhi.core.roles import Action
from fazhi.core.steps import form_page
from fazhi.core.viewtools import record_view, require

from . import forms, imports, selectors, services
from .models import Approval, HotlineContact, NotaryOffice, ServicePoint, Village

SECTION = "公共法律服务"


def _record_form(request, record, form, service, *, title, message):
    """A form on a record's page (月报, 投诉, 聘任 …), back to the record."""
    name = record._meta.model_name.removeprefix("notary")
    return form_page(
        request,
        form,
        service,
        title=f"{title}：{record}",
        back=record.get_absolute_url(),
        message=message,
        **{name: record},
    )


# — service points —

POINT_LEDGER = Ledger(
    "公共法律服务站点.xlsx",
    "服务站点",
    (
        Column("名称", lambda p: p.name),
        Column("层级", lambda p: p.get_level_display()),
        Column("工作人员（人）", lambda p: p.staff),
        Column("服务时间", lambda p: p.hours, on_page=False),
        Column("服务事项", lambda p: p.services, on_page=False),
        Column("星级", lambda p: p.get_rating_display() if p.rating else "未评定"),
        Column("建成日期", lambda p: day(p.established_date), on_page=False),
    ),
)


POINTS = RecordPages(
    namespace="legal_services",
    units=selectors.units_for,
    name="point",
    model=ServicePoint,
    ledger=POINT_LEDGER,
    selector=selectors.points,
    title="公共法律服务站点",
    crumb="服务站点",
    placeholder="名称或服务事项",
    empty="尚未登记站点",
    create_label="登记站点",
    form_class=forms.PointForm,
    service=services.register_point,
    create_title="登记公共法律服务站点",
    message=lambda p: f"已登记{p}",
)
point_list, point_create = POINTS.views()


@record_view(ServicePoint)
@require_safe
def point_detail(request, point):
    return render(
        request,
        "legal_services/point_detail.html",
        {"point": point, "history": core_selectors.record_history(request.user, point)},
    )


# — villages and advisers —


def _adviser_cell(village):
    if village.has_adviser:
        return "有"
    if village.removed_date:
        return "—"
    return mark_safe('<span class="badge badge-warning">无法律顾问</span>')


def _removal(village) -> str:
    """撤并 as the ledger says it: the day and the village merged into, or 在册."""
    if village.removed_date is None:
        return "在册"
    merged = f"，并入{village.merged_into}" if village.merged_into_id else ""
    return f"{village.removed_date:%Y-%m-%d}撤并{merged}"


VILLAGE_LEDGER = Ledger(
    "村居法律顾问.xlsx",
    "村居法律顾问",
    (
        Column("乡镇（街道）", lambda v: v.township.name),
        Column("村（居）", lambda v: v.name),
        Column("现有法律顾问", lambda v: "有" if v.has_adviser else "无", cell=_adviser_cell),
        Column("列入名册日期", lambda v: day(v.listed_date), on_page=False),
        Column("撤并情况", _removal),
    ),
)


@require_safe
def village_list(request):
    filters = forms.VillageFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    today = timezone.localdate()
    total, covered = selectors.coverage(request.user, today)
    return records_page(
        request,
        selectors.villages(
            request.user,
            search=data.get("q", ""),
            without_adviser=data.get("without_adviser", False),
            on=today,
            roster=data.get("roster", selectors.ROSTER),
        ),
        model=Village,
        ledger=VILLAGE_LEDGER,
        title=f"村居法律顾问（{covered}/{total}个在册村居有法律顾问）",
        placeholder="村（居）或乡镇",
        filter_form=filters,
        empty="没有符合条件的村（居）",
        create=[("登记村（居）", reverse("legal_services:village_create"))],
    )


def village_create(request):
    return create_page(
        request,
        Village,
        forms.VillageForm,
        services.register_village,
        units=selectors.units_for(request.user),
        title="登记村（居）",
        back=("村居法律顾问", reverse("legal_services:village_list")),
        message=lambda v: f"已登记{v}",
        townships=selectors.townships_for(request.user),
    )


@record_view(Village)
@require_safe
def village_detail(request, village):
    user = request.user
    return render(
        request,
        "legal_services/village_detail.html",
        {
            "village": village,
            "advisers": selectors.advisers_of(user, village),
            "logs": selectors.logs_of(user, village),
            "can_change": core_selectors.can(user, Action.CHANGE, Village.work_line),
            "merged_villages": selectors.merged_into(user, village),
            "history": core_selectors.record_history(user, village),
        },
    )


@record_view(Village, Action.CHANGE)
def village_remove(request, village):
    """撤并: the day the village leaves the roster and, if merged, the village it joins."""
    if village.removed_date is not None:
        messages.info(request, f"{village}已于{village.removed_date:%Y-%m-%d}撤并")
        return redirect(village)
    form = forms.RemoveVillageForm(
        request.POST or None,
        targets=selectors.merge_targets(request.user, village),
        request=request,
    )
    return _record_form(
        request, village, form, services.remove_village, title="撤并村（居）", message="已撤并"
    )


@record_view(Village, Action.CHANGE)
def village_adviser(request, village):
    return _record_form(
        request,
        village,
        forms.AdviserForm(request.POST or None, request=request),
        services.appoint_adviser,
        title="聘任法律顾问",
        message="已登记法律顾问",
    )


@record_view(Village, Action.CHANGE)
def village_log(request, village):
    form = forms.AdviserLogForm(
        request.POST or None,
        advisers=selectors.advisers_of(request.user, village),
        request=request,
    )
    return _record_form(
        request,
        village,
        form,
        services.log_adviser_month,
        title="登记法律顾问服务记录",
        message="已登记服务记录",
    )


# — 12348 and visits —

CONTACT_LEDGER = Ledger(
    "12348咨询及来访.xlsx",
    "12348",
    (
        Column("日期", lambda c: day(c.contact_date)),
        Column("渠道", lambda c: c.get_channel_display()),
        Column("类别", lambda c: c.category),
        Column("接通", lambda c: "是" if c.answered else "否（呼损）"),
        Column("时长（分钟）", lambda c: c.duration_minutes, on_page=False),
        Column("满意度", lambda c: c.get_satisfaction_display()),
        Column("回访", lambda c: c.follow_up, on_page=False),
        Column("转办", lambda c: c.get_referral_display()),
        Column("单位", lambda c: c.unit.name, on_page=False),
    ),
)


@require_safe
def contact_list(request):
    filters = forms.ContactFilterForm(request.GET)
    filters.is_valid()
    data = filters.cleaned_data
    return records_page(
        request,
        selectors.contacts(request.user, data.get("q", ""), data.get("channel", "")),
        model=HotlineContact,
        ledger=CONTACT_LEDGER,
        title="12348咨询及来访",
        placeholder="类别或摘要",
        filter_form=filters,
        empty="没有符合条件的记录",
        create=[
            ("登记", reverse("legal_services:contact_create")),
            ("导入12348平台数据", reverse("legal_services:contact_import")),
        ],
    )


def contact_create(request):
    return create_page(
        request,
        HotlineContact,
        forms.ContactForm,
        services.register_contact,
        units=selectors.units_for(request.user),
        title="登记12348咨询或来访",
        back=("12348咨询及来访", reverse("legal_services:contact_list")),
        message="已登记",
    )


def contact_import(request):
    require(request, Action.CREATE, HotlineContact.work_line)
    unit = selectors.units_for(request.user).first()
    if unit is None:
        raise PermissionDenied("当前任职无权导入12348数据")
    return import_page(
        request,
        imports.CONTACTS,
        partial(services.import_contacts, unit=unit),
        title=f"导入12348平台来电记录（{unit.name}）",
        template_name="12348来电记录导入模板.xlsx",
        success="已导入{count}条来电记录",
        done=reverse("legal_services:contact_list"),
    )


@record_view(HotlineContact)
@require_safe
def contact_detail(request, contact):
    may_refer = (
        contact.answered
        and not contact.referred
        and core_selectors.can(request.user, Action.CHANGE, HotlineContact.work_line)
    )
    return render(
        request,
        "legal_services/contact_detail.html",
        {
            "contact": contact,
            "may_refer": may_refer,
            "history": core_selectors.record_history(request.user, contact),
        },
    )


@record_view(HotlineContact, Action.CHANGE)
def contact_refer(request, contact):
    """转介 to 法律援助 (?to=legal_aid) or 人民调解 (?to=mediation): the case is opened in
    that line by its own service, with the user's rights there."""
    to = request.GET.get("to") or request.POST.get("to", "")
    fixed = {"contact": contact}
    if to == "legal_aid":
        form = forms.AidReferralForm(
            request.POST or None, units=selectors.aid_agencies(request.user), request=request
        )
        service, title = services.refer_to_legal_aid, "转法律援助"
    elif to == "mediation":
        committees, mediators = selectors.mediation_choices(request.user)
        form = forms.MediationReferralForm(
            request.POST or None, committees=committees, mediators=mediators, request=request
        )
        service, title = services.refer_to_mediation, "转人民调解"
    else:
        raise Http404("没有这种转介")
    return form_page(
        request,
        form,
        service,
        title=f"{title}（{contact}）",
        crumbs=[("12348咨询及来访", reverse("legal_services:contact_list"))],
        message=lambda c: f"已{title}：{(c.aid_case or c.dispute).number}",
        back=contact,
        **fixed,
    )


# — notary offices —

OFFICE_LEDGER = Ledger(
    "公证机构.xlsx",
    "公证机构",
    (
        Column("公证机构", lambda o: o.name),
        Column("公证员（人）", lambda o: o.notaries),
        Column("主管单位", lambda o: o.unit.name),
    ),
)


OFFICES = RecordPages(
    namespace="legal_services",
    units=selectors.units_for,
    name="office",
    model=NotaryOffice,
    ledger=OFFICE_LEDGER,
    selector=selectors.offices,
    title="公证机构",
    crumb="公证机构",
    placeholder="公证机构名称",
    empty="尚未登记公证机构",
    create_label="登记公证机构",
    form_class=forms.OfficeForm,
    service=services.register_office,
    create_title="登记公证机构",
    message=lambda o: f"已登记{o}",
)
office_list, office_create = OFFICES.views()


@record_view(NotaryOffice)
@require_safe
def office_detail(request, office):
    user = request.user
    reports = selectors.reports_of(user, office)
    return render(
        request,
        "legal_services/office_detail.html",
        {
            "office": office,
            "reports": reports,
            "complaints": selectors.complaints_of(user, office),
            "can_change": core_selectors.can(user, Action.CHANGE, NotaryOffice.work_line),
            "history": core_selectors.record_history(user, office),
        },
    )


@record_view(NotaryOffice, Action.CHANGE)
def office_report(request, office):
    return _record_form(
        request,
        office,
        forms.ReportForm(request.POST or None, request=request),
        services.report_month,
        title="登记公证月报",
        message="已登记月报",
    )


@record_view(NotaryOffice, Action.CHANGE)
def office_complaint(request, office):
    return _record_form(
        request,
        office,
        forms.ComplaintForm(request.POST or None, request=request),
        services.register_complaint,
        title="登记投诉",
        message="已登记投诉",
    )


@record_view(NotaryOffice, Action.CHANGE)
def office_handle(request, office):
    form = forms.HandleForm(
        request.POST or None,
        complaints=selectors.complaints_of(request.user, office).filter(handled_date__isnull=True),
        request=request,
    )
    return _record_form(
        request, office, form, services.handle_complaint, title="办结投诉", message="已办结投诉"
    )


# — 司法行政审批 —

APPROVAL_LEDGER = Ledger(
    "司法行政审批.xlsx",
    "行政审批",
    (
        Column("申请人", lambda a: a.applicant),
        Column("审批事项", lambda a: a.get_item_display()),
        Column("受理日期", lambda a: day(a.received_date)),
        Column("办理期限", lambda a: day(a.due) if a.due else "待录入节假日后计算"),
        Column("办结日期", lambda a: day(a.decided_date) if a.decided_date else "未办结"),
        Column("办理结果", lambda a: a.get_decision_display() or "—"),
        Column("逾期", lambda a: "是" if a.overdue else "否", on_page=False),
    ),
)


APPROVALS = RecordPages(
    namespace="legal_services",
    units=selectors.units_for,
    name="approval",
    model=Approval,
    ledger=APPROVAL_LEDGER,
    selector=selectors.approvals,
    title="司法行政审批",
    crumb="行政审批",
    placeholder="申请人",
    empty="尚未登记行政审批",
    create_label="受理审批",
    form_class=forms.ApprovalForm,
    service=services.register_approval,
    create_title="受理司法行政审批",
    message=lambda a: f"已受理{a}",
)
approval_list, approval_create = APPROVALS.views()


@record_view(Approval)
@require_safe
def approval_detail(request, approval):
    user = request.user
    return render(
        request,
        "legal_services/approval_detail.html",
        {
            "approval": approval,
            "can_change": core_selectors.can(user, Action.CHANGE, Approval.work_line),
            "history": core_selectors.record_history(user, approval),
        },
    )


@record_view(Approval, Action.CHANGE)
def approval_decide(request, approval):
    if approval.decided_date is not None:
        messages.info(request, f"该审批已于{approval.decided_date:%Y-%m-%d}办结")
        return redirect(approval)
    return _record_form(
        request,
        approval,
        forms.ApprovalDecisionForm(request.POST or None, request=request),
        services.decide_approval,
        title="办结审批",
        message="已办结",
    )
