"""The tables as data: the shipped 报表制度 (rows × columns whose cells are catalog indicator
ids, typed figures, sums or rates of other cells, and the table's checks) and the check that
a template names only what exists.

Cell kinds (`layout.rows[].cells[column]`):
- {"indicator": id} — counted from the records by the indicator engine (a counted id of the
  catalog that a line registers; a rate is written as `rate` of two cells);
- {"manual": true} — typed, with an explanation (上期结转, figures no record holds);
- {"sum": [cell, …]} and {"rate": [numerator, denominator]} — derived from the table.
A cell is named "<row code>-<column code>" ("05-1").

Checks (`checks`): {"kind": "balance", "total", "parts"} 合计 = Σ分项; {"kind": "le", "left",
"right"} Σleft ≤ Σright (审结 ≤ 受理 + 上期结转); {"kind": "rate", "cell", "numerator",
"denominator"} a typed rate equal to its parts; {"kind": "cross", "cell", "template",
"other"} the same figure in another table of the same unit and period. Every cell measured in
% is ≤ 100, and every figure is compared with the same period last year (±50%).
"""

from django.core.exceptions import ValidationError

from fazhi.indicators import registry
from fazhi.indicators.catalog import CATALOG

ONE = [{"code": "1", "label": "本期数"}]


def _cell(spec):
    if spec == "manual":
        return {"manual": True}
    if isinstance(spec, tuple):
        kind, *args = spec
        return {kind: list(args[0]) if kind == "sum" else list(args)}
    return {"indicator": spec}


def _rows(*rows):
    """(code, label, unit, cell spec[, cell spec per further column])."""
    return [
        {"code": code, "label": label, "unit": unit, "cells": {"1": _cell(spec)}}
        for code, label, unit, spec in rows
    ]


def cell_label(layout: dict, cell_id: str) -> str:
    row_code, column_code = cell_id.split("-", 1)
    row = next((r for r in layout["rows"] if r["code"] == row_code), None)
    column = next((c for c in layout["columns"] if c["code"] == column_code), None)
    if row is None or column is None:
        return cell_id
    return f"第{row_code}行“{row['label']}”（{column['label']}）"


def cells(layout: dict) -> dict[str, dict]:
    """{cell id: spec with the row's unit}, in the table's order."""
    found = {}
    for row in layout["rows"]:
        for column in layout["columns"]:
            spec = row["cells"].get(column["code"])
            if spec is not None:
                found[f"{row['code']}-{column['code']}"] = {**spec, "unit": row.get("unit", "")}
    return found


def validate(code: str, layout: dict, checks: list) -> None:
    """ValidationError naming the cell when a template names an unknown indicator or cell."""
    errors = []
    known = cells(layout)
    for cell_id, spec in known.items():
        where = f"{code} {cell_label(layout, cell_id)}"
        if "indicator" in spec:
            indicator_id = spec["indicator"]
            if indicator_id not in CATALOG:
                errors.append(f"{where}：指标“{indicator_id}”不在指标目录中")
                continue
            try:
                indicator = registry.get(indicator_id)
            except KeyError:
                errors.append(f"{where}：指标“{indicator_id}”尚无业务条线计算，不能从记录取数")
                continue
            if indicator.is_ratio:
                errors.append(f"{where}：比率指标“{indicator_id}”应写作本表两格之比（rate）")
        for other in spec.get("sum", []) + spec.get("rate", []):
            if other not in known:
                errors.append(f"{where}：引用的单元格“{other}”不在本表中")
        if not any(k in spec for k in ("indicator", "manual", "sum", "rate")):
            errors.append(f"{where}：未说明取数方式")
    for check in checks:
        named = (
            [
                check.get("total"),
                check.get("cell"),
                check.get("numerator"),
                check.get("denominator"),
            ]
            + list(check.get("parts", []))
            + list(check.get("left", []))
            + list(check.get("right", []))
        )
        for cell_id in filter(None, named):
            if cell_id not in known:
                errors.append(f"{code} 审核规则“{check.get('kind')}”：单元格“{cell_id}”不在本表中")
    if errors:
        raise ValidationError(errors)


FZ_NOTE = (
    "依据《行政复议、行政应诉案件统计制度》（2024年10月，国家统计局批准）的总说明、报表目录、"
    "调查表式和指标解释的结构。该制度调查表式的原表号和全部栏目未能查到原文，本表的表号为本平台编号，"
    "栏目取自行政复议法（2023年修订）第六十三条至第六十九条的决定种类和指标目录；按受理机关、"
    "被申请人类别、行政管理类别的分栏尚未列入。"
)
SFXZ_NOTE = (
    "司法部司法行政统计调查制度的原文未能查到（worklines.md §2.8 [M]），本表的表号为本平台编号，"
    "栏目按指标目录和各业务条线记录的事项编制，待取得原表后以新版本替换。"
)

RECONSIDERATION_ROWS = (
    ("01", "上期结转（未审结）", "件", "manual"),
    ("02", "收到行政复议申请", "件", "reconsideration.received"),
    ("03", "受理", "件", "reconsideration.accepted"),
    ("04", "不予受理", "件", "reconsideration.not_accepted"),
    ("05", "审结（合计）", "件", "reconsideration.closed"),
    ("06", "　维持", "件", "reconsideration.upheld"),
    ("07", "　驳回", "件", "reconsideration.dismissed"),
    ("08", "　撤销", "件", "reconsideration.revoked"),
    ("09", "　变更", "件", "reconsideration.altered"),
    ("10", "　确认违法", "件", "reconsideration.confirmed_illegal"),
    ("11", "　责令履行", "件", "reconsideration.ordered_performance"),
    ("12", "　确认无效", "件", "reconsideration.confirmed_invalid"),
    ("13", "　调解结案", "件", "reconsideration.mediated"),
    ("14", "　终止（含撤回）", "件", "reconsideration.terminated"),
    (
        "15",
        "纠错（撤销、变更、确认违法、责令履行、确认无效）",
        "件",
        ("sum", ["08-1", "09-1", "10-1", "11-1", "12-1"]),
    ),
    ("16", "纠错率", "%", ("rate", "15-1", "05-1")),
    ("17", "行政复议意见书、建议书", "份", "reconsideration.opinion_letters"),
)
RECONSIDERATION_CHECKS = [
    {"kind": "balance", "total": "05-1", "parts": [f"{n:02d}-1" for n in range(6, 15)]},
    {"kind": "le", "left": ["05-1"], "right": ["03-1", "01-1"]},
    {"kind": "le", "left": ["03-1", "04-1"], "right": ["02-1", "01-1"]},
]

LITIGATION_ROWS = (
    ("01", "上期结转（未审结）", "件", "manual"),
    ("02", "行政应诉案件（一审收案）", "件", "litigation.cases"),
    ("03", "审结", "件", "litigation.concluded"),
    ("04", "　其中：败诉", "件", "litigation.lost"),
    ("05", "败诉率", "%", ("rate", "04-1", "03-1")),
    ("06", "开庭审理案件（按审级计）", "件", "litigation.heard_cases"),
    ("07", "行政机关负责人出庭应诉", "件", "litigation.head_appearances"),
    ("08", "负责人出庭应诉率", "%", ("rate", "07-1", "06-1")),
)
LITIGATION_CHECKS = [
    {"kind": "le", "left": ["03-1"], "right": ["02-1", "01-1"]},
    {"kind": "le", "left": ["04-1"], "right": ["03-1"]},
    {"kind": "le", "left": ["07-1"], "right": ["06-1"]},
]

SHIPPED = [
    {
        "code": "FZ复1表",
        "version": 1,
        "name": "行政复议案件情况",
        "work_line": "reconsideration",
        "issuer": "国务院法制办公室",
        "approver": "国家统计局",
        "approval_number": "",
        "period_type": "year",
        "due_day": 15,
        "scope_text": "县级以上人民政府行政复议机构",
        "valid_from": 2020,
        "valid_until": 2023,
        "layout": {
            "columns": ONE,
            "rows": _rows(*RECONSIDERATION_ROWS[:5], *RECONSIDERATION_ROWS[5:14]),
        },
        "checks": RECONSIDERATION_CHECKS,
        "notes": "2024年统计制度施行前的表式（本平台编号）；纠错栏和意见书栏自第2版起列入。",
    },
    {
        "code": "FZ复1表",
        "version": 2,
        "name": "行政复议案件情况",
        "work_line": "reconsideration",
        "issuer": "司法部",
        "approver": "国家统计局",
        "approval_number": "",
        "period_type": "year",
        "due_day": 15,
        "scope_text": "县级以上人民政府行政复议机构",
        "valid_from": 2024,
        "valid_until": None,
        "layout": {"columns": ONE, "rows": _rows(*RECONSIDERATION_ROWS)},
        "checks": RECONSIDERATION_CHECKS,
        "notes": FZ_NOTE,
    },
    {
        "code": "FZ诉1表",
        "version": 1,
        "name": "行政应诉案件情况",
        "work_line": "litigation",
        "issuer": "司法部",
        "approver": "国家统计局",
        "approval_number": "",
        "period_type": "year",
        "due_day": 15,
        "scope_text": "县级以上人民政府及其部门（由本级司法行政机关汇总）",
        "valid_from": 2024,
        "valid_until": None,
        "layout": {"columns": ONE, "rows": _rows(*LITIGATION_ROWS)},
        "checks": LITIGATION_CHECKS,
        "notes": FZ_NOTE.replace(
            "第六十三条至第六十九条的决定种类", "行政诉讼法和负责人出庭应诉规定"
        ),
    },
    {
        "code": "SF调1表",
        "version": 1,
        "name": "人民调解工作情况",
        "work_line": "mediation",
        "issuer": "司法部",
        "approver": "",
        "approval_number": "",
        "period_type": "month",
        "due_day": 5,
        "scope_text": "县（区）司法局（汇总辖区人民调解委员会）",
        "valid_from": 2024,
        "valid_until": None,
        "layout": {
            "columns": ONE,
            "rows": _rows(
                ("01", "调解矛盾纠纷", "件", "mediation.disputes_mediated"),
                ("02", "　其中：调解成功", "件", "mediation.disputes_resolved"),
                ("03", "调解成功率", "%", ("rate", "02-1", "01-1")),
                ("04", "书面调解协议", "件", "mediation.written_agreements"),
                ("05", "口头调解协议", "件", "mediation.oral_agreements"),
                ("06", "矛盾纠纷排查", "次", "mediation.screenings"),
                ("07", "排查发现矛盾纠纷", "件", "mediation.disputes_found"),
                ("08", "调解协议涉及金额", "元", "mediation.agreement_amount"),
                ("09", "人民调解组织（期末）", "个", "mediation.committees"),
            ),
        },
        "checks": [{"kind": "le", "left": ["02-1"], "right": ["01-1"]}],
        "notes": SFXZ_NOTE,
    },
    {
        "code": "SF援1表",
        "version": 1,
        "name": "法律援助工作情况",
        "work_line": "legal_aid",
        "issuer": "司法部",
        "approver": "",
        "approval_number": "",
        "period_type": "year",
        "due_day": 15,
        "scope_text": "县（区）司法局（法律援助机构）",
        "valid_from": 2024,
        "valid_until": None,
        "layout": {
            "columns": ONE,
            "rows": _rows(
                ("01", "受理法律援助案件", "件", "legal_aid.cases_accepted"),
                ("02", "办结法律援助案件", "件", "legal_aid.cases_closed"),
                ("03", "法律咨询", "人次", "legal_aid.consultations"),
                ("04", "挽回经济损失", "元", "legal_aid.amount_recovered"),
                ("05", "受援人回访满意率", "%", "manual"),
            ),
        },
        "checks": [],
        "notes": SFXZ_NOTE + "受援人回访满意率无对应记录，手工填报并说明来源。",
    },
    {
        "code": "SF执1表",
        "version": 1,
        "name": "行政执法监督工作情况",
        "work_line": "enforcement",
        "issuer": "司法部",
        "approver": "",
        "approval_number": "",
        "period_type": "year",
        "due_day": 15,
        "scope_text": "县级以上司法行政机关（行政执法监督机构）",
        "valid_from": 2024,
        "valid_until": None,
        "layout": {
            "columns": ONE,
            "rows": _rows(
                ("01", "行政处罚案件", "件", "enforcement.penalty_cases"),
                ("02", "　其中：免罚、轻罚案件", "件", "enforcement.no_or_light_penalty_cases"),
                ("03", "执法监督检查", "次", "enforcement.supervision_inspections"),
                ("04", "评查案卷", "本", "enforcement.case_files_reviewed"),
                ("05", "持证行政执法人员", "人", "enforcement.certified_officers"),
                ("06", "　其中：法制审核人员", "人", "enforcement.legal_review_staff"),
                ("07", "法制审核人员占执法人员比例", "%", ("rate", "06-1", "05-1")),
            ),
        },
        "checks": [
            {"kind": "le", "left": ["02-1"], "right": ["01-1"]},
            {"kind": "le", "left": ["06-1"], "right": ["05-1"]},
        ],
        "notes": SFXZ_NOTE,
    },
    {
        "code": "FZ综1表",
        "version": 1,
        "name": "法治政府建设主要数据",
        "work_line": "statistics",
        "issuer": "全面依法治省委员会办公室",
        "approver": "",
        "approval_number": "",
        "period_type": "year",
        "due_day": 20,
        "scope_text": "县（区）全面依法治县（区）委员会办公室（由司法局统计）",
        "valid_from": 2024,
        "valid_until": None,
        "layout": {
            "columns": ONE,
            "rows": _rows(
                ("01", "行政复议受理", "件", "reconsideration.accepted"),
                ("02", "行政应诉案件", "件", "litigation.cases"),
                ("03", "执法监督检查", "次", "enforcement.supervision_inspections"),
                ("04", "普法宣传活动", "场次", "publicity.activities"),
                ("05", "调解矛盾纠纷", "件", "mediation.disputes_mediated"),
            ),
        },
        "checks": [
            {"kind": "cross", "cell": "01-1", "template": "FZ复1表", "other": "03-1"},
            {"kind": "cross", "cell": "02-1", "template": "FZ诉1表", "other": "02-1"},
        ],
        "notes": (
            "年度报告“主要举措和成效”部分的主要数字汇成一表（本平台编号，无国家表式）；"
            "与行政复议、行政应诉年报的同一数字交叉核对。"
        ),
    },
]

# The tables of the four lines whose national 司法行政 or 法治督察 table was not found
# (issue 19 item 1): built from the catalog's and worklines.md's items, said in each note.
LINE_NOTE = (
    "{source}的原表式未能查到（worklines.md §2.8 [M]），本表的表号为本平台编号，"
    "栏目取自指标目录中本条线由记录计算的指标{extra}，待取得原表后以新版本替换。"
)
PUBLICITY_ROWS = (
    ("01", "普法宣传活动", "场次", "publicity.activities"),
    ("02", "发放普法宣传材料", "份", "publicity.materials_distributed"),
    ("03", "网络普法信息", "条", "publicity.online_posts"),
    ("04", "组织旁听庭审", "人次", "publicity.trial_observers"),
    ("05", "法律明白人（新选任）", "人", "publicity.legal_literate_people"),
    ("06", "法律明白人开展活动", "场次", "publicity.legal_literate_activities"),
    ("07", "学法考法应考人数", "人", "publicity.law_exam_due"),
    ("08", "　参加学法考法人数", "人", "publicity.law_exam_participants"),
    ("09", "学法考法参考率", "%", ("rate", "08-1", "07-1")),
    ("10", "　其中：及格人数", "人", "publicity.law_exam_passed"),
    ("11", "学法考法及格率", "%", ("rate", "10-1", "08-1")),
    ("12", "制定普法责任清单单位", "个", "publicity.responsibility_lists"),
    ("13", "履职报告评议单位", "个", "publicity.performance_reviews"),
    ("14", "普法志愿者（期末）", "人", "manual"),
)
CORRECTIONS_ROWS = (
    ("01", "新接收社区矫正对象", "人", "corrections.received"),
    ("02", "解除矫正", "人", "corrections.released"),
    ("03", "矫正终止", "人", "corrections.terminated"),
    ("04", "　其中：撤销缓刑、假释", "人", "corrections.terminated_revoked"),
    ("05", "　　　　收监执行", "人", "corrections.terminated_recommitted"),
    ("06", "　　　　死亡", "人", "corrections.terminated_died"),
    ("07", "执行地变更移出", "人", "corrections.transferred_out"),
    ("08", "在册社区矫正对象（期末）", "人", "corrections.subjects"),
    ("09", "　管制", "人", "corrections.subjects_control"),
    ("10", "　缓刑", "人", "corrections.subjects_probation"),
    ("11", "　假释", "人", "corrections.subjects_parole"),
    ("12", "　暂予监外执行", "人", "corrections.subjects_medical_parole"),
    ("13", "调查评估", "件", "corrections.investigations"),
    ("14", "　其中：按期完成", "件", "corrections.investigations_on_time"),
    ("15", "调查评估按期完成率", "%", ("rate", "14-1", "13-1")),
    ("16", "训诫", "人次", "corrections.admonitions"),
    ("17", "警告", "人次", "corrections.warnings"),
    ("18", "提请撤销缓刑、假释或收监执行", "人次", "corrections.revocation_proposals"),
    ("19", "脱管、漏管", "人次", "corrections.absconded"),
    ("20", "重新犯罪", "人", "corrections.reoffended"),
)
LEGAL_SERVICES_ROWS = (
    ("01", "公共法律服务站点", "个", "legal_services.stations"),
    ("02", "公共法律服务中心接待", "人次", "legal_services.center_visitors"),
    ("03", "12348热线呼入", "次", "legal_services.hotline_contacts"),
    ("04", "　其中：接听", "次", "legal_services.hotline_calls"),
    ("05", "12348接通率", "%", ("rate", "04-1", "03-1")),
    ("06", "12348热线服务时长", "分钟", "legal_services.hotline_minutes"),
    ("07", "12348满意度评价", "次", "legal_services.hotline_rated"),
    ("08", "　其中：满意", "次", "legal_services.hotline_satisfied"),
    ("09", "12348满意率", "%", ("rate", "08-1", "07-1")),
    ("10", "12348转办", "件", "legal_services.hotline_referrals"),
    ("11", "村（居）（期末）", "个", "legal_services.villages"),
    ("12", "有法律顾问的村（居）（期末）", "个", "legal_services.villages_with_adviser"),
    ("13", "村居法律顾问解答咨询", "次", "legal_services.village_adviser_consultations"),
    ("14", "村居法律顾问参与调解", "件", "legal_services.village_adviser_disputes"),
    ("15", "村居法律顾问法治讲座", "场次", "legal_services.village_adviser_lectures"),
    ("16", "村居法律顾问引导法律援助", "件", "legal_services.village_adviser_aid_referrals"),
)
ACCOUNTABILITY_ROWS = (
    ("01", "法治督察", "次", "accountability.inspections"),
    ("02", "被督察单位", "个", "accountability.inspected_units"),
    ("03", "督察发现问题", "个", "accountability.inspection_findings"),
    ("04", "　其中：已整改销号", "个", "accountability.rectified"),
    ("05", "督察问题整改销号率", "%", ("rate", "04-1", "03-1")),
    ("06", "未整改销号问题（期末）", "个", "accountability.open_rectifications"),
    ("07", "上级交办任务", "件", "accountability.tasks_assigned"),
    ("08", "应述法单位", "个", "accountability.reporting_units"),
    ("09", "　其中：已述法", "个", "accountability.reporting_units_reported"),
    ("10", "述法覆盖率", "%", ("rate", "09-1", "08-1")),
    ("11", "述法", "人次", "accountability.law_reports"),
    ("12", "　其中：现场述法", "人次", "accountability.law_reports_onsite"),
    ("13", "领导班子学法", "次", "accountability.leadership_study_sessions"),
    ("14", "听取研究法治工作会议", "次", "accountability.leadership_meetings_on_rule_of_law"),
    ("15", "法治示范创建项目", "个", "accountability.demonstration_projects"),
)


def _line_table(code, name, work_line, period_type, due_day, scope, rows, checks, note):
    return {
        "code": code,
        "version": 1,
        "name": name,
        "work_line": work_line,
        "issuer": "全面依法治省委员会办公室" if work_line == "accountability" else "司法部",
        "approver": "",
        "approval_number": "",
        "period_type": period_type,
        "due_day": due_day,
        "scope_text": scope,
        "valid_from": 2024,
        "valid_until": None,
        "layout": {"columns": ONE, "rows": _rows(*rows)},
        "checks": checks,
        "notes": note,
    }


LINE_TABLES = [
    _line_table(
        "SF普1表",
        "普法工作情况",
        "publicity",
        "year",
        15,
        "县（区）司法局（普法办）",
        PUBLICITY_ROWS,
        [
            {"kind": "le", "left": ["08-1"], "right": ["07-1"]},
            {"kind": "le", "left": ["10-1"], "right": ["08-1"]},
        ],
        LINE_NOTE.format(
            source="司法行政统计调查制度中普法依法治理表",
            extra="；普法志愿者尚无记录，手工填报并说明来源",
        ),
    ),
    _line_table(
        "SF矫1表",
        "社区矫正工作情况",
        "corrections",
        "month",
        5,
        "县（区）司法局（社区矫正机构）",
        CORRECTIONS_ROWS,
        [
            {"kind": "balance", "total": "08-1", "parts": ["09-1", "10-1", "11-1", "12-1"]},
            {"kind": "le", "left": ["04-1", "05-1", "06-1"], "right": ["03-1"]},
            {"kind": "le", "left": ["14-1"], "right": ["13-1"]},
        ],
        LINE_NOTE.format(
            source="司法行政统计调查制度中社区矫正表",
            extra="（期末在册数按社区矫正法第二条的四类分列）",
        ),
    ),
    _line_table(
        "SF公1表",
        "公共法律服务工作情况",
        "legal_services",
        "quarter",
        10,
        "县（区）司法局（公共法律服务中心）",
        LEGAL_SERVICES_ROWS,
        [
            {"kind": "le", "left": ["04-1"], "right": ["03-1"]},
            {"kind": "le", "left": ["08-1"], "right": ["07-1"]},
        ],
        LINE_NOTE.format(source="司法行政统计调查制度中公共法律服务表", extra=""),
    ),
    _line_table(
        "FZ督1表",
        "法治督察工作情况",
        "accountability",
        "year",
        20,
        "县（区）全面依法治县（区）委员会办公室（由司法局统计）",
        ACCOUNTABILITY_ROWS,
        [
            {"kind": "le", "left": ["04-1"], "right": ["03-1"]},
            {"kind": "le", "left": ["09-1"], "right": ["08-1"]},
            {"kind": "le", "left": ["12-1"], "right": ["11-1"]},
        ],
        LINE_NOTE.format(
            source="法治督察工作规定（2019年）所称督察工作的统计表",
            extra="；法治建设考核得分和名次为本级单项数值，不能逐级相加，不列入本表",
        ),
    ),
]
SHIPPED += LINE_TABLES
