"""Forms of the 公共法律服务 pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    AdviserKind,
    ApprovalDecision,
    ApprovalItem,
    ContactChannel,
    ContactReferral,
    Level,
    NotaryCategory,
    NotaryComplaint,
    Satisfaction,
    Village,
    VillageAdviser,
)


class _UnitForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class PointForm(_UnitForm):
    name = forms.CharField(label="名称", max_length=100)
    level = forms.ChoiceField(label="层级", choices=Level.choices)
    established_date = date_field("建成日期")
    address = forms.CharField(label="地址", max_length=200, required=False)
    staff = forms.IntegerField(label="工作人员（人）", min_value=0, max_value=999, initial=1)
    hours = forms.CharField(label="服务时间", max_length=100, required=False)
    services = forms.CharField(label="服务事项", max_length=300, required=False)
    rating = forms.TypedChoiceField(
        label="星级评定",
        choices=[("", "未评定"), *[(n, f"{n}星") for n in range(1, 6)]],
        coerce=int,
        empty_value=None,
        required=False,
    )


class VillageForm(_UnitForm):
    township = forms.ModelChoiceField(label="乡镇（街道）", queryset=Unit.objects.none())
    name = forms.CharField(label="村（居）", max_length=60)
    listed_date = date_field("列入名册日期", today=True)

    def __init__(self, *args, townships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["township"].queryset = townships


class RemoveVillageForm(SubmitOnceForm):
    removed_date = date_field("撤并日期", today=True, help_text="自该日起不再计入名册")
    merged_into = forms.ModelChoiceField(
        label="并入村（居）",
        queryset=Village.objects.none(),
        required=False,
        empty_label="（撤销，不并入其他村居）",
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["merged_into"].queryset = targets


class AdviserForm(SubmitOnceForm):
    name = forms.CharField(label="法律顾问", max_length=40)
    kind = forms.ChoiceField(label="类别", choices=AdviserKind.choices)
    firm = forms.CharField(label="执业机构", max_length=100)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    start = date_field("聘任起始")
    end = date_field("聘任截止")


class AdviserLogForm(SubmitOnceForm):
    adviser = forms.ModelChoiceField(label="法律顾问", queryset=VillageAdviser.objects.none())
    month = date_field("月份（任一日）", today=True)
    consultations = forms.IntegerField(
        label="解答咨询（人次）", min_value=0, max_value=99999, initial=0
    )
    disputes = forms.IntegerField(
        label="参与调解纠纷（件）", min_value=0, max_value=9999, initial=0
    )
    lectures = forms.IntegerField(label="法治讲座（场次）", min_value=0, max_value=999, initial=0)
    documents = forms.IntegerField(
        label="审核村规民约、合同（件）", min_value=0, max_value=9999, initial=0
    )
    aid_referrals = forms.IntegerField(
        label="引导法律援助（件）", min_value=0, max_value=999, initial=0
    )

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers


class ContactForm(_UnitForm):
    contact_date = date_field("日期", today=True)
    channel = forms.ChoiceField(label="渠道", choices=ContactChannel.choices)
    category = forms.CharField(
        label="咨询类别", max_length=30, help_text="如：劳动、婚姻家庭、合同"
    )
    answered = forms.BooleanField(label="已接通（已接待）", required=False, initial=True)
    duration_minutes = forms.IntegerField(
        label="时长（分钟）", min_value=0, max_value=600, initial=0
    )
    satisfaction = forms.ChoiceField(
        label="满意度", choices=[("", "未评价"), *Satisfaction.choices], required=False
    )
    follow_up = forms.CharField(label="回访情况", max_length=200, required=False)
    referral = forms.ChoiceField(label="转办", choices=ContactReferral.choices, required=False)
    summary = forms.CharField(label="咨询摘要", max_length=300, required=False)


class OfficeForm(_UnitForm):
    name = forms.CharField(label="公证机构", max_length=100)
    notaries = forms.IntegerField(label="公证员（人）", min_value=0, max_value=999, initial=2)


class ReportForm(SubmitOnceForm):
    month = date_field("月份（任一日）", today=True)
    category = forms.ChoiceField(label="类别", choices=NotaryCategory.choices)
    cases = forms.IntegerField(label="办理公证（件）", min_value=0, max_value=999999)
    refusals = forms.IntegerField(label="不予办理（件）", min_value=0, max_value=99999, initial=0)
    fee_waivers = forms.IntegerField(
        label="减免费用（件）", min_value=0, max_value=99999, initial=0
    )
    timed = forms.IntegerField(
        label="报送办证日期的（件）", min_value=0, max_value=999999, initial=0
    )
    on_time = forms.IntegerField(
        label="其中十五个工作日内出具（件）",
        min_value=0,
        max_value=999999,
        initial=0,
        help_text="公证法 第三十条",
    )


class ComplaintForm(SubmitOnceForm):
    received_date = date_field("收到投诉日期", today=True)
    notary = forms.CharField(label="被投诉公证员", max_length=40, required=False)
    content = forms.CharField(label="投诉事项", widget=forms.Textarea(attrs={"rows": 3}))


class HandleForm(SubmitOnceForm):
    complaint = forms.ModelChoiceField(label="投诉", queryset=NotaryComplaint.objects.none())
    handled_date = date_field("办结日期", today=True)
    result = forms.CharField(label="处理结果", max_length=300)

    def __init__(self, *args, complaints, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["complaint"].queryset = complaints


class ContactFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    channel = forms.ChoiceField(
        label="渠道", choices=[("", "全部渠道"), *ContactChannel.choices], required=False
    )


class VillageFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    roster = forms.ChoiceField(
        label="名册",
        choices=[("", "在册村（居）"), ("removed", "已撤并村（居）"), ("all", "全部")],
        required=False,
    )
    without_adviser = forms.BooleanField(label="仅显示无法律顾问的村（居）", required=False)


class AidReferralForm(SubmitOnceForm):
    """The application as 12348 takes it down; the legal-aid service checks it."""

    unit = forms.ModelChoiceField(label="法律援助机构", queryset=Unit.objects.none())
    received_date = date_field("转入日期（收到申请日期）", today=True)
    applicant_name = forms.CharField(label="申请人姓名", max_length=40)
    applicant_id_number = forms.CharField(label="身份证号码", max_length=18)
    applicant_phone = forms.CharField(label="联系电话", max_length=30, required=False)
    case_type = forms.ChoiceField(label="案件类型", choices=())
    matter = forms.ChoiceField(label="援助事项", choices=())
    summary = forms.CharField(label="案情摘要", widget=forms.Textarea(attrs={"rows": 3}))
    economic_check = forms.ChoiceField(label="经济困难审查", choices=())
    economic_evidence = forms.CharField(
        label="经济困难状况说明",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="诚信承诺或信息共享查询的结果（法律援助法 第四十一条）",
    )

    def __init__(self, *args, units, **kwargs):
        from fazhi.legal_aid.models import CaseType, EconomicCheck, Matter

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["case_type"].choices = CaseType.choices
        self.fields["matter"].choices = Matter.choices
        self.fields["economic_check"].choices = [
            (value, label)
            for value, label in EconomicCheck.choices
            if value in (EconomicCheck.PLEDGE, EconomicCheck.INFORMATION_SHARING)
        ]


class MediationReferralForm(SubmitOnceForm):
    committee = forms.ModelChoiceField(label="调解组织", queryset=Unit.objects.none())
    mediator = forms.ModelChoiceField(label="调解员", queryset=Unit.objects.none())
    received_date = date_field("受理日期", today=True)
    kind = forms.ChoiceField(label="纠纷类型", choices=())
    applicant = forms.CharField(label="申请人（当事人）", max_length=100)
    respondent = forms.CharField(label="被申请人", max_length=100, required=False)
    summary = forms.CharField(label="纠纷简要情况", max_length=2000, widget=forms.Textarea)

    def __init__(self, *args, committees, mediators, **kwargs):
        from fazhi.mediation.models import DisputeKind

        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["mediator"].queryset = mediators
        self.fields["kind"].choices = DisputeKind.choices


class ApprovalForm(_UnitForm):
    item = forms.ChoiceField(label="审批事项", choices=ApprovalItem.choices)
    applicant = forms.CharField(label="申请人", max_length=100)
    received_date = date_field("受理日期", today=True)


class ApprovalDecisionForm(SubmitOnceForm):
    decided_date = date_field("办结日期", today=True)
    decision = forms.ChoiceField(label="办理结果", choices=ApprovalDecision.choices)
    reason = forms.CharField(
        label="理由", max_length=300, required=False, help_text="不予许可的必填"
    )
