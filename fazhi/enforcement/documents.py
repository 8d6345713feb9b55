"""执法监督整改通知书: the 整改通知 as a 文书, from a Word template the unit may replace
(core/wordtemplates.py), through the 呈批 of core/issuing.py: drafted when the notice is made,
approved by the bureau's 负责人, numbered and frozen when issued, served with a 送达回证
(services/supervision.py)."""

import datetime

from fazhi.core import issuing, wordtemplates
from fazhi.core.wordtemplates import Field, chinese_date

from .models.supervision import NoticeDocument

KEY = "enforcement.rectification_notice"
TITLE = "行政执法监督整改通知书"

wordtemplates.register(
    wordtemplates.Kind(
        key=KEY,
        title=TITLE,
        fields=(
            Field("机关", "下发通知的行政执法监督机关，如“东湖区司法局”"),
            Field("文号", "通知编号"),
            Field("签发日期", "下发日期"),
            Field("日期", "下发日期"),
            Field("整改单位", "被通知整改的行政执法单位"),
            Field("来源", "发现问题的监督检查或者案卷评查"),
            Field("存在问题", "存在的问题及整改要求（每段一行）"),
            Field("整改期限", "整改期限"),
            Field("更正说明", "更正文书的，写明更正的原文书文号"),
        ),
        lines=(
            ("title", "{{ 机关 }}"),
            ("title", TITLE),
            ("number", "{{ 文号 }}"),
            ("left", "{{ 整改单位 }}："),
            ("body", "本机关在{{ 来源 }}中，发现你单位行政执法工作存在下列问题："),
            ("body", "{{ 存在问题 }}"),
            (
                "body",
                "请你单位对上述问题认真整改，并于{{ 整改期限 }}前将整改情况书面报送本机关。"
                "逾期未报送或者整改不到位的，本机关将依照有关规定予以通报。",
            ),
            ("body", "{{ 更正说明 }}"),
            ("right", "{{ 机关 }}"),
            ("seal", "{{ 日期 }}"),
        ),
    )
)
RECEIPT_KEY = "enforcement.service_receipt"
wordtemplates.register(
    wordtemplates.Kind(
        key=RECEIPT_KEY,
        title="送达回证",
        fields=issuing.SERVICE_FIELDS,
        lines=issuing.SERVICE_LINES,
    )
)

# 整改通知书 go out in the name of the 行政执法监督机关: approved by its 负责人 (docs/rules.md
# "执法监督整改通知书").
APPROVERS = ("leader",)
APPROVAL_BASIS = "以行政执法监督机关名义制发"


def _source(notice) -> str:
    if notice.inspection_id:
        inspection = notice.inspection
        return f"{chinese_date(inspection.date)}开展的“{inspection.title}”行政执法监督检查"
    campaign = notice.campaign
    return f"自{chinese_date(campaign.started_date)}开展的“{campaign.title}”行政执法案卷评查"


def notice_context(notice, date: datetime.date) -> dict:
    """What the notice's 文书 says; its number and issue date are filled in when issued."""
    return {
        "机关": notice.unit.name,
        "日期": chinese_date(date),
        "整改单位": notice.agency.name,
        "来源": _source(notice),
        "存在问题": notice.problems,
        "整改期限": chinese_date(notice.due_date),
    }


def draft(*, notice, actor, date, kind=KEY, corrects=None, **written) -> NoticeDocument:
    """A draft of the notice's 文书 (or, kind RECEIPT_KEY, of a 送达回证) from the unit's template."""
    receipt = kind == RECEIPT_KEY
    document = NoticeDocument(
        notice=notice,
        kind=issuing.RECEIPT if receipt else "notice",
        title="送达回证" if receipt else TITLE,
        year=date.year,
        document_date=date,
        created_by=actor,
        corrects=corrects,
        written=written,
    )
    context = {"机关": notice.unit.name, "日期": chinese_date(date)}
    if not receipt:
        context = notice_context(notice, date)
    if corrects is not None:
        context["更正说明"] = issuing.correction_words(corrects)
    template = wordtemplates.template_for(notice.unit, kind)
    issuing.store(document, wordtemplates.render(template, {**context, **written}))
    document.save()
    return document
