"""Forms of the 行政应诉 pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    AbsenceReason,
    Appeal,
    Attendance,
    DefendantRole,
    HeadPost,
    JudgmentType,
    Status,
    SuggestionGround,
    TrialLevel,
)


class LawsuitForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="被告（本机关）", queryset=Unit.objects.none())
    case_number = forms.CharField(
        label="法院案号", max_length=60, help_text="例：（2025）鲁0402行初12号"
    )
    trial_level = forms.ChoiceField(label="审级", choices=TrialLevel.choices)
    court = forms.CharField(label="受理法院", max_length=100)
    plaintiff = forms.CharField(label="原告", max_length=200)
    contested_act = forms.CharField(label="被诉行政行为", max_length=300)
    filed_date = date_field("立案日期")
    served_date = date_field(
        "收到起诉状（上诉状）副本日期",
        today=True,
        help_text="答辩期限自收到之日起十五日计算（行政诉讼法 第六十七条）",
    )
    defendant_role = forms.ChoiceField(
        label="被告身份",
        choices=DefendantRole.choices,
        help_text="复议机关决定维持原行政行为的，原行政机关和复议机关是共同被告（行政诉讼法 第二十六条第二款）",
    )
    prior_reconsideration_number = forms.CharField(
        label="行政复议案号", max_length=60, required=False, help_text="经复议的案件填写"
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AnswerForm(SubmitOnceForm):
    answer_filed_date = date_field("提交答辩状和证据日期", today=True)


class HearingForm(SubmitOnceForm):
    date = date_field("开庭日期")
    attendance = forms.ChoiceField(
        label="出庭情况", choices=Attendance.choices, widget=forms.RadioSelect
    )
    head_summoned = forms.BooleanField(label="法院通知负责人出庭", required=False)
    head_name = forms.CharField(label="出庭负责人姓名", max_length=30, required=False)
    head_post = forms.CharField(
        label="出庭负责人职务", max_length=60, required=False, help_text="例：局长、副局长"
    )
    head_post_kind = forms.ChoiceField(
        label="负责人类别",
        choices=[("", "（负责人出庭时选择）"), *HeadPost.choices],
        required=False,
        help_text="受委托组织或下级行政机关的负责人不能作为被诉行政机关负责人出庭（规定 第二条）",
    )
    head_id_proof = forms.BooleanField(
        label="已提交载明姓名、职务并加盖印章的身份证明",
        required=False,
        help_text="未提交的视为负责人未出庭（规定 第六条）",
    )
    staff_name = forms.CharField(label="出庭工作人员（姓名、职务）", max_length=60, required=False)
    absence_reason = forms.ChoiceField(
        label="负责人不能出庭的理由",
        choices=[("", "未说明理由"), *AbsenceReason.choices],
        required=False,
        help_text="规定 第八条",
    )
    absence_proof = forms.BooleanField(
        label="已提交加盖印章或主要负责人签字的证明材料", required=False
    )
    lawyer = forms.CharField(label="委托律师", max_length=60, required=False)
    note = forms.CharField(label="备注", max_length=300, required=False)


class JudgmentForm(SubmitOnceForm):
    judgment_type = forms.ChoiceField(
        label="裁判结果",
        choices=[
            (value, label)
            for value, label in JudgmentType.choices
            if value != JudgmentType.WITHDRAWN
        ],
    )
    concluded_date = date_field("裁判日期")


class JudgmentServedForm(SubmitOnceForm):
    judgment_served_date = date_field("裁判文书送达日期")


class AppealForm(SubmitOnceForm):
    appeal = forms.ChoiceField(label="是否上诉", choices=Appeal.choices)
    appeal_date = date_field("提起上诉日期", required=False)


class WithdrawalForm(SubmitOnceForm):
    withdrawal_date = date_field("准予撤诉裁定日期")
    reason = forms.CharField(
        label="撤诉原因", max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


class SuggestionForm(SubmitOnceForm):
    received_date = date_field("收到日期", today=True)
    court = forms.CharField(
        label="提出法院", max_length=100, required=False, help_text="不填则为受理法院"
    )
    ground = forms.ChoiceField(label="事由", choices=SuggestionGround.choices)
    content = forms.CharField(label="建议内容", widget=forms.Textarea(attrs={"rows": 4}))


class LawsuitFilterForm(forms.Form):
    """The list's filters (GET); an invalid value is simply not applied."""

    q = forms.CharField(required=False)
    status = forms.ChoiceField(
        label="状态", choices=[("", "全部状态"), *Status.choices], required=False
    )
    trial_level = forms.ChoiceField(
        label="审级", choices=[("", "全部审级"), *TrialLevel.choices], required=False
    )
    judgment_type = forms.ChoiceField(
        label="裁判结果", choices=[("", "全部裁判结果"), *JudgmentType.choices], required=False
    )
    overdue = forms.BooleanField(label="答辩逾期", required=False)
