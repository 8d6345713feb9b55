"""Demo records of 社区矫正 for the three districts: investigations (one late), subjects
received with a gap, a warning, an electronic-location order with points, a release — and a
minor in 东湖区, seen only by the named handler. 南桥县 keeps its subjects in the provincial
platform only: it files the monthly counts (the count-only import) of the last six ended
months instead of rows, and its 安置帮教 rows like the others."""

import datetime

from django.utils import timezone

from fazhi.core.guards import today

from . import imports, services
from .models import (
    Category,
    DailyKind,
    LeaveApprover,
    Linkage,
    LocationGround,
    Opinion,
    OrganKind,
    Placement,
    SanctionKind,
)

D = datetime.timedelta
COUNT_ONLY = "nanqiao"  # the county that files counts only (CountReport)
PEOPLE = {
    "donghu": [("王建国", "37040219850101123X"), ("李红梅", ""), ("张小军", "")],
    "xishan": [("赵德胜", ""), ("孙丽", "")],
    "nanqiao": [("周大海", ""), ("吴芳", "")],
}


def build(world):
    now = today()
    for index, key in enumerate(world.districts):
        officer = world.users[f"{key}_corrections"]
        bureau = world.units[f"{key}_justice"]
        station = world.units[f"{key}_town0"]
        district = world.units[key].name
        code = f"{world.units[key].division_code or key}"
        if key == COUNT_ONLY:
            _file_counts(officer, bureau, now)
            _resettlement(officer, bureau, code, now)
            continue
        done = services.register_investigation(
            actor=officer,
            unit=bureau,
            organ_kind=OrganKind.COURT,
            organ=f"{district}人民法院",
            reference=f"（{now.year}）调评{index + 1}01号",
            person_name=PEOPLE[key][0][0] + "某",
            proposed_category=Category.PROBATION,
            received_date=now - D(days=30),
        )
        services.complete_investigation(
            actor=officer,
            investigation=done,
            visits="走访居住地村（居）委会、家庭成员和被害人",
            opinions_gathered="村委会同意接收",
            opinion=Opinion.SUITABLE,
            opinion_date=now - D(days=20),
        )
        services.register_investigation(
            actor=officer,
            unit=bureau,
            organ_kind=OrganKind.PROCURATORATE,
            organ=f"{district}人民检察院",
            reference=f"（{now.year}）调评{index + 1}02号",
            person_name="钱某某",
            proposed_category=Category.CONTROL,
            received_date=now - D(days=3),
            fast_track=True,
        )
        subjects = []
        for number, (name, id_number) in enumerate(PEOPLE[key], start=1):
            minor = key == "donghu" and number == 3
            effective = now - D(days=200 + 30 * number)
            subjects.append(
                services.receive_subject(
                    actor=officer,
                    unit=bureau,
                    station=station,
                    number=f"JZ{code}{now.year}{number:03d}",
                    name=name,
                    id_number=id_number,
                    address=f"{station.name}幸福路{number}号",
                    community="幸福社区",
                    phone=f"1380000{index}{number:03d}",
                    is_minor=minor,
                    category=[Category.PROBATION, Category.PAROLE, Category.CONTROL][number % 3],
                    decision_organ=f"{district}人民法院",
                    effective_date=effective,
                    notice_date=effective + D(days=3),
                    documents_date=effective + D(days=12 if number == 1 else 8),
                    reported_date=effective + D(days=7),
                    term_start=effective,
                    term_end=effective + D(days=365 if number != 2 else 180),
                )
            )
        first = subjects[0]
        services.set_plan(
            actor=officer,
            subject=first,
            plan="每月到司法所报告，参加公益活动",
            team="社区网格员：走访；家属：监督",
            level="strict",
        )
        services.record_daily(
            actor=officer,
            subject=first,
            kind=DailyKind.REPORT,
            date=now - D(days=10),
            note="按时报告",
        )
        services.record_daily(
            actor=officer, subject=first, kind=DailyKind.PHONE_CHECK, date=now - D(days=5)
        )
        services.approve_leave(
            actor=officer,
            subject=first,
            start=now + D(days=3),
            end=now + D(days=5),
            destination="示范省省会",
            reason="就医",
            approved_by="司法所所长",
            approver_level=LeaveApprover.STATION,  # three days: within the 司法所's reach
        )
        services.record_sanction(
            actor=officer,
            subject=first,
            kind=SanctionKind.WARNING,
            date=now - D(days=40),
            ground="未经批准离开所居住的县",
        )
        order = services.order_location(
            actor=officer,
            subject=first,
            ground=LocationGround.LEFT_AREA,
            approver="局长",
            approved_date=now - D(days=30),
            start=now - D(days=30),
            end=services.three_months_after(now - D(days=30)),
            device=f"DW-{index}01",
        )
        services.record_location(
            actor=officer,
            subject=first,
            recorded_at=timezone.now() - D(days=1),
            latitude="36.651200",
            longitude="117.120000",
        )
        _ = order
        services.release_subject(
            actor=officer,
            subject=subjects[1],
            released_date=subjects[1].term_end,
            certificate_number=f"解矫字{now.year}第{index + 1}号",
        )
        services.reveal(actor=officer, record=first, field="name", reason="核对报到人员身份")
        _resettlement(officer, bureau, code, now)


def _resettlement(officer, bureau, code, now):
    for number, linkage in ((1, Linkage.COLLECTED), (2, None)):
        release = now - D(days=20 * number)
        person = services.register_released(
            actor=officer,
            unit=bureau,
            number=f"BJ{code}{now.year}{number:03d}",
            name=["郑文", "冯刚"][number - 1],
            community="幸福社区",
            prison="示范省第一监狱",
            intake_date=release - D(days=700),
            intake_notice_date=release - D(days=680),
            release_date=release,
            release_notice_date=release - D(days=35 if number == 1 else 10),
            is_key=number == 2,
        )
        if linkage:
            services.record_linkage(
                actor=officer, person=person, linkage=linkage, linkage_date=release
            )
            services.record_placement(actor=officer, person=person, placement=Placement.EMPLOYED)


def _month_rows(now: datetime.date) -> list[tuple]:
    """The last six ended months of a county of about forty subjects, each month's register
    the last one's plus those received, less those released and ended (columns of
    imports.COUNTS: 在册 by category sums to 月末在册, 终止 by reason)."""
    first = now.replace(day=1)
    months = []
    for _ in range(6):
        first = (first - D(days=1)).replace(day=1)
        months.insert(0, first)
    rows, register = [], 40
    for index, month in enumerate(months):
        received, released = (3, 2) if index % 2 else (2, 1)
        revoked, died = (1, 0) if index == 2 else (0, 1 if index == 4 else 0)
        register += received - released - revoked - died
        control, parole, medical = 1, 4, 2
        rows.append(
            (
                f"{month:%Y-%m}",
                register,
                received,
                released,
                0,  # 移出
                4,  # 调查评估
                4 if index != 3 else 3,  # 按期
                1 if index == 1 else 0,  # 警告
                revoked,  # 提请撤销 (the court revoked it the same month)
                0,  # 脱管
                1 if index == 1 else 0,  # 电子定位
                control,
                register - control - parole - medical,
                parole,
                medical,
                revoked,
                0,  # 收监
                died,
                revoked,  # 重新犯罪: the revocation was for a new crime
                0,  # 提请治安管理处罚
                18 + index,  # 走访、实地查访
            )
        )
    return rows


def _file_counts(officer, bureau, now):
    data = imports.workbook_bytes(imports.COUNTS, _month_rows(now))
    services.import_counts(actor=officer, unit=bureau, data=data)
