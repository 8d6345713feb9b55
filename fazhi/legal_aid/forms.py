"""Forms of the 法律援助 pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    CaseType,
    Channel,
    Complaint,
    DutyPlace,
    EconomicCheck,
    Exemption,
    Grade,
    Matter,
    NotifyingOrgan,
    Objection,
    ProgressKind,
    Provider,
    ProviderKind,
    ProvisionalGround,
    QualityMethod,
    Referral,
    State,
    TerminationGround,
    Unrestricted,
)

GENDERS = [("", "—"), ("男", "男"), ("女", "女")]


def _blank(choices, label="（不适用）"):
    return [("", label), *choices]


class _UnitForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="法律援助机构", queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class _Applicant(forms.Form):
    applicant_name = forms.CharField(label="姓名", max_length=40)
    applicant_id_number = forms.CharField(label="身份证号码", max_length=18)
    applicant_gender = forms.ChoiceField(label="性别", choices=GENDERS, required=False)
    minor = forms.BooleanField(label="未成年人", required=False)
    elderly = forms.BooleanField(label="老年人", required=False)
    disabled = forms.BooleanField(label="残疾人", required=False)
    woman = forms.BooleanField(label="妇女", required=False)


class ApplicationForm(_UnitForm, _Applicant):
    applicant_phone = forms.CharField(label="联系电话", max_length=30, required=False)
    applicant_address = forms.CharField(label="住所", max_length=200, required=False)
    migrant_worker = forms.BooleanField(label="农民工", required=False)
    military = forms.BooleanField(label="军人军属", required=False)
    low_income = forms.BooleanField(label="低保、特困人员", required=False)
    agent_name = forms.CharField(label="代理申请人（第四十条）", max_length=40, required=False)
    agent_relation = forms.CharField(label="与申请人关系", max_length=20, required=False)
    case_type = forms.ChoiceField(label="案件类型", choices=CaseType.choices)
    matter = forms.ChoiceField(
        label="援助事项",
        choices=[c for c in Matter.choices if c[0] not in ("art25", "art28")],
    )
    summary = forms.CharField(label="案情摘要", widget=forms.Textarea(attrs={"rows": 3}))
    case_organ = forms.CharField(label="办案机关", max_length=100, required=False)
    criminal_charge = forms.CharField(label="涉嫌罪名", max_length=100, required=False)
    life_or_death = forms.BooleanField(
        label="可能判处无期徒刑、死刑或死刑复核", required=False, help_text="第二十六条"
    )
    economic_check = forms.ChoiceField(
        label="经济困难审查",
        choices=[c for c in EconomicCheck.choices if c[0] != EconomicCheck.NOT_REQUIRED],
    )
    exemption = forms.ChoiceField(
        label="免予核查情形（第四十二条）", choices=_blank(Exemption.choices), required=False
    )
    unrestricted = forms.ChoiceField(
        label="不受经济困难条件限制（第三十二条）",
        choices=_blank(Unrestricted.choices),
        required=False,
    )
    economic_evidence = forms.CharField(
        label="经济困难状况说明及核查结果",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="仅法律援助机构审查人员可见",
    )
    received_date = date_field("收到申请日期", today=True)
    requested_at = forms.DateTimeField(
        label="被羁押人提出申请时间（转交的申请）",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="第三十九条：办案机关、监管场所应当在二十四小时内转交",
    )
    forwarded_at = forms.DateTimeField(
        label="办案机关转交时间",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class NoticeForm(_UnitForm, _Applicant):
    notifying_organ = forms.ChoiceField(label="通知机关类别", choices=NotifyingOrgan.choices)
    case_organ = forms.CharField(label="通知机关", max_length=100)
    organ_found_date = date_field("办案机关发现应当通知情形日期", required=False)
    notice_date = date_field("通知书日期")
    received_date = date_field(
        "收到通知日期", today=True, help_text="收到通知后三日内指派（第三十六条）"
    )
    matter = forms.ChoiceField(
        label="通知事项", choices=[c for c in Matter.choices if c[0] in ("art25", "art28")]
    )
    summary = forms.CharField(label="案情摘要", widget=forms.Textarea(attrs={"rows": 3}))
    criminal_charge = forms.CharField(label="涉嫌罪名", max_length=100, required=False)
    life_or_death = forms.BooleanField(
        label="可能判处无期徒刑、死刑或死刑复核", required=False, help_text="第二十六条"
    )


class SupplementForm(SubmitOnceForm):
    requested_date = date_field("告知补正日期", today=True)
    items = forms.CharField(
        label="需补充的全部材料或说明",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="只能一次性告知（第四十三条第二款）",
    )


class SupplementReceivedForm(SubmitOnceForm):
    received_date = date_field("收到补正材料日期", today=True)


class WithdrawnForm(SubmitOnceForm):
    on = date_field("日期", today=True)


class GrantForm(SubmitOnceForm):
    decided_date = date_field("决定日期", today=True)
    late_reason = forms.CharField(
        label="逾期原因",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="超过第四十三条审查期限的必填",
    )


class RefuseForm(GrantForm):
    refusal_reason = forms.CharField(label="不予援助理由", widget=forms.Textarea(attrs={"rows": 3}))


class ProvisionalForm(SubmitOnceForm):
    decided_date = date_field("决定日期", today=True)
    provisional_ground = forms.ChoiceField(label="先行援助情形", choices=ProvisionalGround.choices)
    limitation_end = date_field("时效或期限届满日", required=False)


class AssignForm(SubmitOnceForm):
    provider = forms.ModelChoiceField(label="法律援助人员", queryset=Provider.objects.none())
    assigned_date = date_field("指派日期", today=True)
    late_reason = forms.CharField(
        label="逾期原因", required=False, help_text="超过三日指派期限的必填"
    )

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers


class ProgressForm(SubmitOnceForm):
    date = date_field("日期", today=True)
    kind = forms.ChoiceField(label="办理事项", choices=ProgressKind.choices)
    note = forms.CharField(label="情况", max_length=300, required=False)


class AgreementForm(SubmitOnceForm):
    agreement_date = date_field("签订委托协议日期", today=True)


class ConclusionForm(SubmitOnceForm):
    concluded_date = date_field("办理结束日期", help_text="判决、裁定、调解或仲裁结束之日")


class CloseForm(SubmitOnceForm):
    concluded_date = date_field(
        "办理结束日期", required=False, help_text="判决、裁定、调解或仲裁结束之日；已登记的可不填"
    )
    closed_date = date_field("提交结案报告日期", today=True, help_text="三十日内（第五十条）")
    result = forms.CharField(label="办理结果", max_length=200)
    amount_recovered = forms.DecimalField(
        label="挽回经济损失（元）", min_value=0, initial=0, decimal_places=2
    )
    late_reason = forms.CharField(label="逾期原因", required=False)


class TerminateForm(SubmitOnceForm):
    terminated_date = date_field("终止日期", today=True)
    termination_ground = forms.ChoiceField(
        label="终止情形（第四十八条）", choices=TerminationGround.choices
    )
    termination_reason = forms.CharField(
        label="事实和理由", widget=forms.Textarea(attrs={"rows": 2})
    )


class ObjectionForm(SubmitOnceForm):
    received_date = date_field("收到异议日期", today=True)
    grounds = forms.CharField(label="异议理由", widget=forms.Textarea(attrs={"rows": 3}))


class ObjectionDecisionForm(SubmitOnceForm):
    decided_date = date_field(
        "审查决定日期", today=True, help_text="收到异议之日起五日内（第四十九条）"
    )
    outcome = forms.ChoiceField(label="审查结果", choices=Objection.Outcome.choices)
    decision_note = forms.CharField(
        label="审查意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ComplaintForm(SubmitOnceForm):
    received_date = date_field("收到投诉日期", today=True)
    complainant = forms.CharField(label="投诉人", max_length=40)
    relation = forms.ChoiceField(label="投诉人身份", choices=Complaint.Relation.choices)
    against = forms.ChoiceField(label="被投诉对象", choices=Complaint.Against.choices)
    content = forms.CharField(label="投诉事项及理由", widget=forms.Textarea(attrs={"rows": 3}))
    wants_replacement = forms.BooleanField(
        label="请求更换法律援助人员（第五十五条）", required=False
    )


class ComplaintAcceptForm(SubmitOnceForm):
    accepted_date = date_field("受理日期", today=True, help_text="收到投诉之日起五个工作日内")


class ComplaintRejectForm(SubmitOnceForm):
    rejected_date = date_field("不予受理日期", today=True)
    rejection_reason = forms.CharField(
        label="不予受理理由", widget=forms.Textarea(attrs={"rows": 2})
    )


class ComplaintHandleForm(SubmitOnceForm):
    handled_date = date_field("办结日期", today=True, help_text="受理之日起四十五日内")
    outcome = forms.ChoiceField(label="处理结果", choices=Complaint.Outcome.choices)
    result = forms.CharField(label="调查处理情况", widget=forms.Textarea(attrs={"rows": 3}))
    late_reason = forms.CharField(label="逾期原因", required=False)


class ComplaintReplyForm(SubmitOnceForm):
    replied_date = date_field(
        "告知投诉人日期", today=True, help_text="办结之日起五个工作日内（第五十六条“及时”）"
    )


class QualityForm(SubmitOnceForm):
    date = date_field("评查日期", today=True)
    method = forms.ChoiceField(label="评查方式", choices=QualityMethod.choices)
    grade = forms.ChoiceField(label="质量等级", choices=Grade.choices)
    note = forms.CharField(label="评查意见", max_length=300, required=False)


class SubsidyForm(SubmitOnceForm):
    paid_date = date_field("发放日期", today=True)


class ProviderForm(_UnitForm):
    name = forms.CharField(label="姓名", max_length=40)
    kind = forms.ChoiceField(label="人员类别", choices=ProviderKind.choices)
    firm = forms.CharField(label="执业机构", max_length=100)
    license_number = forms.CharField(label="执业证号", max_length=40, required=False)
    practice_since = date_field("开始执业日期")
    criminal_experience = forms.BooleanField(
        label="有刑事辩护执业经历", required=False, initial=True
    )
    phone = forms.CharField(label="联系电话", max_length=30, required=False)


class StandardForm(_UnitForm):
    version = forms.CharField(label="标准文件", max_length=120)
    effective_from = date_field("施行日期")
    case_type = forms.ChoiceField(label="案件类型", choices=CaseType.choices)
    base_amount = forms.DecimalField(label="基础补贴（元）", min_value=0, decimal_places=2)
    performance_amount = forms.DecimalField(label="绩效补贴（元）", min_value=0, decimal_places=2)
    requires_grade = forms.BooleanField(label="须经质量评定后发放", required=False, initial=True)
    termination_percent = forms.IntegerField(
        label="终止案件发放比例（%）", min_value=0, max_value=100, initial=50
    )


class ConsultationForm(_UnitForm):
    date = date_field("咨询日期", today=True)
    channel = forms.ChoiceField(label="咨询方式", choices=Channel.choices)
    person_name = forms.CharField(label="咨询人", max_length=40)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    question = forms.CharField(label="咨询事项", widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(label="解答意见", widget=forms.Textarea(attrs={"rows": 3}))
    referral = forms.ChoiceField(label="处理方式", choices=Referral.choices, required=False)


class DutyServiceForm(_UnitForm):
    date = date_field("值班日期", today=True)
    place = forms.ChoiceField(label="派驻场所", choices=DutyPlace.choices)
    place_name = forms.CharField(label="场所名称", max_length=100)
    provider = forms.ModelChoiceField(label="值班律师", queryset=Provider.objects.none())
    persons = forms.IntegerField(label="提供法律帮助（人次）", min_value=0)
    plea_witnessed = forms.IntegerField(
        label="其中见证认罪认罚具结（人次）", min_value=0, initial=0
    )
    note = forms.CharField(label="情况", max_length=300, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, units=units, **kwargs)
        self.fields["provider"].queryset = Provider.objects.filter(
            unit__in=units, kind=ProviderKind.LAWYER, active=True
        )


class OutreachEventForm(_UnitForm):
    date = date_field("活动日期", today=True)
    title = forms.CharField(label="活动名称", max_length=120)
    place = forms.CharField(label="地点", max_length=120)
    audience = forms.CharField(label="对象", max_length=100, required=False)
    participants = forms.IntegerField(label="参与（人次）", min_value=0, initial=0)
    note = forms.CharField(label="情况", max_length=300, required=False)


class CaseFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    state = forms.ChoiceField(
        label="状态", choices=_blank(State.choices, "全部状态"), required=False
    )
    case_type = forms.ChoiceField(
        label="类型", choices=_blank(CaseType.choices, "全部类型"), required=False
    )


class ConsultationFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    channel = forms.ChoiceField(
        label="方式", choices=_blank(Channel.choices, "全部方式"), required=False
    )


class LookupForm(forms.Form):
    number = forms.CharField(label="申请编号", max_length=40)
    id_check = forms.CharField(label="申请人身份证号码后六位", min_length=6, max_length=6)
