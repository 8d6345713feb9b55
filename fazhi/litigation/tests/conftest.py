"""A small unit tree of its own for the rule, service and indicator tests (the page tests use
the full demo): one district with an agency and its officer, and a neighbouring district."""

import datetime
from types import SimpleNamespace

import pytest

from fazhi.core import services as core_services
from fazhi.core.demo import make_admin
from fazhi.core.models import Unit
from fazhi.core.roles import Role
from fazhi.litigation import services

K = Unit.Kind


@pytest.fixture
def world(db):
    admin = make_admin()

    def unit(name, kind, parent, code=""):
        return core_services.create_unit(
            actor=admin, name=name, kind=kind, parent=parent, division_code=code
        )

    def user(username, unit, role):
        return core_services.create_user(
            actor=admin,
            username=username,
            full_name=username,
            password="Test#Pass2026",
            unit=unit,
            must_change_password=False,
            role=role,
        )

    province = unit("测试省", K.PROVINCE, None, "370000")
    city = unit("测试市", K.CITY, province, "370200")
    district = unit("测试区", K.DISTRICT, city, "370202")
    agency = unit("测试区市场监督管理局", K.ENFORCEMENT, district)
    justice = unit("测试区司法局", K.JUSTICE_BUREAU, district)
    neighbour = unit("邻区", K.DISTRICT, city, "370203")
    neighbour_agency = unit("邻区市场监督管理局", K.ENFORCEMENT, neighbour)
    return SimpleNamespace(
        admin=admin,
        district=district,
        agency=agency,
        neighbour=neighbour,
        neighbour_agency=neighbour_agency,
        officer=user("officer", agency, Role.OFFICER),
        inspector=user("inspector", justice, Role.INSPECTOR),
        neighbour_officer=user("neighbour_officer", neighbour_agency, Role.OFFICER),
    )


@pytest.fixture
def sue(world):
    """Register a first-instance suit against the agency, as its officer."""

    def register(number=1, *, filed=datetime.date(2025, 3, 3), **overrides):
        arguments = {
            "actor": world.officer,
            "unit": world.agency,
            "case_number": f"（{filed.year}）鲁0202行初{number}号",
            "court": "测试区人民法院",
            "plaintiff": f"原告{number}",
            "contested_act": "行政处罚决定",
            "trial_level": "first",
            "filed_date": filed,
            "served_date": filed + datetime.timedelta(days=2),
        }
        return services.register_lawsuit(**(arguments | overrides))

    return register
