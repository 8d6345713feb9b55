"""Forms of the 行政复议 pages: registration and one form per statutory step.

Field names are the parameters of the step's service, so `run_service_form` can pass them on.
"""

from django import forms

from fazhi.core.filters import QueryForm, days_field, id_field, search_field
from fazhi.core.forms import SubmitOnceForm
from fazhi.core.forms import date_field as core_date_field
from fazhi.core.validators import validate_credit_code, validate_id_number

from .models import (
    ActKind,
    Approval,
    CaseFile,
    Channel,
    DocumentService,
    OpinionLetter,
    Outcome,
    Party,
    Procedure,
    ServiceMethod,
    State,
    Suspension,
)
from .services import (
    ACCEPTANCE_CONDITIONS,
    COMPENSATION_CHOICES,
    GROUNDS,
    STAY_GROUNDS,
    TERMINATION_GROUNDS,
)


def date_field(label="日期", required=True, today=None):
    """A step's date: today by default, as the step is recorded the day it is taken."""
    return core_date_field(label, required=required, today=required if today is None else today)


def text(label, required=True, rows=3):
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


class RegisterForm(SubmitOnceForm):
    channel = forms.ChoiceField(label="申请方式", choices=Channel.choices)
    received_date = date_field("收到申请日期")
    posted_date = date_field(
        "邮寄申请的交邮日期（邮戳，期满前交邮的不算过期）", required=False, today=False
    )
    via_respondent_date = date_field(
        "通过作出行政处罚决定的机关提交的，该机关收到申请日期（第三十二条）",
        required=False,
        today=False,
    )
    oral_record = text("口头申请笔录（口头申请的必填）", required=False)
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=Party.Kind.choices)
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=100)
    applicant_id_number = forms.CharField(
        label="身份证号码", max_length=18, required=False, validators=[validate_id_number]
    )
    applicant_credit_code = forms.CharField(
        label="统一社会信用代码", max_length=18, required=False, validators=[validate_credit_code]
    )
    applicant_address = forms.CharField(label="住址", max_length=200, required=False)
    applicant_phone = forms.CharField(label="联系电话", max_length=30, required=False)
    third_party_name = forms.CharField(label="第三人（可不填）", max_length=100, required=False)
    respondent = forms.ModelChoiceField(label="被申请人", queryset=None, required=False)
    respondent_name = forms.CharField(
        label="被申请人（不在列表中的机关）", max_length=100, required=False
    )
    act_kind = forms.ChoiceField(label="行政行为类型", choices=ActKind.choices)
    act_number = forms.CharField(label="行政行为文号", max_length=100, required=False)
    act_date = date_field("行政行为作出日期", today=False)
    act_known_date = date_field("知道该行政行为的日期", today=False)
    act_on_the_spot = forms.BooleanField(label="当场作出", required=False)
    act_by_monitoring = forms.BooleanField(
        label="依据电子技术监控设备记录的违法事实作出", required=False
    )
    compensation_requested = forms.BooleanField(
        label="一并提出行政赔偿请求（第七十二条）", required=False
    )
    act_amount = forms.DecimalField(
        label="涉及款额（元）", required=False, min_value=0, decimal_places=2
    )
    rights_notified = forms.BooleanField(
        label="行政机关已告知申请复议的权利、机关和期限", required=False, initial=True
    )
    real_property = forms.BooleanField(label="因不动产提出", required=False)
    pre_review_by_law = forms.BooleanField(
        label="法律、行政法规规定应当先申请行政复议（第二十三条第一款第二项、第五项）",
        required=False,
    )
    rights_known_date = date_field(
        "未告知的，知道申请复议权利、机关和期限的日期（第二十条第三款）", required=False
    )
    late_reason = text(
        "耽误申请期限的不可抗力或者其他正当理由（第二十条第二款）", required=False, rows=2
    )
    obstacle_start = date_field("障碍发生日期", required=False)
    obstacle_end = date_field("障碍消除日期", required=False)
    request = text("行政复议请求")
    reasons = text("事实和理由", required=False)

    def __init__(self, *args, respondents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondent"].queryset = respondents

    def clean(self):
        data = super().clean()
        if data.get("applicant_kind") == Party.Kind.PERSON and data.get("applicant_credit_code"):
            self.add_error("applicant_credit_code", "自然人不填写统一社会信用代码")
        if data.get("applicant_kind") == Party.Kind.ORGANISATION and data.get(
            "applicant_id_number"
        ):
            self.add_error("applicant_id_number", "法人或其他组织请填写统一社会信用代码")
        if not data.get("respondent") and not data.get("respondent_name", "").strip():
            self.add_error("respondent", "请选择或填写被申请人")
        return data

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("form_token")
        applicant = {
            key: data.pop(f"applicant_{key}")
            for key in ("kind", "name", "id_number", "credit_code", "address", "phone")
        }
        third = data.pop("third_party_name").strip()
        data["applicants"] = [applicant]
        data["third_parties"] = [{"kind": Party.Kind.PERSON, "name": third}] if third else []
        return data


class SupplementForm(SubmitOnceForm):
    notice_date = date_field("补正通知日期")
    received_date = date_field("申请人收到通知日期（不填则同通知日期）", required=False)
    items = text("需要补正的事项（一次性载明）")


class ExtendSupplementForm(SubmitOnceForm):
    date = date_field()
    extra_workdays = forms.IntegerField(label="延长工作日数", min_value=1, max_value=30)
    reason = text("正当理由")


class DateOnlyForm(SubmitOnceForm):
    date = date_field()


class AcceptForm(SubmitOnceForm):
    date = date_field("受理日期")
    procedure = forms.ChoiceField(label="审理程序", choices=Procedure.choices)
    simple_by_consent = forms.BooleanField(label="当事人各方同意适用简易程序", required=False)
    complex_case = forms.BooleanField(
        label="重大、疑难、复杂案件（应当听证并提请行政复议委员会，第五十条、第五十二条）",
        required=False,
    )
    refiling_reason = text(
        "撤回后再次申请的，撤回违背真实意愿的证明（第七十四条第二款）", required=False, rows=2
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in ACCEPTANCE_CONDITIONS:
            self.fields[f"condition_{key}"] = forms.BooleanField(label=label, required=False)

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"],
            "procedure": data["procedure"],
            "simple_by_consent": data["simple_by_consent"],
            "complex_case": data["complex_case"],
            "refiling_reason": data["refiling_reason"],
            "conditions": {key: data[f"condition_{key}"] for key, _ in ACCEPTANCE_CONDITIONS},
        }


class RefuseForm(SubmitOnceForm):
    date = date_field()
    failed = forms.MultipleChoiceField(
        label="不符合的受理条件", choices=ACCEPTANCE_CONDITIONS, widget=forms.CheckboxSelectMultiple
    )
    reasons = text("理由")
    competent_organ = forms.CharField(
        label="有管辖权的行政复议机关（不属于本机关管辖的必填）", max_length=100, required=False
    )


class SendCopyForm(SubmitOnceForm):
    date = date_field("发送日期")
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    received_date = date_field(
        "被申请人收到日期（送达回证；直接送达不填即为当日）", required=False, today=False
    )


class StayForm(SubmitOnceForm):
    date = date_field("决定停止执行日期")
    ground = forms.TypedChoiceField(
        label="停止执行情形（第四十二条）", choices=list(STAY_GROUNDS.items()), coerce=int
    )
    request_date = date_field("申请人、第三人申请日期（第三项必填）", required=False, today=False)
    reason = text("理由")


class InvestigateForm(SubmitOnceForm):
    date = date_field("调查日期")
    investigators = forms.CharField(label="调查人员（不少于两人，以顿号分隔）", max_length=200)
    credentials_shown = forms.BooleanField(label="已出示行政复议工作证件", required=False)
    summary = text("调查对象和情况")


class PublishForm(SubmitOnceForm):
    date = date_field("公开日期")
    where = forms.CharField(label="公开的方式或者网址", max_length=200)


class CopyToSuperiorForm(SubmitOnceForm):
    date = date_field("抄告日期")
    recipient = forms.CharField(label="被申请人的上一级主管部门", max_length=100)


class OrderPerformanceForm(SubmitOnceForm):
    date = date_field("责令日期")
    due = date_field("限期履行至", today=False)
    reason = text("不履行或者拖延履行的情况")
    interview = forms.BooleanField(label="约谈被申请人的有关负责人", required=False)
    notice = forms.BooleanField(label="予以通报批评", required=False)


class DateSummaryForm(SubmitOnceForm):
    date = date_field()
    summary = text("内容摘要", required=False)


class HearViewsForm(SubmitOnceForm):
    date = date_field()
    summary = text("听取的意见（记录在案）")


class HearingForm(SubmitOnceForm):
    """第五十条第三款、第五十一条第一款: the notice carries the time, place and matters."""

    notice_date = date_field("听证通知日期")
    date = date_field("听证日期")
    time = forms.TimeField(
        label="听证开始时间",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "请输入有效的时间，例如 09:30"},
    )
    place = forms.CharField(label="听证地点", max_length=100)
    matters = text("拟听证事项", rows=2)
    host = forms.CharField(label="主持人", max_length=50)
    hearing_officers = forms.CharField(label="听证员（两名以上，以顿号分隔）", max_length=100)
    recorder = forms.CharField(label="记录员", max_length=50)
    summary = text("备注", required=False)


class DateReasonForm(SubmitOnceForm):
    date = date_field()
    reason = text("理由")


class CommitteeOpinionForm(SubmitOnceForm):
    date = date_field("收到咨询意见日期")
    opinion = text("咨询意见（记录在案）")


class SuspendForm(SubmitOnceForm):
    date = date_field("中止日期")
    ground = forms.TypedChoiceField(
        label="中止情形（第三十九条第一款）", choices=Suspension.Ground.choices, coerce=int
    )
    reason = text("具体理由", required=False)


class ExtendForm(SubmitOnceForm):
    date = date_field("批准日期")
    days = forms.IntegerField(label="延长天数", min_value=1, max_value=30)
    reason = text("情况复杂的理由")


OUTCOME_CHOICES = [
    (o.value, o.label)
    for o in Outcome
    if o.value
    in {
        "upheld",
        "claim_dismissed",
        "revoked",
        "altered",
        "confirmed_illegal",
        "ordered_performance",
        "confirmed_invalid",
        "agreement_liability",
        "application_dismissed",
    }
]
GROUND_CHOICES = [("", "—（无需选择）")] + [
    (key, f"{Outcome(outcome).label.split('（')[0]}：{label}")
    for outcome, grounds in GROUNDS.items()
    for key, label in grounds.items()
]


class DecideForm(SubmitOnceForm):
    date = date_field("决定日期")
    outcome = forms.ChoiceField(label="决定类型", choices=OUTCOME_CHOICES)
    ground = forms.ChoiceField(label="法定情形", choices=GROUND_CHOICES, required=False)
    facts = text("经审理查明的事实（写入决定书）", rows=5)
    reasons = text("本机关认为：理由及适用的条款（写入决定书）", rows=5)
    decision_detail = text(
        "决定内容（变更的写明变更后的内容，责令履行的写明履行的职责）", required=False, rows=2
    )
    performance_due = date_field("履行期限（责令履行、责令重作的）", required=False)
    invalidity_requested = forms.BooleanField(label="申请人请求确认无效", required=False)
    heavier_for_applicant = forms.BooleanField(label="变更结果对申请人更为不利", required=False)
    third_party_requested_heavier = forms.BooleanField(label="第三人提出相反请求", required=False)
    third_party_evidence = forms.BooleanField(
        label="被申请人逾期未答复，但涉及第三人合法权益且第三人提供了证据（第七十条）",
        required=False,
    )
    written_review_reason = text(
        "未听取意见的，因当事人原因不能听取的情况（书面审理，第四十九条）", required=False, rows=2
    )
    compensation = forms.ChoiceField(
        label="行政赔偿请求的处理（一并提出赔偿请求的必选，第七十二条第一款）",
        choices=[("", "—"), *COMPENSATION_CHOICES.items()],
        required=False,
    )
    property_return = forms.BooleanField(
        label="同时责令返还财产、解除查封扣押冻结或者赔偿相应价值（第七十二条第二款）",
        required=False,
    )
    approval = forms.ChoiceField(label="审批（第六十一条第一款）", choices=Approval.choices)
    approver_name = forms.CharField(
        label="审批人姓名和职务（行政复议机关负责人同意的必填）", max_length=100, required=False
    )
    collective_note = text("集体讨论的时间和结论，或者受委托审批的授权依据", required=False, rows=2)


class ServeForm(SubmitOnceForm):
    date = date_field("送达日期")
    method = forms.ChoiceField(label="送达方式", choices=DocumentService.Method.choices)
    recipient = forms.CharField(label="受送达人（不填则为申请人）", required=False, max_length=100)
    address = forms.CharField(label="送达地址或电子送达地址", required=False, max_length=200)


class MediateForm(SubmitOnceForm):
    date = date_field("调解书生效日期")
    terms = text("调解协议内容")
    all_signed = forms.BooleanField(label="各方当事人已签字或者签章", required=False)
    self_corrected = forms.BooleanField(label="被申请人已自行纠正", required=False)


class WithdrawForm(SubmitOnceForm):
    date = date_field()
    reason = text("撤回理由（和解的写明和解情况）")
    self_corrected = forms.BooleanField(label="被申请人已自行纠正后撤回", required=False)


class TerminateForm(SubmitOnceForm):
    date = date_field()
    ground = forms.TypedChoiceField(
        label="终止情形（第四十一条）",
        coerce=int,
        choices=[(k, v) for k, v in TERMINATION_GROUNDS.items() if k != 1],
    )
    reason = text("理由")


class LetterForm(SubmitOnceForm):
    kind = forms.ChoiceField(label="类型", choices=OpinionLetter.Kind.choices)
    recipient = forms.CharField(label="制发对象", max_length=100)
    issued_date = date_field("制发日期")
    received_date = date_field(
        "制发对象收到日期（送达回证；反馈期限自收到之日起计算）", required=False, today=False
    )
    service_method = forms.ChoiceField(
        label="送达方式", choices=[("", "—"), *ServiceMethod.choices], required=False
    )
    content = text("主要内容", rows=5)


class LetterReceiptForm(SubmitOnceForm):
    date = date_field("制发对象收到日期")
    service_method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)


class LetterReportForm(SubmitOnceForm):
    date = date_field("反馈日期")
    summary = text("整改反馈")


STEP_FORMS = {
    "request_supplement": SupplementForm,
    "extend_supplement": ExtendSupplementForm,
    "receive_supplement": DateOnlyForm,
    "deem_abandoned": DateOnlyForm,
    "accept": AcceptForm,
    "deem_accepted": DateOnlyForm,
    "refuse": RefuseForm,
    "send_copy": SendCopyForm,
    "record_copy_receipt": DateOnlyForm,
    "record_reply": DateSummaryForm,
    "stay_execution": StayForm,
    "investigate": InvestigateForm,
    "publish_decision": PublishForm,
    "copy_to_superior": CopyToSuperiorForm,
    "order_performance": OrderPerformanceForm,
    "hear_views": HearViewsForm,
    "hold_hearing": HearingForm,
    "refer_to_committee": DateReasonForm,
    "record_committee_opinion": CommitteeOpinionForm,
    "suspend": SuspendForm,
    "resume": DateOnlyForm,
    "extend": ExtendForm,
    "convert_to_ordinary": DateReasonForm,
    "decide": DecideForm,
    "serve": ServeForm,
    "record_performance": DateSummaryForm,
    "mediate": MediateForm,
    "withdraw": WithdrawForm,
    "terminate": TerminateForm,
}


class CaseFilterForm(QueryForm):
    """The case list's filters (GET), each bounded: a bad value is left out with a message."""

    q = search_field()
    state = forms.ChoiceField(label="状态", choices=[("", ""), *State.choices], required=False)
    procedure = forms.ChoiceField(
        label="审理程序", choices=[("", ""), *Procedure.choices], required=False
    )
    respondent = id_field("被申请人")
    outcome = forms.ChoiceField(label="结果", choices=[("", ""), *Outcome.choices], required=False)
    handler = id_field("承办人")
    due_within = days_field("临期天数")
    overdue = forms.BooleanField(label="逾期", required=False)


class DocumentWriteForm(SubmitOnceForm):
    """The parts of a 决定书 that are the officer's to write."""

    查明事实 = text("经审理查明的事实", rows=6)
    本机关认为 = text("本机关认为：理由及适用的条款", rows=6)
    决定内容 = text("决定内容（变更、责令履行的）", required=False, rows=2)


class CaseFileForm(SubmitOnceForm):
    category = forms.ChoiceField(label="材料类别", choices=CaseFile.Category.choices)
    title = forms.CharField(label="材料名称（不填则用文件名）", required=False, max_length=100)
    uploaded_file = forms.FileField(label="文件（PDF、DOCX、XLSX、JPG、PNG）")
