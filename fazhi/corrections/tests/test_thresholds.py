"""Leave and sanction thresholds (社区矫正法 第二十七、二十八、四十六、四十九条; the 实施办法's
figures as settings, docs/rules.md), from the text, with fixed dates around 国庆 2025 and
春节 2026."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.corrections import services
from fazhi.corrections.models import Leave, LeaveApprover, Sanction, SanctionBasis, SanctionKind
from fazhi.corrections.tests import helpers

D = datetime.date


def _receive(demo, number, category="probation"):
    return helpers.receive(demo, number, category=category)


@pytest.fixture
def subject(demo):
    return _receive(demo, "JZ-T-1")


def _leave(demo, subject, start, end, level):
    return services.approve_leave(
        actor=demo.users["donghu_corrections"],
        subject=subject,
        start=start,
        end=end,
        destination="示范省省会",
        reason="探望病重的母亲",
        approved_by="李所长" if level == LeaveApprover.STATION else "王局长",
        approver_level=level,
    )


def test_a_station_approves_seven_days_the_county_beyond(demo, subject):
    # 国庆 2025-10-01 … 10-07: seven days counting both ends, within the 司法所's reach.
    assert _leave(demo, subject, D(2025, 10, 1), D(2025, 10, 7), LeaveApprover.STATION)
    with pytest.raises(ValidationError, match="外出8日：超过7日的，应由县级社区矫正机构批准"):
        _leave(demo, subject, D(2025, 10, 1), D(2025, 10, 8), LeaveApprover.STATION)
    assert _leave(demo, subject, D(2025, 10, 1), D(2025, 10, 8), LeaveApprover.COUNTY)
    assert Leave.objects.filter(subject=subject).count() == 2


def test_one_leave_at_most_thirty_days(demo, subject, settings):
    # Over 春节 2026 (02-17): 01-20 … 02-18 is 30 days; one more is refused.
    assert _leave(demo, subject, D(2026, 1, 20), D(2026, 2, 18), LeaveApprover.COUNTY)
    with pytest.raises(ValidationError, match="外出31日：每次外出不得超过30日"):
        _leave(demo, subject, D(2026, 1, 20), D(2026, 2, 19), LeaveApprover.COUNTY)
    settings.FAZHI_CORRECTIONS_LEAVE_MAX_DAYS = 31  # a setting: the reading of docs/rules.md
    assert _leave(demo, subject, D(2026, 1, 20), D(2026, 2, 19), LeaveApprover.COUNTY)


def _sanction(demo, subject, kind, day, basis="", days=None):
    return services.record_sanction(
        actor=demo.users["donghu_corrections"],
        subject=subject,
        kind=kind,
        date=day,
        ground="未按规定时间报告",
        basis=basis,
        days=days,
    )


def test_late_or_lost_ten_days_is_admonition_beyond_it_warning(demo, subject):
    late = SanctionBasis.LATE_OR_LOST
    assert _sanction(demo, subject, SanctionKind.ADMONITION, D(2025, 10, 9), late, 10)
    with pytest.raises(ValidationError, match="逾期或脱管11日，超过10日的应给予警告"):
        _sanction(demo, subject, SanctionKind.ADMONITION, D(2025, 10, 9), late, 11)
    with pytest.raises(ValidationError, match="逾期或脱管10日，10日以内的给予训诫"):
        _sanction(demo, subject, SanctionKind.WARNING, D(2025, 10, 9), late, 10)
    assert _sanction(demo, subject, SanctionKind.WARNING, D(2025, 10, 9), late, 11)
    with pytest.raises(ValidationError, match="请填写逾期或脱管的天数"):
        _sanction(demo, subject, SanctionKind.WARNING, D(2025, 10, 9), late)


def test_lost_beyond_a_month_or_two_warnings_lead_to_a_revocation_proposal(demo, subject):
    revoke = SanctionKind.REVOCATION
    with pytest.raises(ValidationError, match="脱管30日：脱管超过30日（一个月）的，方可据此"):
        _sanction(demo, subject, revoke, D(2026, 2, 20), SanctionBasis.LATE_OR_LOST, 30)
    assert _sanction(demo, subject, revoke, D(2026, 2, 20), SanctionBasis.LATE_OR_LOST, 31)
    warned = SanctionBasis.REPEATED_WARNINGS
    _sanction(demo, subject, SanctionKind.WARNING, D(2025, 10, 9))
    with pytest.raises(ValidationError, match="已受警告1次：受到警告2次仍不改正的，方可据此"):
        _sanction(demo, subject, revoke, D(2026, 2, 20), warned)
    _sanction(demo, subject, SanctionKind.WARNING, D(2026, 2, 20))
    # A warning after the proposal's date does not count towards it.
    with pytest.raises(ValidationError, match="已受警告1次"):
        _sanction(demo, subject, revoke, D(2026, 2, 19), warned)
    assert _sanction(demo, subject, revoke, D(2026, 2, 20), warned).basis == warned


def test_two_admonitions_lead_to_a_warning(demo, subject):
    again = SanctionBasis.REPEATED_ADMONITIONS
    _sanction(demo, subject, SanctionKind.ADMONITION, D(2025, 9, 30))
    with pytest.raises(ValidationError, match="已受训诫1次：受到训诫2次仍不改正的"):
        _sanction(demo, subject, SanctionKind.WARNING, D(2025, 10, 8), again)
    _sanction(demo, subject, SanctionKind.ADMONITION, D(2025, 10, 8))
    assert _sanction(demo, subject, SanctionKind.WARNING, D(2025, 10, 8), again)
    with pytest.raises(ValidationError, match="不是提请撤销缓刑、假释的情形"):
        _sanction(demo, subject, SanctionKind.REVOCATION, D(2025, 10, 8), again)


def test_a_proposal_fits_the_category_of_sentence(demo):
    # 第四十六条: 撤销 is of 缓刑、假释; 第四十九条: 收监 is of 暂予监外执行; 管制 has neither.
    control = _receive(demo, "JZ-T-2", category="control")
    medical = _receive(demo, "JZ-T-3", category="medical_parole")
    before = Sanction.objects.count()
    with pytest.raises(ValidationError, match="只适用于缓刑、假释.*第四十六条.*该对象为管制"):
        _sanction(demo, control, SanctionKind.REVOCATION, D(2026, 3, 2))
    with pytest.raises(ValidationError, match="只适用于暂予监外执行.*第四十九条"):
        _sanction(demo, control, SanctionKind.RECOMMITMENT, D(2026, 3, 2))
    with pytest.raises(ValidationError, match="第四十六条"):
        _sanction(demo, medical, SanctionKind.REVOCATION, D(2026, 3, 2))
    assert Sanction.objects.count() == before
    assert _sanction(demo, medical, SanctionKind.RECOMMITMENT, D(2026, 3, 2))
