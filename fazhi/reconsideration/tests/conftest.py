import datetime

import pytest

from fazhi.reconsideration import services
from fazhi.reconsideration.models import ActKind, Channel, Procedure

D = datetime.date
RECEIVED = D(2024, 9, 27)
ACCEPTED = D(2024, 8, 2)
ALL_CONDITIONS = {key: True for key, _ in services.ACCEPTANCE_CONDITIONS}


@pytest.fixture
def officer(demo):
    return demo.users["donghu_officer"]


@pytest.fixture
def leader(demo):
    return demo.users["donghu_leader"]


@pytest.fixture
def register(demo, officer):
    """Register a case at 东湖区司法局 received on `received` (other fields overridable)."""

    def make(received=RECEIVED, **overrides):
        fields = {
            "unit": demo.units["donghu_justice"],
            "channel": Channel.IN_PERSON,
            "received_date": received,
            "request": "请求撤销罚款决定",
            "respondent": demo.units["donghu_enf0"],
            "act_kind": ActKind.PENALTY,
            "act_date": received - datetime.timedelta(days=20),
            "act_known_date": received - datetime.timedelta(days=10),
            "applicants": [
                {"kind": "person", "name": "测试申请人", "id_number": "11010519491231002X"}
            ],
        }
        fields.update(overrides)
        return services.register_case(actor=officer, **fields)

    return make


@pytest.fixture
def accepted(register, officer):
    """A case accepted on `accepted_on` (received the same day) under `procedure`."""

    def make(accepted_on=ACCEPTED, procedure=Procedure.ORDINARY, **overrides):
        case = register(received=accepted_on, **overrides)
        return services.accept(
            actor=officer,
            case=case,
            date=accepted_on,
            conditions=ALL_CONDITIONS,
            procedure=procedure,
            simple_by_consent=procedure == Procedure.SIMPLE,
        )

    return make


@pytest.fixture
def issue_decision(leader, officer):
    """呈批 of the case's 决定书: approved by the 负责人 and issued on `date`."""

    def issue(case, date, **written):
        decision = case.documents.get(kind="decision")
        if written:
            decision = services.write_document(actor=officer, document=decision, **written)
        decision = services.approve_document(actor=leader, document=decision)
        return services.issue_document(actor=officer, document=decision, date=date)

    return issue


# What the hearing step's form asks for (第五十条第三款、第五十一条第一款).
HEARING = {
    "time": datetime.time(9, 30),
    "place": "东湖区司法局听证室",
    "matters": "被申请人作出处罚决定的事实和依据",
    "host": "王主持",
    "hearing_officers": "李听证、赵听证",
    "recorder": "孙记录",
}
