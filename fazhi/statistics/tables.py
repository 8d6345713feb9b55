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
