"""The 社区矫正 entries of the indicator catalog, counted from the records (counts only:
the figures count the platform's scope, `restrict`; the records behind them are `drilled`,
rows.py — none for a 督察员, never a minor's).

`corrections.subjects` is a register (在册 at the period's end: `until_field`). The figures
with `reported` add the monthly counts of counties without local rows (CountReport)."""

from django.db.models import F, Q

from fazhi.indicators.registry import Indicator

from .models import (
    LINKED,
    Category,
    DailyKind,
    EndReason,
    InvestigationStatus,
    Opinion,
    SanctionKind,
    SubjectStatus,
)

LAW = "中华人民共和国社区矫正法"
SHANGHAI = "上海市安置帮教工作规定"
RELEASED = "corrections.ReleasedPerson"
# A county that keeps its subjects in the provincial platform only files these monthly counts
# (CountReport, imported): they stand in for its rows, never beside them.
REPORT = "corrections.CountReport."


def _sanction(id, name, kinds, article, reported=None):
    return Indicator(
        id=id,
        name=name,
        unit="人次",
        definition=f"期间内决定的{name}",
        source=f"{LAW} {article}",
        model="corrections.Sanction",
        date_field="date",
        condition=Q(kind__in=kinds),
        reported=reported and REPORT + reported,
    )


def _terminated(id, name, definition, condition, reported, article="第四十五条"):
    """终止 (第四十五条), counted on its date: by reason, or for a new crime."""
    return Indicator(
        id=id,
        name=name,
        unit="人",
        definition=definition,
        source=f"{LAW} {article}",
        model="corrections.Subject",
        date_field="end_date",
        condition=Q(status=SubjectStatus.TERMINATED) & condition,
        reported=REPORT + reported,
    )


def _on_register(category):
    """在册 by 矫正类别 (第二条; worklines.md's `corrections.by_category`): the register's rule."""
    return Indicator(
        id=f"corrections.subjects_{category.value}",
        name=f"在册{category.label}对象",
        unit="人",
        definition=f"期末在册的{category.label}社区矫正对象（按矫正类别分列的在册人数）",
        source=f"{LAW} 第二条",
        model="corrections.Subject",
        date_field="term_start",
        until_field="left_date",
        condition=Q(category=category),
        reported=f"{REPORT}subjects_{category.value}",
    )


INDICATORS = (
    Indicator(
        id="corrections.investigations",
        name="调查评估(判前调查)",
        unit="件",
        definition="期间内出具评估意见的调查评估，按意见日期计入",
        source=f"{LAW} 第十八条",
        model="corrections.Investigation",
        date_field="opinion_date",
        condition=Q(status=InvestigationStatus.DONE),
        key=True,
        reported=REPORT + "investigations",
    ),
    Indicator(
        id="corrections.investigations_on_time",
        name="按期完成调查评估",
        unit="件",
        definition="评估意见日期不晚于评估期限的",
        source="社区矫正法实施办法 第十四条（设置项）",
        model="corrections.Investigation",
        date_field="opinion_date",
        condition=Q(status=InvestigationStatus.DONE, opinion_date__lte=F("due_date")),
        reported=REPORT + "investigations_on_time",
    ),
    Indicator(
        id="corrections.investigation_on_time_rate",
        name="调查评估按期完成率",
        unit="%",
        definition="按期完成调查评估 ÷ 调查评估 × 100",
        source="社区矫正法实施办法 第十四条（设置项）",
        numerator="corrections.investigations_on_time",
        denominator="corrections.investigations",
    ),
    Indicator(
        id="corrections.investigations_recommended",
        name="建议适用社区矫正",
        unit="件",
        definition="评估意见为建议适用社区矫正的",
        source=f"{LAW} 第十八条",
        model="corrections.Investigation",
        date_field="opinion_date",
        condition=Q(status=InvestigationStatus.DONE, opinion=Opinion.SUITABLE),
    ),
    Indicator(
        id="corrections.subjects",
        name="社区矫正对象(在册)",
        unit="人",
        definition="期末在册的社区矫正对象：矫正期限已开始，尚未解除、移出或终止",
        source=f"{LAW} 第二条",
        model="corrections.Subject",
        date_field="term_start",
        until_field="left_date",
        key=True,
        reported=REPORT + "subjects",
    ),
    Indicator(
        id="corrections.absconded",
        name="脱管、漏管",
        unit="人",
        definition="期间内登记脱管（失去联系）的人次",
        source=f"{LAW} 第三十条",
        model="corrections.DailyRecord",
        date_field="date",
        condition=Q(kind=DailyKind.LOST_CONTACT),
        reported=REPORT + "absconded",
    ),
    Indicator(
        id="corrections.received",
        name="新接收社区矫正对象",
        unit="人",
        definition="矫正期限起始于期间内的社区矫正对象",
        source=f"{LAW} 第二十二条",
        model="corrections.Subject",
        date_field="term_start",
        key=True,
        reported=REPORT + "received",
    ),
    Indicator(
        id="corrections.released",
        name="解除矫正",
        unit="人",
        definition="期间内期满解除矫正的",
        source=f"{LAW} 第四十四条",
        model="corrections.Subject",
        date_field="released_date",
        condition=Q(status=SubjectStatus.RELEASED),
        key=True,
        reported=REPORT + "released",
    ),
    Indicator(
        id="corrections.transferred_out",
        name="执行地变更移出",
        unit="人",
        definition="期间内执行地变更移出的",
        source=f"{LAW} 第二十七条",
        model="corrections.Subject",
        date_field="transfer_date",
        condition=Q(status=SubjectStatus.TRANSFERRED),
        reported=REPORT + "transferred_out",
    ),
    _sanction("corrections.admonitions", "训诫", [SanctionKind.ADMONITION], "第二十八条"),
    _sanction("corrections.warnings", "警告", [SanctionKind.WARNING], "第二十八条", "warnings"),
    _sanction(
        "corrections.revocation_proposals",
        "提请撤销缓刑、假释或收监执行",
        [SanctionKind.REVOCATION, SanctionKind.RECOMMITMENT],
        "第四十六条、第四十九条",
        "revocation_proposals",
    ),
    _sanction("corrections.commendations", "表扬", [SanctionKind.COMMENDATION], "第二十八条"),
    Indicator(
        id="corrections.electronic_monitoring",
        name="使用电子定位装置",
        unit="人",
        definition="期间内开始的电子定位决定（延长不重复计入）",
        source=f"{LAW} 第二十九条",
        model="corrections.LocationOrder",
        date_field="start",
        condition=Q(extends__isnull=True),
        reported=REPORT + "electronic_monitoring",
    ),
    Indicator(
        id="corrections.resettlement_received",
        name="新接收刑满释放人员",
        unit="人",
        definition="期间内刑满释放的安置帮教对象",
        source=f"{SHANGHAI} 第二条",
        model=RELEASED,
        date_field="release_date",
        key=True,
    ),
    Indicator(
        id="corrections.resettlement_linked",
        name="衔接到位",
        unit="人",
        definition="期间内刑释且家属接回或帮助返回的",
        source=f"{SHANGHAI} 第七条第二款",
        model=RELEASED,
        date_field="release_date",
        condition=Q(linkage__in=LINKED),
    ),
    Indicator(
        id="corrections.resettlement_linkage_rate",
        name="衔接率",
        unit="%",
        definition="衔接到位 ÷ 新接收刑满释放人员 × 100",
        source=f"{SHANGHAI} 第七条",
        numerator="corrections.resettlement_linked",
        denominator="corrections.resettlement_received",
    ),
    Indicator(
        id="corrections.resettlement_placed",
        name="安置到位",
        unit="人",
        definition="期间内刑释且已安置（就业、社会救助、过渡性安置基地等）的",
        source=f"{SHANGHAI} 第十三条",
        model=RELEASED,
        date_field="release_date",
        condition=~Q(placement=""),
    ),
    Indicator(
        id="corrections.resettlement_placement_rate",
        name="安置率",
        unit="%",
        definition="安置到位 ÷ 新接收刑满释放人员 × 100",
        source=f"{SHANGHAI} 第十三条",
        numerator="corrections.resettlement_placed",
        denominator="corrections.resettlement_received",
    ),
    Indicator(
        id="corrections.resettlement_key_subjects",
        name="重点帮教对象",
        unit="人",
        definition="期间内刑释的重点帮教对象",
        source=SHANGHAI,
        model=RELEASED,
        date_field="release_date",
        condition=Q(is_key=True),
    ),
    _terminated(
        "corrections.terminated",
        "矫正终止",
        "期间内因撤销缓刑、假释，收监执行或死亡而终止矫正的",
        Q(),
        "terminated",
    ),
    _terminated(
        "corrections.terminated_revoked",
        "矫正终止：撤销缓刑、假释",
        "期间内因被裁定撤销缓刑、假释而终止矫正的",
        Q(end_reason=EndReason.REVOKED),
        "terminated_revoked",
    ),
    _terminated(
        "corrections.terminated_recommitted",
        "矫正终止：收监执行",
        "期间内暂予监外执行被决定收监执行而终止矫正的",
        Q(end_reason=EndReason.RECOMMITTED),
        "terminated_recommitted",
    ),
    _terminated(
        "corrections.terminated_died",
        "矫正终止：死亡",
        "期间内因死亡而终止矫正的",
        Q(end_reason=EndReason.DIED),
        "terminated_died",
    ),
    _terminated(
        "corrections.reoffended",
        "重新犯罪",
        "期间内因矫正期间犯新罪被撤销缓刑、假释或收监执行而终止矫正的（发现漏罪的不计）",
        Q(new_crime=True),
        "reoffended",
        "第四十五条、第四十六条第二款",
    ),
    _sanction(
        "corrections.public_security_penalties",
        "提请治安管理处罚",
        [SanctionKind.PUBLIC_SECURITY],
        "第二十八条",
        "public_security_penalties",
    ),
    Indicator(
        id="corrections.home_visits",
        name="走访、实地查访",
        unit="人次",
        definition="期间内登记的走访和实地查访",
        source=f"{LAW} 第二十六条",
        model="corrections.DailyRecord",
        date_field="date",
        condition=Q(kind__in=[DailyKind.VISIT, DailyKind.INSPECTION]),
        reported=REPORT + "home_visits",
    ),
    *(_on_register(category) for category in Category),
)
