"""Every state change of the 人民调解 records: one audited, atomic function per step, by
sub-domain (committees, disputes, screenings, platform, periods). Articles without a
statute's name are of the 人民调解法 (2010)."""

from .committees import (
    ADULT_AGE,
    MAX_MEMBERS,
    MIN_MEMBERS,
    TERM_YEARS,
    add_seat,
    composition_problems,
    dismiss_mediator,
    dissolve_committee,
    record_filing,
    register_committee,
    register_mediator,
)
from .disputes import (
    NUMBER_PATTERN,
    add_party,
    anonymise,
    apply_confirmation,
    end_mediation,
    extend_period,
    publish_typical_case,
    record_agreement,
    record_case_view,
    record_court_decision,
    record_follow_up,
    record_return,
    record_session,
    register_dispute,
)
from .periods import fill_open_periods
from .petitions import (
    extend_petition_handling,
    record_petition_notice,
    record_petition_routing,
    record_review_opinion,
    request_petition_review,
)
from .platform import import_platform_cases
from .screenings import file_nil_report, record_screening, settle_finding

__all__ = [
    "ADULT_AGE",
    "MAX_MEMBERS",
    "MIN_MEMBERS",
    "NUMBER_PATTERN",
    "TERM_YEARS",
    "add_party",
    "add_seat",
    "anonymise",
    "apply_confirmation",
    "composition_problems",
    "dismiss_mediator",
    "dissolve_committee",
    "end_mediation",
    "extend_period",
    "file_nil_report",
    "fill_open_periods",
    "import_platform_cases",
    "record_review_opinion",
    "request_petition_review",
    "record_petition_routing",
    "record_petition_notice",
    "extend_petition_handling",
    "publish_typical_case",
    "record_agreement",
    "record_case_view",
    "record_court_decision",
    "record_filing",
    "record_follow_up",
    "record_return",
    "record_screening",
    "record_session",
    "register_committee",
    "register_dispute",
    "register_mediator",
    "settle_finding",
]
