"""Forms of the 人民调解 pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    AgreementForm,
    CommitteeKind,
    ConfirmationResult,
    DisputeKind,
    Employment,
    EndReason,
    Gender,
    Mediator,
    NotConfirmedGround,
    PartyRole,
    Performance,
    Post,
    Prevented,
    Risk,
    RouteWay,
    Source,
    Status,
)

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class MediatorForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="所属单位", queryset=Unit.objects.none())
    name = forms.CharField(label="姓名", max_length=30)
    gender = forms.ChoiceField(label="性别", choices=Gender.choices)
    ethnicity = forms.CharField(label="民族", max_length=20, initial="汉族")
    birth_date = date_field(
        "出生日期", help_text="人民调解员应当由成年公民担任（人民调解法 第十四条）"
    )
    employment = forms.ChoiceField(label="专兼职", choices=Employment.choices)
    id_number = forms.CharField(label="身份证号码", max_length=18, required=False)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    specialty = forms.CharField(label="专长", max_length=100, required=False)
    expert = forms.BooleanField(label="入选专家库", required=False)
    trained_date = date_field("最近业务培训日期", required=False)
    subsidy = forms.CharField(label="补贴", max_length=60, required=False)
    appointed_date = date_field("入册日期", required=False, help_text="不填则为登记当日")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class CommitteeForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="指导单位（司法所或司法局）", queryset=Unit.objects.none())
    name = forms.CharField(label="名称", max_length=100, help_text="例：湖滨社区人民调解委员会")
    abbreviation = forms.CharField(
        label="卷号字号",
        max_length=30,
        required=False,
        help_text="不填则取名称中“人民调解委员会”之前的部分",
    )
    kind = forms.ChoiceField(label="类型", choices=CommitteeKind.choices)
    field = forms.CharField(
        label="专业领域",
        max_length=40,
        required=False,
        help_text="行业性专业性调委会填写，如医患、交通事故",
    )
    founder = forms.CharField(label="设立单位", max_length=100)
    multi_ethnic = forms.BooleanField(label="多民族居住地区", required=False)
    term_start = date_field("本届任期开始", help_text="每届任期三年（人民调解法 第九条）")
    established_date = date_field("设立日期", required=False, help_text="不填则为本届任期开始日期")
    director = forms.ModelChoiceField(label="主任", queryset=Mediator.objects.none())
    members = forms.ModelMultipleChoiceField(
        label="委员（含副主任）",
        queryset=Mediator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="委员三至九人，应当有妇女成员（人民调解法 第八条）",
    )
    appointed = forms.ModelMultipleChoiceField(
        label="聘任调解员",
        queryset=Mediator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, units, mediators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        for name in ("director", "members", "appointed"):
            self.fields[name].queryset = mediators


class SeatForm(SubmitOnceForm):
    mediator = forms.ModelChoiceField(label="调解员", queryset=Mediator.objects.none())
    post = forms.ChoiceField(label="职务", choices=Post.choices)
    since = date_field("任职日期", today=True)

    def __init__(self, *args, mediators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mediator"].queryset = mediators


class FilingForm(SubmitOnceForm):
    filed_date = date_field("备案日期", today=True)
    court_notified_date = date_field("通报基层人民法院日期", required=False)


class DismissForm(SubmitOnceForm):
    ground = forms.CharField(
        label="罢免或解聘事由（人民调解法 第十五条）", max_length=200, widget=TEXTAREA
    )
    day = date_field("罢免或解聘日期", today=True)


class DissolveForm(SubmitOnceForm):
    day = date_field("撤销日期", today=True)
    note = forms.CharField(label="撤销原因", max_length=200, widget=TEXTAREA)


class DisputeForm(SubmitOnceForm):
    committee = forms.ModelChoiceField(label="调解组织", queryset=Mediator.objects.none())
    source = forms.ChoiceField(label="案件来源", choices=Source.choices)
    source_reference = forms.CharField(
        label="来源单位及文号",
        max_length=100,
        required=False,
        help_text="移交单号、法院案号、信访事项号或工单号",
    )
    simple_procedure = forms.BooleanField(label="法院委托案件适用简易程序", required=False)
    kind = forms.ChoiceField(label="纠纷类型", choices=DisputeKind.choices)
    applicant = forms.CharField(label="申请人（当事人）", max_length=100)
    respondent = forms.CharField(label="被申请人", max_length=100, required=False)
    summary = forms.CharField(label="纠纷简要情况", max_length=2000, widget=TEXTAREA)
    claims = forms.CharField(label="申请事项", max_length=500, required=False)
    received_date = date_field("受理日期", today=True)
    mediator = forms.ModelChoiceField(label="调解员", queryset=Mediator.objects.none())
    referred_date = date_field("来源单位移交（委派、转办）日期", required=False)
    online = forms.BooleanField(label="在线调解", required=False)
    non_public = forms.BooleanField(
        label="当事人要求不公开调解", required=False, help_text="人民调解法 第二十三条第三项"
    )
    refused_by_party = forms.BooleanField(
        label="当事人一方明确拒绝调解",
        required=False,
        help_text="拒绝的，不得调解（人民调解法 第十七条）",
    )

    def __init__(self, *args, committees, mediators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["mediator"].queryset = mediators


class PartyForm(SubmitOnceForm):
    role = forms.ChoiceField(label="当事人地位", choices=PartyRole.choices)
    name = forms.CharField(label="姓名或名称", max_length=100)
    gender = forms.ChoiceField(label="性别", choices=[("", "—"), *Gender.choices], required=False)
    ethnicity = forms.CharField(label="民族", max_length=20, required=False)
    age = forms.IntegerField(label="年龄", min_value=0, max_value=150, required=False)
    occupation = forms.CharField(label="职业或职务", max_length=60, required=False)
    address = forms.CharField(label="单位或住址", max_length=200, required=False)
    phone = forms.CharField(label="联系方式", max_length=30, required=False)
    id_number = forms.CharField(label="身份证号码", max_length=18, required=False)
    wants_non_public = forms.BooleanField(label="要求不公开调解", required=False)


class SessionForm(SubmitOnceForm):
    date = date_field("调解日期", today=True)
    place = forms.CharField(label="地点", max_length=100)
    present = forms.CharField(label="参加人员", max_length=300)
    record = forms.CharField(
        label="调解情况", max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class ExtendForm(SubmitOnceForm):
    extended_due = date_field("延长至")
    both_consent = forms.BooleanField(label="双方当事人同意延长", required=False)
    note = forms.CharField(label="理由", max_length=200, required=False)


class EndForm(SubmitOnceForm):
    reason = forms.ChoiceField(label="终止原因", choices=EndReason.choices)
    ended_date = date_field("终止日期", today=True)
    routes_told = forms.CharField(
        label="告知的其他解决途径",
        max_length=200,
        required=False,
        help_text="如：可申请仲裁、行政裁决或向人民法院起诉",
    )


class AgreementStepForm(SubmitOnceForm):
    form = forms.ChoiceField(label="协议形式", choices=AgreementForm.choices)
    content = forms.CharField(
        label="协议内容", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    amount = forms.DecimalField(
        label="协议涉及金额（元）", max_digits=14, decimal_places=2, min_value=0, required=False
    )
    performance_term = forms.CharField(label="履行方式、时限", max_length=200, required=False)
    effective_date = date_field("生效日期", today=True)
    parties_signed = forms.BooleanField(label="各方当事人已签名、盖章或按指印", required=False)
    mediator_signed = forms.BooleanField(label="人民调解员已签名", required=False)
    sealed = forms.BooleanField(label="已加盖人民调解委员会印章", required=False)
    photo = forms.FileField(label="签字协议书照片", required=False, help_text="jpg、png 或 pdf")


class ConfirmationForm(SubmitOnceForm):
    court = forms.CharField(label="受理法院", max_length=100)
    applied_date = date_field(
        "共同申请日期", today=True, help_text="自协议生效之日起三十日内（人民调解法 第三十三条）"
    )


class CourtForm(SubmitOnceForm):
    accepted_date = date_field("法院受理日期", required=False)
    court_number = forms.CharField(label="调确字案号", max_length=60, required=False)
    extended = forms.BooleanField(label="经院长批准延长十日", required=False)
    result = forms.ChoiceField(label="决定结果", choices=ConfirmationResult.choices, required=False)
    ground = forms.ChoiceField(
        label="不予确认理由", choices=[("", "—"), *NotConfirmedGround.choices], required=False
    )
    decided_date = date_field("决定日期", required=False)


class FollowUpForm(SubmitOnceForm):
    date = date_field("回访日期", today=True)
    visitor = forms.CharField(label="回访人", max_length=30)
    performance = forms.ChoiceField(label="履行情况", choices=Performance.choices)
    satisfied = forms.BooleanField(label="当事人满意", required=False, initial=True)
    sued = forms.BooleanField(label="当事人已起诉", required=False)
    risks = forms.CharField(label="遗留隐患", max_length=300, required=False)


class ViewReasonForm(forms.Form):
    reason = forms.CharField(label="查阅事由", max_length=200)


class ScreeningForm(SubmitOnceForm):
    committee = forms.ModelChoiceField(label="调解组织", queryset=Mediator.objects.none())
    date = date_field("排查日期", today=True)
    area = forms.CharField(label="排查范围", max_length=100)
    screener = forms.CharField(label="排查人", max_length=60)
    description = forms.CharField(
        label="发现的矛盾纠纷", max_length=300, required=False, help_text="未发现的留空"
    )
    risk = forms.ChoiceField(label="预警等级", choices=Risk.choices, required=False)
    reported_to_police = forms.BooleanField(
        label="已向公安机关报告（人民调解法 第二十五条）", required=False
    )

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees

    def service_kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "form_token"}
        description = data.pop("description")
        risk = data.pop("risk") or Risk.YELLOW
        police = data.pop("reported_to_police")
        data["findings"] = (
            [{"description": description, "risk": risk, "reported_to_police": police}]
            if description
            else []
        )
        return data


class SettleForm(SubmitOnceForm):
    prevented = forms.ChoiceField(label="防止激化", choices=Prevented.choices, required=False)
    reported_to_police = forms.BooleanField(label="已向公安机关报告", required=False)


class NilReportForm(SubmitOnceForm):
    committee = forms.ModelChoiceField(label="调解组织", queryset=Mediator.objects.none())
    month = date_field("月份（该月任一日）", today=True)

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees


class DisputeFilterForm(forms.Form):
    q = forms.CharField(required=False)
    status = forms.ChoiceField(
        label="状态", choices=[("", "全部状态"), *Status.choices], required=False
    )
    source = forms.ChoiceField(
        label="来源", choices=[("", "全部来源"), *Source.choices], required=False
    )
    overdue = forms.BooleanField(label="调解逾期", required=False)


class TypicalCaseForm(SubmitOnceForm):
    title = forms.CharField(label="标题", max_length=100)
    text = forms.CharField(
        label="案例正文",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="发布时当事人姓名改为“某”，住址只保留到村（社区）",
    )


class ReturnForm(SubmitOnceForm):
    returned_date = date_field("反馈日期", today=True)
    note = forms.CharField(label="反馈情况", max_length=300, widget=TEXTAREA)


class PetitionNoticeForm(SubmitOnceForm):
    notice_date = date_field("书面告知日期", today=True)
    to = forms.CharField(
        label="告知对象", max_length=100, help_text="信访人姓名（名称）；多人信访的，写代表人"
    )


class PetitionReviewForm(SubmitOnceForm):
    body = forms.CharField(
        label="复查（复核）机关", max_length=100, help_text="原办理机关、单位的上一级机关、单位"
    )
    reply_received_date = date_field(
        "信访人收到书面答复日期", help_text="复查：收到信访处理意见；复核：收到复查意见"
    )
    requested_date = date_field("收到请求日期", today=True)


class ReviewOpinionForm(SubmitOnceForm):
    opinion_date = date_field("提出意见日期", today=True)
    opinion = forms.CharField(label="复查（复核）意见", max_length=300, widget=TEXTAREA)
    hearing_days = forms.IntegerField(
        label="听证所用天数",
        min_value=0,
        initial=0,
        help_text="仅复核：听证所需时间不计算在三十日内（信访工作条例 第三十六条第二款）",
    )


class PetitionRoutingForm(SubmitOnceForm):
    registered_date = date_field("信访部门登记日期", help_text="信访部门收到并登记信访事项的日期")
    routed_date = date_field(
        "转送、交办（告知）日期",
        required=False,
        help_text="尚未转送的可以先只登记，十五日期限列入待办（信访工作条例 第二十二条）",
    )
    way = forms.ChoiceField(
        label="处理方式", choices=[("", "—"), *RouteWay.choices], required=False
    )
    recipient = forms.CharField(
        label="接收机关、单位",
        max_length=100,
        required=False,
        help_text="告知的，填写告知信访人向其提出的机关、单位",
    )


class PetitionExtensionForm(SubmitOnceForm):
    days = forms.IntegerField(
        label="延长天数",
        min_value=1,
        help_text="延长期限不得超过三十日，只能延长一次（信访工作条例 第三十四条）",
    )
    approver = forms.CharField(label="批准延期的负责人", max_length=30)
    reason = forms.CharField(label="延期理由", max_length=200, widget=TEXTAREA)
    approved_date = date_field("批准延期日期", today=True)
    notice_date = date_field("告知信访人延期理由日期", today=True)
