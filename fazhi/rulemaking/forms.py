"""Forms of the rulemaking pages; each field is named as its service's parameter."""

from django import forms

from fazhi.core.forms import SubmitOnceForm, date_field
from fazhi.core.models import Unit

from .models import (
    AdviserKind,
    CatalogItem,
    CleanupKind,
    CollectiveMeeting,
    Conclusion,
    DecisionCategory,
    FairCompetition,
    FilingOutcome,
    IncidentalResult,
    LegalAdviser,
    MatterKind,
    MeetingKind,
    NormativeDocument,
    ParticipationKind,
    ProposalSource,
    RequestSource,
    ReviewOpinion,
    ServiceKind,
    Validity,
)

TEXT = {"widget": forms.Textarea(attrs={"rows": 3})}


def _units(label, **kwargs):
    return forms.ModelChoiceField(label=label, queryset=Unit.objects.none(), **kwargs)


class UnitsForm(SubmitOnceForm):
    """A form whose unit fields choose among the querysets given (`units=` for `unit`,
    `others=` for the rest)."""

    def __init__(self, *args, units=None, others=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is Unit:
                chosen = units if name == "unit" else others
                if chosen is not None:
                    field.queryset = chosen


class DocumentForm(UnitsForm):
    unit = _units("制定机关")
    title = forms.CharField(label="文件名称", max_length=200)
    drafting_unit = _units("起草单位", required=False, help_text="不填则为制定机关")
    involves_major_decision = forms.BooleanField(label="涉及重大行政决策", required=False)
    draft_text = forms.CharField(label="草案文本", required=False, max_length=20000, **TEXT)


class ConsultationForm(SubmitOnceForm):
    comment_method = forms.CharField(label="征求意见方式", max_length=100)
    comment_from = date_field("征求意见起始日")
    comment_to = date_field("征求意见截止日")
    comments_received = forms.IntegerField(label="收到意见（条）", min_value=0, max_value=100000)
    comments_adopted = forms.IntegerField(label="采纳意见（条）", min_value=0, max_value=100000)
    fair_competition = forms.ChoiceField(label="公平竞争审查", choices=FairCompetition.choices)


class SendReviewForm(UnitsForm):
    review_sent_date = date_field("送审日期", today=True)
    review_body = _units("审核机构")


class ReviewForm(SubmitOnceForm):
    reviewer = forms.CharField(label="审核人", max_length=60)
    review_opinion = forms.ChoiceField(label="审核意见", choices=ReviewOpinion.choices)
    review_finished_date = date_field("审核完成日期", today=True)


class DeliberationForm(SubmitOnceForm):
    deliberation_meeting = forms.CharField(
        label="审议会议", max_length=100, help_text="例：区政府第12次常务会议"
    )
    deliberation_date = date_field("审议日期")


class PublishForm(SubmitOnceForm):
    doc_number = forms.CharField(label="文号", max_length=60, help_text="例：东政发〔2025〕3号")
    registration_number = forms.CharField(
        label="统一登记号", max_length=40, help_text="例：DHZD01-2025-0001"
    )
    published_date = date_field("公布日期", today=True)
    publish_channel = forms.CharField(label="公布载体", max_length=100, initial="政府网站")
    publish_url = forms.URLField(label="公布网址", required=False, assume_scheme="https")
    effective_date = date_field(
        "施行日期", help_text="自公布之日起30日后施行；不足30日的须写明理由"
    )
    early_effect_reason = forms.CharField(
        label="公布后不足30日施行的理由", max_length=300, required=False
    )
    valid_until = date_field("有效期至", required=False)


class StatusForm(SubmitOnceForm):
    status = forms.ChoiceField(
        label="新状态", choices=[c for c in Validity.choices if c[0] != Validity.VALID]
    )
    date = date_field("日期", today=True)
    reason = forms.CharField(label="理由或依据", max_length=300)
    valid_until = date_field("延续后的有效期至", required=False, help_text="到期继续执行的填写")


class FilingForm(UnitsForm):
    filing_body = _units("备案机关")
    filed_date = date_field("报备日期", today=True)
    has_report = forms.BooleanField(label="备案报告", required=False)
    has_text = forms.BooleanField(label="正式文本（含电子文本）", required=False)
    has_explanation = forms.BooleanField(label="起草说明（含合法性审核意见）", required=False)


class RegisterFilingForm(SubmitOnceForm):
    registered_date = date_field("登记日期", today=True)
    has_report = forms.BooleanField(label="已收到备案报告", required=False)
    has_text = forms.BooleanField(label="已收到正式文本", required=False)
    has_explanation = forms.BooleanField(label="已收到起草说明（含合法性审核意见）", required=False)


class DeferFilingForm(SubmitOnceForm):
    notice_date = date_field("通知补正日期", today=True)


class ReviewFilingForm(SubmitOnceForm):
    authority_ok = forms.BooleanField(label="未超越权限", required=False)
    superior_law_ok = forms.BooleanField(label="不违反法律、法规、规章和上级文件", required=False)
    procedure_ok = forms.BooleanField(label="符合法定程序", required=False)
    outcome = forms.ChoiceField(label="审查结果", choices=FilingOutcome.choices)
    reviewed_date = date_field("审查完成日期", today=True)
    review_note = forms.CharField(label="审查意见", max_length=500, required=False, **TEXT)


class ReplyForm(SubmitOnceForm):
    reply_date = date_field("回复日期", today=True)
    reply = forms.CharField(label="回复内容", max_length=500, **TEXT)


class CloseCorrectionForm(SubmitOnceForm):
    closed_date = date_field("办结日期", today=True)


class ReviewRequestForm(SubmitOnceForm):
    applicant = forms.CharField(label="建议人", max_length=100)
    received_date = date_field("收到日期", today=True)
    grounds = forms.CharField(label="审查建议理由", max_length=500, **TEXT)


class CatalogForm(UnitsForm):
    unit = _units("决策机关")
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)


class CatalogItemForm(UnitsForm):
    name = forms.CharField(label="决策事项", max_length=200)
    category = forms.ChoiceField(label="类别（第三条）", choices=DecisionCategory.choices)
    undertaking_unit = _units("承办单位")
    planned_completion = date_field("计划完成时间", required=False)
    hearing_planned = forms.BooleanField(label="拟举行听证", required=False)


class PublishCatalogForm(SubmitOnceForm):
    party_agreed_date = date_field("同级党委同意日期")
    published_date = date_field("公布日期", today=True)


class AdjustCatalogForm(SubmitOnceForm):
    adjustment_note = forms.CharField(label="调整说明", max_length=300)


class DecisionForm(UnitsForm):
    unit = _units("决策机关")
    catalog_item = forms.ModelChoiceField(
        label="目录事项", queryset=CatalogItem.objects.none(), required=False
    )
    name = forms.CharField(label="决策事项", max_length=200)
    category = forms.ChoiceField(label="类别（第三条）", choices=DecisionCategory.choices)
    proposal_source = forms.ChoiceField(label="建议来源（第十条）", choices=ProposalSource.choices)
    undertaking_unit = _units("承办单位（第十一条）")
    started_date = date_field("启动日期", today=True)
    involves_market = forms.BooleanField(label="涉及市场主体经济活动", required=False)
    draft_text = forms.CharField(label="决策草案", required=False, max_length=20000, **TEXT)

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        if items is not None:
            self.fields["catalog_item"].queryset = items


class OpenCommentForm(SubmitOnceForm):
    comment_from = date_field("征求意见起始日", today=True)
    comment_to = date_field("征求意见截止日", help_text="一般不少于30日（条例第十五条）")
    comment_channel = forms.CharField(label="公布途径", max_length=100, initial="政府网站")
    shortened_reason = forms.CharField(label="缩短期限的说明", max_length=300, required=False)


class SkipCommentForm(SubmitOnceForm):
    no_comment_reason = forms.CharField(label="依法不予公开的理由", max_length=300)


class CloseCommentForm(SubmitOnceForm):
    closed_date = date_field("研究采纳日期", today=True)
    comments_received = forms.IntegerField(label="收到意见（条）", min_value=0, max_value=100000)
    comments_adopted = forms.IntegerField(label="采纳意见（条）", min_value=0, max_value=100000)
    comment_summary = forms.CharField(label="意见研究采纳情况", max_length=5000, **TEXT)
    hearing_date = date_field("听证会日期", required=False)
    hearing_materials_sent = date_field("听证材料送达日期", required=False)


class ExpertForm(SubmitOnceForm):
    expert_review_date = date_field("论证日期")
    experts = forms.CharField(
        label="论证专家及利益冲突声明",
        max_length=5000,
        help_text="每位专家写明“无利益冲突”等声明",
        **TEXT,
    )
    expert_summary = forms.CharField(label="专家论证意见采纳情况", max_length=5000, **TEXT)


class RiskForm(SubmitOnceForm):
    risk_assessed_date = date_field("评估日期")
    risk_report = forms.CharField(label="风险评估报告", max_length=20000, **TEXT)
    risk_controllable = forms.BooleanField(label="风险可控", required=False)


class SendLegalityForm(UnitsForm):
    legality_sent_date = date_field("送审日期", today=True)
    legality_body = _units("合法性审查部门")
    legality_reply_by = date_field("审查期限", help_text="不少于7个工作日（条例第二十六条第二款）")


class LegalityForm(SubmitOnceForm):
    legality_opinion = forms.ChoiceField(label="合法性审查意见", choices=ReviewOpinion.choices)
    legality_finished_date = date_field("审查完成日期", today=True)
    adviser = forms.ModelChoiceField(
        label="出具意见的法律顾问", queryset=LegalAdviser.objects.none(), required=False
    )
    adviser_opinion = forms.CharField(
        label="法律顾问、公职律师法律意见", max_length=5000, required=False, **TEXT
    )

    def __init__(self, *args, advisers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if advisers is not None:
            self.fields["adviser"].queryset = advisers


class CollectiveForm(SubmitOnceForm):
    m_draft = forms.BooleanField(label="（一）决策草案及相关材料", required=False)
    m_fair_competition = forms.BooleanField(
        label="（一）公平竞争审查情况（涉及市场主体经济活动的）", required=False
    )
    m_public_comment = forms.BooleanField(label="（二）公众意见研究采纳情况", required=False)
    m_expert = forms.BooleanField(label="（三）专家论证意见研究采纳情况", required=False)
    m_risk = forms.BooleanField(label="（四）风险评估报告", required=False)
    m_legality = forms.BooleanField(label="（五）合法性审查意见", required=False)
    meeting = forms.ModelChoiceField(
        label="集体讨论会议",
        queryset=CollectiveMeeting.objects.none(),
        help_text="决策机关的常务会议或者全体会议，先在会议台账登记（条例第三十条）",
    )
    dissent = forms.CharField(label="不同意见（如实载明）", max_length=5000, required=False, **TEXT)
    head_decision = forms.CharField(label="行政首长的决定", max_length=2000, **TEXT)
    departs_from_majority = forms.BooleanField(
        label="与会议组成人员多数人的意见不一致", required=False
    )
    departure_reason = forms.CharField(
        label="不一致的理由", max_length=2000, required=False, **TEXT
    )

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meetings is not None:
            self.fields["meeting"].queryset = meetings


class ParticipationForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label="方式",
        choices=[c for c in ParticipationKind.choices if c[0] != ParticipationKind.PUBLIC_COMMENT],
    )
    date = date_field("日期", today=True)
    subject = forms.CharField(label="对象或地点", max_length=200, required=False)
    participants = forms.IntegerField(
        label="参加人数", min_value=0, max_value=100000, required=False
    )
    materials_sent = date_field(
        "听证会材料送达日期", required=False, help_text="听证会7日前送达（条例第十六条第三款）"
    )
    summary = forms.CharField(label="听取意见情况", max_length=5000, required=False, **TEXT)


class MeetingForm(UnitsForm):
    unit = _units("决策机关")
    kind = forms.ChoiceField(label="会议", choices=MeetingKind.choices)
    title = forms.CharField(label="会议名称", max_length=100, help_text="如：区政府第12次常务会议")
    date = date_field("会议日期", today=True)
    attendees = forms.CharField(label="出席的会议组成人员", max_length=2000, **TEXT)


class ConsultationReplyForm(UnitsForm):
    unit = _units("反馈单位")
    requesting_unit = _units("征求意见机关")
    document = forms.ModelChoiceField(
        label="登记的文件草案",
        queryset=NormativeDocument.objects.none(),
        required=False,
        help_text="草案已在本平台登记的，选择之",
    )
    draft_title = forms.CharField(label="草案名称", max_length=200, required=False)
    received_date = date_field("收到征求意见日期")
    reply_date = date_field("反馈日期", today=True)
    suggestions = forms.IntegerField(label="提出意见建议（条）", min_value=0, max_value=10000)
    content = forms.CharField(label="反馈意见", max_length=10000, **TEXT)

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["document"].queryset = documents

    def clean(self):
        data = super().clean()
        if not data.get("draft_title") and not data.get("document"):
            self.add_error("draft_title", "请填写草案名称或选择登记的文件草案")
        return data


class PublishDecisionForm(SubmitOnceForm):
    party_reported = forms.BooleanField(label="已向同级党委请示报告（第三十一条）", required=False)
    published_date = date_field("公布日期", today=True)
    publish_channel = forms.CharField(
        label="公布途径", max_length=100, initial="政府公报、政府网站"
    )
    interpretation = forms.CharField(label="解读方式", max_length=200, required=False)


class ArchiveForm(SubmitOnceForm):
    archived_date = date_field("归档日期", today=True)


class ExecutionForm(SubmitOnceForm):
    date = date_field("日期", today=True)
    is_evaluation = forms.BooleanField(label="决策后评估", required=False)
    content = forms.CharField(label="执行情况或评估结论", max_length=5000, **TEXT)


class StopForm(SubmitOnceForm):
    stopped_date = date_field("停止执行日期", today=True)
    stop_reason = forms.CharField(label="理由", max_length=300)


class AdviserForm(UnitsForm):
    unit = _units("聘用单位")
    name = forms.CharField(label="姓名", max_length=60)
    kind = forms.ChoiceField(label="类别", choices=AdviserKind.choices)
    firm = forms.CharField(label="所在律师事务所或单位", max_length=100, required=False)
    certificate_number = forms.CharField(label="公职律师证号", max_length=40, required=False)
    contract_from = date_field("聘期起")
    contract_to = date_field("聘期止")


class RenewForm(SubmitOnceForm):
    contract_to = date_field("续聘至")


class DutyForm(SubmitOnceForm):
    start = date_field("自何日起应配备")


class AdviserServiceForm(SubmitOnceForm):
    date = date_field("日期", today=True)
    kind = forms.ChoiceField(label="服务类别", choices=ServiceKind.choices)
    subject = forms.CharField(label="事项", max_length=200)
    items = forms.IntegerField(label="议题或件数", min_value=1, max_value=1000, initial=1)


class OtherReviewForm(UnitsForm):
    unit = _units("审查机构")
    matter = forms.CharField(label="审查事项", max_length=200)
    kind = forms.ChoiceField(label="类别", choices=MatterKind.choices)
    requesting_unit = _units("送审单位")
    received_date = date_field("收到日期", today=True)


class FinishReviewForm(SubmitOnceForm):
    opinion = forms.CharField(label="审查意见", max_length=300)
    finished_date = date_field("完成日期", today=True)


class FilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)


class CleanupForm(UnitsForm):
    unit = _units("组织机关")
    title = forms.CharField(label="清理名称", max_length=200)
    kind = forms.ChoiceField(label="类型", choices=CleanupKind.choices)
    started_date = date_field("开始日期", today=True)


class CleanupEntryForm(SubmitOnceForm):
    document = forms.ModelChoiceField(label="文件", queryset=NormativeDocument.objects.none())
    conclusion = forms.ChoiceField(label="清理结论", choices=Conclusion.choices)
    reason = forms.CharField(label="理由", max_length=300)
    valid_until = date_field("延续后的有效期至", required=False, help_text="到期继续执行的填写")

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["document"].queryset = documents


class PublishCleanupForm(SubmitOnceForm):
    published_date = date_field("清理结果公布日期", today=True)


class EvaluationForm(SubmitOnceForm):
    evaluator = forms.CharField(label="评估机构", max_length=100)
    method = forms.CharField(
        label="评估方法", max_length=200, help_text="例：问卷调查、座谈会、第三方评估"
    )
    date = date_field("评估报告日期", today=True)
    report = forms.CharField(label="评估报告", max_length=20000, **TEXT)
    conclusion = forms.ChoiceField(label="评估结论", choices=Conclusion.choices)


class ReferForm(SubmitOnceForm):
    doc_number = forms.CharField(
        label="规范性文件文号", max_length=60, help_text="例：东政发〔2025〕3号"
    )
    source = forms.ChoiceField(
        label="来源", choices=[c for c in RequestSource.choices if c[0] != "citizen"]
    )
    competent = forms.BooleanField(
        label="本复议机关有权处理",
        required=False,
        help_text="无权处理的，七个工作日内转送有权处理的机关",
    )
    date = date_field("中止日期", today=True)
    grounds = forms.CharField(label="认为不合法的理由", max_length=500, **TEXT)


class IncidentalNoticeForm(SubmitOnceForm):
    notice_date = date_field("书面通知制定机关日期", today=True)


class IncidentalResultForm(SubmitOnceForm):
    result = forms.ChoiceField(label="审查结果", choices=IncidentalResult.choices)
    date = date_field("办结日期", today=True)
    organ_reply_date = date_field("制定机关书面答复日期", required=False)
    handling = forms.CharField(label="处理情况", max_length=500, **TEXT)


class AnswerRequestForm(SubmitOnceForm):
    handling = forms.CharField(label="处理情况", max_length=500, **TEXT)
    reply_date = date_field("答复日期", today=True)
