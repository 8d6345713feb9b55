"""Helpers of the 法律援助 tests: the demo's 东湖区 agency and its staff, and factories."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from fazhi.legal_aid import services
from fazhi.legal_aid.demo import id_number
from fazhi.legal_aid.models import CaseType, EconomicCheck, Matter, NotifyingOrgan, ProviderKind

D = datetime.date
START = D(2025, 9, 28)


@pytest.fixture
def aid(demo):
    unit = demo.units["donghu_justice"]
    officer = demo.users["donghu_aid_officer"]
    reviewer = demo.users["donghu_aid_reviewer"]
    serial = iter(range(100, 200))

    def apply(received=START, **fields):
        values = {
            "applicant_name": "测试申请人",
            "applicant_id_number": id_number("donghu", next(serial)),
            "case_type": CaseType.CIVIL,
            "matter": Matter.LABOUR,
            "summary": "拖欠劳动报酬",
            "economic_check": EconomicCheck.PLEDGE,
            "economic_evidence": "诚信承诺：无固定收入",
            "received_date": received,
            **fields,
        }
        return services.register_application(actor=officer, unit=unit, **values)

    def notice(received=START, **fields):
        values = {
            "notifying_organ": NotifyingOrgan.COURT,
            "case_organ": "东湖区人民法院",
            "notice_date": received,
            "received_date": received,
            "applicant_name": "测试被告人",
            "applicant_id_number": id_number("donghu", next(serial)),
            "matter": Matter.NOTIFIED_DEFENCE,
            "summary": "没有委托辩护人",
            "criminal_charge": "抢劫罪",
            **fields,
        }
        return services.register_notice(actor=officer, unit=unit, **values)

    def provider(years, kind=ProviderKind.LAWYER, on=START, **fields):
        return services.register_provider(
            actor=officer,
            unit=unit,
            name=fields.pop("name", f"执业{years}年律师"),
            kind=kind,
            firm="测试律师事务所",
            practice_since=on.replace(year=on.year - years),
            **fields,
        )

    def standard(case_type=CaseType.CIVIL, requires_grade=True, percent=50):
        return services.add_standard(
            actor=reviewer,
            unit=unit,
            version="测试标准",
            effective_from=D(2025, 1, 2),
            case_type=case_type,
            base_amount=Decimal(1000),
            performance_amount=Decimal(400),
            requires_grade=requires_grade,
            termination_percent=percent,
        )

    return SimpleNamespace(
        unit=unit,
        officer=officer,
        reviewer=reviewer,
        lawyer=demo.users["donghu_aid_lawyer"],
        apply=apply,
        notice=notice,
        provider=provider,
        standard=standard,
    )
