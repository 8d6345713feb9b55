"""The two 法律援助案卷 of a finished case, as Word 文书 from templates a unit may replace
(core/wordtemplates.py): the 审批卷 the 法律援助机构 keeps and the 承办卷 the provider's
firm keeps (温州 法律援助案卷管理办法 第五条).

The 审批卷's parts follow that 办法's 第七条 in its order; the 承办卷's order is this
platform's reading (docs/rules.md, 法律援助 案卷): the course of the handling, as the
律师业务档案 rules order a lawyer's file. Each part's heading is numbered here over the parts
that apply (申请类 parts are left out of a 通知类 file), so a unit's template may move or
restyle the parts but the numbers stay gapless.

Everything in a part is read from the case's records; a part with no record says so in
words. Sensitive parts (经济困难状况, 涉嫌罪名) are written only for those who may see
them (selectors), the ID number masked unless the reader may see personal data."""

from dataclasses import dataclass

from fazhi.core import wordtemplates
from fazhi.core.guards import shown_id_number
from fazhi.core.wordtemplates import Field, chinese_date

from . import selectors
from .models import AidCase, Origin, ProgressKind, State

NUMERALS = "一二三四五六七八九十"
APPROVAL = "legal_aid.approval_file"
HANDLING = "legal_aid.handling_file"
# Which cases have a file: the 审批卷 once the agency's part is over, the 承办卷 once the
# provider's part is.
APPROVAL_STATES = (State.CLOSED, State.TERMINATED, State.REFUSED, State.WITHDRAWN)
HANDLING_STATES = (State.CLOSED, State.TERMINATED)


@dataclass(frozen=True)
class Part:
    field: str  # the template field of the part's contents; its heading is field + "标题"
    title: str
    application_only: bool = False


APPROVAL_PARTS = (  # 温州 法律援助案卷管理办法 第七条, in its order
    Part("申请审批", "法律援助申请、审批材料（通知类为辩护、政府指定通知材料）"),
    Part("身份证明", "申请人身份证明材料", application_only=True),
    Part("经济困难", "经济困难证明材料", application_only=True),
    Part("案件证明", "申请案件的有关证明材料", application_only=True),
    Part("材料目录", "申请人申请材料目录", application_only=True),
    Part("决定指派", "决定、指派材料"),
    Part("送达回证", "送达回证"),
    Part("结案文书", "据以结案的相关文书"),
    Part("质量监督", "案件质量监督材料"),
    Part("结案审查", "案件结案审查"),
)
HANDLING_PARTS = (  # docs/rules.md: the platform's reading
    Part("指派通知", "指派通知书（法律援助公函）"),
    Part("委托协议", "委托代理（辩护）协议"),
    Part("受援人情况", "受援人及案件基本情况"),
    Part("会见", "会见笔录"),
    Part("阅卷", "阅卷笔录"),
    Part("调查取证", "调查取证材料"),
    Part("庭审", "出庭、庭审材料"),
    Part("其他办理", "调解、和解、通报及其他办理情况"),
    Part("结案文书", "裁判文书、结案文书"),
    Part("结案报告", "结案报告"),
)
COVER = (
    Field("机构", "法律援助机构名称"),
    Field("案件类型", "刑事、民事、行政等"),
    Field("案号", "申请（通知）编号"),
    Field("全国系统案号", "全国法律援助管理信息系统案号，无则为空"),
    Field("案由", "援助事项"),
    Field("受援人", "受援人姓名"),
    Field("指派号", "指派通知书编号"),
    Field("承办单位", "承办人员的执业机构"),
    Field("承办人", "承办人员姓名"),
    Field("归档人", "生成案卷的工作人员"),
    Field("归档日期", "生成案卷的日期"),
    Field("卷内目录", "卷内各部分的序号和名称（每部分一行）"),
)


def _kind(key, title, parts):
    fields = list(COVER)
    lines = [("title", "{{ 机构 }}"), ("title", title)]
    lines += [
        ("left", "案件类型：{{ 案件类型 }}"),
        (
            "left",
            "案号：{{ 案号 }}{% if 全国系统案号 %}（全国系统案号：{{ 全国系统案号 }}）{% endif %}",
        ),
        ("left", "案由：{{ 案由 }}"),
        ("left", "受援人：{{ 受援人 }}"),
        ("left", "指派号：{{ 指派号 }}"),
        ("left", "承办单位：{{ 承办单位 }}"),
        ("left", "承办人：{{ 承办人 }}"),
        ("left", "归档人：{{ 归档人 }}　归档日期：{{ 归档日期 }}"),
        ("title", "卷内目录"),
        ("left", "{{ 卷内目录 }}"),
    ]
    for part in parts:
        fields.append(Field(f"{part.field}标题", f"“{part.title}”的序号和标题，不适用时为空"))
        fields.append(Field(part.field, f"{part.title}（每项一行）"))
        lines.append(("left", "{{ " + part.field + "标题 }}"))
        lines.append(("body", "{{ " + part.field + " }}"))
    return wordtemplates.register(
        wordtemplates.Kind(key=key, title=title, fields=tuple(fields), lines=tuple(lines))
    )


APPROVAL_KIND = _kind(APPROVAL, "法律援助案件审批卷", APPROVAL_PARTS)
HANDLING_KIND = _kind(HANDLING, "法律援助案件承办卷", HANDLING_PARTS)


def applicable(case: AidCase, parts) -> list[Part]:
    notified = case.origin == Origin.NOTIFIED
    return [part for part in parts if not (notified and part.application_only)]


def _d(date) -> str:
    return chinese_date(date) if date else ""


# — 审批卷 —


def _application(case, reader) -> list[str]:
    if case.origin == Origin.NOTIFIED:
        lines = [
            f"{case.case_organ or case.get_notifying_organ_display()}通知辩护（代理）公函，"
            f"通知书日期{_d(case.notice_date)}，{_d(case.received_date)}收到"
        ]
        if case.organ_notice_days is not None:
            lines.append(f"办案机关发现应当通知情形后{case.organ_notice_days}日通知（第三十六条）")
        return lines
    lines = [f"法律援助申请：{_d(case.received_date)}收到{case.applicant_name}的申请"]
    if case.origin == Origin.FORWARDED:
        lines.append(
            f"被羁押人{case.requested_at:%Y年%m月%d日%H时%M分}提出申请，"
            f"办案机关{case.forwarded_at:%Y年%m月%d日%H时%M分}转交（第三十九条）"
        )
    if case.agent_name:
        lines.append(f"代理申请人：{case.agent_name}（{case.agent_relation}，第四十条）")
    lines.append(f"援助事项：{case.get_matter_display()}；案情摘要：{case.summary}")
    if case.decided_date:
        reviewer = case.reviewed_by.get_full_name() or case.reviewed_by.username
        lines.append(f"审批：审查人{reviewer}，{_d(case.decided_date)}审查决定")
    return lines


def _identity(case, reader) -> list[str]:
    number = shown_id_number(reader, case, case.applicant_id_number)
    lines = [
        f"申请人{case.applicant_name}"
        + (f"，{case.applicant_gender}" if case.applicant_gender else "")
        + f"，身份证号码{number}"
    ]
    if case.groups:
        lines.append(f"受援人群体：{'、'.join(case.groups)}")
    if case.agent_name:
        lines.append(f"代理申请人{case.agent_name}（{case.agent_relation}）的身份证明")
    return lines


def _economic(case, reader) -> list[str]:
    lines = [f"审查方式：{case.get_economic_check_display()}"]
    if case.exemption:
        lines.append(f"免予核查情形：{case.get_exemption_display()}")
    if case.unrestricted:
        lines.append(f"不受经济困难条件限制情形：{case.get_unrestricted_display()}")
    if case.economic_evidence:
        if selectors.may_see_economic_evidence(reader, case):
            lines += case.economic_evidence.splitlines()
        else:
            lines.append("经济困难状况说明及证明材料：仅法律援助机构审查人员可见，本卷未载")
    return lines


def _proofs(case, reader) -> list[str]:
    lines = [f"案情摘要及申请人提交的案件材料：{case.summary}"]
    if case.case_organ:
        lines.append(f"办案机关：{case.case_organ}")
    return lines


def _materials(case, reader) -> list[str]:
    lines = ["法律援助申请表", "申请人身份证明", "经济困难状况说明（或免予核查、不受限制的情形）"]
    if case.supplement_requested_date:
        lines.append(
            f"补充材料通知：{_d(case.supplement_requested_date)}一次性告知补充“{case.supplement_items}”，"
            f"期限{_d(case.supplement_due)}"
            + (
                f"，{_d(case.supplement_received_date)}收到补正材料"
                if case.supplement_received_date
                else "，期满未补正"
            )
        )
    else:
        lines.append("申请材料齐全，未告知补正")
    return lines


def _decision(case, reader) -> list[str]:
    lines = []
    if case.state == State.WITHDRAWN:
        lines.append("申请人未按要求补充材料，视为撤回申请（第四十三条第二款），未作审查决定")
    elif case.provisional_ground:
        lines.append(
            f"先行援助决定：{_d(case.decided_date)}，{case.get_provisional_ground_display()}（第四十四条）"
        )
    elif case.refusal_reason:
        lines.append(f"不予法律援助决定书：{_d(case.decided_date)}，理由：{case.refusal_reason}")
    elif case.decided_date:
        lines.append(f"给予法律援助决定书：{_d(case.decided_date)}（第四十三条第一款）")
    elif case.origin == Origin.NOTIFIED:
        lines.append(f"通知辩护（代理）案件，{_d(case.received_date)}收到通知，无需审查决定")
    if case.decision_overdue:
        lines.append(f"超过审查决定期限（{_d(case.decision_due)}），逾期原因：{case.late_reason}")
    if case.assigned_date:
        lines.append(
            f"指派通知书{case.assignment_number}：{_d(case.assigned_date)}指派{case.provider}承办"
        )
        if case.assignment_overdue:
            lines.append(
                f"超过指派期限（{_d(case.assignment_due)}），逾期原因：{case.assignment_late_reason}"
            )
    for objection in selectors.objections_of(reader, case):
        outcome = (
            f"，{_d(objection.decided_date)}{objection.get_outcome_display()}"
            if objection.decided_date
            else "，尚未审查"
        )
        lines.append(
            f"异议：{_d(objection.received_date)}对{objection.get_against_display()}提出{outcome}（第四十九条）"
        )
    return lines


def _service(case, reader) -> list[str]:
    return ["决定书、指派通知书的送达情况本平台未登记，送达回证以纸质原件附卷"]


def _closing(case, reader) -> list[str]:
    if case.state == State.CLOSED:
        return [
            f"{_d(case.concluded_date)}办理结束：{case.result}",
            f"挽回经济损失{case.amount_recovered}元",
        ]
    if case.state == State.TERMINATED:
        return [
            f"终止法律援助决定：{_d(case.terminated_date)}，{case.get_termination_ground_display()}",
            case.termination_reason,
        ]
    if case.state == State.REFUSED:
        return [f"以不予法律援助决定书（{_d(case.decided_date)}）结案"]
    return [f"以视为撤回申请结案（补正期限{_d(case.supplement_due)}届满）"]


def _quality(case, reader) -> list[str]:
    checks = [
        f"{_d(c.date)}{c.get_method_display()}：{c.get_grade_display()}"
        + (f"，{c.note}" if c.note else "")
        for c in selectors.quality_checks_of(reader, case)
    ]
    return checks or ["本案未进行质量评查（第五十九条）"]


def _review(case, reader) -> list[str]:
    lines = []
    if case.closed_date:
        lines.append(
            f"{_d(case.closed_date)}收到结案报告"
            + (f"（提交期限{_d(case.closure_due)}）" if case.closure_due else "")
        )
    if case.quality_grade:
        lines.append(f"质量等级：{case.get_quality_grade_display()}（{_d(case.graded_date)}评定）")
    for subsidy in selectors.subsidies_of(reader, case):
        lines.append(
            f"{_d(subsidy.paid_date)}发放办案补贴{subsidy.total}元（基础{subsidy.base}元，"
            f"绩效{subsidy.performance}元；{subsidy.standard.version}）"
        )
    return lines or ["本案未经结案审查，未发放办案补贴"]


APPROVAL_CONTENTS = {
    "申请审批": _application,
    "身份证明": _identity,
    "经济困难": _economic,
    "案件证明": _proofs,
    "材料目录": _materials,
    "决定指派": _decision,
    "送达回证": _service,
    "结案文书": _closing,
    "质量监督": _quality,
    "结案审查": _review,
}

# — 承办卷 —


def _progress_lines(case, reader, kinds) -> list[str]:
    return [
        f"{_d(p.date)}{p.get_kind_display()}" + (f"：{p.note}" if p.note else "")
        for p in selectors.progress_of(reader, case)
        if p.kind in kinds
    ]


def _notice(case, reader) -> list[str]:
    return [
        f"{case.unit.name}指派通知书{case.assignment_number}，{_d(case.assigned_date)}指派"
        f"{case.provider.name}（{case.provider.get_kind_display()}，{case.provider.firm}）承办"
    ]


def _agreement(case, reader) -> list[str]:
    if case.agreement_date:
        return [f"{_d(case.agreement_date)}与受援人签订委托代理（辩护）协议"]
    return ["本平台未登记委托协议"]


def _recipient(case, reader) -> list[str]:
    lines = [
        f"受援人{case.applicant_name}，身份证号码{shown_id_number(reader, case, case.applicant_id_number)}",
        f"{case.get_case_type_display()}，{case.get_matter_display()}；{case.summary}",
    ]
    if case.case_organ:
        lines.append(f"办案机关：{case.case_organ}")
    if case.criminal_charge:
        lines.append(
            f"涉嫌罪名：{case.criminal_charge}"
            if selectors.may_see_criminal_charge(reader, case)
            else "涉嫌罪名：仅承办人员和法律援助机构可见，本卷未载"
        )
    return lines


def _kinds(*kinds, empty):
    def part(case, reader):
        return _progress_lines(case, reader, kinds) or [empty]

    return part


def _handling_closing(case, reader) -> list[str]:
    if case.state == State.TERMINATED:
        return [
            f"{_d(case.terminated_date)}法律援助机构终止法律援助：{case.get_termination_ground_display()}"
        ]
    return [f"{_d(case.concluded_date)}办理结束：{case.result}"]


def _report(case, reader) -> list[str]:
    if case.closed_date:
        return [
            f"{_d(case.closed_date)}向法律援助机构提交结案报告（第五十条），挽回经济损失{case.amount_recovered}元"
        ]
    return ["法律援助终止，未提交结案报告"]


HANDLING_CONTENTS = {
    "指派通知": _notice,
    "委托协议": _agreement,
    "受援人情况": _recipient,
    "会见": _kinds(ProgressKind.MEETING, empty="本平台未登记会见"),
    "阅卷": _kinds(ProgressKind.FILE_READING, empty="本平台未登记阅卷"),
    "调查取证": _kinds(ProgressKind.INVESTIGATION, empty="本平台未登记调查取证"),
    "庭审": _kinds(ProgressKind.HEARING, empty="本平台未登记开庭"),
    "其他办理": _kinds(ProgressKind.MEDIATION, ProgressKind.REPORT, ProgressKind.OTHER, empty="无"),
    "结案文书": _handling_closing,
    "结案报告": _report,
}

FILES = {
    "approval": (APPROVAL_KIND, APPROVAL_PARTS, APPROVAL_CONTENTS, APPROVAL_STATES),
    "handling": (HANDLING_KIND, HANDLING_PARTS, HANDLING_CONTENTS, HANDLING_STATES),
}


def available(case: AidCase, which: str) -> bool:
    states = FILES[which][3]
    return case.state in states and (which == "approval" or case.assigned_date is not None)


def context_for(case: AidCase, which: str, reader, on) -> dict:
    kind, parts, contents, _ = FILES[which]
    present = applicable(case, parts)
    context = {
        "机构": case.unit.name,
        "案件类型": case.get_case_type_display(),
        "案号": case.number,
        "全国系统案号": case.national_number,
        "案由": case.get_matter_display(),
        "受援人": case.applicant_name,
        "指派号": case.assignment_number or "未指派",
        "承办单位": case.provider.firm if case.provider else "未指派",
        "承办人": case.provider.name if case.provider else "未指派",
        "归档人": reader.get_full_name() or reader.username,
        "归档日期": chinese_date(on),
    }
    headings = {
        part.field: f"{NUMERALS[index]}、{part.title}" for index, part in enumerate(present)
    }
    context["卷内目录"] = list(headings.values())
    for part in parts:
        context[f"{part.field}标题"] = headings.get(part.field, "")
        context[part.field] = (
            [line for line in contents[part.field](case, reader) if line]
            if part.field in headings
            else ""
        )
    return context


def sensitive_parts(case: AidCase, which: str, reader) -> list[str]:
    """What of the sensitive data the file holds for `reader` (the download is recorded)."""
    parts = []
    economic = which == "approval" and case.origin != Origin.NOTIFIED and case.economic_evidence
    if economic and selectors.may_see_economic_evidence(reader, case):
        parts.append("经济困难状况")
    charge = which == "handling" and case.criminal_charge
    if charge and selectors.may_see_criminal_charge(reader, case):
        parts.append("涉嫌罪名")
    return parts


def case_file_docx(case: AidCase, which: str, reader, on) -> bytes:
    kind = FILES[which][0]
    template = wordtemplates.template_for(case.unit, kind.key)
    return wordtemplates.render(template, context_for(case, which, reader, on), keep=())


def title(which: str) -> str:
    return FILES[which][0].title
