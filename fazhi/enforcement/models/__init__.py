"""行政执法监督 records: enforcement agencies and their officers with certificates (执法证),
enforcement actions under the 三项制度, the 免罚轻罚清单, 入企执法报备, 案卷评查 campaigns,
监督检查 and the rectification notices both of them issue.

Every record's `unit` is the unit that keeps it: an agency keeps its officers, actions and
inspection reports; the supervising 司法局 keeps its review campaigns, supervision
inspections and notices (with the agency concerned named beside it).
"""

from .actions import ActionKind, ActionStatus, EnforcementAction, PenaltyOutcome
from .agencies import Agency, MajorDecisionItem, MajorGround, Officer
from .certificates import (
    Certificate,
    CertificateCheck,
    CertificateStatus,
    CheckKind,
    TrainingRecord,
)
from .enterprise_inspections import EnterpriseInspection, InspectionStatus
from .penalty_lists import (
    NO_PENALTY_BASES,
    ListBasis,
    ListCategory,
    ListStatus,
    PenaltyList,
    PenaltyListItem,
)
from .reviews import CampaignStatus, CaseFile, ReviewCampaign, Score, ScoreItem
from .supervision import (
    NoticeDocument,
    NoticeService,
    NoticeStatus,
    RectificationNotice,
    SupervisionInspection,
    SupervisionKind,
)

__all__ = [
    "ActionKind",
    "ActionStatus",
    "EnforcementAction",
    "PenaltyOutcome",
    "Agency",
    "MajorDecisionItem",
    "MajorGround",
    "Officer",
    "Certificate",
    "CertificateCheck",
    "CertificateStatus",
    "CheckKind",
    "TrainingRecord",
    "EnterpriseInspection",
    "InspectionStatus",
    "NO_PENALTY_BASES",
    "ListBasis",
    "ListCategory",
    "ListStatus",
    "PenaltyList",
    "PenaltyListItem",
    "CampaignStatus",
    "CaseFile",
    "ReviewCampaign",
    "Score",
    "ScoreItem",
    "NoticeDocument",
    "NoticeService",
    "NoticeStatus",
    "RectificationNotice",
    "SupervisionInspection",
    "SupervisionKind",
]
