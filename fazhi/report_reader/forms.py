from django import forms

from fazhi.core.forms import SubmitOnceForm


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_empty_file", True)
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.docx,.pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(SubmitOnceForm):
    uploads = MultipleFileField(
        label="报告文件", help_text="可同时选择多个文件；支持TXT、HTML、DOCX、PDF，每个不超过50MB"
    )

    def service_kwargs(self):
        return {"uploads": self.cleaned_data["uploads"]}


class PublishForm(SubmitOnceForm):
    is_public = forms.BooleanField(required=False, widget=forms.HiddenInput)


class FigureReviewForm(SubmitOnceForm):
    """确认 / 更正 / 排除 one figure the reader was not sure of."""

    decision = forms.ChoiceField(
        label="处理",
        choices=[
            ("confirmed", "确认无误"),
            ("corrected", "更正"),
            ("rejected", "排除（不是指标数据）"),
        ],
        widget=forms.RadioSelect,
    )
    indicator = forms.CharField(
        label="更正为指标（编号）",
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"list": "catalog-ids", "placeholder": "如 reconsideration.closed"}
        ),
    )
    value = forms.DecimalField(
        label="更正后的数值", required=False, max_digits=20, decimal_places=4
    )
    note = forms.CharField(label="说明", required=False, max_length=200)

    def service_kwargs(self):
        data = self.cleaned_data
        return {
            "decision": data["decision"],
            "indicator": data["indicator"].strip(),
            "value": data["value"],
            "note": data["note"],
        }
