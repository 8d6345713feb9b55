"""The 行政应诉 services: one audited step each, bad input refused in Chinese, nothing
half-written, and only for users who may handle the suit."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.core.models import DomainEvent
from fazhi.litigation import services
from fazhi.litigation.models import JudicialSuggestion, Lawsuit
from fazhi.litigation.workflow import LAWSUIT_FLOW

D = datetime.date
HEAD = {
    "attendance": "head",
    "head_name": "钱立新",
    "head_post": "局长",
    "head_post_kind": "principal",
    "head_id_proof": True,
}


def _on(lawsuit):
    """The domain events recorded on the suit (the session's demo has events of its own)."""
    return DomainEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(Lawsuit), target_id=str(lawsuit.pk)
    )


def _events(lawsuit):
    """The actions recorded on the suit, oldest first."""
    return list(_on(lawsuit).order_by("pk").values_list("action", flat=True))


def test_registering_computes_the_answer_due_and_is_audited(world, sue):
    lawsuit = sue(served_date=D(2024, 9, 21), filed=D(2024, 9, 18))
    assert lawsuit.answer_due == D(2024, 10, 8)  # 行政诉讼法 第六十七条, rolled past 国庆
    assert (lawsuit.handler, lawsuit.created_by, lawsuit.status) == (
        world.officer,
        world.officer,
        "pending",
    )
    entry = LogEntry.objects.get_for_object(lawsuit).get()
    assert entry.actor == world.officer and entry.additional_data == {"unit_id": world.agency.pk}
    event = _on(lawsuit).get(action="litigation.register")
    assert event.actor == world.officer and event.unit == world.agency
    assert "原告1诉测试区市场监督管理局" in event.summary


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"filed": D(2099, 1, 5)}, "立案日期（2099-01-05）不能晚于今天"),
        ({"served_date": D(2025, 3, 1)}, "收到起诉状副本日期不能早于法院立案日期"),
        ({"trial_level": "second"}, "与所选审级“二审”不符"),
        ({"case_number": "鲁0202行初1号"}, "格式不正确"),
    ],
)
def test_registering_refuses_bad_input(world, sue, overrides, message):
    with pytest.raises(ValidationError, match=message):
        sue(**overrides)
    assert not Lawsuit.objects.filter(unit=world.agency).exists()
    assert not DomainEvent.objects.filter(unit=world.agency, action__startswith="litig").exists()


def test_registering_refuses_a_duplicate_and_an_area_as_defendant(world, sue):
    sue()
    with pytest.raises(ValidationError, match="已登记案号"):
        sue(plaintiff="另一原告")
    with pytest.raises(ValidationError, match="被告应为行政机关"):
        sue(2, actor=world.admin, unit=world.district)


def test_co_defendants_each_register_the_same_case(world, sue):
    # 行政诉讼法 第二十六条第二款: 复议机关决定维持原行政行为的，作出原行政行为的行政机关和复议机关是共同被告.
    sue(defendant_role="with_review_organ", prior_reconsideration_number="测复〔2025〕5号")
    review_organ = world.district.children.get(name="测试区司法局")
    other = sue(actor=world.admin, unit=review_organ, defendant_role="as_review_organ")
    assert Lawsuit.objects.filter(case_number=other.case_number).count() == 2


def test_only_users_who_may_register_for_the_unit_can(world, sue):
    with pytest.raises(PermissionDenied):
        sue(actor=world.neighbour_officer)
    with pytest.raises(PermissionDenied):
        sue(actor=world.inspector)  # 督察员 may view, never register


def test_the_answer_is_recorded_once_and_lateness_noted(world, sue):
    lawsuit = sue()  # served 2025-03-05, due 2025-03-20
    with pytest.raises(ValidationError, match="不能早于收到起诉状副本日期"):
        services.record_answer_filed(
            actor=world.officer, lawsuit=lawsuit, answer_filed_date=D(2025, 3, 4)
        )
    services.record_answer_filed(
        actor=world.officer, lawsuit=lawsuit, answer_filed_date=D(2025, 3, 21)
    )
    event = _on(lawsuit).get(action="litigation.answer")
    assert event.data == {"late": True} and "已逾期" in event.summary
    with pytest.raises(ValidationError, match="已于2025-03-21登记提交答辩状"):
        services.record_answer_filed(
            actor=world.officer, lawsuit=lawsuit, answer_filed_date=D(2025, 3, 22)
        )


def test_a_qualifying_head_appearance_counts_for_the_level(world, sue):
    lawsuit = sue()
    services.record_hearing(actor=world.officer, lawsuit=lawsuit, date=D(2025, 5, 20), **HEAD)
    services.record_hearing(
        actor=world.officer, lawsuit=lawsuit, date=D(2025, 4, 10), attendance="staff",
        staff_name="严晓冬（科长）", absence_reason="force_majeure", absence_proof=True,
    )  # fmt: skip
    lawsuit.refresh_from_db()
    assert lawsuit.head_appeared and lawsuit.first_hearing_date == D(2025, 4, 10)
    assert _events(lawsuit) == ["litigation.register", "litigation.hearing", "litigation.hearing"]
    assert LogEntry.objects.get_for_objects(lawsuit.hearings.all()).count() == 2


def test_a_head_without_id_proof_is_recorded_but_counted_as_absent(world, sue):
    lawsuit = sue()
    hearing = services.record_hearing(
        actor=world.officer,
        lawsuit=lawsuit,
        date=D(2025, 5, 20),
        **(HEAD | {"head_id_proof": False}),
    )
    lawsuit.refresh_from_db()
    assert hearing.head_name == "钱立新" and not hearing.head_appeared
    assert not lawsuit.head_appeared and lawsuit.first_hearing_date == D(2025, 5, 20)
    assert "视为负责人未出庭" in hearing.issues()[0]
    event = _on(lawsuit).get(action="litigation.hearing")
    assert event.data["issues"] == hearing.issues() and "计入" not in event.summary


def test_a_lawyer_only_appearance_is_non_compliant(world, sue):
    hearing = services.record_hearing(
        actor=world.officer, lawsuit=sue(), date=D(2025, 5, 20), attendance="lawyer_only",
        lawyer="某律师事务所律师",
    )  # fmt: skip
    assert not hearing.head_appeared and "第一百二十八条" in hearing.issues()[0]


def test_a_staff_hearing_keeps_no_head_fields(world, sue):
    hearing = services.record_hearing(
        actor=world.officer,
        lawsuit=sue(),
        date=D(2025, 5, 20),
        **(HEAD | {"attendance": "staff", "staff_name": "严晓冬"}),
    )
    assert (hearing.head_name, hearing.head_post_kind, hearing.head_id_proof) == ("", "", False)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": D(2025, 3, 1)}, "开庭日期（2025-03-01）不能早于立案日期（2025-03-03）"),
        ({"date": D(2099, 3, 1)}, "不能晚于今天"),
        ({"head_post_kind": ""}, "请填写负责人姓名、职务和负责人类别"),
        ({"attendance": "staff"}, "请填写出庭的工作人员"),
        ({"attendance": "lawyer_only"}, "请填写出庭的律师"),
        ({"attendance": "maybe"}, "不是有效选项"),
    ],
)
def test_bad_hearings_are_refused_and_leave_nothing(world, sue, fields, message):
    lawsuit = sue()
    arguments = HEAD | {"date": D(2025, 5, 20)} | fields
    with pytest.raises(ValidationError, match=message):
        services.record_hearing(actor=world.officer, lawsuit=lawsuit, **arguments)
    lawsuit.refresh_from_db()
    assert not lawsuit.hearings.exists() and lawsuit.first_hearing_date is None
    assert _events(lawsuit) == ["litigation.register"]


@pytest.mark.parametrize(
    ("judgment_type", "lost"),
    [("revoke_remake", True), ("confirm_illegal", True), ("reject_claim", False),
     ("dismiss_suit", False)],
)  # fmt: skip
def test_a_judgment_concludes_the_suit_and_sets_the_loss(world, sue, judgment_type, lost):
    lawsuit = services.record_judgment(
        actor=world.officer,
        lawsuit=sue(),
        judgment_type=judgment_type,
        concluded_date=D(2025, 6, 30),
    )
    lawsuit.refresh_from_db()
    assert (lawsuit.status, lawsuit.lost, lawsuit.concluded_date) == (
        "concluded",
        lost,
        D(2025, 6, 30),
    )
    event = _on(lawsuit).get(action="litigation.judgment")
    assert event.data == {"judgment_type": judgment_type, "lost": lost}
    assert ("（败诉）" in event.summary) is lost


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"concluded_date": D(2025, 2, 1)}, "裁判日期（2025-02-01）不能早于立案日期"),
        ({"concluded_date": D(2099, 2, 1)}, "不能晚于今天"),
        ({"judgment_type": "withdrawn"}, "请通过“登记撤诉”办理"),
        ({"judgment_type": "acquitted"}, "请选择有效的裁判结果"),
    ],
)
def test_bad_judgments_are_refused(world, sue, fields, message):
    lawsuit = sue()
    arguments = {"judgment_type": "revoke", "concluded_date": D(2025, 6, 30)} | fields
    with pytest.raises(ValidationError, match=message):
        services.record_judgment(actor=world.officer, lawsuit=lawsuit, **arguments)
    lawsuit.refresh_from_db()
    assert lawsuit.status == "pending" and not lawsuit.lost


def test_a_concluded_suit_takes_no_second_judgment_and_no_later_hearing(world, sue):
    lawsuit = services.record_judgment(
        actor=world.officer, lawsuit=sue(), judgment_type="revoke", concluded_date=D(2025, 6, 30)
    )
    with pytest.raises(ValidationError, match="案件已审结"):
        services.record_judgment(
            actor=world.officer,
            lawsuit=lawsuit,
            judgment_type="reject_claim",
            concluded_date=D(2025, 7, 1),
        )
    with pytest.raises(ValidationError, match="开庭日期不能晚于结案日期（2025-06-30）"):
        services.record_hearing(actor=world.officer, lawsuit=lawsuit, date=D(2025, 7, 2), **HEAD)
    # A hearing before the judgment can still be entered afterwards.
    services.record_hearing(actor=world.officer, lawsuit=lawsuit, date=D(2025, 6, 2), **HEAD)


def test_a_withdrawal_is_neither_won_nor_lost(world, sue):
    lawsuit = sue()
    with pytest.raises(ValidationError, match="请填写撤诉的原因"):
        services.record_withdrawal(
            actor=world.officer, lawsuit=lawsuit, withdrawal_date=D(2025, 5, 5), reason=" "
        )
    services.record_withdrawal(
        actor=world.officer,
        lawsuit=lawsuit,
        withdrawal_date=D(2025, 5, 5),
        reason="被告改变被诉行政行为，原告申请撤诉",
    )
    lawsuit.refresh_from_db()
    assert (lawsuit.status, lawsuit.judgment_type, lawsuit.lost) == (
        "withdrawn",
        "withdrawn",
        False,
    )
    assert _on(lawsuit).get(action="litigation.withdrawal").reason.startswith("被告改变")


def test_a_judicial_suggestion_is_recorded_even_after_the_judgment(world, sue):
    lawsuit = services.record_judgment(
        actor=world.officer, lawsuit=sue(), judgment_type="revoke", concluded_date=D(2025, 6, 30)
    )
    suggestion = services.record_judicial_suggestion(
        actor=world.officer,
        lawsuit=lawsuit,
        received_date=D(2025, 7, 10),
        ground="nobody_appeared",
        content="建议规范出庭应诉工作。",
    )
    assert suggestion.court == "测试区人民法院"  # the court of the suit unless another is named
    assert LogEntry.objects.get_for_object(suggestion).exists()
    assert "litigation.judicial_suggestion" in _events(lawsuit)
    with pytest.raises(ValidationError, match="收到司法建议日期（2025-01-01）不能早于立案日期"):
        services.record_judicial_suggestion(
            actor=world.officer,
            lawsuit=lawsuit,
            received_date=D(2025, 1, 1),
            ground="other",
            content="x",
        )
    assert JudicialSuggestion.objects.filter(lawsuit=lawsuit).count() == 1


@pytest.mark.parametrize("who", ["inspector", "neighbour_officer"])
def test_only_those_who_may_handle_the_suit_record_its_steps(world, sue, who):
    lawsuit = sue()
    actor = getattr(world, who)
    steps = [
        (services.record_answer_filed, {"answer_filed_date": D(2025, 3, 10)}),
        (services.record_hearing, HEAD | {"date": D(2025, 5, 20)}),
        (services.record_judgment, {"judgment_type": "revoke", "concluded_date": D(2025, 6, 1)}),
        (services.record_withdrawal, {"withdrawal_date": D(2025, 6, 1), "reason": "撤诉"}),
        (
            services.record_judicial_suggestion,
            {"received_date": D(2025, 6, 1), "ground": "other", "content": "x"},
        ),
    ]
    for step, arguments in steps:
        with pytest.raises(PermissionDenied):
            step(actor=actor, lawsuit=lawsuit, **arguments)
    assert _events(lawsuit) == ["litigation.register"]


def test_the_suit_table_offers_the_steps_of_its_status(world, sue):
    def steps(lawsuit):
        return [t.action for t in LAWSUIT_FLOW.available(lawsuit, world.officer)]

    lawsuit = sue()
    assert steps(lawsuit) == [
        "record_answer_filed",
        "record_hearing",
        "record_judgment",
        "record_withdrawal",
        "record_judicial_suggestion",
    ]
    services.record_answer_filed(
        actor=world.officer, lawsuit=lawsuit, answer_filed_date=D(2025, 3, 20)
    )
    assert "record_answer_filed" not in steps(lawsuit)
    services.record_judgment(
        actor=world.officer, lawsuit=lawsuit, judgment_type="revoke", concluded_date=D(2025, 6, 30)
    )
    # A hearing before the judgment may still be recorded, but the page offers only the
    # judgment's service (the appeal clock, 行政诉讼法 第八十五条) and 司法建议.
    assert steps(lawsuit) == ["record_judgment_served", "record_judicial_suggestion"]
    assert LAWSUIT_FLOW.check(lawsuit, "record_hearing", actor=world.officer).target is None
    with pytest.raises(ValidationError, match="案件已审结，不能再办理此事项"):
        services.record_withdrawal(
            actor=world.officer, lawsuit=lawsuit, withdrawal_date=D(2025, 7, 1), reason="撤诉"
        )
