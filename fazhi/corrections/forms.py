"""Forms of the 社区矫正 pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    Category,
    DailyKind,
    EndReason,
    LeaveApprover,
    Level,
    Linkage,
    LocationGround,
    LocationOrder,
    Opinion,
    OrganKind,
    Placement,
    SanctionBasis,
    SanctionKind,
)


class InvestigationForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="社区矫正机构", queryset=Unit.objects.none())
    organ_kind = forms.ChoiceField(label="委托机关类别", choices=OrganKind.choices)
    organ = forms.CharField(label="委托机关", max_length=100)
    reference = forms.CharField(label="委托编号", max_length=60)
    person_name = forms.CharField(label="被调查评估对象（按委托函）", max_length=40)
    proposed_category = forms.ChoiceField(label="拟适用矫正类别", choices=Category.choices)
    received_date = date_field("收到委托函日期", today=True)
    fast_track = forms.BooleanField(label="速裁案件（五个工作日）", required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AssessmentForm(SubmitOnceForm):
    visits = forms.CharField(
        label="调查走访（居所、家庭和社会关系、一贯表现等）", widget=forms.Textarea, max_length=2000
    )
    opinions_gathered = forms.CharField(
        label="听取的意见", widget=forms.Textarea, required=False, max_length=2000
    )
    opinion = forms.ChoiceField(label="评估意见", choices=Opinion.choices)
    opinion_date = date_field("出具评估意见日期", today=True)


class SubjectForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="社区矫正机构", queryset=Unit.objects.none())
    station = forms.ModelChoiceField(
        label="受委托司法所（街道、乡镇）", queryset=Unit.objects.none()
    )
    number = forms.CharField(label="矫正编号", max_length=40)
    name = forms.CharField(label="姓名", max_length=40)
    id_number = forms.CharField(label="身份证号", max_length=18, required=False)
    address = forms.CharField(label="居住地址", max_length=200, required=False)
    community = forms.CharField(label="村（社区）", max_length=60)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    is_minor = forms.BooleanField(label="未成年人（档案仅具名执法人员可见）", required=False)
    category = forms.ChoiceField(label="矫正类别", choices=Category.choices)
    decision_organ = forms.CharField(label="决定机关", max_length=100)
    effective_date = date_field("判决、裁定、决定生效日期")
    notice_date = date_field("收到决定机关通知日期", required=False)
    documents_date = date_field("收到法律文书日期", required=False)
    reported_date = date_field("本人报到日期", required=False)
    term_start = date_field("矫正期限起")
    term_end = date_field("矫正期限止")
    level = forms.ChoiceField(label="管理等级", choices=Level.choices, initial=Level.NORMAL)

    def __init__(self, *args, units, stations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["station"].queryset = stations


class PlanForm(SubmitOnceForm):
    plan = forms.CharField(label="矫正方案", widget=forms.Textarea, max_length=4000)
    team = forms.CharField(
        label="矫正小组（姓名与任务）", widget=forms.Textarea, required=False, max_length=2000
    )
    level = forms.ChoiceField(label="管理等级", choices=Level.choices)


class HandlerForm(SubmitOnceForm):
    user = forms.ModelChoiceField(label="具名执法人员", queryset=None)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users


class DailyForm(SubmitOnceForm):
    kind = forms.ChoiceField(label="类型", choices=DailyKind.choices)
    date = date_field("日期", today=True)
    note = forms.CharField(label="情况", max_length=300, required=False)


class LeaveForm(SubmitOnceForm):
    start = date_field("外出起")
    end = date_field("外出止")
    destination = forms.CharField(label="目的地（市、县）", max_length=60)
    reason = forms.CharField(label="事由", max_length=200)
    approved_by = forms.CharField(label="批准人", max_length=60)
    approver_level = forms.ChoiceField(
        label="批准机关",
        choices=LeaveApprover.choices,
        initial=LeaveApprover.COUNTY,
        help_text="司法所受委托只能批准七日以内的外出",
    )


class SanctionForm(SubmitOnceForm):
    kind = forms.ChoiceField(label="类型", choices=SanctionKind.choices)
    date = date_field("决定日期", today=True)
    ground = forms.CharField(label="事实和理由", max_length=300)
    basis = forms.ChoiceField(
        label="情形",
        choices=[("", "（不适用）"), *SanctionBasis.choices],
        required=False,
        help_text="迟报、脱管须填天数；“仍不改正”的，计入本矫正期内此前的训诫、警告次数",
    )
    days = forms.IntegerField(label="逾期或脱管天数", min_value=1, required=False)


class LocationOrderForm(SubmitOnceForm):
    ground = forms.ChoiceField(label="适用情形（第二十九条）", choices=LocationGround.choices)
    approver = forms.CharField(label="批准人（县级司法行政部门负责人）", max_length=40)
    approved_date = date_field("批准日期", today=True)
    start = date_field("起始日期")
    end = date_field("终止日期", help_text="不得超过三个月；期满仍需使用的另行批准延长")
    device = forms.CharField(label="电子定位装置编号", max_length=40, required=False)
    extends = forms.ModelChoiceField(
        label="延长的前次决定", queryset=LocationOrder.objects.none(), required=False
    )

    def __init__(self, *args, orders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extends"].queryset = orders


class LocationPointForm(SubmitOnceForm):
    recorded_at = forms.DateTimeField(
        label="定位时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    latitude = forms.DecimalField(label="纬度", max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(label="经度", max_digits=9, decimal_places=6)


class TransferForm(SubmitOnceForm):
    transfer_to = forms.CharField(label="变更后的执行地", max_length=100)
    transfer_date = date_field("执行地变更日期", today=True)


class ReleaseForm(SubmitOnceForm):
    released_date = date_field("解除矫正日期", today=True)
    certificate_number = forms.CharField(label="解除社区矫正证明书编号", max_length=60)


class TerminateForm(SubmitOnceForm):
    end_reason = forms.ChoiceField(label="终止原因", choices=EndReason.choices)
    end_date = date_field("终止日期", today=True)
    new_crime = forms.BooleanField(label="在矫正期间重新犯罪（第四十六条第二款）", required=False)


class RevealForm(SubmitOnceForm):
    field = forms.CharField(widget=forms.HiddenInput, max_length=20)
    reason = forms.CharField(label="查看理由", max_length=200, required=False)


class SubjectFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部状态")])
    category = forms.ChoiceField(
        label="类别", required=False, choices=[("", "全部类别"), *Category.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import SubjectStatus

        self.fields["status"].choices = [("", "全部状态"), *SubjectStatus.choices]


class ReleasedForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="司法行政部门", queryset=Unit.objects.none())
    number = forms.CharField(label="帮教编号", max_length=40)
    name = forms.CharField(label="姓名", max_length=40)
    id_number = forms.CharField(label="身份证号", max_length=18, required=False)
    community = forms.CharField(label="村（社区）", max_length=60)
    prison = forms.CharField(label="监管场所", max_length=100)
    intake_date = date_field("入监日期", required=False)
    intake_notice_date = date_field("收到入监告知日期", required=False)
    release_date = date_field("刑满释放日期")
    release_notice_date = date_field("收到释放前通知日期", required=False)
    is_key = forms.BooleanField(label="重点帮教对象", required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class LinkageForm(SubmitOnceForm):
    linkage = forms.ChoiceField(
        label="衔接结果", choices=[c for c in Linkage.choices if c[0] != "awaiting"]
    )
    linkage_date = date_field("衔接日期", today=True)


class PlacementForm(SubmitOnceForm):
    placement = forms.ChoiceField(
        label="安置情况", choices=[("", "未安置"), *Placement.choices], required=False
    )
    assisted = forms.BooleanField(label="已落实帮教", required=False, initial=True)
