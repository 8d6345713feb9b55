"""Demo suits for every district: concluded, lost, withdrawn and pending ones, hearings with
and without a qualifying 负责人, one 司法建议, one answer due soon and one overdue."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from fazhi.core.demo import DISTRICTS, DemoWorld

from . import services
from .models import (
    AbsenceReason,
    Attendance,
    DefendantRole,
    HeadPost,
    JudgmentType,
    SuggestionGround,
    TrialLevel,
)

# The agencies' people and the plaintiffs, different in every district: the scoping test looks
# for the sibling district's records by their texts.
PEOPLE = {
    "donghu": {"head": "钱立新", "deputy": "孔德明", "staff": "严晓冬"},
    "xishan": {"head": "邵建国", "deputy": "韦秀兰", "staff": "龚晨曦"},
    "nanqiao": {"head": "闫志远", "deputy": "葛春燕", "staff": "谭明轩"},
}
PLAINTIFFS = {
    "donghu": ["湖畔餐饮有限公司", "姜某", "东澄物流有限公司"],
    "xishan": ["岭上建材有限公司", "卢某", "西林商贸有限公司"],
    "nanqiao": ["桥南养殖合作社", "童某", "南河运输有限公司"],
}


@dataclass
class Suit:
    agency: str  # suffix of the unit key: "gov", "enf0", …
    plaintiff: int  # index into PLAINTIFFS[district]
    act: str
    filed_ago: int  # days before today
    level: str = TrialLevel.FIRST
    role: str = DefendantRole.SOLE
    after_reconsideration: bool = False  # co-defendant after an upheld 复议 of the demo
    answered: bool = True
    hearings: list[dict] = field(default_factory=list)
    judgment: tuple[str, int] | None = None  # (type, days ago)
    withdrawn_ago: int | None = None
    suggestion: dict | None = None


def _head(person: str, post: str, kind: str, ago: int, proof: bool = True) -> dict:
    return {
        "ago": ago,
        "attendance": Attendance.HEAD,
        "head_name": person,
        "head_post": post,
        "head_post_kind": kind,
        "head_id_proof": proof,
    }


SUITS = [
    Suit(
        "gov",
        0,
        "房屋征收补偿决定",
        200,
        hearings=[_head("head", "区长", HeadPost.PRINCIPAL, 150)],
        judgment=(JudgmentType.REJECT_CLAIM, 120),
    ),
    Suit(
        "enf0",
        1,
        "行政处罚决定（罚款五万元）",
        170,
        role=DefendantRole.WITH_REVIEW_ORGAN,
        after_reconsideration=True,
        hearings=[_head("deputy", "副局长", HeadPost.DEPUTY, 130)],
        judgment=(JudgmentType.REVOKE_REMAKE, 90),
    ),
    Suit(
        "enf1",
        2,
        "责令停止运营决定",
        120,
        hearings=[{"ago": 80, "attendance": Attendance.LAWYER_ONLY, "lawyer": "法律顾问律师"}],
        judgment=(JudgmentType.CONFIRM_ILLEGAL, 40),
        suggestion={
            "ago": 35,
            "ground": SuggestionGround.NOBODY_APPEARED,
            "content": "负责人和相应的工作人员均未出庭，仅委托律师出庭应诉，建议加强出庭应诉工作。",
        },
    ),
    Suit(
        "enf2",
        0,
        "限期拆除决定",
        90,
        hearings=[_head("deputy", "副局长", HeadPost.DEPUTY, 60, proof=False)],
        withdrawn_ago=30,
    ),
    Suit("justice", 1, "政府信息公开答复", 14, answered=False),
    Suit("enf0", 2, "行政许可撤回决定", 40, answered=False),
    Suit(
        "justice",
        2,
        "法律援助不予援助决定",
        45,
        level=TrialLevel.SECOND,
        hearings=[
            {
                "ago": 20,
                "attendance": Attendance.STAFF,
                "staff_name": "staff",
                "absence_reason": AbsenceReason.IRREPLACEABLE_DUTY,
                "absence_proof": True,
            },
            _head("head", "局长", HeadPost.PRINCIPAL, 5),
        ],
    ),
]


def _court(district: str, code: str, suit: Suit, filed: datetime.date, serial: int):
    """(court, 案号): the district court at first instance, the city's court on appeal."""
    if suit.level == TrialLevel.SECOND:
        return "示范市中级人民法院", f"（{filed.year}）鲁99行终{serial}号"
    return f"{district}人民法院", f"（{filed.year}）鲁{code[2:]}行初{serial}号"


def _add_suit(world: DemoWorld, key: str, district: str, code: str, serial: int, suit: Suit):
    today = timezone.localdate()
    filed = today - datetime.timedelta(days=suit.filed_ago)
    court, number = _court(district, code, suit, filed, serial)
    lawsuit = services.register_lawsuit(
        actor=world.admin,
        unit=world.units[f"{key}_{suit.agency}"],
        case_number=number,
        court=court,
        plaintiff=PLAINTIFFS[key][suit.plaintiff],
        contested_act=suit.act,
        trial_level=suit.level,
        filed_date=filed,
        served_date=filed + datetime.timedelta(days=4),
        defendant_role=suit.role,
        prior_reconsideration_number=(
            _upheld_case_number(world, key, suit.agency) if suit.after_reconsideration else None
        ),
        handler=world.users[f"{key}_officer"],
    )
    step = {"actor": world.admin, "lawsuit": lawsuit}
    if suit.answered:
        services.record_answer_filed(**step, answer_filed_date=filed + datetime.timedelta(days=12))
    for hearing in suit.hearings:
        details = dict(hearing)
        for person in ("head_name", "staff_name"):
            if person in details:
                details[person] = PEOPLE[key][details[person]]
        day = today - datetime.timedelta(days=details.pop("ago"))
        services.record_hearing(**step, date=day, **details)
    if suit.judgment:
        judgment_type, ago = suit.judgment
        services.record_judgment(
            **step,
            judgment_type=judgment_type,
            concluded_date=today - datetime.timedelta(days=ago),
        )
    if suit.withdrawn_ago:
        services.record_withdrawal(
            **step,
            withdrawal_date=today - datetime.timedelta(days=suit.withdrawn_ago),
            reason="被告改变被诉行政行为，原告申请撤诉，法院裁定准许",
        )
    if suit.suggestion:
        services.record_judicial_suggestion(
            **step,
            received_date=today - datetime.timedelta(days=suit.suggestion["ago"]),
            ground=suit.suggestion["ground"],
            content=suit.suggestion["content"],
        )


def _upheld_case_number(world, key, agency) -> str | None:
    """The demo's upheld 复议 case against the agency: the suit follows it (第二十六条)."""
    from fazhi.reconsideration.models import Case, Outcome

    case = (
        Case.objects.filter(
            unit=world.units[f"{key}_justice"],
            outcome=Outcome.UPHELD,
            respondent=world.units[f"{key}_{agency}"],
        )
        .order_by("closed_date")
        .first()
    )
    return case.number if case else None


def build(world: DemoWorld) -> None:
    for district_index, (key, name, code, _, _) in enumerate(DISTRICTS):
        for index, suit in enumerate(SUITS):
            # 案号 serials differ between districts: the city's court numbers all appeals.
            _add_suit(world, key, name, code, 100 * (district_index + 1) + index + 1, suit)
