"""Forms of the 普法 pages; each field is named as its service's parameter."""

import datetime

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import ActivityForm, Category, Level, ListGrade, SiteKind, Theme


def _years():
    this = datetime.date.today().year
    return [(year, f"{year}年度") for year in range(this + 1, this - 5, -1)]


class ListForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="普法责任单位", queryset=Unit.objects.none())
    year = forms.TypedChoiceField(label="年度", coerce=int, choices=_years)
    published_date = date_field("清单公布日期", today=True)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ItemForm(SubmitOnceForm):
    law = forms.CharField(label="普法内容（法律法规）", max_length=200)
    audience = forms.CharField(label="普法对象", max_length=100)
    measure = forms.CharField(label="普法措施（形式）", max_length=200)
    timing = forms.CharField(label="时间安排", max_length=60)
    department = forms.CharField(label="责任科室", max_length=60)


class ReportForm(SubmitOnceForm):
    report = forms.CharField(label="履职报告", max_length=2000, widget=forms.Textarea)
    report_date = date_field("履职报告日期", today=True)


class ReviewForm(SubmitOnceForm):
    review_score = forms.DecimalField(
        label="评议得分", max_digits=5, decimal_places=2, min_value=0, max_value=100
    )
    review_grade = forms.ChoiceField(label="评议等次", choices=ListGrade.choices)
    reviewers = forms.CharField(label="评议人员", max_length=300)
    review_comment = forms.CharField(
        label="评议意见及整改建议", max_length=1000, widget=forms.Textarea
    )
    reviewed_date = date_field("评议日期", today=True)


class ActivityRegisterForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="主办单位", queryset=Unit.objects.none())
    date = date_field("活动日期", today=True)
    theme = forms.ChoiceField(label="主题", choices=Theme.choices)
    title = forms.CharField(label="活动名称", max_length=200)
    form = forms.ChoiceField(label="形式", choices=ActivityForm.choices)
    place = forms.CharField(label="地点", max_length=200)
    participants = forms.IntegerField(label="参与人数", min_value=0, initial=0)
    materials = forms.IntegerField(label="发放宣传材料（份）", min_value=0, initial=0)
    village = forms.ModelChoiceField(
        label="法律明白人活动所在村（社区）", queryset=None, required=False
    )

    def __init__(self, *args, units, villages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["village"].queryset = villages


class VillageForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="乡镇（街道）", queryset=Unit.objects.none())
    name = forms.CharField(label="村（社区）", max_length=60)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PersonForm(SubmitOnceForm):
    name = forms.CharField(label="姓名", max_length=30)
    category = forms.ChoiceField(label="类别", choices=Category.choices)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    certificate_number = forms.CharField(label="证书编号", max_length=40, required=False)
    appointed_date = date_field("考核上岗日期", today=True)


class ExamForm(SubmitOnceForm):
    unit = forms.ModelChoiceField(label="组织单位", queryset=Unit.objects.none())
    name = forms.CharField(label="考试名称", max_length=200)
    date = date_field("考试日期")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class _UnitForm(SubmitOnceForm):
    """A register's form: the unit it is entered for, among those the user may create for."""

    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    unit_label = "单位"

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = choices
        self.fields["unit"].label = self.unit_label


class MediaAdoptionForm(_UnitForm):
    unit_label = "报送单位"
    title = forms.CharField(label="稿件标题", max_length=200)
    outlet = forms.CharField(label="采用媒体", max_length=100)
    level = forms.ChoiceField(label="媒体层级", choices=Level.choices)
    published_date = date_field("刊播日期", today=True)


class CultureSiteForm(_UnitForm):
    unit_label = "建设单位"
    name = forms.CharField(label="阵地名称", max_length=100)
    kind = forms.ChoiceField(label="类型", choices=SiteKind.choices)
    level = forms.ChoiceField(label="级别", choices=Level.choices)
    address = forms.CharField(label="地址", max_length=200)
    named_date = date_field("建成（命名）日期", today=True)


class ModelVillageForm(SubmitOnceForm):
    village = forms.ModelChoiceField(label="村（社区）", queryset=None)
    level = forms.ChoiceField(label="命名级别", choices=Level.choices)
    year = forms.TypedChoiceField(label="命名年度", coerce=int, choices=_years)
    named_by = forms.CharField(label="命名机关", max_length=100)
    named_date = date_field("命名日期", today=True)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = choices


class VolunteerForm(_UnitForm):
    unit_label = "登记单位"
    name = forms.CharField(label="姓名", max_length=30)
    team = forms.CharField(label="志愿服务队", max_length=100)
    phone = forms.CharField(label="联系电话", max_length=20)
    id_number = forms.CharField(label="身份证号码", max_length=18, required=False)
    registered_date = date_field("登记日期", today=True)
