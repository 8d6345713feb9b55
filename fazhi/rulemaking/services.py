"""Every state change of the rulemaking records: one audited, atomic function per step.

Periods that the statutes leave to local rules are settings (docs/rules.md):
RULEMAKING_REVIEW_WORKING_DAYS (合法性审核, 15 working days), RULEMAKING_FILING_DAYS (报备,
by division code of a province or city, 30 days by default)."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import add_days, add_working_days, date_or_none, working_days_between
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.guards import today as local_today
from fazhi.core.models import Unit
from fazhi.core.querysets import active_membership
from fazhi.core.roles import Action

from .models import (
    CONCLUSION_STATUS,
    CORRECTIONS,
    AdviserKind,
    AdviserService,
    CatalogItem,
    CleanupBatch,
    CleanupEntry,
    CollectiveMeeting,
    Conclusion,
    ConsultationReply,
    Coverage,
    CoverageKind,
    Decision,
    DecisionCatalog,
    DecisionState,
    DocumentKind,
    ExecutionReport,
    FairCompetition,
    Filing,
    FilingOutcome,
    FilingState,
    IncidentalResult,
    LegalAdviser,
    NormativeDocument,
    OtherReview,
    ParticipationEvent,
    ParticipationKind,
    PostEvaluation,
    RequestSource,
    ReviewOpinion,
    ReviewRequest,
    Stage,
    StatusChange,
    Validity,
)
from .workflow import DECISION_FLOW, DOCUMENT_FLOW, FILING_FLOW

LINE = NormativeDocument.work_line

# 规章制定程序条例 第三十二条 (规范性文件 by 第三十六条): 自公布之日起30日后施行, unless a reason.
EFFECTIVE_AFTER_DAYS = 30
# 重大行政决策程序暂行条例 第十五条: 公开征求意见的期限一般不少于30日.
COMMENT_MIN_DAYS = 30
# 同 第十六条第三款: 听证会材料应当于召开听证会7日前送达听证参加人.
HEARING_MATERIALS_DAYS = 7
# 同 第二十六条第二款: 送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日.
LEGALITY_MIN_WORKING_DAYS = 7
# 法规规章备案审查条例 第九条第二款: 自收到通知之日起15日内补充或者重新报送备案.
SUPPLEMENT_DAYS = 15
# 同 第二十一条: 自接到纠错通知之日起30日内将处理情况报备案审查工作机构.
REPLY_DAYS = 30

# 文号: 机关代字〔年份〕序号号, e.g. 东政发〔2025〕3号 (党政机关公文格式 GB/T 9704-2012 7.2.4).
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fa5A-Za-z]{1,12}〔(\d{4})〕\d{1,4}号$")


def review_working_days() -> int:
    return int(getattr(settings, "RULEMAKING_REVIEW_WORKING_DAYS", 15))


def filing_days(unit: Unit) -> int:
    """The 报备 period for documents of `unit`: the setting of the nearest province or city
    above it (by division code), else the default (法规规章备案审查条例 第四条: 30日)."""
    periods = dict(getattr(settings, "RULEMAKING_FILING_DAYS", {}))
    default = int(periods.pop("default", 30))
    for ancestor in reversed([*unit.ancestors(), unit]):
        if ancestor.division_code and ancestor.division_code in periods:
            return int(periods[ancestor.division_code])
    return default


def filing_due(unit: Unit, published: datetime.date) -> datetime.date:
    """The last day to file (报备) a document of `unit` published on `published`: the area's
    period with holiday rollover, or the bare count while its year's holidays are unknown."""
    days = filing_days(unit)
    return date_or_none(add_days, published, days) or published + datetime.timedelta(days=days)


def normalize_doc_number(doc_number: str) -> str:
    number = re.sub(r"\s+", "", doc_number).replace("[", "〔").replace("]", "〕")
    number = number.replace("［", "〔").replace("］", "〕").replace("(", "〔").replace(")", "〕")
    if DOC_NUMBER.match(number) is None:
        raise ValidationError(
            f"文号“{doc_number}”格式不正确，应如“东政发〔2025〕3号”（党政机关公文格式 GB/T 9704-2012）"
        )
    return number


def _not_before(
    later: datetime.date, label: str, earlier: datetime.date | None, earlier_label: str
):
    if earlier is not None and later < earlier:
        raise ValidationError(
            f"{label}（{later:%Y-%m-%d}）不能早于{earlier_label}（{earlier:%Y-%m-%d}）"
        )


def _event(actor, action, summary, target, unit, **data):
    record_event(
        actor=actor,
        action=f"rulemaking.{action}",
        summary=summary,
        target=target,
        unit=unit,
        data=data,
    )


# — 规范性文件 —


@service
def register_document(
    *,
    actor,
    unit: Unit,
    title: str,
    drafting_unit: Unit | None = None,
    involves_major_decision: bool = False,
    draft_text: str = "",
) -> NormativeDocument:
    """Register a draft 规范性文件 of the 制定机关 `unit`."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记规范性文件")
    if unit.is_area:
        raise ValidationError(f"制定机关应为人民政府或其部门，“{unit.name}”是行政区划")
    document = NormativeDocument(
        unit=unit,
        title=title.strip(),
        kind=DocumentKind.GOVERNMENT
        if unit.kind == Unit.Kind.GOVERNMENT
        else DocumentKind.DEPARTMENT,
        drafting_unit=drafting_unit or unit,
        involves_major_decision=involves_major_decision,
        draft_text=draft_text,
        created_by=actor,
    )
    saved(document)
    _event(actor, "document.register", f"登记规范性文件草案《{document.title}》", document, unit)
    return document


@service
def record_consultation(
    *,
    actor,
    document: NormativeDocument,
    comment_method: str,
    comment_from: datetime.date,
    comment_to: datetime.date,
    comments_received: int,
    comments_adopted: int,
    fair_competition: str,
) -> NormativeDocument:
    """征求意见 and 公平竞争审查 of the draft (规章制定程序条例 第十五条)."""
    DOCUMENT_FLOW.check(document, "record_consultation", actor=actor)
    not_future(comment_from, "征求意见起始日")
    _not_before(comment_to, "征求意见截止日", comment_from, "起始日")
    if comments_adopted > comments_received:
        raise ValidationError("采纳意见数不能多于收到意见数")
    document.comment_method = comment_method.strip()
    document.comment_from, document.comment_to = comment_from, comment_to
    document.comments_received, document.comments_adopted = comments_received, comments_adopted
    document.fair_competition = fair_competition or FairCompetition.NOT_INVOLVED
    saved(document)
    _event(
        actor,
        "document.consultation",
        f"登记征求意见（收到{comments_received}条，采纳{comments_adopted}条）",
        document,
        document.unit,
    )
    return document


@service
def send_for_review(
    *, actor, document: NormativeDocument, review_sent_date: datetime.date, review_body: Unit
) -> NormativeDocument:
    """送合法性审核: the review's period runs in working days from the day after sending."""
    step = DOCUMENT_FLOW.check(document, "send_for_review", actor=actor)
    not_future(review_sent_date, "送审日期")
    if review_body.is_area:
        raise ValidationError(f"审核机构应为司法行政部门或法制机构，“{review_body.name}”是行政区划")
    document.review_sent_date = review_sent_date
    document.review_body = review_body
    document.review_due = date_or_none(add_working_days, review_sent_date, review_working_days())
    document.review_opinion, document.review_finished_date, document.reviewer = "", None, ""
    DOCUMENT_FLOW.move(document, step)
    saved(document)
    _event(
        actor, "document.send_review", f"送{review_body.name}合法性审核", document, document.unit
    )
    return document


@service
def record_review(
    *,
    actor,
    document: NormativeDocument,
    reviewer: str,
    review_opinion: str,
    review_finished_date: datetime.date,
) -> NormativeDocument:
    """The review's opinion; 不合法 sends the draft back to 起草中."""
    step = DOCUMENT_FLOW.check(document, "record_review", actor=actor)
    not_future(review_finished_date, "审核完成日期")
    _not_before(review_finished_date, "审核完成日期", document.review_sent_date, "送审日期")
    if not reviewer.strip():
        raise ValidationError("请填写审核人")
    document.reviewer = reviewer.strip()
    document.review_opinion = review_opinion
    document.review_finished_date = review_finished_date
    document.review_working_days = working_days_between(
        document.review_sent_date, review_finished_date
    )
    document.reviews_count += 1
    into = Stage.DRAFTING if review_opinion == ReviewOpinion.UNLAWFUL else Stage.REVIEWED
    DOCUMENT_FLOW.move(document, step, into)
    saved(document)
    late = document.review_overdue(review_finished_date)
    _event(
        actor,
        "document.review",
        f"合法性审核意见：{document.get_review_opinion_display()}"
        f"（用时{document.review_working_days}个工作日{'，已超过审核期限' if late else ''}）",
        document,
        document.unit,
        late=late,
    )
    return document


@service
def record_deliberation(
    *,
    actor,
    document: NormativeDocument,
    deliberation_meeting: str,
    deliberation_date: datetime.date,
) -> NormativeDocument:
    DOCUMENT_FLOW.check(document, "record_deliberation", actor=actor)
    not_future(deliberation_date, "审议日期")
    _not_before(deliberation_date, "审议日期", document.review_finished_date, "合法性审核完成日期")
    document.deliberation_meeting = deliberation_meeting.strip()
    document.deliberation_date = deliberation_date
    saved(document)
    _event(
        actor, "document.deliberation", f"{deliberation_meeting}集体审议", document, document.unit
    )
    return document


@service
def publish_document(
    *,
    actor,
    document: NormativeDocument,
    doc_number: str,
    registration_number: str,
    published_date: datetime.date,
    publish_channel: str,
    publish_url: str = "",
    effective_date: datetime.date,
    early_effect_reason: str = "",
    valid_until: datetime.date | None = None,
) -> NormativeDocument:
    """公布: only after a finished 合法性审核 (合法 or 修改后合法) and 集体审议; 施行日 at least
    30 days after publication unless a reason is recorded (规章制定程序条例 第三十二条)."""
    if document.stage in (Stage.DRAFTING, Stage.REVIEWING):
        raise ValidationError(
            "合法性审核尚未完成，不能公布（规范性文件未经合法性审核或者经审核不合法的，不得提交审议和公布；"
            "国办发〔2018〕115号，参照规章制定程序条例第三十六条）"
        )
    step = DOCUMENT_FLOW.check(document, "publish_document", actor=actor)
    if document.review_opinion not in (ReviewOpinion.LAWFUL, ReviewOpinion.LAWFUL_IF_REVISED):
        raise ValidationError("合法性审核意见为不合法，不能公布")
    if document.deliberation_date is None:
        raise ValidationError("尚未登记集体审议，不能公布（国办发〔2018〕37号：集体审议决定）")
    not_future(published_date, "公布日期")
    _not_before(published_date, "公布日期", document.deliberation_date, "审议日期")
    number = normalize_doc_number(doc_number)
    if not registration_number.strip():
        raise ValidationError("请填写统一登记号（统一登记、统一编号、统一印发）")
    if (
        NormativeDocument.objects.filter(unit=document.unit, doc_number=number)
        .exclude(pk=document.pk)
        .exists()
    ):
        raise ValidationError(f"“{document.unit.name}”已有文号为{number}的文件")
    _not_before(effective_date, "施行日期", published_date, "公布日期")
    if (
        effective_date - published_date
    ).days < EFFECTIVE_AFTER_DAYS and not early_effect_reason.strip():
        raise ValidationError(
            f"施行日期距公布日期不足30日（{(effective_date - published_date).days}日），须写明理由"
            "（规章制定程序条例第三十二条：自公布之日起30日后施行）"
        )
    if valid_until is not None:
        _not_before(valid_until, "有效期", effective_date, "施行日期")
    document.doc_number = number
    document.registration_number = registration_number.strip()
    document.published_date = published_date
    document.publish_channel = publish_channel.strip()
    document.publish_url = publish_url.strip()
    document.effective_date = effective_date
    document.early_effect_reason = early_effect_reason.strip()
    document.valid_until = valid_until
    document.status = Validity.VALID
    DOCUMENT_FLOW.move(document, step)
    saved(document)
    saved(
        StatusChange(
            document=document,
            date=published_date,
            status_from="",
            status_to=Validity.VALID,
            reason=f"公布（{number}）",
            created_by=actor,
        )
    )
    _event(actor, "document.publish", f"公布{number}《{document.title}》", document, document.unit)
    return document


@service
def change_status(
    *,
    actor,
    document: NormativeDocument,
    status: str,
    date: datetime.date,
    reason: str,
    valid_until: datetime.date | None = None,
) -> StatusChange:
    """修改、废止、失效、到期继续执行 (规章制定程序条例 第三十七条 for the 清理)."""
    DOCUMENT_FLOW.check(document, "change_status", actor=actor)
    not_future(date, "变更日期")
    _not_before(date, "变更日期", document.published_date, "公布日期")
    if status == document.status and status != Validity.AMENDED:
        raise ValidationError(f"文件已是“{document.get_status_display()}”状态")
    if not reason.strip():
        raise ValidationError("请写明变更理由或依据")
    if status == Validity.RENEWED:
        if valid_until is None or (document.valid_until and valid_until <= document.valid_until):
            raise ValidationError("到期继续执行的，请填写延续后的有效期，且须晚于原有效期")
        document.valid_until = valid_until
    change = saved(
        StatusChange(
            document=document,
            date=date,
            status_from=document.status,
            status_to=status,
            reason=reason.strip(),
            created_by=actor,
        )
    )
    document.status = status
    saved(document)
    _event(
        actor,
        "document.status",
        f"效力状态变更为“{change.get_status_to_display()}”：{reason}",
        document,
        document.unit,
    )
    return change


# — 备案 · 备案审查 —


@service
def file_document(
    *,
    actor,
    document: NormativeDocument,
    filed_date: datetime.date,
    filing_body: Unit,
    has_report: bool,
    has_text: bool,
    has_explanation: bool,
) -> Filing:
    """报备 by the 制定机关 itself; past the area's period it is marked 延迟报备."""
    require_line(actor, LINE)
    membership = active_membership(actor)
    if not actor.is_superuser and (membership is None or membership.unit_id != document.unit_id):
        raise ValidationError(
            f"只能报备本机关制定的规范性文件：该文件的制定机关是“{document.unit.name}”"
            "（法规规章备案审查条例 第四条：由制定机关报送备案）"
        )
    require(actor, Action.CHANGE, document, "无权报备该规范性文件")
    if document.stage != Stage.PUBLISHED:
        raise ValidationError(
            "文件尚未公布，不能报备（法规规章备案审查条例 第四条：公布后报送备案）"
        )
    if Filing.objects.filter(document=document).exists():
        raise ValidationError("该文件已报备")
    not_future(filed_date, "报备日期")
    _not_before(filed_date, "报备日期", document.published_date, "公布日期")
    due = filing_due(document.unit, document.published_date)
    filing = saved(
        Filing(
            document=document,
            filing_body=filing_body,
            filed_date=filed_date,
            due_date=due,
            late=filed_date > due,
            has_report=has_report,
            has_text=has_text,
            has_explanation=has_explanation,
            created_by=actor,
        )
    )
    _event(
        actor,
        "filing.file",
        f"向{filing_body.name}报备{document}{'（延迟报备）' if filing.late else ''}",
        filing,
        document.unit,
        late=filing.late,
    )
    return filing


@service
def register_filing(
    *,
    actor,
    filing: Filing,
    registered_date: datetime.date,
    has_report: bool = False,
    has_text: bool = False,
    has_explanation: bool = False,
) -> Filing:
    """备案登记 once the package is complete (a deferred filing: after its 补正)."""
    step = FILING_FLOW.check(filing, "register_filing", actor=actor)
    filing.has_report = filing.has_report or has_report
    filing.has_text = filing.has_text or has_text
    filing.has_explanation = filing.has_explanation or has_explanation
    not_future(registered_date, "登记日期")
    _not_before(registered_date, "登记日期", filing.filed_date, "报备日期")
    if not (filing.has_report and filing.has_text and filing.has_explanation):
        raise ValidationError(
            "报备材料不齐全（备案报告、正式文本、起草说明），应暂缓登记并通知补正（备案审查条例第九条）"
        )
    filing.registered_date = registered_date
    FILING_FLOW.move(filing, step)
    saved(filing)
    _event(actor, "filing.register", "予以备案登记", filing, filing.document.unit)
    return filing


@service
def defer_filing(*, actor, filing: Filing, notice_date: datetime.date) -> Filing:
    step = FILING_FLOW.check(filing, "defer_filing", actor=actor)
    not_future(notice_date, "通知日期")
    _not_before(notice_date, "通知日期", filing.filed_date, "报备日期")
    filing.supplement_due = date_or_none(add_days, notice_date, SUPPLEMENT_DAYS)
    filing.deferred = True
    FILING_FLOW.move(filing, step)
    saved(filing)
    _event(actor, "filing.defer", "暂缓登记，通知补正", filing, filing.document.unit)
    return filing


@service
def review_filing(
    *,
    actor,
    filing: Filing,
    authority_ok: bool,
    superior_law_ok: bool,
    procedure_ok: bool,
    outcome: str,
    reviewed_date: datetime.date,
    review_note: str = "",
) -> Filing:
    """备案审查 (第十三条); any outcome but 无问题 opens the correction (有错必纠)."""
    step = FILING_FLOW.check(filing, "review_filing", actor=actor)
    not_future(reviewed_date, "审查完成日期")
    _not_before(reviewed_date, "审查完成日期", filing.registered_date, "登记日期")
    problems = not (authority_ok and superior_law_ok and procedure_ok)
    if outcome == FilingOutcome.NO_PROBLEM and problems:
        raise ValidationError("审查事项中有问题的，审查结果不能为“无问题”")
    if outcome in CORRECTIONS and not review_note.strip():
        raise ValidationError("提出纠错意见的，请写明审查意见")
    filing.authority_ok, filing.superior_law_ok, filing.procedure_ok = (
        authority_ok,
        superior_law_ok,
        procedure_ok,
    )
    filing.outcome, filing.reviewed_date, filing.review_note = (
        outcome,
        reviewed_date,
        review_note.strip(),
    )
    if outcome in CORRECTIONS:
        filing.reply_due = date_or_none(add_days, reviewed_date, REPLY_DAYS)
        FILING_FLOW.move(filing, step, FilingState.CORRECTING)
    else:
        filing.closed_date = reviewed_date
        FILING_FLOW.move(filing, step)
    saved(filing)
    _event(
        actor,
        "filing.review",
        f"备案审查：{filing.get_outcome_display()}",
        filing,
        filing.document.unit,
    )
    return filing


@service
def record_reply(*, actor, filing: Filing, reply_date: datetime.date, reply: str) -> Filing:
    FILING_FLOW.check(filing, "record_reply", actor=actor)
    not_future(reply_date, "回复日期")
    _not_before(reply_date, "回复日期", filing.reviewed_date, "审查日期")
    filing.reply_date, filing.reply = reply_date, reply.strip()
    saved(filing)
    _event(actor, "filing.reply", "登记制定机关回复", filing, filing.document.unit)
    return filing


@service
def close_correction(*, actor, filing: Filing, closed_date: datetime.date) -> Filing:
    """A correction closes only when the organ's amended or repealed document is recorded:
    a 效力状态 change to 修改/废止/失效 dated on or after the review (有错必纠)."""
    step = FILING_FLOW.check(filing, "close_correction", actor=actor)
    not_future(closed_date, "办结日期")
    change = (
        StatusChange.objects.filter(
            document=filing.document,
            status_to__in=[Validity.AMENDED, Validity.REPEALED, Validity.LAPSED],
            date__gte=filing.reviewed_date,
        )
        .order_by("-date", "-pk")
        .first()
    )
    if change is None:
        raise ValidationError(
            "制定机关尚未修改或者废止该文件，纠错不能办结：请先在文件上登记修改或废止"
            "（法规规章备案审查条例 第三条“有错必纠”、第十八条）"
        )
    _not_before(closed_date, "办结日期", change.date, "修改或废止日期")
    filing.closing_change = change
    filing.closed_date = closed_date
    FILING_FLOW.move(filing, step)
    saved(filing)
    _event(
        actor,
        "filing.close",
        f"纠错办结（{change.get_status_to_display()}）",
        filing,
        filing.document.unit,
    )
    return filing


@service
def register_review_request(
    *,
    actor,
    document: NormativeDocument,
    applicant: str,
    received_date: datetime.date,
    grounds: str,
) -> ReviewRequest:
    """A citizen's 建议审查 (备案审查条例 第十二条, applied to normative documents)."""
    require(actor, Action.CHANGE, document, "无权登记该文件的审查建议")
    if document.stage != Stage.PUBLISHED:
        raise ValidationError("只能对已公布的文件提出审查建议")
    not_future(received_date, "收到日期")
    request = saved(
        ReviewRequest(
            document=document,
            applicant=applicant.strip(),
            received_date=received_date,
            grounds=grounds.strip(),
            created_by=actor,
        )
    )
    _event(actor, "filing.request", f"收到{request.applicant}的审查建议", document, document.unit)
    return request


@service
def answer_review_request(
    *, actor, review_request: ReviewRequest, handling: str, reply_date: datetime.date
) -> ReviewRequest:
    require(actor, Action.CHANGE, review_request)
    if review_request.case_id is not None:
        raise ValidationError("附带审查请登记审查结果（行政复议法第五十六条至第五十九条）")
    if review_request.reply_date is not None:
        raise ValidationError("该审查建议已答复")
    not_future(reply_date, "答复日期")
    _not_before(reply_date, "答复日期", review_request.received_date, "收到日期")
    review_request.handling, review_request.reply_date = handling.strip(), reply_date
    saved(review_request)
    _event(
        actor,
        "filing.request_reply",
        "答复审查建议",
        review_request.document,
        review_request.document.unit,
    )
    return review_request


# — 重大行政决策 —


@service
def create_catalog(*, actor, unit: Unit, year: int) -> DecisionCatalog:
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”编制决策事项目录")
    if DecisionCatalog.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(f"“{unit.name}”已有{year}年度目录；调整请在目录页“调整目录”")
    catalog = saved(DecisionCatalog(unit=unit, year=year, created_by=actor))
    _event(actor, "catalog.create", f"编制{catalog}", catalog, unit)
    return catalog


def _catalog_editable(actor, catalog: DecisionCatalog) -> None:
    require(actor, Action.CHANGE, catalog, "无权修改该目录")
    if catalog.published_date is not None:
        raise ValidationError(
            "目录已公布，不能直接修改；请“调整目录”形成新版本（条例第三条第三款）"
        )


@service
def add_catalog_item(
    *,
    actor,
    catalog: DecisionCatalog,
    name: str,
    category: str,
    undertaking_unit: Unit,
    planned_completion: datetime.date | None = None,
    hearing_planned: bool = False,
) -> CatalogItem:
    _catalog_editable(actor, catalog)
    item = saved(
        CatalogItem(
            catalog=catalog,
            name=name.strip(),
            category=category,
            undertaking_unit=undertaking_unit,
            planned_completion=planned_completion,
            hearing_planned=hearing_planned,
        )
    )
    _event(actor, "catalog.item", f"目录增加事项“{item.name}”", catalog, catalog.unit)
    return item


@service
def publish_catalog(
    *,
    actor,
    catalog: DecisionCatalog,
    party_agreed_date: datetime.date,
    published_date: datetime.date,
) -> DecisionCatalog:
    """条例 第三条第三款: 经同级党委同意后向社会公布."""
    _catalog_editable(actor, catalog)
    if not catalog.items.exists():
        raise ValidationError("目录没有事项，不能公布")
    not_future(published_date, "公布日期")
    _not_before(
        published_date, "公布日期", party_agreed_date, "同级党委同意日期（条例第三条第三款）"
    )
    catalog.party_agreed_date, catalog.published_date = party_agreed_date, published_date
    saved(catalog)
    previous = DecisionCatalog.objects.filter(
        unit=catalog.unit, year=catalog.year, version__lt=catalog.version
    )
    for old in previous.filter(superseded=False):
        old.superseded = True
        saved(old)
    _event(
        actor,
        "catalog.publish",
        f"公布{catalog}（{catalog.items.count()}项）",
        catalog,
        catalog.unit,
    )
    return catalog


@service
def adjust_catalog(*, actor, catalog: DecisionCatalog, adjustment_note: str) -> DecisionCatalog:
    """A new version with the items of `catalog`, to be changed and published again."""
    require(actor, Action.CHANGE, catalog, "无权调整该目录")
    if catalog.published_date is None or catalog.superseded:
        raise ValidationError("只能调整现行的已公布目录")
    if not adjustment_note.strip():
        raise ValidationError("请写明调整说明")
    if DecisionCatalog.objects.filter(
        unit=catalog.unit, year=catalog.year, version__gt=catalog.version
    ).exists():
        raise ValidationError("该目录已有调整中的新版本")
    new = saved(
        DecisionCatalog(
            unit=catalog.unit,
            year=catalog.year,
            version=catalog.version + 1,
            adjustment_note=adjustment_note.strip(),
            created_by=actor,
        )
    )
    for item in catalog.items.all():
        saved(
            CatalogItem(
                catalog=new,
                name=item.name,
                category=item.category,
                undertaking_unit=item.undertaking_unit,
                planned_completion=item.planned_completion,
                hearing_planned=item.hearing_planned,
            )
        )
    _event(actor, "catalog.adjust", f"调整目录，形成第{new.version}版", new, new.unit)
    return new


@service
def start_decision(
    *,
    actor,
    unit: Unit,
    name: str,
    category: str,
    proposal_source: str,
    undertaking_unit: Unit,
    started_date: datetime.date,
    catalog_item: CatalogItem | None = None,
    involves_market: bool = False,
    draft_text: str = "",
) -> Decision:
    """决策机关 decides to start the procedure and names the 承办单位 (条例 第十、十一条)."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”启动重大行政决策")
    not_future(started_date, "启动日期")
    if catalog_item is not None and catalog_item.catalog.unit_id != unit.pk:
        raise ValidationError("目录事项不属于该决策机关的目录")
    decision = saved(
        Decision(
            unit=unit,
            name=name.strip(),
            category=category,
            proposal_source=proposal_source,
            undertaking_unit=undertaking_unit,
            started_date=started_date,
            catalog_item=catalog_item,
            involves_market=involves_market,
            draft_text=draft_text,
            created_by=actor,
        )
    )
    _event(actor, "decision.start", f"启动重大行政决策“{decision.name}”", decision, unit)
    return decision


@service
def open_comment(
    *,
    actor,
    decision: Decision,
    comment_from: datetime.date,
    comment_to: datetime.date,
    comment_channel: str,
    shortened_reason: str = "",
) -> Decision:
    step = DECISION_FLOW.check(decision, "open_comment", actor=actor)
    not_future(comment_from, "征求意见起始日")
    _not_before(comment_from, "征求意见起始日", decision.started_date, "启动日期")
    days = (comment_to - comment_from).days + 1
    if days < COMMENT_MIN_DAYS and not shortened_reason.strip():
        raise ValidationError(
            f"公开征求意见期限为{max(days, 0)}日，不足30日；因情况紧急等原因缩短的，须在征求意见时说明理由"
            "（重大行政决策程序暂行条例 第十五条）"
        )
    if not comment_channel.strip():
        raise ValidationError("请填写公布决策草案的途径（条例第十五条）")
    decision.comment_from, decision.comment_to = comment_from, comment_to
    decision.comment_channel, decision.shortened_reason = (
        comment_channel.strip(),
        shortened_reason.strip(),
    )
    DECISION_FLOW.move(decision, step)
    saved(decision)
    # 条例 第十四条第二款: 向社会公开征求意见 is one of the ways of hearing the public.
    saved(
        ParticipationEvent(
            decision=decision,
            kind=ParticipationKind.PUBLIC_COMMENT,
            date=comment_from,
            subject=decision.comment_channel,
            summary=f"公开征求意见至{comment_to:%Y-%m-%d}",
            created_by=actor,
        )
    )
    _event(
        actor,
        "decision.comment",
        f"公开征求意见（{comment_from:%Y-%m-%d}至{comment_to:%Y-%m-%d}）",
        decision,
        decision.unit,
    )
    return decision


@service
def skip_comment(*, actor, decision: Decision, no_comment_reason: str) -> Decision:
    step = DECISION_FLOW.check(decision, "skip_comment", actor=actor)
    if not no_comment_reason.strip():
        raise ValidationError("不公开征求意见的，须写明依法不予公开的理由（条例第十四条）")
    decision.no_comment_reason = no_comment_reason.strip()
    DECISION_FLOW.move(decision, step)
    saved(decision)
    _event(actor, "decision.skip_comment", "依法不予公开，不公开征求意见", decision, decision.unit)
    return decision


@service
def close_comment(
    *,
    actor,
    decision: Decision,
    comments_received: int,
    comments_adopted: int,
    comment_summary: str,
    closed_date: datetime.date,
    hearing_date: datetime.date | None = None,
    hearing_materials_sent: datetime.date | None = None,
) -> Decision:
    step = DECISION_FLOW.check(decision, "close_comment", actor=actor)
    not_future(closed_date, "研究采纳日期")
    if closed_date < decision.comment_to:
        raise ValidationError(
            f"征求意见期限至{decision.comment_to:%Y-%m-%d}，期满后方可完成意见研究采纳（条例第十五条、第十八条）"
        )
    if comments_adopted > comments_received:
        raise ValidationError("采纳意见数不能多于收到意见数")
    if hearing_date is not None and (
        hearing_materials_sent is None
        or (hearing_date - hearing_materials_sent).days < HEARING_MATERIALS_DAYS
    ):
        raise ValidationError("听证会材料应当于召开听证会7日前送达听证参加人（条例第十六条第三款）")
    decision.comments_received, decision.comments_adopted = comments_received, comments_adopted
    decision.comment_summary = comment_summary.strip()
    decision.hearing_date, decision.hearing_materials_sent = hearing_date, hearing_materials_sent
    DECISION_FLOW.move(decision, step)
    saved(decision)
    hearings = decision.participation_events.filter(kind=ParticipationKind.HEARING)
    if hearing_date is not None and not hearings.filter(date=hearing_date).exists():
        saved(
            ParticipationEvent(
                decision=decision,
                kind=ParticipationKind.HEARING,
                date=hearing_date,
                materials_sent=hearing_materials_sent,
                summary=decision.comment_summary,
                created_by=actor,
            )
        )
    _event(
        actor,
        "decision.comment_closed",
        f"意见研究采纳（收到{comments_received}条，采纳{comments_adopted}条）",
        decision,
        decision.unit,
    )
    return decision


@service
def record_participation(
    *,
    actor,
    decision: Decision,
    kind: str,
    date: datetime.date,
    subject: str = "",
    participants: int | None = None,
    materials_sent: datetime.date | None = None,
    summary: str = "",
) -> ParticipationEvent:
    """条例 第十四条: 座谈会、听证会、实地走访、书面征求意见、问卷调查、民意调查, and 沟通协商
    with the groups concerned; a 听证会 with its materials sent 7 days before (第十六条第三款)."""
    DECISION_FLOW.check(decision, "record_participation", actor=actor)
    not_future(date, "日期")
    _not_before(date, "日期", decision.started_date, "启动日期")
    if kind == ParticipationKind.PUBLIC_COMMENT:
        raise ValidationError(
            "向社会公开征求意见请通过“公开征求意见”步骤登记，期限一般不少于30日（条例第十五条）"
        )
    if kind == ParticipationKind.HEARING:
        if materials_sent is None or (date - materials_sent).days < HEARING_MATERIALS_DAYS:
            raise ValidationError(
                "听证会材料应当于召开听证会7日前送达听证参加人（条例第十六条第三款）"
            )
        if not summary.strip():
            raise ValidationError(
                "请填写听证情况：听证参加人陈述意见、询问质证辩论，并确认听证会记录签字（条例第十七条）"
            )
    else:
        materials_sent = None
    event = saved(
        ParticipationEvent(
            decision=decision,
            kind=kind,
            date=date,
            subject=subject.strip(),
            participants=participants,
            materials_sent=materials_sent,
            summary=summary.strip(),
            created_by=actor,
        )
    )
    _event(
        actor,
        "decision.participation",
        f"公众参与：{event.get_kind_display()}（{date:%Y-%m-%d}）",
        decision,
        decision.unit,
    )
    return event


@service
def register_meeting(
    *, actor, unit: Unit, kind: str, title: str, date: datetime.date, attendees: str
) -> CollectiveMeeting:
    """登记决策机关的常务会议或者全体会议 (条例 第三十条第一款)."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记会议")
    not_future(date, "会议日期")
    if not attendees.strip():
        raise ValidationError("请填写出席会议的组成人员（条例第三十条第二款）")
    meeting = saved(
        CollectiveMeeting(
            unit=unit,
            kind=kind,
            title=title.strip(),
            date=date,
            attendees=attendees.strip(),
            created_by=actor,
        )
    )
    _event(actor, "meeting.register", f"登记{meeting}", meeting, unit)
    return meeting


@service
def record_consultation_reply(
    *,
    actor,
    unit: Unit,
    requesting_unit: Unit,
    draft_title: str,
    received_date: datetime.date,
    reply_date: datetime.date,
    content: str,
    suggestions: int = 0,
    document: NormativeDocument | None = None,
) -> ConsultationReply:
    """反馈征求意见和建议 on another organ's draft (规章制定程序条例 第十五条、第三十六条)."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权以“{unit.name}”名义反馈意见")
    not_future(reply_date, "反馈日期")
    _not_before(reply_date, "反馈日期", received_date, "收到征求意见日期")
    if requesting_unit.pk == unit.pk:
        raise ValidationError(
            "征求意见机关与反馈单位相同：本机关的草案请在文件的“登记征求意见”中登记"
        )
    if document is not None:
        if not NormativeDocument.objects.restrict(actor).filter(pk=document.pk).exists():
            raise ValidationError("无权查看该文件草案")
        if document.unit_id != requesting_unit.pk:
            raise ValidationError(f"《{document.title}》不是{requesting_unit.name}的文件草案")
    reply = saved(
        ConsultationReply(
            unit=unit,
            requesting_unit=requesting_unit,
            document=document,
            draft_title=(draft_title.strip() or (document.title if document else "")),
            received_date=received_date,
            reply_date=reply_date,
            suggestions=suggestions,
            content=content.strip(),
            created_by=actor,
        )
    )
    _event(actor, "consultation.reply", f"反馈{requesting_unit.name}征求意见", reply, unit)
    return reply


@service
def record_expert_review(
    *,
    actor,
    decision: Decision,
    expert_review_date: datetime.date,
    experts: str,
    expert_summary: str,
) -> Decision:
    DECISION_FLOW.check(decision, "record_expert_review", actor=actor)
    not_future(expert_review_date, "专家论证日期")
    if "利益冲突" not in experts and "无利害关系" not in experts:
        raise ValidationError("请在专家名单中载明各专家的利益冲突声明（条例第二十条、第二十一条）")
    decision.expert_review_date, decision.experts = expert_review_date, experts.strip()
    decision.expert_summary = expert_summary.strip()
    saved(decision)
    _event(actor, "decision.experts", "登记专家论证", decision, decision.unit)
    return decision


@service
def record_risk_assessment(
    *,
    actor,
    decision: Decision,
    risk_assessed_date: datetime.date,
    risk_report: str,
    risk_controllable: bool,
) -> Decision:
    DECISION_FLOW.check(decision, "record_risk_assessment", actor=actor)
    not_future(risk_assessed_date, "风险评估日期")
    if not risk_report.strip():
        raise ValidationError("请填写风险评估报告（条例第二十四条）")
    decision.risk_assessed_date, decision.risk_report = risk_assessed_date, risk_report.strip()
    decision.risk_controllable = risk_controllable
    saved(decision)
    _event(actor, "decision.risk", "登记风险评估", decision, decision.unit)
    return decision


@service
def send_legality_review(
    *,
    actor,
    decision: Decision,
    legality_sent_date: datetime.date,
    legality_body: Unit,
    legality_reply_by: datetime.date,
) -> Decision:
    """条例 第二十六条第二款: the review gets at least 7 working days."""
    step = DECISION_FLOW.check(decision, "send_legality_review", actor=actor)
    not_future(legality_sent_date, "送审日期")
    earliest = add_working_days(legality_sent_date, LEGALITY_MIN_WORKING_DAYS)
    if legality_reply_by < earliest:
        raise ValidationError(
            f"审查期限不足7个工作日：{legality_sent_date:%Y-%m-%d}送审的，审查期限最早为{earliest:%Y-%m-%d}"
            "（重大行政决策程序暂行条例 第二十六条第二款）"
        )
    decision.legality_sent_date, decision.legality_body = legality_sent_date, legality_body
    decision.legality_reply_by = legality_reply_by
    decision.legality_opinion, decision.legality_finished_date = "", None
    DECISION_FLOW.move(decision, step)
    saved(decision)
    _event(
        actor,
        "decision.legality_sent",
        f"送{legality_body.name}合法性审查",
        decision,
        decision.unit,
    )
    return decision


@service
def record_legality_review(
    *,
    actor,
    decision: Decision,
    legality_opinion: str,
    legality_finished_date: datetime.date,
    adviser_opinion: str = "",
    adviser: LegalAdviser | None = None,
) -> Decision:
    step = DECISION_FLOW.check(decision, "record_legality_review", actor=actor)
    not_future(legality_finished_date, "审查完成日期")
    _not_before(legality_finished_date, "审查完成日期", decision.legality_sent_date, "送审日期")
    decision.legality_opinion, decision.legality_finished_date = (
        legality_opinion,
        legality_finished_date,
    )
    decision.adviser_opinion, decision.adviser = adviser_opinion.strip(), adviser
    into = (
        DecisionState.DRAFTED
        if legality_opinion == ReviewOpinion.UNLAWFUL
        else DecisionState.REVIEWED
    )
    DECISION_FLOW.move(decision, step, into)
    saved(decision)
    _event(
        actor,
        "decision.legality",
        f"合法性审查意见：{decision.get_legality_opinion_display()}"
        f"{'（未听取法律顾问、公职律师意见）' if decision.adviser_missing else ''}",
        decision,
        decision.unit,
        adviser_missing=decision.adviser_missing,
    )
    return decision


def missing_materials(decision: Decision, materials: dict) -> list[str]:
    """The 第二十九条 materials the submission lacks, by item."""
    need = [("m_draft", "（一）决策草案及相关材料")]
    if decision.involves_market:
        need.append(("m_fair_competition", "（一）公平竞争审查的有关情况"))
    if decision.comment_from:
        need.append(("m_public_comment", "（二）社会公众主要意见的研究采纳情况"))
    if decision.expert_review_date:
        need.append(("m_expert", "（三）专家论证意见的研究采纳情况"))
    if decision.risk_assessed_date:
        need.append(("m_risk", "（四）风险评估报告等有关材料"))
    need.append(("m_legality", "（五）合法性审查意见"))
    return [label for field, label in need if not materials.get(field)]


@service
def record_collective_decision(
    *,
    actor,
    decision: Decision,
    meeting: CollectiveMeeting,
    head_decision: str,
    dissent: str = "",
    departs_from_majority: bool = False,
    departure_reason: str = "",
    m_draft: bool = False,
    m_fair_competition: bool = False,
    m_public_comment: bool = False,
    m_expert: bool = False,
    m_risk: bool = False,
    m_legality: bool = False,
) -> Decision:
    """第二十九条 materials gate the discussion; 第三十条: attendees, dissent as stated, the
    head's decision and the reason where it departs from the majority."""
    step = DECISION_FLOW.check(decision, "record_collective_decision", actor=actor)
    materials = dict(
        m_draft=m_draft,
        m_fair_competition=m_fair_competition,
        m_public_comment=m_public_comment,
        m_expert=m_expert,
        m_risk=m_risk,
        m_legality=m_legality,
    )
    missing = missing_materials(decision, materials)
    if missing:
        raise ValidationError(
            f"提交集体讨论的材料不齐全，缺少：{'、'.join(missing)}（重大行政决策程序暂行条例 第二十九条）"
        )
    # 第三十条第一款: 决策草案应当经决策机关常务会议或者全体会议讨论 — its own meeting.
    if meeting is None or meeting.unit_id != decision.unit_id:
        raise ValidationError(
            f"集体讨论须为{decision.unit.name}的常务会议或者全体会议（重大行政决策程序暂行条例 第三十条第一款）"
        )
    _not_before(meeting.date, "会议日期", decision.legality_finished_date, "合法性审查完成日期")
    if not head_decision.strip():
        raise ValidationError("请填写行政首长在集体讨论基础上作出的决定（条例第三十条第一款）")
    if departs_from_majority and not departure_reason.strip():
        raise ValidationError(
            "行政首长的决定与会议组成人员多数人的意见不一致的，应当说明理由（条例第三十条第二款）"
        )
    for field, value in materials.items():
        setattr(decision, field, value)
    decision.meeting = meeting
    decision.meeting_kind, decision.meeting_date = meeting.kind, meeting.date
    decision.attendees, decision.dissent = meeting.attendees, dissent.strip()
    decision.head_decision = head_decision.strip()
    decision.departs_from_majority, decision.departure_reason = (
        departs_from_majority,
        departure_reason.strip(),
    )
    DECISION_FLOW.move(decision, step)
    saved(decision)
    _event(
        actor,
        "decision.decide",
        f"{meeting.title}集体讨论决定",
        decision,
        decision.unit,
    )
    return decision


@service
def publish_decision(
    *,
    actor,
    decision: Decision,
    published_date: datetime.date,
    publish_channel: str,
    party_reported: bool,
    interpretation: str = "",
) -> Decision:
    step = DECISION_FLOW.check(decision, "publish_decision", actor=actor)
    if not party_reported:
        raise ValidationError("重大行政决策出台前应当按照规定向同级党委请示报告（条例第三十一条）")
    not_future(published_date, "公布日期")
    _not_before(published_date, "公布日期", decision.meeting_date, "集体讨论日期")
    if not publish_channel.strip():
        raise ValidationError("请填写公布途径（条例第三十二条：政府公报、政府网站等）")
    decision.published_date, decision.publish_channel = published_date, publish_channel.strip()
    decision.party_reported, decision.interpretation = True, interpretation.strip()
    DECISION_FLOW.move(decision, step)
    saved(decision)
    _event(actor, "decision.publish", f"公布重大行政决策“{decision.name}”", decision, decision.unit)
    return decision


@service
def archive_decision(*, actor, decision: Decision, archived_date: datetime.date) -> Decision:
    step = DECISION_FLOW.check(decision, "archive_decision", actor=actor)
    not_future(archived_date, "归档日期")
    _not_before(archived_date, "归档日期", decision.published_date, "公布日期")
    decision.archived_date = archived_date
    DECISION_FLOW.move(decision, step)
    saved(decision)
    _event(actor, "decision.archive", "决策过程记录和材料归档", decision, decision.unit)
    return decision


@service
def record_execution(
    *, actor, decision: Decision, date: datetime.date, content: str, is_evaluation: bool = False
) -> ExecutionReport:
    DECISION_FLOW.check(decision, "record_execution", actor=actor)
    not_future(date, "日期")
    _not_before(date, "日期", decision.published_date, "公布日期")
    report = saved(
        ExecutionReport(
            decision=decision,
            date=date,
            content=content.strip(),
            is_evaluation=is_evaluation,
            created_by=actor,
        )
    )
    _event(
        actor,
        "decision.execution",
        "登记决策后评估" if is_evaluation else "登记决策执行情况",
        decision,
        decision.unit,
    )
    return report


@service
def stop_decision(
    *, actor, decision: Decision, stopped_date: datetime.date, stop_reason: str
) -> Decision:
    step = DECISION_FLOW.check(decision, "stop_decision", actor=actor)
    not_future(stopped_date, "停止执行日期")
    if not stop_reason.strip():
        raise ValidationError(
            "依法作出的重大行政决策，未经法定程序不得随意变更或者停止执行：请写明理由（条例第三十七条）"
        )
    decision.stopped_date, decision.stop_reason = stopped_date, stop_reason.strip()
    DECISION_FLOW.move(decision, step)
    saved(decision)
    _event(actor, "decision.stop", f"停止执行：{decision.stop_reason}", decision, decision.unit)
    return decision


# — 法律顾问 · 其他合法性审查 —


@service
def register_adviser(
    *,
    actor,
    unit: Unit,
    name: str,
    kind: str,
    contract_from: datetime.date,
    contract_to: datetime.date,
    firm: str = "",
    certificate_number: str = "",
) -> LegalAdviser:
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记法律顾问")
    _not_before(contract_to, "聘期止", contract_from, "聘期起")
    if kind == "public_lawyer" and not certificate_number.strip():
        raise ValidationError("公职律师请填写公职律师证号")
    adviser = saved(
        LegalAdviser(
            unit=unit,
            name=name.strip(),
            kind=kind,
            firm=firm.strip(),
            certificate_number=certificate_number.strip(),
            contract_from=contract_from,
            contract_to=contract_to,
            created_by=actor,
        )
    )
    _event(actor, "adviser.register", f"登记{adviser}", adviser, unit)
    refresh_coverage(unit)
    return adviser


@service
def renew_adviser(*, actor, adviser: LegalAdviser, contract_to: datetime.date) -> LegalAdviser:
    require(actor, Action.CHANGE, adviser, "无权续聘该法律顾问")
    if contract_to <= adviser.contract_to:
        raise ValidationError(f"续聘后的聘期止须晚于原聘期止（{adviser.contract_to:%Y-%m-%d}）")
    adviser.contract_to = contract_to
    saved(adviser)
    _event(actor, "adviser.renew", f"续聘至{contract_to:%Y-%m-%d}", adviser, adviser.unit)
    refresh_coverage(adviser.unit)
    return adviser


def _merged(spans):
    merged = []
    for start, until in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], until)
        else:
            merged.append([start, until])
    return merged


def _overlaps(spans, duties):
    """The parts of the merged `spans` inside the `duties` spans (an open end is None)."""
    far = datetime.date.max
    parts = []
    for start, until in spans:
        for duty_start, duty_until in duties:
            begin, end = max(start, duty_start), min(until, duty_until or far)
            if begin < end:
                parts.append((begin, end))
    return _merged(parts)


def refresh_coverage(unit: Unit) -> None:
    """Rewrite the unit's `Coverage` spans from its advisers' contracts (inside the calling
    service): one span per stretch with a 法律顾问 (any kind) or a 公职律师 under contract,
    and the part of those stretches in which the unit was on the list of 党政机关 that must
    have one (DUTY, kept as registered)."""
    advisers = list(LegalAdviser.objects.filter(unit=unit))
    covered = _merged((a.contract_from, a.roster_until) for a in advisers)
    duties = Coverage.objects.filter(unit=unit, kind=CoverageKind.DUTY)
    wanted = {
        CoverageKind.ADVISER: covered,
        CoverageKind.PUBLIC_LAWYER: _merged(
            (a.contract_from, a.roster_until)
            for a in advisers
            if a.kind == AdviserKind.PUBLIC_LAWYER
        ),
        CoverageKind.DUTY_COVERED: _overlaps(covered, duties.values_list("start", "until")),
    }
    existing = {
        (c.kind, c.start, c.until): c
        for c in Coverage.objects.filter(unit=unit).exclude(kind=CoverageKind.DUTY)
    }
    keep = {(kind, start, until) for kind, spans in wanted.items() for start, until in spans}
    for key, span in existing.items():
        if key not in keep:
            span.delete()
    for kind, start, until in sorted(keep - set(existing)):
        saved(Coverage(unit=unit, kind=kind, start=start, until=until))


@service
def record_adviser_service(
    *, actor, adviser: LegalAdviser, date: datetime.date, kind: str, subject: str, items: int = 1
) -> AdviserService:
    require(actor, Action.CHANGE, adviser, "无权登记该法律顾问的服务")
    not_future(date, "日期")
    entry = saved(
        AdviserService(
            adviser=adviser,
            date=date,
            kind=kind,
            subject=subject.strip(),
            items=items,
            created_by=actor,
        )
    )
    _event(
        actor,
        "adviser.service",
        f"{adviser.name}：{entry.get_kind_display()}“{entry.subject}”",
        adviser,
        adviser.unit,
    )
    return entry


@service
def register_adviser_duty(*, actor, start: datetime.date) -> int:
    """Register the agencies the actor may create records for as 党政机关 that must have a
    法律顾问 from `start` (中办国办 2016 意见: 县级以上党政机关普遍设立), those not already
    on the list: the denominator of legal_advisers.units_covered_rate."""
    require_line(actor, LINE)
    agencies = (
        Unit.objects.restrict(actor, Action.CREATE)
        .exclude(kind__in=Unit.AREA_KINDS)
        .filter(is_active=True)
    )
    listed = set(
        Coverage.objects.filter(kind=CoverageKind.DUTY, until__isnull=True).values_list(
            "unit_id", flat=True
        )
    )
    added = [
        saved(Coverage(unit=unit, kind=CoverageKind.DUTY, start=start))
        for unit in agencies
        if unit.pk not in listed
    ]
    for span in added:
        refresh_coverage(span.unit)
    membership = active_membership(actor)
    if added and membership is not None:
        _event(
            actor,
            "adviser.duty",
            f"登记应配备法律顾问的党政机关{len(added)}个（{start:%Y-%m-%d}起）",
            membership.unit,
            membership.unit,
        )
    return len(added)


@service
def register_other_review(
    *,
    actor,
    unit: Unit,
    matter: str,
    kind: str,
    requesting_unit: Unit,
    received_date: datetime.date,
) -> OtherReview:
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记合法性审查")
    not_future(received_date, "收到日期")
    review = saved(
        OtherReview(
            unit=unit,
            matter=matter.strip(),
            kind=kind,
            requesting_unit=requesting_unit,
            received_date=received_date,
            created_by=actor,
        )
    )
    _event(
        actor, "review.register", f"收到{requesting_unit.name}送审的“{review.matter}”", review, unit
    )
    return review


@service
def finish_other_review(
    *, actor, review: OtherReview, opinion: str, finished_date: datetime.date
) -> OtherReview:
    require(actor, Action.CHANGE, review, "无权办理该审查")
    if review.finished_date is not None:
        raise ValidationError("该审查已办结")
    not_future(finished_date, "完成日期")
    _not_before(finished_date, "完成日期", review.received_date, "收到日期")
    if not opinion.strip():
        raise ValidationError("请填写审查意见")
    review.opinion, review.finished_date = opinion.strip(), finished_date
    review.working_days = working_days_between(review.received_date, finished_date)
    saved(review)
    _event(
        actor,
        "review.finish",
        f"出具审查意见（用时{review.working_days}个工作日）",
        review,
        review.unit,
    )
    return review


# — 清理 · 后评估 —


@service
def start_cleanup(
    *, actor, unit: Unit, title: str, kind: str, started_date: datetime.date
) -> CleanupBatch:
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”组织清理")
    not_future(started_date, "开始日期")
    batch = saved(
        CleanupBatch(
            unit=unit, title=title.strip(), kind=kind, started_date=started_date, created_by=actor
        )
    )
    _event(actor, "cleanup.start", f"开始{batch.get_kind_display()}“{batch.title}”", batch, unit)
    return batch


@service
def add_cleanup_entry(
    *,
    actor,
    batch: CleanupBatch,
    document: NormativeDocument,
    conclusion: str,
    reason: str,
    valid_until: datetime.date | None = None,
) -> CleanupEntry:
    require(actor, Action.CHANGE, batch, "无权修改该清理")
    if batch.published_date is not None:
        raise ValidationError("清理结果已公布，不能再增加文件")
    require(actor, Action.CHANGE, document, "只能清理本机关有权办理的文件")
    if document.stage != Stage.PUBLISHED or document.status in (Validity.REPEALED, Validity.LAPSED):
        raise ValidationError("只能清理现行有效的已公布文件")
    if conclusion == Conclusion.RENEW and valid_until is None:
        raise ValidationError("到期继续执行的，请填写延续后的有效期")
    if not reason.strip():
        raise ValidationError("请写明清理理由")
    entry = saved(
        CleanupEntry(
            batch=batch,
            document=document,
            conclusion=conclusion,
            reason=reason.strip(),
            valid_until=valid_until,
        )
    )
    _event(actor, "cleanup.entry", f"清理结论：{entry}", batch, batch.unit)
    return entry


@service
def publish_cleanup(*, actor, batch: CleanupBatch, published_date: datetime.date) -> CleanupBatch:
    """The result is published: each conclusion other than 继续有效 changes the document's
    status (规章制定程序条例 第三十七条), all or none."""
    require(actor, Action.CHANGE, batch, "无权公布该清理结果")
    if batch.published_date is not None:
        raise ValidationError("清理结果已公布")
    entries = list(batch.entries.select_related("document"))
    if not entries:
        raise ValidationError("清理没有文件，不能公布")
    not_future(published_date, "公布日期")
    _not_before(published_date, "公布日期", batch.started_date, "开始日期")
    for entry in entries:
        status = CONCLUSION_STATUS.get(entry.conclusion)
        if status is not None:
            change_status(
                actor=actor,
                document=entry.document,
                status=status,
                date=published_date,
                reason=f"{batch.title}：{entry.reason}",
                valid_until=entry.valid_until,
            )
    batch.published_date = published_date
    saved(batch)
    _event(actor, "cleanup.publish", f"公布清理结果（{len(entries)}件）", batch, batch.unit)
    return batch


@service
def record_evaluation(
    *,
    actor,
    document: NormativeDocument,
    evaluator: str,
    method: str,
    date: datetime.date,
    report: str,
    conclusion: str,
) -> PostEvaluation:
    require(actor, Action.CHANGE, document, "无权登记该文件的后评估")
    if document.stage != Stage.PUBLISHED:
        raise ValidationError("只能对已公布施行的文件进行后评估")
    not_future(date, "评估报告日期")
    _not_before(date, "评估报告日期", document.effective_date, "施行日期")
    evaluation = saved(
        PostEvaluation(
            document=document,
            evaluator=evaluator.strip(),
            method=method.strip(),
            date=date,
            report=report.strip(),
            conclusion=conclusion,
            created_by=actor,
        )
    )
    _event(
        actor,
        "document.evaluation",
        f"后评估：{evaluation.get_conclusion_display()}",
        document,
        document.unit,
    )
    return evaluation


@service
def import_documents(*, actor, unit: Unit, data, filing_body: Unit | None = None) -> int:
    """导入 an existing register of `unit`'s published documents (and their 报备 dates):
    all rows or none; row errors by row and column (imports.DOCUMENTS)."""
    from fazhi.core.imports import ImportRefused, RowError

    from . import imports

    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”导入规范性文件")
    if unit.is_area:
        raise ValidationError(f"制定机关应为人民政府或其部门，“{unit.name}”是行政区划")
    rows = imports.DOCUMENTS.read_rows(data)
    taken = set(
        NormativeDocument.objects.filter(
            unit=unit, doc_number__in=[r["doc_number"] for r in rows]
        ).values_list("doc_number", flat=True)
    )
    errors = [
        RowError(r["row"], "文号", f"“{unit.name}”已登记{r['doc_number']}")
        for r in rows
        if r["doc_number"] in taken
    ]
    for row in rows:
        short = (row["effective_date"] - row["published_date"]).days < EFFECTIVE_AFTER_DAYS
        if short and not row["early_effect_reason"]:
            errors.append(
                RowError(
                    row["row"],
                    "施行日期",
                    "距公布日期不足30日，须填写理由（规章制定程序条例第三十二条）",
                )
            )
        if row["filed_date"] and filing_body is None:
            errors.append(RowError(row["row"], "报备日期", "导入报备日期须选择备案机关"))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    for row in rows:
        _import_document(actor, unit, row, filing_body)
    _event(actor, "document.import", f"导入规范性文件{len(rows)}件", unit, unit)
    return len(rows)


def _import_document(actor, unit, row, filing_body):
    document = saved(
        NormativeDocument(
            unit=unit,
            title=row["title"],
            kind=DocumentKind.GOVERNMENT
            if unit.kind == Unit.Kind.GOVERNMENT
            else DocumentKind.DEPARTMENT,
            drafting_unit=unit,
            stage=Stage.PUBLISHED,
            review_opinion=row["review_opinion"],
            review_finished_date=row["review_finished_date"],
            reviews_count=1,
            registration_number=row["registration_number"],
            doc_number=row["doc_number"],
            published_date=row["published_date"],
            effective_date=row["effective_date"],
            early_effect_reason=row["early_effect_reason"] or "",
            valid_until=row["valid_until"],
            status=row["status"],
            created_by=actor,
        )
    )
    saved(
        StatusChange(
            document=document,
            date=row["published_date"],
            status_to=row["status"],
            reason="导入既有登记台账",
            created_by=actor,
        )
    )
    if row["filed_date"]:
        due = filing_due(unit, row["published_date"])
        saved(
            Filing(
                document=document,
                filing_body=filing_body,
                filed_date=row["filed_date"],
                due_date=due,
                late=row["filed_date"] > due,
                has_report=True,
                has_text=True,
                has_explanation=True,
                state=FilingState.REGISTERED,
                registered_date=row["filed_date"],
                created_by=actor,
            )
        )


@service
def import_filings(*, actor, filing_body: Unit, data) -> int:
    """导入 the filing ledger (备案台账) of `filing_body`: each row a filing of a published
    document of the area's register, found by 制定机关 and 文号; 延迟报备 computed as for a
    filing made here; a correction stays open (纠错中) until the organ's corrected document
    is recorded. All rows or none (imports.FILINGS)."""
    from fazhi.core.imports import ImportRefused, RowError

    from . import imports

    require_line(actor, LINE)
    require(actor, Action.CREATE, filing_body, f"无权为“{filing_body.name}”导入备案台账")
    if filing_body.is_area:
        raise ValidationError(f"备案机关应为人民政府或其部门，“{filing_body.name}”是行政区划")
    rows = imports.FILINGS.read_rows(data)
    area = filing_body if filing_body.is_area else (filing_body.parent or filing_body)
    root = area.parent if area.parent_id else area
    organs = {
        unit.name: unit
        for unit in Unit.objects.filter(path__startswith=root.path, is_active=True).exclude(
            kind__in=Unit.AREA_KINDS
        )
    }
    visible = NormativeDocument.objects.restrict(actor).filter(
        stage=Stage.PUBLISHED, unit__in=list(organs.values())
    )
    documents = {
        (document.unit.name, document.doc_number): document
        for document in visible.select_related("unit", "filing").filter(
            doc_number__in=[row["doc_number"] for row in rows]
        )
    }
    today = local_today()
    errors = []
    for row in rows:
        found = _ledger_row_error(row, organs, documents, today)
        if isinstance(found, RowError):
            errors.append(found)
        else:
            row["document"] = found
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    for row in rows:
        _import_filing(actor, filing_body, row)
    _event(actor, "filing.import", f"导入备案台账{len(rows)}件", filing_body, filing_body)
    return len(rows)


def _ledger_row_error(row, organs, documents, today):
    """The row's document, or the row's error (RowError)."""
    from fazhi.core.imports import RowError

    organ = organs.get(row["organ"])
    if organ is None:
        return RowError(row["row"], "制定机关", f"本地区没有名为“{row['organ']}”的机关")
    document = documents.get((organ.name, row["doc_number"]))
    if document is None:
        return RowError(
            row["row"],
            "文号",
            f"“{organ.name}”没有已公布的{row['doc_number']}：请先登记或导入规范性文件登记台账",
        )
    if hasattr(document, "filing"):
        return RowError(row["row"], "文号", f"{row['doc_number']}已报备")
    if row["filed_date"] < document.published_date:
        return RowError(
            row["row"], "报备日期", f"不能早于公布日期（{document.published_date:%Y-%m-%d}）"
        )
    for key, label in [
        ("filed_date", "报备日期"),
        ("registered_date", "登记日期"),
        ("reviewed_date", "审查完成日期"),
        ("reply_date", "制定机关回复日期"),
    ]:
        if row.get(key) and row[key] > today:
            return RowError(row["row"], label, "不能晚于今天")
    return document


def _import_filing(actor, filing_body, row):
    document = row["document"]
    due = filing_due(document.unit, document.published_date)
    registered, outcome = row["registered_date"], row["outcome"] or ""
    if outcome in CORRECTIONS:
        state = FilingState.CORRECTING
    elif outcome:
        state = FilingState.CLOSED
    elif registered:
        state = FilingState.REGISTERED
    else:
        state = FilingState.DEFERRED if row["deferred"] else FilingState.FILED
    sound = True if outcome == FilingOutcome.NO_PROBLEM else None
    filing = saved(
        Filing(
            document=document,
            filing_body=filing_body,
            filed_date=row["filed_date"],
            due_date=due,
            late=row["filed_date"] > due,
            has_report=registered is not None,
            has_text=registered is not None,
            has_explanation=registered is not None,
            state=state,
            deferred=bool(row["deferred"]),
            registered_date=registered,
            authority_ok=sound,
            superior_law_ok=sound,
            procedure_ok=sound,
            outcome=outcome,
            reviewed_date=row["reviewed_date"],
            review_note=row["review_note"] or "",
            reply_due=date_or_none(add_days, row["reviewed_date"], REPLY_DAYS)
            if outcome in CORRECTIONS
            else None,
            reply_date=row["reply_date"],
            closed_date=row["reviewed_date"] if state == FilingState.CLOSED else None,
            created_by=actor,
        )
    )
    _event(
        actor,
        "filing.import_row",
        f"导入备案：{document}{'（延迟报备）' if filing.late else ''}",
        filing,
        document.unit,
        late=filing.late,
    )


# — 附带审查 (行政复议法 第十三条, 第五十六条至第六十条) —

# 行政复议法 第八十八条: 本法关于“三日”“五日”“七日”“十日”的规定是指工作日.
INCIDENTAL_HANDLE_DAYS = 30  # 第五十六条、第五十七条: 有权处理的，应当在三十日内依法处理
INCIDENTAL_FORWARD_WORKING_DAYS = 7  # 同: 无权处理的，应当在七日内转送
INCIDENTAL_NOTICE_WORKING_DAYS = 3  # 第五十八条: 自行政复议中止之日起三日内书面通知制定机关
INCIDENTAL_ORGAN_WORKING_DAYS = 10  # 同: 制定机关自收到书面通知之日起十日内提交书面答复
INCIDENTAL_RECIPIENT_DAYS = 60  # 第六十条: 接受转送的机关自收到转送之日起六十日内回复


def document_for_case(case, doc_number: str) -> NormativeDocument | None:
    """The published document of that 文号 in the case's area (the whole register is read:
    the 复议机构 names the document the applicant names, wherever it is filed)."""
    number = normalize_doc_number(doc_number)
    area = case.unit if case.unit.is_area else case.unit.parent
    found = list(
        NormativeDocument.objects.filter(
            unit__path__startswith=area.path, doc_number=number, stage=Stage.PUBLISHED
        )[:2]
    )
    return found[0] if len(found) == 1 else None


@service
def refer_from_reconsideration(
    *, actor, case, doc_number: str, date: datetime.date, source: str, competent: bool, grounds: str
) -> ReviewRequest:
    """A 复议 case sends a document for 附带审查: the case is suspended (第三十九条第一款第九项)
    and the review lands in the document's review records with the clocks of 第五十六至六十条."""
    from fazhi.reconsideration import services as reconsideration

    if source not in (RequestSource.APPLICATION, RequestSource.EX_OFFICIO):
        raise ValidationError("请选择附带审查的来源（第十三条申请或第五十七条依职权）")
    document = document_for_case(case, doc_number)
    if document is None:
        raise ValidationError(
            f"本区域的规范性文件登记中没有已公布的{normalize_doc_number(doc_number)}，请核对文号"
        )
    if not grounds.strip():
        raise ValidationError("请写明认为该文件不合法的理由")
    reconsideration.suspend(
        actor=actor,
        case=case,
        date=date,
        ground=9,
        reason=f"对{document}进行附带审查（行政复议法第{'五十六' if source == RequestSource.APPLICATION else '五十七'}条）",
    )
    request = ReviewRequest(
        document=document,
        source=source,
        case=case,
        applicant=case.applicant_names or case.number,
        received_date=date,
        grounds=grounds.strip(),
        competent=competent,
        created_by=actor,
    )
    if competent:
        request.handle_due = date_or_none(add_days, date, INCIDENTAL_HANDLE_DAYS)
        request.notice_due = date_or_none(add_working_days, date, INCIDENTAL_NOTICE_WORKING_DAYS)
    else:
        request.handle_due = date_or_none(add_working_days, date, INCIDENTAL_FORWARD_WORKING_DAYS)
    saved(request)
    _event(
        actor,
        "incidental.refer",
        f"{case.number}中止，对{document}附带审查",
        document,
        document.unit,
        case=case.number,
    )
    return request


@service
def record_incidental_notice(
    *, actor, review_request: ReviewRequest, notice_date: datetime.date
) -> ReviewRequest:
    """第五十八条: the 制定机关 is asked in writing; its reply is due in 10 working days."""
    require(actor, Action.CHANGE, review_request, "无权办理该附带审查")
    if review_request.case_id is None or not review_request.competent or review_request.result:
        raise ValidationError("只有复议机关有权处理、尚未办结的附带审查需要书面通知制定机关")
    not_future(notice_date, "通知日期")
    _not_before(notice_date, "通知日期", review_request.received_date, "中止日期")
    review_request.notice_date = notice_date
    review_request.organ_reply_due = date_or_none(
        add_working_days, notice_date, INCIDENTAL_ORGAN_WORKING_DAYS
    )
    saved(review_request)
    _event(
        actor,
        "incidental.notice",
        "书面通知制定机关答复",
        review_request.document,
        review_request.document.unit,
    )
    return review_request


@service
def record_incidental_result(
    *,
    actor,
    review_request: ReviewRequest,
    result: str,
    date: datetime.date,
    handling: str,
    organ_reply_date: datetime.date | None = None,
) -> ReviewRequest:
    """第五十九条 (lawful: told in the decision; unlawful: the clause stops and the organ is
    ordered to correct) or 第五十六条 forwarding (the recipient answers in 60 days, 第六十条).
    The 复议 case resumes in the 复议 line (恢复审理) with this result."""
    require(actor, Action.CHANGE, review_request, "无权办理该附带审查")
    if review_request.case_id is None:
        raise ValidationError("这是审查建议，不是附带审查")
    if review_request.result:
        raise ValidationError("该附带审查已办结")
    not_future(date, "办结日期")
    _not_before(date, "办结日期", review_request.received_date, "中止日期")
    if review_request.competent and result == IncidentalResult.FORWARDED:
        raise ValidationError("复议机关有权处理的，应当在三十日内依法处理，不能转送（第五十六条）")
    if not review_request.competent and result != IncidentalResult.FORWARDED:
        raise ValidationError("复议机关无权处理的，应当在七日内转送有权处理的机关（第五十六条）")
    if review_request.competent and review_request.notice_date is None:
        raise ValidationError("请先书面通知制定机关就相关条款的合法性提出书面答复（第五十八条）")
    if not handling.strip():
        raise ValidationError("请写明处理情况")
    review_request.result, review_request.reply_date, review_request.handling = (
        result,
        date,
        handling.strip(),
    )
    review_request.organ_reply_date = organ_reply_date
    if result == IncidentalResult.FORWARDED:
        review_request.recipient_reply_due = date_or_none(add_days, date, INCIDENTAL_RECIPIENT_DAYS)
    saved(review_request)
    _event(
        actor,
        "incidental.result",
        f"附带审查：{review_request.get_result_display()}",
        review_request.document,
        review_request.document.unit,
        case=review_request.case.number,
    )
    return review_request
