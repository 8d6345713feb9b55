"""The 台账 of 行政执法监督: one Ledger per list, exported to Excel whole and shown on its
page with the columns that fit (`PageTable`)."""

from dataclasses import dataclass

from django.utils import timezone

from fazhi.core.validators import mask_id_number
from fazhi.core.viewtools import Ledger

from .models.enterprise_inspections import InspectionStatus
from .selectors.enterprise_inspections import REPEAT_WINDOW_DAYS


def _day(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def officer_names(officers) -> str:
    """The named officers, each flagged when the certificate is not valid today."""
    today = timezone.localdate()
    names = []
    for officer in officers:
        problem = officer.certificate_problem(today)
        names.append(f"{officer.name}（{problem}）" if problem else officer.name)
    return "、".join(names)


def _agency_row(agency) -> list:
    ratio = agency.ratio
    return [
        agency.unit.name,
        agency.unit.get_kind_display(),
        len(agency.devolved_list),
        ratio.certified,
        ratio.reviewers,
        "" if ratio.percent is None else f"{ratio.percent}%",
        "低于5%" if ratio.below_floor else "",
    ]


def _officer_row(officer) -> list:
    certificate = officer.current_certificate()
    return [
        officer.name,
        officer.unit.name,
        mask_id_number(officer.id_number),
        officer.post,
        "是" if officer.is_legal_reviewer else "",
        certificate.number if certificate and certificate.number else "",
        officer.certificate_problem(timezone.localdate()) or "有效",
        sum(t.hours for t in officer.trainings.all() if t.date.year == timezone.localdate().year),
    ]


def _certificate_row(certificate) -> list:
    return [
        certificate.number or "",
        certificate.officer.name,
        certificate.officer.unit.name,
        certificate.get_status_display(),
        _day(certificate.applied_date),
        ""
        if certificate.exam_score is None
        else f"{certificate.exam_score}（合格线{certificate.pass_mark}）",
        _day(certificate.issue_date),
        _day(certificate.valid_until),
        _day(certificate.annual_review_due),
        certificate.problem(timezone.localdate()) or "有效",
    ]


def _action_row(action) -> list:
    return [
        action.number,
        action.unit.name,
        action.get_kind_display(),
        action.party,
        _day(action.started_date),
        officer_names(action.officers.all()),
        _day(action.pre_publicity_date),
        "是" if action.recording_location else "",
        action.major_item.title if action.major_item else "",
        {True: "通过", False: "未通过"}.get(action.review_passed, ""),
        action.get_status_display(),
        _day(action.decided_date),
        action.get_outcome_display(),
        f"{action.list_item.penalty_list.version}第{action.list_item.number}项"
        if action.list_item
        else "",
        _day(action.post_publicity_date),
        "；".join(action.three_systems_gaps()),
    ]


def _penalty_list_row(penalty_list) -> list:
    return [
        penalty_list.title,
        penalty_list.region.name,
        penalty_list.year,
        penalty_list.version,
        penalty_list.get_status_display(),
        _day(penalty_list.published_date),
        penalty_list.item_count,
        penalty_list.case_count,
    ]


def _enterprise_inspection_row(inspection) -> list:
    return [
        inspection.enterprise,
        inspection.credit_code,
        inspection.unit.name,
        inspection.purpose,
        _day(inspection.planned_date),
        officer_names(inspection.officers.all()),
        inspection.get_status_display(),
        _day(inspection.result_date),
        inspection.result,
        "是" if inspection.repeated and inspection.status != InspectionStatus.CANCELLED else "",
    ]


def _campaign_row(campaign) -> list:
    return [
        campaign.title,
        campaign.year,
        _day(campaign.started_date),
        campaign.agency_count,
        campaign.file_count,
        campaign.get_status_display(),
        _day(campaign.closed_date),
    ]


def _supervision_row(inspection) -> list:
    return [
        inspection.title,
        inspection.get_kind_display(),
        _day(inspection.date),
        "、".join(unit.name for unit in inspection.agencies.all()),
        inspection.team,
        inspection.findings,
    ]


def _notice_row(notice) -> list:
    today = timezone.localdate()
    return [
        notice.number,
        notice.agency.name,
        str(notice.source),
        _day(notice.issued_date),
        _day(notice.due_date),
        notice.get_status_display(),
        _day(notice.responded_date),
        _day(notice.closed_date),
        "逾期" if notice.overdue(today) else "",
    ]


AGENCIES = Ledger(
    "行政执法主体台账.xlsx",
    "执法主体",
    [
        "执法单位",
        "类型",
        "赋权事项（项）",
        "持证执法人员",
        "法制审核人员",
        "法制审核人员占比",
        "提示",
    ],
    _agency_row,
)
OFFICERS = Ledger(
    "行政执法人员台账.xlsx",
    "执法人员",
    [
        "姓名",
        "所在单位",
        "身份证号码",
        "职务",
        "法制审核人员",
        "证件编号",
        "证件状态",
        "本年度培训学时",
    ],
    _officer_row,
)
CERTIFICATES = Ledger(
    "行政执法证件台账.xlsx",
    "执法证件",
    [
        "证件编号",
        "姓名",
        "所在单位",
        "状态",
        "申领日期",
        "考试成绩",
        "发证日期",
        "有效期至",
        "年审截止",
        "效力",
    ],
    _certificate_row,
)
ACTIONS = Ledger(
    "行政执法三项制度台账.xlsx",
    "三项制度",
    [
        "案件编号",
        "执法单位",
        "类别",
        "当事人",
        "立案日期",
        "执法人员",
        "事前公示",
        "全过程记录",
        "重大执法决定",
        "法制审核",
        "状态",
        "决定日期",
        "处罚结果",
        "适用清单事项",
        "事后公示",
        "缺项",
    ],
    _action_row,
)
PENALTY_LISTS = Ledger(
    "免罚轻罚清单台账.xlsx",
    "免罚轻罚清单",
    ["清单名称", "适用区域", "年度", "版本", "状态", "公布日期", "事项（项）", "办理案件（件）"],
    _penalty_list_row,
)
ENTERPRISE_INSPECTIONS = Ledger(
    "入企执法报备台账.xlsx",
    "入企执法报备",
    [
        "企业名称",
        "统一社会信用代码",
        "执法单位",
        "检查事项",
        "计划日期",
        "执法人员",
        "状态",
        "检查日期",
        "检查结果",
        f"{REPEAT_WINDOW_DAYS}日内多部门检查",
    ],
    _enterprise_inspection_row,
)
CAMPAIGNS = Ledger(
    "案卷评查台账.xlsx",
    "案卷评查",
    ["评查活动", "年度", "开始日期", "执法单位（家）", "案卷（本）", "状态", "结束日期"],
    _campaign_row,
)
SUPERVISIONS = Ledger(
    "执法监督检查台账.xlsx",
    "监督检查",
    ["监督检查", "类别", "检查日期", "被检查单位", "检查组", "发现的问题"],
    _supervision_row,
)
NOTICES = Ledger(
    "整改通知台账.xlsx",
    "整改通知",
    [
        "通知编号",
        "整改单位",
        "来源",
        "下发日期",
        "整改期限",
        "状态",
        "反馈日期",
        "销号日期",
        "逾期",
    ],
    _notice_row,
)


@dataclass(frozen=True)
class PageTable:
    """The columns of a ledger its page shows (the Excel export has them all)."""

    ledger: Ledger
    columns: tuple[int, ...]

    @property
    def header(self) -> list[str]:
        return [self.ledger.header[i] for i in self.columns]

    def row(self, record) -> list:
        cells = self.ledger.row(record)
        return [cells[i] for i in self.columns]


# By the ledger's file name. 三项制度: 案件编号, 执法单位, 类别, 当事人, 立案日期, 执法人员,
# 状态, 缺项; 入企执法报备: 企业名称, 执法单位, 检查事项, 计划日期, 执法人员, 状态, 多部门检查.
PAGE_COLUMNS = {
    ACTIONS.filename: (0, 1, 2, 3, 4, 5, 10, 15),
    ENTERPRISE_INSPECTIONS.filename: (0, 2, 3, 4, 5, 6, 9),
}


def page_table(ledger: Ledger):
    """What the page shows of `ledger`: the whole ledger, or its page columns."""
    columns = PAGE_COLUMNS.get(ledger.filename)
    return ledger if columns is None else PageTable(ledger, columns)
