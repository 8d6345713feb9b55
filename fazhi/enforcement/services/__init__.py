"""Every state change of the 行政执法监督 records: one audited, atomic function per step, in a
module per sub-domain. The services are re-exported here for other apps and the tests; inside
enforcement import from the sub-module."""

from .actions import (
    decide_action,
    import_actions,
    record_decision_extension,
    record_decision_served,
    record_hearing_informed,
    record_hearing_notice,
    record_hearing_request,
    record_legal_review,
    record_publicity,
    record_publicity_withdrawn,
    record_recording,
    record_revocation,
    register_action,
)
from .agencies import add_major_decision_item, import_officers, register_agency, register_officer
from .certificates import (
    apply_certificate,
    issue_certificate,
    record_annual_review,
    record_exam,
    record_training,
    suspend_certificate,
    withdraw_certificate,
)
from .enterprise_inspections import cancel_inspection, record_inspection_result, report_inspection
from .penalty_lists import add_list_item, create_penalty_list, import_list_items, publish_list
from .reviews import (
    add_case_file,
    close_campaign,
    create_campaign,
    score_case_file,
    select_case_files,
)
from .supervision import close_notice, create_supervision, issue_notice, respond_notice

__all__ = [
    "decide_action",
    "import_actions",
    "record_decision_extension",
    "record_decision_served",
    "record_hearing_informed",
    "record_hearing_notice",
    "record_hearing_request",
    "record_legal_review",
    "record_publicity_withdrawn",
    "record_revocation",
    "record_publicity",
    "record_recording",
    "register_action",
    "add_major_decision_item",
    "import_officers",
    "register_agency",
    "register_officer",
    "apply_certificate",
    "issue_certificate",
    "record_annual_review",
    "record_exam",
    "record_training",
    "suspend_certificate",
    "withdraw_certificate",
    "cancel_inspection",
    "record_inspection_result",
    "report_inspection",
    "add_list_item",
    "create_penalty_list",
    "import_list_items",
    "publish_list",
    "add_case_file",
    "close_campaign",
    "create_campaign",
    "score_case_file",
    "select_case_files",
    "close_notice",
    "create_supervision",
    "issue_notice",
    "respond_notice",
]
