"""Forms of the core pages; every message in Chinese."""

import datetime
import re
import uuid

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from .models import FormToken, Unit
from .roles import DataScope, Role, WorkLine
from .validators import validate_division_code

REPEATED = "该表单已经提交过，请勿重复提交。请刷新页面查看结果。"
TOKEN_HOURS = 24  # a page left open longer is shown again before it is submitted
# The longest free text a form takes where its field names no length: a note, a reason, an
# opinion (a 决定书's reasons run to a few thousand characters) — a bound so that no one's
# note makes the event list megabytes long for everyone.
TEXT_MAX_LENGTH, LINE_MAX_LENGTH = 20000, 500

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
    """A form that refuses a second submission of the same page (重复提交): each rendering
    carries a one-time token, stored with its user and form (models.FormToken); the token is
    consumed in the transaction of the service the form runs (`consume_token`, called by
    viewtools.run_service_form), so that two simultaneous submissions cannot both pass, and
    a token from one form is no good on another."""

    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        for field in self.fields.values():
            _bound_length(field)
        if not self.is_bound:
            self.initial["form_token"] = self._issue_token()

    @classmethod
    def form_key(cls) -> str:
        return f"{cls.__module__}.{cls.__qualname__}"[:200]

    def _owner(self):
        user = self.request.user
        return user if user.is_authenticated else None

    def _tokens(self):
        return FormToken.objects.filter(user=self._owner(), form=self.form_key())

    def _issue_token(self) -> str:
        expired = timezone.now() - datetime.timedelta(hours=TOKEN_HOURS)
        FormToken.objects.filter(user=self._owner(), created_at__lt=expired).delete()
        token = uuid.uuid4().hex
        FormToken.objects.create(token=token, user=self._owner(), form=self.form_key())
        return token

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        if not self._tokens().filter(token=token).exists():
            raise forms.ValidationError(REPEATED)
        return token

    def consume_token(self) -> None:
        """Inside the service's transaction: the token is deleted, or (another submission
        consumed it first, waiting on its row) the submission is refused with a Chinese
        message, rolling the service back."""
        deleted, _ = self._tokens().filter(token=self.cleaned_data["form_token"]).delete()
        if not deleted:
            raise ValidationError(REPEATED)


def _bound_length(field) -> None:
    """Give a free-text field without a length the platform's bound (checked and shown)."""
    if not isinstance(field, forms.CharField) or field.max_length is not None:
        return
    if isinstance(field.widget, forms.HiddenInput):
        return
    textarea = isinstance(field.widget, forms.Textarea)
    field.max_length = TEXT_MAX_LENGTH if textarea else LINE_MAX_LENGTH
    field.validators.append(MaxLengthValidator(field.max_length))
    field.widget.attrs.setdefault("maxlength", str(field.max_length))


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
