"""文书 of 行政复议: each kind with the elements of the 司法部 行政复议法律文书示范文本, rendered
from a Word template the unit may replace (core/wordtemplates.py).

A step of the case makes its 文书 as a draft (`draft`), filled from the case; the officer may
write the parts that are theirs (the decision's facts and reasoning) on the document's page
or upload an edited .docx; the role the law names approves it; issuing gives it its number
(文号, e.g. "东湖复决字〔2025〕第12号": the core's per-unit, per-kind, per-year sequence,
core/numbering.py), freezes the file and keeps its SHA-256. The document services are in
services.py (approve_document, issue_document, …).
"""

import datetime
import io
from dataclasses import dataclass

from fazhi.core import issuing, numbering, wordtemplates
from fazhi.core.wordtemplates import Field, chinese_date

from .models import CaseFile, Document, Party


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    word: str  # the 字 of the number: 复决字, 复补字 …


KINDS = {
    k.key: k
    for k in [
        Kind("case", "行政复议案件登记", "复收字"),  # the case's own number
        Kind("supplement", "补正行政复议申请通知书", "复补字"),
        Kind("acceptance", "行政复议受理通知书", "复受字"),
        Kind("refusal", "不予受理行政复议申请决定书", "复不受字"),
        Kind("reply_notice", "提出答复通知书", "复答字"),
        Kind("suspension", "行政复议中止审理通知书", "复中字"),
        Kind("resumption", "行政复议恢复审理通知书", "复恢字"),
        Kind("extension", "行政复议延期审理通知书", "复延字"),
        Kind("hearing", "行政复议听证通知书", "复听字"),
        Kind("decision", "行政复议决定书", "复决字"),
        Kind("mediation", "行政复议调解书", "复调字"),
        Kind("termination", "行政复议终止决定书", "复终字"),
        Kind("opinion", "行政复议意见书", "复意字"),
        Kind("suggestion", "行政复议建议书", "复建字"),
        Kind("stay", "停止执行决定书", "复停字"),
        Kind("performance_order", "责令限期履行通知书", "复履字"),
        Kind("service_receipt", "送达回证", ""),  # not numbered
    ]
}

# 第六十一条: the decision with the consent of the organ's 负责人; the organ's other
# decisions (不予受理、终止、调解书、意见书) likewise; notices of the procedure are the
# 复议机构's, approved by its 审核人 or 负责人 (docs/rules.md "文书的审批").
LEADER_APPROVES = (
    "decision",
    "refusal",
    "termination",
    "mediation",
    "opinion",
    "suggestion",
    "stay",
)


def approver_roles(kind: str) -> tuple[str, ...]:
    return ("leader",) if kind in LEADER_APPROVES else ("reviewer", "leader")


# — the templates —

COMMON = (
    Field("机关", "行政复议机关名称（以其名义制发），如“东湖区人民政府”"),
    Field("复议机构", "承办的行政复议机构，如“东湖区司法局”"),
    Field("文号", "签发时编定的文号"),
    Field("签发日期", "签发日期"),
    Field("日期", "文书日期（办理该步骤的日期）"),
    Field("收案编号", "案件的收案编号"),
    Field("申请人", "申请人及其身份信息、住址、联系方式（每人一段）"),
    Field("申请人名称", "申请人姓名或名称（多人以顿号分隔）"),
    Field("第三人", "第三人及其信息（每人一段，无则不印）"),
    Field("代理人", "委托代理人（每人一段，无则不印）"),
    Field("被申请人", "“被申请人：××”一段"),
    Field("被申请人名称", "被申请人名称"),
    Field("行政行为", "被申请的行政行为：作出日期、类型和文号"),
    Field("行政行为文号", "被申请行政行为的文号"),
    Field("收到申请日期", "收到行政复议申请的日期"),
    Field("复议请求", "申请人的行政复议请求"),
    Field("事实和理由", "申请人提出的事实和理由"),
    Field("正文", "该文书的正文（每段一行）"),
    Field("更正说明", "更正文书的，写明更正的原文书文号"),
    Field("收件人", "文书的主送对象，如“张三：”"),
)
DECISION_FIELDS = (
    Field("审理程序", "普通程序或简易程序"),
    Field("受理日期", "受理日期"),
    Field("被申请人答复", "被申请人的答复意见"),
    Field("查明事实", "经审理查明的事实（承办人撰写）"),
    Field("证据", "证据清单（案卷材料中的证据，每项一段）"),
    Field("咨询意见", "行政复议委员会的咨询意见"),
    Field("本机关认为", "本机关认为：理由及适用的条款（承办人撰写）"),
    Field("决定", "决定主文（依据条款与决定内容）"),
    Field("救济告知", "不服决定的救济途径和期限"),
)
HEAD = (
    ("title", "{{ 机关 }}"),
    ("title", "{title}"),
    ("number", "{{ 文号 }}"),
)
PARTIES = (
    ("left", "{{ 申请人 }}"),
    ("left", "{{ 代理人 }}"),
    ("left", "{{ 被申请人 }}"),
    ("left", "{{ 第三人 }}"),
)
BODY = (("body", "{{ 正文 }}"), ("body", "{{ 更正说明 }}"))
FOOT = (("right", "{{ 机关 }}"), ("seal", "{{ 日期 }}"))
ADDRESSED = (("left", "{{ 收件人 }}"),)


def _lines(kind: str, middle) -> tuple:
    title = KINDS[kind].title
    return tuple((style, text.replace("{title}", title)) for style, text in (*HEAD, *middle))


DECISION_LINES = (
    *PARTIES,
    (
        "body",
        "申请人{{ 申请人名称 }}不服被申请人{{ 被申请人名称 }}{{ 行政行为 }}，于{{ 收到申请日期 }}"
        "向本机关申请行政复议，本机关依法已予受理，适用{{ 审理程序 }}审理。本案现已审理终结。",
    ),
    ("body", "申请人请求：{{ 复议请求 }}"),
    ("body", "{% if 事实和理由 %}申请人称：{{ 事实和理由 }}{% endif %}"),
    ("body", "{% if 被申请人答复 %}被申请人答复称：{{ 被申请人答复 }}{% endif %}"),
    ("body", "经审理查明：{{ 查明事实 }}"),
    ("body", "{% if 证据 %}上述事实有下列证据证明：{% endif %}"),
    ("body", "{{ 证据 }}"),
    ("body", "{% if 咨询意见 %}本案经提请行政复议委员会，其咨询意见为：{{ 咨询意见 }}{% endif %}"),
    ("body", "本机关认为：{{ 本机关认为 }}"),
    ("body", "{{ 决定 }}"),
    ("body", "{{ 救济告知 }}"),
    ("body", "{{ 更正说明 }}"),
    *FOOT,
)


def _register():
    for kind in KINDS.values():
        if kind.key == "case":
            continue
        if kind.key == "decision":
            lines = _lines(kind.key, DECISION_LINES)
            fields = COMMON + DECISION_FIELDS
        elif kind.key == "service_receipt":
            lines = issuing.SERVICE_LINES
            fields = COMMON + tuple(
                f for f in issuing.SERVICE_FIELDS if f.name not in ("机关", "日期")
            )
        elif kind.key in ("opinion", "suggestion"):
            lines = _lines(kind.key, (*ADDRESSED, *BODY, *FOOT))
            fields = COMMON
        elif kind.key in ("refusal", "termination", "mediation"):
            lines = _lines(kind.key, (*PARTIES, *BODY, *FOOT))
            fields = COMMON
        else:  # notices to the parties
            lines = _lines(kind.key, (*ADDRESSED, *BODY, *FOOT))
            fields = COMMON
        wordtemplates.register(
            wordtemplates.Kind(
                key=template_key(kind.key), title=kind.title, fields=fields, lines=lines
            )
        )


def template_key(kind: str) -> str:
    return f"reconsideration.{kind}"


# — numbers —


issuer_short_name = numbering.area_short_name


def number_prefix(unit, kind: str) -> str:
    """东湖复收字: what every number of this unit and kind begins with."""
    return f"{issuer_short_name(unit)}{KINDS[kind].word}"


def sequence_kind(kind: str) -> str:
    """The kind of the core number sequence: the work line's label, then the 文书's kind."""
    return f"reconsideration.{kind}"


def _pattern(unit, kind: str) -> str:
    return f"{number_prefix(unit, kind)}〔{{year}}〕第{{serial}}号"


def next_number(*, unit, kind: str, year: int) -> numbering.Number:
    return numbering.next_number(
        unit=unit, kind=sequence_kind(kind), year=year, pattern=_pattern(unit, kind)
    )


def take_numbers(*, unit, kind: str, numbers) -> None:
    """Numbers given outside the sequence (an imported ledger): it continues after them."""
    numbering.take_numbers(
        unit=unit, kind=sequence_kind(kind), pattern=_pattern(unit, kind), numbers=numbers
    )


# — what a case puts into its 文书 —


def organ_name(unit) -> str:
    """The 行政复议机关 in whose name the 文书 goes out: the area's 人民政府 for its 司法局."""
    return unit.parent.name + "人民政府" if unit.parent_id and not unit.is_area else unit.name


def _party_line(party: Party) -> str:
    label = {"applicant": "申请人", "third_party": "第三人", "agent": "委托代理人"}[party.role]
    details = []
    if party.id_number:
        details.append(f"公民身份号码{party.id_number}")
    if party.credit_code:
        details.append(f"统一社会信用代码{party.credit_code}")
    if party.address:
        details.append(f"住址{party.address}")
    if party.phone:
        details.append(f"联系电话{party.phone}")
    return f"{label}：{party.name}" + (f"，{'，'.join(details)}" if details else "") + "。"


def act_description(case) -> str:
    act = f"于{chinese_date(case.act_date)}作出的{case.get_act_kind_display()}行为"
    return act + (f"（{case.act_number}）" if case.act_number else "")


def evidence_lines(case) -> list[str]:
    """The evidence in the case's record, numbered: what the decision lists."""
    files = CaseFile.objects.filter(case=case, category__in=CaseFile.EVIDENCE).order_by(
        "category", "pk"
    )
    return [
        f"{position}．{file.title}（{file.get_category_display()}）"
        for position, file in enumerate(files, start=1)
    ]


def case_context(case, date: datetime.date) -> dict:
    parties = list(case.parties.all())

    def of(role):
        return [_party_line(p) for p in parties if p.role == role]

    return {
        "机关": organ_name(case.unit),
        "复议机构": case.unit.name,
        "日期": chinese_date(date),
        "收案编号": case.number,
        "申请人": of("applicant"),
        "申请人名称": case.applicant_names,
        "第三人": of("third_party"),
        "代理人": of("agent"),
        "被申请人": f"被申请人：{case.respondent_display}。",
        "被申请人名称": case.respondent_display,
        "行政行为": act_description(case),
        "行政行为文号": case.act_number,
        "收到申请日期": chinese_date(case.received_date),
        "复议请求": case.request,
        "事实和理由": case.reasons,
        "审理程序": case.get_procedure_display(),
        "受理日期": chinese_date(case.accepted_date) if case.accepted_date else "",
        "咨询意见": case.committee_opinion,
        "证据": evidence_lines(case),
    }


def context_for(document: Document, written: dict) -> dict:
    date = document.document_date
    base = (
        case_context(document.case, date)
        if document.case_id
        else {"机关": organ_name(document.unit), "复议机构": document.unit.name}
    )
    base["日期"] = chinese_date(date)
    if document.corrects_id:
        base["更正说明"] = issuing.correction_words(document.corrects)
    return {**base, **written}


def render(document: Document, written: dict) -> bytes:
    """The draft of `document` from the unit's template (number and issue date kept)."""
    key = template_key(document.kind)
    template = wordtemplates.template_for(document.unit, key)
    return wordtemplates.render(template, context_for(document, written))


store = issuing.store
read = issuing.read


def draft(
    *,
    case,
    kind: str,
    actor,
    date: datetime.date,
    unit=None,
    corrects=None,
    letter=None,
    **written,
) -> Document:
    """A 文书 as a draft, filled from the case and the step (inside the step's transaction)."""
    unit = unit or case.unit
    document = Document(
        case=case,
        unit=unit,
        kind=kind,
        title=KINDS[kind].title,
        year=date.year,
        document_date=date,
        created_by=actor,
        corrects=corrects,
        letter=letter,
        written=written,
    )
    store(document, render(document, written))
    document.save()
    return document


def issue(
    *, case, kind: str, paragraphs: list[str], actor, date, unit=None, letter=None, **written
):
    """The step's 文书 as a draft whose 正文 is `paragraphs`; a first paragraph that ends in
    "：" is whom the notice is addressed to."""
    if paragraphs and paragraphs[0].endswith("：") and "收件人" not in written:
        written["收件人"], paragraphs = paragraphs[0], paragraphs[1:]
    return draft(
        case=case,
        kind=kind,
        actor=actor,
        date=date,
        unit=unit,
        letter=letter,
        正文=paragraphs,
        **written,
    )


def text_of(content: bytes) -> str:
    return wordtemplates.plain_text(content)


def docx_bytes(document: Document) -> io.BytesIO:
    return io.BytesIO(read(document))


_register()
