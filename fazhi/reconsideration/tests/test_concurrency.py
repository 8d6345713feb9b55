"""Two users taking a step on one case at the same moment (issue 14, item 1): the kit's
workflow check locks the case and reads it again, so that the second is refused with a clear
message instead of a second decision, and two different steps never deadlock.

Each user runs in a thread of their own with a database connection of their own, as two
requests would, on committed data (PostgreSQL: row locks; SQLite: one writer at a time).
"""

import datetime
import threading

import pytest
from django.db import connection

from fazhi.core.workflow import StepRefused
from fazhi.reconsideration import services
from fazhi.reconsideration.models import ActKind, Case, Channel, State, Step

from .conftest import ALL_CONDITIONS

D = datetime.date


def race(*calls):
    """Run the calls at the same moment, each in its thread and connection; their results
    or exceptions, in order."""
    start = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            # Each reads the case before either writes, as two pages opened side by side.
            case = Case.objects.get(pk=call.case_pk)
            start.wait()
            outcomes[index] = call(case)
        except Exception as error:  # collected and asserted by the test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


class Call:
    def __init__(self, case_pk, function):
        self.case_pk, self.function = case_pk, function

    def __call__(self, case):
        return self.function(case)


def accepted_case(world) -> Case:
    officer = world.users["donghu_officer"]
    received = D(2024, 7, 1)
    case = services.register_case(
        actor=officer,
        unit=world.units["donghu_justice"],
        channel=Channel.IN_PERSON,
        received_date=received,
        request="请求撤销罚款决定",
        respondent=world.units["donghu_enf0"],
        act_kind=ActKind.PENALTY,
        act_date=received - datetime.timedelta(days=20),
        act_known_date=received - datetime.timedelta(days=10),
        applicants=[{"kind": "person", "name": "并发申请人", "id_number": "11010519491231002X"}],
    )
    return services.accept(
        actor=officer, case=case, date=received, conditions=ALL_CONDITIONS, procedure="ordinary"
    )


def decide(leader, reasons):
    def run(case):
        return services.decide(
            actor=leader,
            case=case,
            date=D(2024, 8, 10),
            outcome="upheld",
            reasons=reasons,
            approval="delegated",
            approval_basis="东湖区人民政府委托",
        )

    return run


@pytest.mark.django_db(transaction=True)
def test_two_leaders_deciding_one_case_at_once_make_one_decision(committed_demo):
    world = committed_demo
    officer, leader = world.users["donghu_officer"], world.users["donghu_leader"]
    case = accepted_case(world)
    case = services.hear_views(actor=officer, case=case, date=D(2024, 7, 20), summary="听取意见")

    outcomes = race(
        Call(case.pk, decide(leader, "甲的理由")), Call(case.pk, decide(leader, "乙的理由"))
    )

    decided = [o for o in outcomes if isinstance(o, Case)]
    refused = [o for o in outcomes if isinstance(o, StepRefused)]
    assert len(decided) == 1 and len(refused) == 1, outcomes
    assert "刚刚已由他人办理" in refused[0].messages[0]
    assert "作出行政复议决定" in refused[0].messages[0]
    case.refresh_from_db()
    assert case.state == State.AWAITING_SERVICE
    assert case.outcome_reasons == decided[0].outcome_reasons
    assert Step.objects.filter(case=case, action="decide").count() == 1
    assert case.documents.filter(kind="decision").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_different_steps_on_one_case_at_once_both_succeed(committed_demo):
    """send_copy (issues a numbered 文书 first) and hear_views (writes the case first) took
    their locks in opposite orders and deadlocked on PostgreSQL."""
    world = committed_demo
    officer = world.users["donghu_officer"]
    case = accepted_case(world)

    def send_copy(case):
        return services.send_copy(actor=officer, case=case, date=D(2024, 7, 2))

    def hear_views(case):
        return services.hear_views(actor=officer, case=case, date=D(2024, 7, 3), summary="意见")

    outcomes = race(Call(case.pk, send_copy), Call(case.pk, hear_views))

    assert all(isinstance(o, Case) for o in outcomes), outcomes
    case.refresh_from_db()
    assert case.copy_sent_date == D(2024, 7, 2) and case.views_heard_date == D(2024, 7, 3)
    assert set(Step.objects.filter(case=case).values_list("action", flat=True)) >= {
        "send_copy",
        "hear_views",
    }
