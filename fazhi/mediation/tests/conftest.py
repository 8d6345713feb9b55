"""A small unit tree of its own for the rule and service tests (the page tests use the demo):
one district with a township (its 司法所's mediator acts on 人民调解), the district's
justice bureau, and a neighbouring district."""

import datetime
from types import SimpleNamespace

import pytest

from fazhi.core import services as core_services
from fazhi.core.demo import make_admin
from fazhi.core.models import Unit
from fazhi.core.roles import Role, WorkLine
from fazhi.mediation import services

K = Unit.Kind
D = datetime.date
BORN = D(1980, 5, 1)
RECEIVED = D(2025, 3, 3)


@pytest.fixture
def world(db):
    admin = make_admin()

    def unit(name, kind, parent, code=""):
        return core_services.create_unit(
            actor=admin, name=name, kind=kind, parent=parent, division_code=code
        )

    def user(username, unit, role, lines=None):
        return core_services.create_user(
            actor=admin,
            username=username,
            full_name=username,
            password="Test#Pass2026",
            unit=unit,
            must_change_password=False,
            role=role,
            work_lines=lines,
        )

    province = unit("测试省", K.PROVINCE, None, "370000")
    city = unit("测试市", K.CITY, province, "370200")
    district = unit("测试区", K.DISTRICT, city, "370202")
    town = unit("测试区湖滨街道", K.TOWNSHIP, district)
    justice = unit("测试区司法局", K.JUSTICE_BUREAU, district)
    office = unit("测试区依法治区办", K.RULE_OF_LAW_OFFICE, district)
    neighbour = unit("邻区", K.DISTRICT, city, "370203")
    neighbour_town = unit("邻区山前街道", K.TOWNSHIP, neighbour)
    return SimpleNamespace(
        admin=admin,
        district=district,
        town=town,
        justice=justice,
        neighbour_town=neighbour_town,
        mediator=user("mediator", town, Role.OFFICER, [WorkLine.MEDIATION]),
        bureau_leader=user("bureau_leader", justice, Role.LEADER),
        inspector=user("inspector", office, Role.INSPECTOR),
        neighbour_mediator=user(
            "neighbour_mediator", neighbour_town, Role.OFFICER, [WorkLine.MEDIATION]
        ),
    )


@pytest.fixture
def person(world):
    """Register a mediator of the township."""

    def make(name, gender="female", *, born=BORN, **extra):
        return services.register_mediator(
            actor=world.mediator,
            unit=world.town,
            name=name,
            gender=gender,
            birth_date=born,
            employment="full_time",
            **extra,
        )

    return make


@pytest.fixture
def committee(world, person):
    """A village committee of four 委员 (one woman) and its 主任."""
    director = person("林主任", "female")
    members = [person("委员甲", "male"), person("委员乙", "male"), person("委员丙", "male")]
    return services.register_committee(
        actor=world.mediator,
        unit=world.town,
        name="湖滨社区人民调解委员会",
        kind="village",
        founder="湖滨社区居民委员会",
        term_start=D(2024, 3, 1),
        director=director,
        members=members,
    )


@pytest.fixture
def dispute(world, committee):
    def make(received=RECEIVED, source="application", **extra):
        arguments = {
            "actor": world.mediator,
            "committee": committee,
            "source": source,
            "kind": "neighbour",
            "summary": "邻居之间因排水沟堵塞发生争执。",
            "received_date": received,
            "mediator": committee.seats.get(post="director").mediator,
            "applicant": "张某某",
            "respondent": "李某某",
        }
        return services.register_dispute(**(arguments | extra))

    return make
