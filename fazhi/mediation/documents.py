"""The 调解文书 of a dispute's case file (卷宗), rendered from Word templates a unit may
replace (core/wordtemplates.py; the unit's administrator uploads its own at /templates/).

The file's order is the county template's (worklines.md §2.2(a)): 申请书/受理登记表,
权利义务告知书, 身份证明, 授权委托书, 调查记录, 证据材料, 调解记录, 调解协议书, 履行凭证,
回访记录, 司法确认材料, 情况说明, 封底. The line writes the 文书 among them
(`CASE_FILE`); identity papers, evidence and receipts are the case's attachments."""

from dataclasses import dataclass

from fazhi.core import wordtemplates
from fazhi.core.guards import shown_id_number
from fazhi.core.wordtemplates import Field, chinese_date

from .models import AgreementForm, Status

COMMON = (
    Field("卷号", "卷号（年）××人调字第 号"),
    Field("调解组织", "人民调解委员会名称"),
    Field("当事人", "各方当事人的基本情况，每人一段"),
    Field("日期", "文书日期"),
)
FOOT = (("right", "{{ 调解组织 }}"), ("seal", "{{ 日期 }}"))


def _head(title):
    return (("title", "{{ 调解组织 }}"), ("title", title), ("number", "{{ 卷号 }}"))


@dataclass(frozen=True)
class Paper:
    """One 文书 of the case file: its place in the file, whether this case has it."""

    key: str
    title: str
    fields: tuple
    lines: tuple
    present: object  # dispute -> bool

    @property
    def template_key(self) -> str:
        return f"mediation.{self.key}"


PAPERS = (
    Paper(
        "application",
        "人民调解受理登记表",
        COMMON
        + (
            Field("案件来源", "当事人申请、主动调解、移交、委派委托等，及来源单位文号"),
            Field("纠纷类型", "纠纷类型"),
            Field("纠纷简要情况", "纠纷简要情况"),
            Field("申请事项", "当事人的申请事项"),
            Field("受理日期", "受理日期"),
            Field("调解员", "调解员与记录人"),
            Field("不公开", "当事人要求不公开调解时的说明"),
        ),
        (
            *_head("人民调解受理登记表"),
            ("left", "当事人："),
            ("left", "{{ 当事人 }}"),
            ("left", "案件来源：{{ 案件来源 }}"),
            ("left", "纠纷类型：{{ 纠纷类型 }}"),
            ("left", "纠纷简要情况："),
            ("body", "{{ 纠纷简要情况 }}"),
            ("left", "{% if 申请事项 %}申请事项：{{ 申请事项 }}{% endif %}"),
            ("left", "受理日期：{{ 受理日期 }}"),
            ("left", "调解员：{{ 调解员 }}"),
            ("left", "{{ 不公开 }}"),
            *FOOT,
        ),
        lambda dispute: True,
    ),
    Paper(
        "rights_notice",
        "人民调解权利义务告知书",
        COMMON,
        (
            *_head("人民调解权利义务告知书"),
            ("left", "{{ 当事人 }}"),
            (
                "body",
                "根据《中华人民共和国人民调解法》第二十三条，当事人在人民调解活动中享有下列权利：",
            ),
            ("body", "（一）选择或者接受人民调解员；"),
            ("body", "（二）接受调解、拒绝调解或者要求终止调解；"),
            ("body", "（三）要求调解公开进行或者不公开进行；"),
            ("body", "（四）自主表达意愿、自愿达成调解协议。"),
            ("body", "根据该法第二十四条，当事人在人民调解活动中履行下列义务："),
            ("body", "（一）如实陈述纠纷事实；"),
            ("body", "（二）遵守调解现场秩序，尊重人民调解员；"),
            ("body", "（三）尊重对方当事人行使权利。"),
            ("left", "当事人签名：                年    月    日"),
            *FOOT,
        ),
        lambda dispute: True,
    ),
    Paper(
        "session_record",
        "人民调解记录",
        COMMON + (Field("调解记录", "每次调解的日期、地点、参加人员和调解情况，每段一项"),),
        (
            *_head("人民调解记录"),
            ("left", "当事人："),
            ("left", "{{ 当事人 }}"),
            ("body", "{{ 调解记录 }}"),
            ("left", "当事人签名：                调解员签名：            记录人签名："),
            *FOOT,
        ),
        lambda dispute: dispute.sessions.exists(),
    ),
    Paper(
        "agreement",
        "人民调解协议书",
        COMMON
        + (
            Field("纠纷简要情况", "纠纷的主要事实、争议事项"),
            Field("协议内容", "各方当事人的权利和义务"),
            Field("履行方式", "履行协议的方式、地点、期限"),
            Field("协议金额", "协议涉及金额"),
            Field("生效日期", "协议生效日期"),
        ),
        (
            *_head("人民调解协议书"),
            ("left", "{{ 当事人 }}"),
            ("body", "纠纷主要事实、争议事项：{{ 纠纷简要情况 }}"),
            ("body", "经本委员会调解，双方当事人自愿达成如下协议："),
            ("body", "{{ 协议内容 }}"),
            ("body", "{% if 履行方式 %}履行方式、时限：{{ 履行方式 }}{% endif %}"),
            ("body", "{% if 协议金额 %}协议涉及金额：{{ 协议金额 }}元。{% endif %}"),
            (
                "body",
                "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起"
                "生效（人民调解法 第二十九条）。本协议一式三份，双方当事人和本委员会各执一份。"
                "双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认"
                "（人民调解法 第三十三条）。",
            ),
            ("left", "当事人签名（盖章或按指印）："),
            ("left", "人民调解员签名："),
            ("left", "生效日期：{{ 生效日期 }}"),
            *FOOT,
        ),
        lambda dispute: (
            getattr(dispute, "agreement", None) is not None
            and dispute.agreement.form == AgreementForm.WRITTEN
        ),
    ),
    Paper(
        "follow_up",
        "人民调解回访记录",
        COMMON + (Field("回访记录", "每次回访的日期、回访人、履行情况、满意度，每段一项"),),
        (
            *_head("人民调解回访记录"),
            ("left", "当事人："),
            ("left", "{{ 当事人 }}"),
            ("body", "{{ 回访记录 }}"),
            *FOOT,
        ),
        lambda dispute: dispute.follow_ups.exists(),
    ),
    Paper(
        "termination",
        "终止调解告知书",
        COMMON + (Field("终止原因", "终止调解的原因"), Field("其他途径", "告知的其他解决途径")),
        (
            *_head("终止调解告知书"),
            ("left", "{{ 当事人 }}"),
            ("body", "你们之间的纠纷，本委员会于{{ 日期 }}终止调解，原因：{{ 终止原因 }}。"),
            (
                "body",
                "{% if 其他途径 %}根据《中华人民共和国人民调解法》第二十六条，你们可以{{ 其他途径 }}"
                "依法维护自己的权利。{% endif %}",
            ),
            *FOOT,
        ),
        lambda dispute: dispute.status == Status.ENDED,
    ),
)
BY_KEY = {paper.key: paper for paper in PAPERS}


def _register():
    for paper in PAPERS:
        wordtemplates.register(
            wordtemplates.Kind(
                key=paper.template_key, title=paper.title, fields=paper.fields, lines=paper.lines
            )
        )


def _party_line(user, party) -> str:
    parts = [f"{party.get_role_display()}：{party.name}"]
    parts += [v for v in (party.get_gender_display(), party.ethnicity) if v]
    if party.age is not None:
        parts.append(f"{party.age}岁")
    parts += [v for v in (party.occupation, party.address, party.phone) if v]
    if party.id_number:
        parts.append(f"身份证号码{shown_id_number(user, party, party.id_number)}")
    return "，".join(parts)


def papers_of(dispute) -> list[Paper]:
    """The 文书 this case's file holds, in the file's order."""
    return [paper for paper in PAPERS if paper.present(dispute)]


def context_for(dispute, user, paper: Paper) -> dict:
    """The fields of `paper` for the dispute; ID numbers as `user` may see them."""
    parties = [_party_line(user, party) for party in dispute.parties.all()]
    context = {
        "卷号": dispute.number,
        "调解组织": dispute.committee.name,
        "当事人": parties,
        "日期": chinese_date(dispute.received_date),
    }
    if paper.key == "application":
        source = dispute.get_source_display()
        if dispute.source_reference:
            source += f"（{dispute.source_reference}）"
        mediator = dispute.mediator.name + (
            f"，记录人{dispute.recorder}" if dispute.recorder else ""
        )
        context |= {
            "案件来源": source,
            "纠纷类型": dispute.get_kind_display(),
            "纠纷简要情况": dispute.summary,
            "申请事项": dispute.claims,
            "受理日期": chinese_date(dispute.received_date),
            "调解员": mediator,
            "不公开": "当事人要求调解不公开进行（人民调解法 第二十三条第三项）"
            if dispute.non_public
            else "",
        }
    elif paper.key == "session_record":
        sessions = list(dispute.sessions.all())
        context["调解记录"] = [
            f"{chinese_date(s.date)}，{s.place}，参加人员：{s.present}。{s.record}"
            for s in sessions
        ]
        context["日期"] = chinese_date(sessions[-1].date) if sessions else context["日期"]
    elif paper.key == "agreement":
        agreement = dispute.agreement
        context |= {
            "纠纷简要情况": dispute.summary,
            "协议内容": agreement.content,
            "履行方式": agreement.performance_term,
            "协议金额": f"{agreement.amount:,.2f}" if agreement.amount else "",
            "生效日期": chinese_date(agreement.effective_date),
            "日期": chinese_date(agreement.effective_date),
        }
    elif paper.key == "follow_up":
        visits = list(dispute.follow_ups.all())
        context["回访记录"] = [
            f"{chinese_date(f.date)}，回访人{f.visitor}：{f.get_performance_display()}，"
            f"当事人{'满意' if f.satisfied else '不满意'}"
            f"{'，已起诉' if f.sued else ''}{'；遗留隐患：' + f.risks if f.risks else ''}"
            for f in visits
        ]
        context["日期"] = chinese_date(visits[-1].date) if visits else context["日期"]
    elif paper.key == "termination":
        context |= {
            "终止原因": dispute.get_end_reason_display(),
            "其他途径": dispute.routes_told,
            "日期": chinese_date(dispute.ended_date),
        }
    return context


def render(dispute, user, paper: Paper) -> bytes:
    """The 文书 from the dispute's unit's template of the kind (or the default)."""
    template = wordtemplates.template_for(dispute.unit, paper.template_key)
    return wordtemplates.render(template, context_for(dispute, user, paper), keep=())


_register()
