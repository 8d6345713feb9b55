"""Forms of the core pages; every message in Chinese."""

import datetime
import re
import uuid

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from .models import Unit
from .roles import DataScope, Role, WorkLine
from .validators import validate_division_code

TOKENS_KEY = "fazhi_form_tokens"
ISO_DATE = "%Y-%m-%d"


class DateInput(forms.DateInput):
    """`<input type=date>`: the browser takes only an ISO value (YYYY-MM-DD) and shows it in
    the user's own format; the locale's 2026/12/01 would leave the field blank."""

    input_type = "date"

    def __init__(self, attrs=None, format=ISO_DATE):
        super().__init__(attrs, format=format)


def date_field(label: str = "日期", *, required: bool = True, today: bool = False, **kwargs):
    """A date field of a form; `today` where the step it records happens today."""
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput,
        initial=timezone.localdate if today else None,
        error_messages={"invalid": "请输入有效的日期，例如 2026-01-05"},
        **kwargs,
    )


class SubmitOnceForm(forms.Form):
    """A form that refuses a second submission of the same page (重复提交)."""

    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if not self.is_bound:
            token = uuid.uuid4().hex
            tokens = request.session.get(TOKENS_KEY, [])[-49:]
            request.session[TOKENS_KEY] = [*tokens, token]
            self.initial["form_token"] = token

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        tokens = self.request.session.get(TOKENS_KEY, [])
        if token not in tokens:
            raise forms.ValidationError("该表单已经提交过，请勿重复提交。请刷新页面查看结果。")
        return token

    def consume_token(self) -> None:
        """Called once the submission has been carried out."""
        tokens = self.request.session.get(TOKENS_KEY, [])
        self.request.session[TOKENS_KEY] = [
            t for t in tokens if t != self.cleaned_data["form_token"]
        ]


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确，请重新输入。连续输错多次后账号将被暂时锁定。",
        "inactive": "该账号已停用，请联系单位管理员。",
    }


class UnitForm(SubmitOnceForm):
    name = forms.CharField(label="名称", max_length=100)
    kind = forms.ChoiceField(label="类型", choices=Unit.Kind.choices)
    division_code = forms.CharField(
        label="行政区划代码",
        max_length=6,
        required=False,
        validators=[validate_division_code],
        help_text="6位数字，可不填",
    )


class UnitEditForm(SubmitOnceForm):
    name = forms.CharField(label="名称", max_length=100)
    division_code = forms.CharField(
        label="行政区划代码", max_length=6, required=False, validators=[validate_division_code]
    )
    is_active = forms.BooleanField(label="启用", required=False)


class UnitMoveForm(SubmitOnceForm):
    new_parent = forms.ModelChoiceField(label="新的上级单位", queryset=Unit.objects.none())
    reason = forms.CharField(label="调整理由", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = parents


class WorkLinesFields(forms.Form):
    """The work lines (业务条线) a membership acts on: those ticked, or all of them."""

    work_lines = forms.MultipleChoiceField(
        label="业务条线",
        choices=WorkLine.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="不勾选即为全部业务条线（负责人、督察员通常如此）",
    )

    def service_kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "form_token"}
        data["work_lines"] = list(data["work_lines"]) or None
        return data


class WorkLinesForm(WorkLinesFields, SubmitOnceForm):
    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["work_lines"] = membership.work_lines


class UserCreateForm(WorkLinesFields, SubmitOnceForm):
    field_order = ["username", "full_name", "password", "unit", "role", "data_scope"]
    username = forms.RegexField(
        label="用户名",
        regex=r"^[A-Za-z0-9_.-]{3,30}$",
        error_messages={"invalid": "用户名只能包含字母、数字和 _ . -，长度3至30位"},
    )
    full_name = forms.CharField(label="姓名", max_length=30)
    password = forms.CharField(
        label="初始密码",
        widget=forms.PasswordInput,
        help_text="至少10位，含大写字母、小写字母、数字、符号中的3类；用户首次登录时须修改",
    )
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    data_scope = forms.ChoiceField(
        label="数据范围",
        required=False,
        choices=[("", "按角色默认")] + [c for c in DataScope.choices if c[0] != DataScope.ALL],
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PasswordResetForm(SubmitOnceForm):
    new_password = forms.CharField(
        label="新密码",
        widget=forms.PasswordInput,
        help_text="至少10位，含大写字母、小写字母、数字、符号中的3类；用户下次登录时须修改",
    )


DATE_RANGE = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s*(?:至|到|~|－|—)\s*(\d{4}-\d{1,2}-\d{1,2}))?$"
)


def parse_date_lines(text: str, label: str) -> list[datetime.date]:
    """One date or range per line: "2027-01-01" or "2027-02-05 至 2027-02-11"."""
    days: list[datetime.date] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = DATE_RANGE.match(line)
        try:
            first = datetime.date.fromisoformat(_pad(match.group(1))) if match else None
            last = (
                datetime.date.fromisoformat(_pad(match.group(2)))
                if match and match.group(2)
                else first
            )
        except ValueError:
            first = None
        if first is None or last < first:
            raise forms.ValidationError(
                f"{label}第{number}行“{line}”不是有效的日期或日期范围（例：2027-02-05 至 2027-02-11）"
            )
        days.extend(first + datetime.timedelta(days=i) for i in range((last - first).days + 1))
    return days


def _pad(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


class CalendarYearForm(SubmitOnceForm):
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    notice = forms.CharField(label="依据", max_length=200, help_text="国务院办公厅通知的标题和文号")
    holidays = forms.CharField(
        label="放假日期",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="每行一个日期或日期范围，例：2027-02-05 至 2027-02-11",
    )
    workdays = forms.CharField(
        label="调休上班日期",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="每行一个日期（周末调休上班的日子）",
    )

    def clean_holidays(self):
        return parse_date_lines(self.cleaned_data["holidays"], "放假日期")

    def clean_workdays(self):
        return parse_date_lines(self.cleaned_data["workdays"], "调休上班日期")


class DateCalculatorForm(forms.Form):
    start = date_field("起算日期", today=True)
    days = forms.IntegerField(label="期间", min_value=0, max_value=3650)
    unit = forms.ChoiceField(label="计算方式", choices=[("workdays", "工作日"), ("days", "自然日")])
