"""Forms of the 行政执法监督 pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.filters import QueryForm, id_field
from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models.actions import ActionKind, EnforcementAction, PenaltyOutcome, RevokedBy
from .models.agencies import MajorDecisionItem, MajorGround, Officer
from .models.certificates import Certificate, CertificateStatus
from .models.penalty_lists import ListBasis, ListCategory, PenaltyListItem
from .models.supervision import NoticeStatus, SupervisionKind

TEXTAREA = forms.Textarea(attrs={"rows": 3})


def text(label: str, max_length: int = 300, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, **kwargs)


class ChoicesForm(SubmitOnceForm):
    """A form whose record choices (`querysets`: field name → queryset) come from selectors."""

    def __init__(self, *args, querysets=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (querysets or {}).items():
            self.fields[name].queryset = queryset


class AgencyForm(ChoicesForm):
    unit = forms.ModelChoiceField(label="执法单位", queryset=Unit.objects.none())
    legal_basis = forms.CharField(label="执法依据（设立及职权依据）", widget=TEXTAREA)
    devolved_powers = forms.CharField(
        label="赋权事项",
        widget=TEXTAREA,
        required=False,
        help_text="街道、乡镇承接的行政执法事项，一行一项",
    )


class MajorItemForm(SubmitOnceForm):
    title = text("重大执法决定事项", 200)
    ground = forms.ChoiceField(
        label="法制审核情形（行政处罚法 第五十八条）", choices=MajorGround.choices
    )


class OfficerForm(SubmitOnceForm):
    name = text("姓名", 30)
    id_number = text("身份证号码", 18)
    post = text("职务", 60, required=False)
    is_legal_reviewer = forms.BooleanField(label="法制审核人员", required=False)
    has_legal_qualification = forms.BooleanField(
        label="具有法律职业资格",
        required=False,
        help_text="初次从事法制审核的人员应当取得（行政处罚法 第五十八条第二款）",
    )
    legal_review_since = date_field(
        "开始从事行政处罚决定法制审核日期",
        required=False,
        help_text="2021年7月15日以后开始从事的为初次从事，应当取得法律职业资格",
    )


class ApplyForm(SubmitOnceForm):
    applied_date = date_field("申领日期", today=True)
    is_renewal = forms.BooleanField(label="换发", required=False)


class TrainingForm(ChoicesForm):
    title = text("培训名称", 200)
    date = date_field("培训日期", today=True)
    hours = forms.DecimalField(label="学时", min_value=0.5, max_digits=5, decimal_places=1)
    certificate = forms.ModelChoiceField(
        label="对应的证件申领",
        queryset=Certificate.objects.none(),
        required=False,
        help_text="申领证件的资格培训请选择",
    )


class ExamForm(SubmitOnceForm):
    exam_date = date_field("考试日期", today=True)
    exam_score = forms.DecimalField(label="考试成绩", max_digits=5, decimal_places=1)
    pass_mark = forms.DecimalField(label="合格分数线", max_digits=5, decimal_places=1, initial=60)


class IssueForm(SubmitOnceForm):
    number = text("证件编号", 30)
    issue_date = date_field("发证日期", today=True)
    valid_until = date_field("有效期至")


class AnnualReviewForm(SubmitOnceForm):
    date = date_field("年审日期", today=True)
    passed = forms.BooleanField(label="年审通过", required=False)
    note = text("说明（未通过的理由）", required=False)


class ReasonForm(SubmitOnceForm):
    reason = forms.CharField(label="理由", widget=TEXTAREA)


class ActionForm(ChoicesForm):
    unit = forms.ModelChoiceField(label="执法单位", queryset=Unit.objects.none())
    kind = forms.ChoiceField(label="执法行为类别", choices=ActionKind.choices)
    number = text("案件编号", 60)
    party = text("当事人", 200)
    summary = text("案由")
    started_date = date_field("立案（启动）日期")
    officers = forms.ModelMultipleChoiceField(
        label="执法人员",
        queryset=Officer.objects.none(),
        help_text="不得少于两人，均应持有有效执法证件（行政处罚法 第四十二条）",
    )
    major_item = forms.ModelChoiceField(
        label="重大执法决定事项",
        queryset=MajorDecisionItem.objects.none(),
        required=False,
        help_text="属于本单位重大执法决定目录的请选择",
    )
    offence_date = date_field(
        "违法行为发生（终了）日期",
        required=False,
        help_text="行政处罚案件填写；有连续或者继续状态的，填写行为终了之日（行政处罚法 第三十六条）",
    )
    discovered_date = date_field(
        "违法行为被发现日期", required=False, help_text="不填则以立案日期为准"
    )
    limitation_extended = forms.BooleanField(
        label="涉及公民生命健康安全、金融安全且有危害后果（追责期限五年）", required=False
    )


class PublicityForm(SubmitOnceForm):
    stage = forms.ChoiceField(
        label="公示类别",
        choices=[("pre", "事前公示（第三十九条）"), ("post", "事后公示（第四十八条）")],
    )
    date = date_field("公示日期", today=True)
    link = forms.URLField(label="公示链接", max_length=200, assume_scheme="https")


class RecordingForm(SubmitOnceForm):
    recording_forms = text(
        "全过程记录形式及环节", help_text="文字、音像记录覆盖启动、调查取证、审核、决定、送达、执行"
    )
    recording_location = text("记录归档保存位置", 200)


class LegalReviewForm(ChoicesForm):
    reviewer = forms.ModelChoiceField(label="法制审核人员", queryset=Officer.objects.none())
    review_date = date_field("法制审核日期", today=True)
    review_opinion = forms.CharField(label="法制审核意见", widget=TEXTAREA)
    review_passed = forms.BooleanField(label="审核通过", required=False)


class DecideForm(ChoicesForm):
    decided_date = date_field("决定日期", today=True)
    outcome = forms.ChoiceField(
        label="处罚结果",
        choices=[("", "（非行政处罚不填）"), *PenaltyOutcome.choices],
        required=False,
    )
    list_item = forms.ModelChoiceField(
        label="适用免罚轻罚清单事项", queryset=PenaltyListItem.objects.none(), required=False
    )
    education = text(
        "对当事人的教育",
        required=False,
        help_text="不予行政处罚的应当进行教育（行政处罚法 第三十三条第三款）",
    )


class PenaltyListForm(ChoicesForm):
    unit = forms.ModelChoiceField(label="制定单位", queryset=Unit.objects.none())
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    version = text("版本", 20, help_text="例：2021年版")
    title = text("清单名称", 200, required=False, help_text="不填则按区域和版本生成")


class ListItemForm(SubmitOnceForm):
    number = forms.IntegerField(label="序号", min_value=1)
    category = forms.ChoiceField(label="类别", choices=ListCategory.choices)
    basis = forms.ChoiceField(label="法定情形", choices=ListBasis.choices)
    violation = text("违法行为")
    legal_basis = text("违法依据及处罚依据", 500)
    conditions = text("适用条件", 500)
    treatment = text("处理方式")


class PublishForm(SubmitOnceForm):
    published_date = date_field("公布日期", today=True)


class InspectionReportForm(ChoicesForm):
    unit = forms.ModelChoiceField(label="执法单位", queryset=Unit.objects.none())
    enterprise = text("企业名称", 200)
    credit_code = text("统一社会信用代码", 18)
    purpose = text("检查事项")
    legal_basis = text("检查依据")
    planned_date = date_field("计划检查日期")
    officers = forms.ModelMultipleChoiceField(label="执法人员", queryset=Officer.objects.none())
    is_joint = forms.BooleanField(label="联合检查", required=False)


class InspectionResultForm(SubmitOnceForm):
    result_date = date_field("检查日期", today=True)
    result = forms.CharField(label="检查结果", widget=TEXTAREA)
    problems_found = forms.BooleanField(label="发现问题", required=False)


class CampaignForm(ChoicesForm):
    unit = forms.ModelChoiceField(label="组织单位", queryset=Unit.objects.none())
    title = text("评查活动名称", 200)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    started_date = date_field("开始日期", today=True)


class SelectFilesForm(ChoicesForm):
    mode = forms.ChoiceField(
        label="抽取方式",
        choices=[("random", "随机抽取"), ("chosen", "指定案卷")],
        widget=forms.RadioSelect,
    )
    agencies = forms.ModelMultipleChoiceField(
        label="被评查单位", queryset=Unit.objects.none(), required=False
    )
    count = forms.IntegerField(label="每个单位随机抽取（本）", min_value=1, required=False)
    actions = forms.ModelMultipleChoiceField(
        label="指定案卷", queryset=EnforcementAction.objects.none(), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("mode") == "random" and not (data.get("agencies") and data.get("count")):
            raise forms.ValidationError("随机抽取的，请选择被评查单位并填写抽取数量")
        if data.get("mode") == "chosen" and not data.get("actions"):
            raise forms.ValidationError("请选择要评查的案卷")
        return data


class CaseFileForm(ChoicesForm):
    agency = forms.ModelChoiceField(label="执法单位", queryset=Unit.objects.none())
    file_number = text("案卷编号", 60)
    title = text("案卷名称")


class ScoreForm(SubmitOnceForm):
    """One field per item of the campaign's 评分表, capped at the item's points."""

    scored_date = date_field("评查日期", today=True)
    problems = forms.CharField(label="发现的问题", widget=TEXTAREA, required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.IntegerField(
                label=f"{item.name}（{item.max_points}分）",
                min_value=0,
                help_text=f"0至{item.max_points}分",
            )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "points": {item.pk: data[f"item_{item.pk}"] for item in self.items},
            "problems": data["problems"],
            "scored_date": data["scored_date"],
        }


class NoticeForm(ChoicesForm):
    agency = forms.ModelChoiceField(label="整改单位", queryset=Unit.objects.none())
    problems = forms.CharField(label="存在问题及整改要求", widget=TEXTAREA)
    issued_date = date_field("下发日期", today=True)
    due_date = date_field("整改期限")


class CloseCampaignForm(SubmitOnceForm):
    closed_date = date_field("结束日期", today=True)


class SupervisionForm(ChoicesForm):
    unit = forms.ModelChoiceField(label="组织单位", queryset=Unit.objects.none())
    kind = forms.ChoiceField(label="类别", choices=SupervisionKind.choices)
    title = text("监督检查名称", 200)
    scope = forms.CharField(label="检查范围和重点", widget=TEXTAREA)
    team = text("检查组成员")
    date = date_field("检查日期", today=True)
    agencies = forms.ModelMultipleChoiceField(label="被检查单位", queryset=Unit.objects.none())
    findings = forms.CharField(label="发现的问题", widget=TEXTAREA, required=False)


class RespondForm(SubmitOnceForm):
    responded_date = date_field("反馈日期", today=True)
    response = forms.CharField(label="整改情况", widget=TEXTAREA)


class CloseNoticeForm(SubmitOnceForm):
    closed_date = date_field("销号日期", today=True)


CERTIFICATE_STATUS_CHOICES = [("", "全部状态"), *CertificateStatus.choices]
NOTICE_STATUS_CHOICES = [("", "全部状态"), *NoticeStatus.choices]


# — the 行政处罚法 clocks of a penalty case —


class DecisionExtensionForm(SubmitOnceForm):
    extended_until = date_field("延长后的决定期限")
    basis = text("延长依据", help_text="法律、法规、规章的规定及批准情况（行政处罚法 第六十条）")


class HearingInformedForm(SubmitOnceForm):
    hearing_informed_date = date_field("告知听证权利日期")


class HearingRequestForm(SubmitOnceForm):
    hearing_requested_date = date_field("当事人要求听证日期")


class HearingNoticeForm(SubmitOnceForm):
    hearing_notice_date = date_field("通知听证日期")
    hearing_date = date_field("举行听证日期")


class DecisionServedForm(SubmitOnceForm):
    decision_served_date = date_field("决定书送达日期")


class RevocationForm(SubmitOnceForm):
    revoked_date = date_field("决定被变更、撤销或确认违法、无效日期")
    revoked_by = forms.ChoiceField(label="程序", choices=RevokedBy.choices)


class PublicityWithdrawnForm(SubmitOnceForm):
    publicity_withdrawn_date = date_field("撤回公示日期")


CLOCK_STEP_FORMS = {
    "record_decision_extension": DecisionExtensionForm,
    "record_hearing_informed": HearingInformedForm,
    "record_hearing_request": HearingRequestForm,
    "record_hearing_notice": HearingNoticeForm,
    "record_decision_served": DecisionServedForm,
    "record_revocation": RevocationForm,
    "record_publicity_withdrawn": PublicityWithdrawnForm,
}


class AgencyQuery(QueryForm):
    """?agency= of the notice page: the agency whose problems the notice lists."""

    agency = id_field("执法单位")
