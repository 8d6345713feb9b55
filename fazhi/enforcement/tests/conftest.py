"""A small unit tree of its own for the rule, service and indicator tests (the page tests use
the full demo): a district with two agencies, its 司法局 and a supervisor who sees the district."""

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from fazhi.core import services as core_services
from fazhi.core.demo import make_admin
from fazhi.core.models import Unit
from fazhi.core.roles import DataScope, Role
from fazhi.enforcement import services

K = Unit.Kind
TODAY = datetime.date.today()


def ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def id_number(serial: int) -> str:
    base = f"37040219850101{serial:03d}"
    remainder = (12 - sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(base)) % 11) % 11
    return base + ("X" if remainder == 10 else str(remainder))


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def world(db):
    admin = make_admin()

    def unit(name, kind, parent, code=""):
        return core_services.create_unit(
            actor=admin, name=name, kind=kind, parent=parent, division_code=code
        )

    province = unit("测试省", K.PROVINCE, None, "370000")
    city = unit("测试市", K.CITY, province, "370200")
    district = unit("测试区", K.DISTRICT, city, "370202")
    justice = unit("测试区司法局", K.JUSTICE_BUREAU, district)
    market = unit("测试区市场监督管理局", K.ENFORCEMENT, district)
    transport = unit("测试区交通运输局", K.ENFORCEMENT, district)
    supervisor = core_services.create_user(
        actor=admin,
        username="supervisor",
        full_name="监督员",
        password="Test#Pass2026",
        unit=justice,
        role=Role.OFFICER,
        data_scope=DataScope.SUBTREE,
        must_change_password=False,
    )
    leader = core_services.create_user(
        actor=admin,
        username="bureau_leader",
        full_name="局长",
        password="Test#Pass2026",
        unit=justice,
        role=Role.LEADER,
        data_scope=DataScope.SUBTREE,
        must_change_password=False,
    )
    return SimpleNamespace(
        admin=admin,
        district=district,
        justice=justice,
        market=market,
        transport=transport,
        actor=supervisor,
        leader=leader,
    )


def issue_notice(world, **kwargs):
    """A notice drafted, its 整改通知书 approved by the 负责人 and issued on the draft's day."""
    notice = services.issue_notice(actor=world.actor, **kwargs)
    document = notice.documents.get()
    services.approve_notice_document(actor=world.leader, document=document)
    services.issue_notice_document(actor=world.actor, document=document, date=notice.issued_date)
    notice.refresh_from_db()
    return notice


@pytest.fixture
def certified(world):
    """An officer of an agency with a valid certificate (issued 100 days ago)."""
    serial = iter(range(1, 999))

    def make(unit=None, *, reviewer=False, qualified=None, issued_ago=100):
        actor = world.actor
        officer = services.register_officer(
            actor=actor,
            unit=unit or world.market,
            name=f"执法员{next(serial)}",
            id_number=id_number(next(serial)),
            is_legal_reviewer=reviewer,
            has_legal_qualification=reviewer if qualified is None else qualified,
        )
        certificate = services.apply_certificate(
            actor=actor, officer=officer, applied_date=ago(issued_ago + 30)
        )
        services.record_training(
            actor=actor,
            officer=officer,
            title="资格培训",
            date=ago(issued_ago + 20),
            hours=Decimal(40),
            certificate=certificate,
        )
        services.record_exam(
            actor=actor,
            certificate=certificate,
            exam_date=ago(issued_ago + 10),
            exam_score=Decimal(80),
        )
        services.issue_certificate(
            actor=actor,
            certificate=certificate,
            number=f"NO{officer.pk:05d}",
            issue_date=ago(issued_ago),
            valid_until=ago(issued_ago) + datetime.timedelta(days=1800),
        )
        return officer

    return make
