"""Forms of the return pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm
from fazhi.core.models import Unit

from .models import State


class ReturnForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="填报单位", queryset=Unit.objects.none())
    template_code = forms.ChoiceField(label="报表")
    period_key = forms.CharField(
        label="报告期",
        max_length=10,
        help_text="年报写“2025”，半年报“2025H1”，季报“2025Q3”，月报“2025-11”",
    )

    def __init__(self, *args, units, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["template_code"].choices = codes


class ConfirmForm(SubmitOnceForm):
    """A step without fields of its own (填报完成, 审核通过, 上报 …)."""


class CommentForm(SubmitOnceForm):
    comment = forms.CharField(label="意见或理由", widget=forms.Textarea(attrs={"rows": 2}))


class ManualForm(SubmitOnceForm):
    cell = forms.CharField(widget=forms.HiddenInput)
    value = forms.CharField(label="数值", max_length=30)
    explanation = forms.CharField(label="数据来源说明", max_length=300)


class ExplainForm(SubmitOnceForm):
    cell = forms.CharField(widget=forms.HiddenInput)
    rule = forms.CharField(widget=forms.HiddenInput, required=False)
    explanation = forms.CharField(label="同比变动说明", widget=forms.Textarea(attrs={"rows": 2}))


class UrgeForm(SubmitOnceForm):
    area = forms.ModelChoiceField(
        label="下级区域", queryset=Unit.objects.none(), widget=forms.HiddenInput
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas


class ReturnFilterForm(forms.Form):
    state = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *State.choices])
    template = forms.ChoiceField(label="报表", required=False)

    def __init__(self, *args, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", "全部"), *codes]
