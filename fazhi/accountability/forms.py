"""Forms of the 述法 · 督察 · 考核 pages; each field is named as its service's parameter."""

import datetime

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    FindingCategory,
    FindingState,
    PlanKind,
    ProjectKind,
    ReportForm,
    ReportGrade,
    ReportTier,
    SessionKind,
)


class UnitsForm(SubmitOnceForm):
    def __init__(self, *args, units=None, offices=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (("unit", offices), ("targets", units), ("assessed_units", units)):
            if name in self.fields and queryset is not None:
                self.fields[name].queryset = queryset
        if "unit" in self.fields and offices is not None and offices.count() == 1:
            self.initial.setdefault("unit", offices.first())


class PlanForm(UnitsForm):
    unit = forms.ModelChoiceField(label="组织单位（依法治办）", queryset=Unit.objects.none())
    title = forms.CharField(label="督察名称", max_length=200)
    kind = forms.ChoiceField(label="督察类型", choices=PlanKind.choices)
    targets = forms.ModelMultipleChoiceField(
        label="督察对象", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    groups = forms.CharField(label="督察组", max_length=300, help_text="例：第一督导组、第二督导组")
    methods = forms.CharField(
        label="督察方式", max_length=300, required=False, initial="听取汇报、实地查看、查阅资料"
    )
    start_date = date_field("督察开始日期")
    end_date = date_field("督察结束日期")


class FindingForm(SubmitOnceForm):
    inspected_unit = forms.ModelChoiceField(label="被督察单位", queryset=Unit.objects.none())
    category = forms.ChoiceField(label="问题类别", choices=FindingCategory.choices)
    description = forms.CharField(label="问题描述", max_length=500, widget=forms.Textarea)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspected_unit"].queryset = units


class FeedbackForm(SubmitOnceForm):
    feedback_date = date_field("反馈日期", today=True)


class RectificationPlanForm(SubmitOnceForm):
    measure = forms.CharField(label="整改措施", max_length=500, widget=forms.Textarea)
    responsible_department = forms.CharField(label="责任部门", max_length=100)
    responsible_person = forms.CharField(label="责任人", max_length=30)
    deadline = date_field("完成时限")


class ClosureRequestForm(SubmitOnceForm):
    progress = forms.CharField(label="整改进展", max_length=500, widget=forms.Textarea)
    evidence = forms.CharField(
        label="整改佐证材料",
        max_length=500,
        required=False,
        help_text="文件名称、文号，或平台中可查阅的记录；没有佐证材料不能销号",
    )
    submitted_date = date_field("申请销号日期", today=True)


class VerifyForm(SubmitOnceForm):
    closed_date = date_field("销号日期", today=True)


class ReturnForm(SubmitOnceForm):
    reason = forms.CharField(label="退回理由", max_length=300)


class EscalateForm(SubmitOnceForm):
    escalated_date = date_field("督办日期", today=True)


class FindingFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    state = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部状态"), *FindingState.choices]
    )


def _years():
    this = datetime.date.today().year
    return [(year, f"{year}年度") for year in range(this, this - 6, -1)]


class SchemeForm(UnitsForm):
    unit = forms.ModelChoiceField(label="考核单位（依法治办）", queryset=Unit.objects.none())
    year = forms.TypedChoiceField(label="考核年度", coerce=int, choices=_years)
    name = forms.CharField(label="考核方案名称", max_length=200)
    assessed_units = forms.ModelMultipleChoiceField(
        label="考核对象", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )


class ItemForm(SubmitOnceForm):
    parent = forms.ModelChoiceField(label="上级指标", queryset=None, required=False)
    code = forms.CharField(label="编号", max_length=20, help_text="例：1、1.2、1.2.3")
    name = forms.CharField(label="指标名称", max_length=200)
    points = forms.DecimalField(
        label="分值", max_digits=6, decimal_places=2, min_value=0, initial=0
    )
    rule = forms.CharField(label="评分标准", max_length=500, required=False)
    evidence_required = forms.CharField(label="佐证材料要求", max_length=300, required=False)
    responsible_unit = forms.CharField(label="责任单位", max_length=100, required=False)
    indicator_id = forms.ChoiceField(label="数据来源", required=False)

    def __init__(self, *args, items, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = items
        self.fields["indicator_id"].choices = [
            ("", "人工评分（附佐证材料）"),
            *((i.id, f"统计指标：{i.name}（{i.id}）") for i in indicators),
        ]


class SelfScoreForm(SubmitOnceForm):
    item = forms.ModelChoiceField(label="考核指标", queryset=None)
    self_score = forms.DecimalField(label="自评得分", max_digits=6, decimal_places=2)
    self_evidence = forms.CharField(label="自评佐证", max_length=500, required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items


class ReviewScoreForm(SubmitOnceForm):
    item = forms.ModelChoiceField(label="考核指标", queryset=None)
    assessed_unit = forms.ModelChoiceField(label="被考核单位", queryset=None)
    review_score = forms.DecimalField(label="评审得分", max_digits=6, decimal_places=2)
    deduction_reason = forms.CharField(label="扣分理由", max_length=500, required=False)

    def __init__(self, *args, items, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["assessed_unit"].queryset = units


class ReportRegisterForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="述法人所在单位", queryset=Unit.objects.none())
    year = forms.TypedChoiceField(label="述法年度", coerce=int, choices=_years)
    person = forms.CharField(label="述法人", max_length=30)
    post = forms.CharField(label="职务", max_length=60)
    tier = forms.ChoiceField(label="述法人类别", choices=ReportTier.choices)
    form = forms.ChoiceField(label="述法形式", choices=ReportForm.choices)
    report_date = date_field("述法日期")
    checklist = forms.CharField(label="述法清单事项", max_length=500)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReportReviewForm(SubmitOnceForm):
    grade = forms.ChoiceField(label="评议等次", choices=ReportGrade.choices)
    review_comment = forms.CharField(label="评议意见", max_length=500)
    reviewed_date = date_field("评议日期", today=True)


class ProjectForm(UnitsForm):
    unit = forms.ModelChoiceField(label="创建单位（依法治办）", queryset=Unit.objects.none())
    name = forms.CharField(label="创建项目", max_length=200)
    kind = forms.ChoiceField(label="类型", choices=ProjectKind.choices)
    recommended_date = date_field("市级推荐日期")
    materials = forms.CharField(label="申报材料", max_length=500, required=False)


class AdvanceForm(SubmitOnceForm):
    date = date_field("日期", today=True)
    satisfaction_rate = forms.DecimalField(
        label="群众满意度（%）",
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        required=False,
    )


class FollowUpForm(SubmitOnceForm):
    follow_up = forms.CharField(label="巩固提升", max_length=1000, widget=forms.Textarea)


class RectificationFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
    open = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[("", "全部"), ("1", "未销号")],
    )


class AppealForm(SubmitOnceForm):
    requested_score = forms.DecimalField(label="申请得分", max_digits=6, decimal_places=2)
    reason = forms.CharField(label="申诉理由", max_length=500, widget=forms.Textarea)
    filed_date = date_field("申诉日期", today=True)


class AppealDecisionForm(SubmitOnceForm):
    decided_score = forms.DecimalField(
        label="复核得分", max_digits=6, decimal_places=2, help_text="维持原分的，填原评审得分"
    )
    decision = forms.CharField(label="复核意见", max_length=500, widget=forms.Textarea)
    decided_date = date_field("复核日期", today=True)


class ReportFindingForm(SubmitOnceForm):
    category = forms.ChoiceField(label="问题类别", choices=FindingCategory.choices)
    description = forms.CharField(label="问题描述", max_length=500, widget=forms.Textarea)


class SessionForm(UnitsForm):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    kind = forms.ChoiceField(label="类别", choices=SessionKind.choices)
    date = date_field("日期")
    topic = forms.CharField(label="议题或学习内容", max_length=300)
    chaired_by = forms.CharField(label="主持人", max_length=30, required=False)
    attendees = forms.IntegerField(label="参加人数", min_value=1, max_value=10000, required=False)


class PublishForm(SubmitOnceForm):
    published_date = date_field("公布日期", today=True)


class TaskForm(UnitsForm):
    unit = forms.ModelChoiceField(label="承办单位（依法治办）", queryset=Unit.objects.none())
    title = forms.CharField(label="任务", max_length=300)
    assigned_by = forms.CharField(
        label="交办机关", max_length=100, initial="市委全面依法治市委员会"
    )
    assigned_date = date_field("交办日期")
    due_date = date_field("完成时限", required=False)


class TaskDoneForm(SubmitOnceForm):
    done_date = date_field("完成日期", today=True)
    result = forms.CharField(label="完成情况", max_length=500, widget=forms.Textarea)
