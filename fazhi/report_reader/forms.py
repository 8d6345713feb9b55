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
