"""Committees (调委会), their seats and the mediator roster: 人民调解法 第八至十五条."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import date_or_none, shift_years
from fazhi.core.guards import not_future, require, require_line, saved
from fazhi.core.guards import today as guards_today
from fazhi.core.models import Unit
from fazhi.core.roles import Action
from fazhi.core.validators import validate_id_number

from .. import deadlines
from ..models import (
    MEMBER_POSTS,
    Committee,
    CommitteeKind,
    Gender,
    Mediator,
    MediatorStatus,
    Post,
    Seat,
    Status,
)
from ._common import LINE, _not_before

# 人民调解法 第九条第二款: 委员每届任期三年，可以连选连任.
TERM_YEARS = 3
# 人民调解法 第八条第二款: 人民调解委员会由委员三至九人组成.
MIN_MEMBERS, MAX_MEMBERS = 3, 9
# 人民调解法 第十四条: 成年公民 (民法典 第十七条: 十八周岁以上).
ADULT_AGE = 18


# — committees and mediators —


def composition_problems(committee: Committee, seats: list[tuple[Mediator, str]]) -> list[str]:
    """人民调解法 第八条第二、三款 for the committee's 委员 (聘任调解员 are not 委员)."""
    members = [(mediator, post) for mediator, post in seats if post in MEMBER_POSTS]
    problems = []
    if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
        problems.append(
            f"人民调解委员会由委员三至九人组成（人民调解法 第八条第二款），当前委员为{len(members)}人"
        )
    directors = sum(1 for _, post in members if post == Post.DIRECTOR)
    if directors != 1:
        problems.append(f"人民调解委员会设主任一人（人民调解法 第八条第二款），当前为{directors}人")
    if not any(mediator.gender == Gender.FEMALE for mediator, _ in members):
        problems.append("人民调解委员会应当有妇女成员（人民调解法 第八条第三款）")
    if committee.multi_ethnic and all(m.ethnicity == "汉族" for m, _ in members):
        problems.append("多民族居住的地区应当有人数较少民族的成员（人民调解法 第八条第三款）")
    return problems


def _check_mediator_usable(mediator: Mediator, on: datetime.date) -> None:
    if mediator.status != MediatorStatus.ACTIVE:
        raise ValidationError(f"{mediator.name}已被罢免或解聘，不能担任调解员")
    if mediator.age_on(on) < ADULT_AGE:
        raise ValidationError(
            f"{mediator.name}未满十八周岁，人民调解员应当由成年公民担任（人民调解法 第十四条）"
        )


@service
def register_mediator(
    *,
    actor,
    unit: Unit,
    name: str,
    gender: str,
    birth_date: datetime.date,
    employment: str,
    ethnicity: str = "汉族",
    id_number: str = "",
    phone: str = "",
    specialty: str = "",
    expert: bool = False,
    trained_date: datetime.date | None = None,
    subsidy: str = "",
    appointed_date: datetime.date | None = None,
) -> Mediator:
    """A mediator into the roster (名册库) from `appointed_date` (the day of registration if
    not given); `expert` puts them in the 专家库 too."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记人民调解员")
    not_future(birth_date, "出生日期")
    not_future(trained_date, "培训日期")
    appointed_date = appointed_date or guards_today()
    not_future(appointed_date, "入册日期")
    id_number = id_number.strip().upper()
    validate_id_number(id_number)
    mediator = Mediator(
        unit=unit,
        name=name.strip(),
        gender=gender,
        birth_date=birth_date,
        employment=employment,
        ethnicity=ethnicity.strip() or "汉族",
        id_number=id_number,
        phone=phone.strip(),
        specialty=specialty.strip(),
        expert=expert,
        trained_date=trained_date,
        subsidy=subsidy.strip(),
        appointed_date=appointed_date,
        created_by=actor,
    )
    # 人民调解法 第十四条: 成年公民 — checked on the day of entry into the roster.
    if mediator.age_on(appointed_date) < ADULT_AGE:
        raise ValidationError(
            f"{mediator.name}未满十八周岁，人民调解员应当由成年公民担任（人民调解法 第十四条）"
        )
    saved(mediator)
    record_event(
        actor=actor,
        action="mediation.mediator",
        summary=f"登记人民调解员{mediator.name}（{mediator.get_employment_display()}）",
        target=mediator,
        unit=unit,
    )
    return mediator


@service
def dismiss_mediator(
    *, actor, mediator: Mediator, ground: str, day: datetime.date | None = None
) -> Mediator:
    """人民调解法 第十五条: 罢免或者解聘 on its grounds, on `day` (today if not given); the
    seats end with it and the mediator leaves the roster that day."""
    require(actor, Action.CHANGE, mediator)
    day = day or guards_today()
    not_future(day, "罢免或解聘日期")
    _not_before(day, "罢免或解聘日期", mediator.appointed_date, "入册日期")
    if not ground.strip():
        raise ValidationError("请写明罢免或解聘的事由（人民调解法 第十五条）")
    if mediator.status == MediatorStatus.DISMISSED:
        raise ValidationError(f"{mediator.name}已被罢免或解聘")
    for seat in list(mediator.seats.select_related("committee")):
        others = [(s.mediator, s.post) for s in seat.committee.seats.exclude(pk=seat.pk)]
        if seat.post in MEMBER_POSTS and (problems := composition_problems(seat.committee, others)):
            raise ValidationError(
                f"{seat.committee.name}：{problems[0]}；请先补选委员再罢免{mediator.name}"
            )
        seat.delete()
        _changed(seat.committee, max(day, seat.committee.changed_date))
    mediator.status = MediatorStatus.DISMISSED
    mediator.dismissal_ground = ground.strip()
    mediator.left_date = day
    saved(mediator)
    record_event(
        actor=actor,
        action="mediation.dismiss",
        summary=f"罢免或解聘人民调解员{mediator.name}",
        target=mediator,
        unit=mediator.unit,
        reason=ground.strip(),
    )
    return mediator


def _changed(committee: Committee, day: datetime.date) -> None:
    """A change of the committee or its people: 备案 is due again (宁波条例 第十三条)."""
    committee.changed_date = day
    committee.filing_due = date_or_none(deadlines.filing_due, day)
    committee.filed_date = None
    committee.court_notified_date = None
    saved(committee)


@service
def register_committee(
    *,
    actor,
    unit: Unit,
    name: str,
    kind: str,
    founder: str,
    term_start: datetime.date,
    director: Mediator,
    members: list,
    appointed: list = (),
    abbreviation: str = "",
    field: str = "",
    multi_ethnic: bool = False,
    established_date: datetime.date | None = None,
) -> Committee:
    """A committee with its 主任, 委员 (`members`, the 主任 among them or not) and 聘任调解员;
    on the roster from `established_date` (设立; the current term's start if not given)."""
    require_line(actor, LINE)
    require(actor, Action.CREATE, unit, f"无权为“{unit.name}”登记调解组织")
    not_future(term_start, "任期开始日期")
    established_date = established_date or term_start
    not_future(established_date, "设立日期")
    _not_before(term_start, "任期开始日期", established_date, "设立日期")
    if kind == CommitteeKind.SPECIALIZED and not field.strip():
        raise ValidationError("行业性专业性人民调解委员会请填写专业领域")
    name = name.strip()
    committee = Committee(
        unit=unit,
        name=name,
        abbreviation=(abbreviation.strip() or name.removesuffix("人民调解委员会"))[:30],
        kind=kind,
        field=field.strip(),
        founder=founder.strip(),
        multi_ethnic=multi_ethnic,
        term_start=term_start,
        term_end=shift_years(term_start, TERM_YEARS),
        established_date=established_date,
        changed_date=term_start,
        filing_due=date_or_none(deadlines.filing_due, term_start),
        created_by=actor,
    )
    seats = [(director, Post.DIRECTOR)]
    seats += [(m, Post.MEMBER) for m in members if m.pk != director.pk]
    appointed_ids = {m.pk for m, _ in seats}
    seats += [(m, Post.APPOINTED) for m in appointed if m.pk not in appointed_ids]
    if problems := composition_problems(committee, seats):
        raise ValidationError(problems)
    for mediator, _ in seats:
        require(actor, Action.VIEW, mediator, f"无权选任调解员{mediator.name}")
        _check_mediator_usable(mediator, term_start)
    saved(committee)
    for mediator, post in seats:
        saved(Seat(committee=committee, mediator=mediator, post=post, since=term_start))
    record_event(
        actor=actor,
        action="mediation.committee",
        summary=f"登记调解组织{committee.name}（委员{sum(p in MEMBER_POSTS for _, p in seats)}人）",
        target=committee,
        unit=unit,
        data={"term_end": committee.term_end.isoformat()},
    )
    return committee


@service
def add_seat(*, actor, committee: Committee, mediator: Mediator, post: str, since: datetime.date):
    """One more 委员 or 聘任调解员; a mediator may sit on several committees."""
    require(actor, Action.CHANGE, committee)
    require(actor, Action.VIEW, mediator, f"无权选任调解员{mediator.name}")
    not_future(since, "任职日期")
    _check_mediator_usable(mediator, since)
    if committee.seats.filter(mediator=mediator).exists():
        raise ValidationError(f"{mediator.name}已是{committee.name}的成员")
    seats = [(s.mediator, s.post) for s in committee.seats.select_related("mediator")]
    if post == Post.DIRECTOR and any(p == Post.DIRECTOR for _, p in seats):
        raise ValidationError("人民调解委员会设主任一人（人民调解法 第八条第二款），已有主任")
    if post in MEMBER_POSTS and sum(p in MEMBER_POSTS for _, p in seats) >= MAX_MEMBERS:
        raise ValidationError(
            "人民调解委员会由委员三至九人组成（人民调解法 第八条第二款），已有九人"
        )
    seat = saved(Seat(committee=committee, mediator=mediator, post=post, since=since))
    _changed(committee, since)
    record_event(
        actor=actor,
        action="mediation.seat",
        summary=f"{committee.name}增加{seat.get_post_display()}{mediator.name}",
        target=committee,
        unit=committee.unit,
    )
    return seat


@service
def record_filing(
    *,
    actor,
    committee: Committee,
    filed_date: datetime.date,
    court_notified_date: datetime.date | None = None,
) -> Committee:
    """备案 with the county bureau (宁波条例 第十三条) and its notice to the court (第十条)."""
    require(actor, Action.CHANGE, committee)
    not_future(filed_date, "备案日期")
    not_future(court_notified_date, "通报法院日期")
    _not_before(filed_date, "备案日期", committee.changed_date, "设立或变更日期")
    if court_notified_date:
        _not_before(court_notified_date, "通报法院日期", filed_date, "备案日期")
    seats = [(s.mediator, s.post) for s in committee.seats.select_related("mediator")]
    if problems := composition_problems(committee, seats):
        raise ValidationError(problems)
    committee.filed_date = filed_date
    committee.court_notified_date = court_notified_date
    saved(committee)
    late = committee.filing_due is not None and filed_date > committee.filing_due
    record_event(
        actor=actor,
        action="mediation.filing",
        summary=f"{committee.name}备案（{filed_date:%Y-%m-%d}）{'，已逾期' if late else ''}",
        target=committee,
        unit=committee.unit,
        data={"late": late},
    )
    return committee


@service
def dissolve_committee(*, actor, committee: Committee, day: datetime.date, note: str) -> Committee:
    """撤销: the committee leaves the roster on `day`; 备案 of the change (宁波条例 第十三条)
    is no longer owed, and it takes no new disputes (selectors.committees_for)."""
    require(actor, Action.CHANGE, committee)
    not_future(day, "撤销日期")
    _not_before(day, "撤销日期", committee.established_date, "设立日期")
    if not committee.active:
        raise ValidationError(f"{committee.name}已撤销")
    if not note.strip():
        raise ValidationError("请写明撤销原因")
    if committee.disputes.filter(status=Status.MEDIATING).exists():
        raise ValidationError(f"{committee.name}尚有调解中的纠纷，请先结案或终止调解再撤销")
    committee.active = False
    committee.dissolved_date = day
    committee.dissolution_note = note.strip()
    committee.filing_due = None
    saved(committee)
    record_event(
        actor=actor,
        action="mediation.dissolve",
        summary=f"撤销调解组织{committee.name}（{day:%Y-%m-%d}）",
        target=committee,
        unit=committee.unit,
        reason=note.strip(),
    )
    return committee
