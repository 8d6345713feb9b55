from django import forms

from fazhi.core.forms import SubmitOnceForm

from . import structure
from .workflow import NEEDS_COMMENT, REPORT_FLOW


class CreateReportForm(SubmitOnceForm):
    year = forms.IntegerField(label="报告年度", min_value=2000)


class EditReportForm(SubmitOnceForm):
    title = forms.CharField(label="标题", max_length=200)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        for part in report.parts.all():
            spec = structure.BY_KEY[part.key]
            self.fields[f"part_{part.key}"] = forms.CharField(
                label=spec.title.format(year=report.year, next_year=report.year + 1),
                required=False,
                initial=part.narrative,
                widget=forms.Textarea(attrs={"rows": 10}),
                help_text="“（一）”开头的行为小标题；其余每行为一段。"
                + (
                    "数据段落由系统根据记录生成，此处填写文字部分。"
                    if part.key == "measures_and_results"
                    else ""
                )
                + (
                    f"写作提示（不会出现在报告中）：{structure.hints_text(part.key)}。"
                    if spec.hints
                    else ""
                ),
            )
        self.fields["title"].initial = report.title

    def service_kwargs(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "narratives": {
                name.removeprefix("part_"): value
                for name, value in data.items()
                if name.startswith("part_")
            },
        }


class StepForm(SubmitOnceForm):
    publication_url = forms.URLField(label="公开网址", required=False, assume_scheme="https")
    comment = forms.CharField(
        label="意见", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action != "publish_report":
            del self.fields["publication_url"]
        if action in NEEDS_COMMENT:
            comment = self.fields["comment"]
            comment.required = True
            comment.error_messages["required"] = f"{REPORT_FLOW.by_action[action].label}须填写意见"

    def service_kwargs(self):
        data = {"comment": self.cleaned_data.get("comment", "")}
        if self.action == "publish_report":
            data["publication_url"] = self.cleaned_data.get("publication_url", "")
        return data


class OverrideForm(SubmitOnceForm):
    problem = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class PlainForm(SubmitOnceForm):
    """A confirmation with nothing to fill (刷新数据, 更正)."""

    def service_kwargs(self):
        return {}


class ReportingDatesForm(SubmitOnceForm):
    department_report_by = forms.CharField(label="部门报送截止（月-日）", max_length=5)
    government_report_by = forms.CharField(label="政府报送截止（月-日）", max_length=5)
    publish_by = forms.CharField(label="公开截止（月-日）", max_length=5)


class UrgeForm(SubmitOnceForm):
    """催报 from the overview: the area and the year of its late report."""

    unit = forms.ModelChoiceField(label="地区", queryset=None)
    year = forms.IntegerField(label="报告年度", min_value=2000)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = areas
