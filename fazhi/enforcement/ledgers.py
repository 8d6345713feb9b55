"""The 台账 of 行政执法监督 (core/ledgers.py): one Ledger per list, exported to Excel whole
and shown on its page with the columns marked for it."""

from django.utils import timezone

from fazhi.core.ledgers import Column, Ledger, day
from fazhi.core.validators import mask_id_number

from .models.enterprise_inspections import InspectionStatus
from .selectors.enterprise_inspections import REPEAT_WINDOW_DAYS


def officer_names(officers) -> str:
    """The named officers, each flagged when the certificate is not valid today."""
    today = timezone.localdate()
    names = []
    for officer in officers:
        problem = officer.certificate_problem(today)
        names.append(f"{officer.name}（{problem}）" if problem else officer.name)
    return "、".join(names)


def _ratio_percent(agency) -> str:
    return "" if agency.ratio.percent is None else f"{agency.ratio.percent}%"


def _certificate_number(officer) -> str:
    certificate = officer.current_certificate()
    return certificate.number if certificate and certificate.number else ""


def _training_hours(officer):
    year = timezone.localdate().year
    return sum(t.hours for t in officer.trainings.all() if t.date.year == year)


def _exam(certificate) -> str:
    if certificate.exam_score is None:
        return ""
    return f"{certificate.exam_score}（合格线{certificate.pass_mark}）"


def _list_item(action) -> str:
    item = action.list_item
    return f"{item.penalty_list.version}第{item.number}项" if item else ""


AGENCIES = Ledger(
    "行政执法主体台账.xlsx",
    "执法主体",
    (
        Column("执法单位", lambda agency: agency.unit.name),
        Column("类型", lambda agency: agency.unit.get_kind_display()),
        Column("赋权事项（项）", lambda agency: len(agency.devolved_list)),
        Column("持证执法人员", lambda agency: agency.ratio.certified),
        Column("法制审核人员", lambda agency: agency.ratio.reviewers),
        Column("法制审核人员占比", _ratio_percent),
        Column("提示", lambda agency: "低于5%" if agency.ratio.below_floor else ""),
    ),
)
OFFICERS = Ledger(
    "行政执法人员台账.xlsx",
    "执法人员",
    (
        Column("姓名", lambda officer: officer.name),
        Column("所在单位", lambda officer: officer.unit.name),
        Column("身份证号码", lambda officer: mask_id_number(officer.id_number)),
        Column("职务", lambda officer: officer.post),
        Column("法制审核人员", lambda officer: "是" if officer.is_legal_reviewer else ""),
        Column("证件编号", _certificate_number),
        Column(
            "证件状态",
            lambda officer: officer.certificate_problem(timezone.localdate()) or "有效",
        ),
        Column("本年度培训学时", _training_hours),
    ),
)
CERTIFICATES = Ledger(
    "行政执法证件台账.xlsx",
    "执法证件",
    (
        Column("证件编号", lambda c: c.number or "", empty="（未发证）"),
        Column("姓名", lambda c: c.officer.name),
        Column("所在单位", lambda c: c.officer.unit.name),
        Column("状态", lambda c: c.get_status_display()),
        Column("申领日期", lambda c: day(c.applied_date)),
        Column("考试成绩", _exam),
        Column("发证日期", lambda c: day(c.issue_date)),
        Column("有效期至", lambda c: day(c.valid_until)),
        Column("年审截止", lambda c: day(c.annual_review_due)),
        Column("效力", lambda c: c.problem(timezone.localdate()) or "有效"),
    ),
)
# 三项制度 is wide: its page shows the case, the unit, the officers, the state and the gaps.
ACTIONS = Ledger(
    "行政执法三项制度台账.xlsx",
    "三项制度",
    (
        Column("案件编号", lambda a: a.number),
        Column("执法单位", lambda a: a.unit.name),
        Column("类别", lambda a: a.get_kind_display()),
        Column("当事人", lambda a: a.party),
        Column("立案日期", lambda a: day(a.started_date)),
        Column("执法人员", lambda a: officer_names(a.officers.all())),
        Column("事前公示", lambda a: day(a.pre_publicity_date), on_page=False),
        Column("全过程记录", lambda a: "是" if a.recording_location else "", on_page=False),
        Column(
            "重大执法决定",
            lambda a: a.major_item.title if a.major_item else "",
            on_page=False,
        ),
        Column(
            "法制审核",
            lambda a: {True: "通过", False: "未通过"}.get(a.review_passed, ""),
            on_page=False,
        ),
        Column("状态", lambda a: a.get_status_display()),
        Column("决定日期", lambda a: day(a.decided_date), on_page=False),
        Column("处罚结果", lambda a: a.get_outcome_display(), on_page=False),
        Column("适用清单事项", _list_item, on_page=False),
        Column("事后公示", lambda a: day(a.post_publicity_date), on_page=False),
        Column("缺项", lambda a: "；".join(a.three_systems_gaps())),
    ),
)
PENALTY_LISTS = Ledger(
    "免罚轻罚清单台账.xlsx",
    "免罚轻罚清单",
    (
        Column("清单名称", lambda pl: pl.title),
        Column("适用区域", lambda pl: pl.region.name),
        Column("年度", lambda pl: pl.year),
        Column("版本", lambda pl: pl.version),
        Column("状态", lambda pl: pl.get_status_display()),
        Column("公布日期", lambda pl: day(pl.published_date)),
        Column("事项（项）", lambda pl: pl.item_count),
        Column("办理案件（件）", lambda pl: pl.case_count),
    ),
)
ENTERPRISE_INSPECTIONS = Ledger(
    "入企执法报备台账.xlsx",
    "入企执法报备",
    (
        Column("企业名称", lambda i: i.enterprise),
        Column("统一社会信用代码", lambda i: i.credit_code, on_page=False),
        Column("执法单位", lambda i: i.unit.name),
        Column("检查事项", lambda i: i.purpose),
        Column("计划日期", lambda i: day(i.planned_date)),
        Column("执法人员", lambda i: officer_names(i.officers.all())),
        Column("状态", lambda i: i.get_status_display()),
        Column("检查日期", lambda i: day(i.result_date), on_page=False),
        Column("检查结果", lambda i: i.result, on_page=False),
        Column(
            f"{REPEAT_WINDOW_DAYS}日内多部门检查",
            lambda i: "是" if i.repeated and i.status != InspectionStatus.CANCELLED else "",
        ),
    ),
)
CAMPAIGNS = Ledger(
    "案卷评查台账.xlsx",
    "案卷评查",
    (
        Column("评查活动", lambda c: c.title),
        Column("年度", lambda c: c.year),
        Column("开始日期", lambda c: day(c.started_date)),
        Column("执法单位（家）", lambda c: c.agency_count),
        Column("案卷（本）", lambda c: c.file_count),
        Column("状态", lambda c: c.get_status_display()),
        Column("结束日期", lambda c: day(c.closed_date)),
    ),
)
SUPERVISIONS = Ledger(
    "执法监督检查台账.xlsx",
    "监督检查",
    (
        Column("监督检查", lambda s: s.title),
        Column("类别", lambda s: s.get_kind_display()),
        Column("检查日期", lambda s: day(s.date)),
        Column("被检查单位", lambda s: "、".join(unit.name for unit in s.agencies.all())),
        Column("检查组", lambda s: s.team),
        Column("发现的问题", lambda s: s.findings),
    ),
)
NOTICES = Ledger(
    "整改通知台账.xlsx",
    "整改通知",
    (
        Column("通知编号", lambda n: n.number or "（待签发）"),
        Column("整改单位", lambda n: n.agency.name),
        Column("来源", lambda n: str(n.source)),
        Column("下发日期", lambda n: day(n.issued_date)),
        Column("整改期限", lambda n: day(n.due_date)),
        Column("状态", lambda n: n.get_status_display()),
        Column("反馈日期", lambda n: day(n.responded_date)),
        Column("销号日期", lambda n: day(n.closed_date)),
        Column("逾期", lambda n: "逾期" if n.overdue(timezone.localdate()) else ""),
    ),
)
