"""Every read of the 行政执法监督 records, already scoped to what the user may see, in a module
per sub-domain. Re-exported here: the reads the tests use; inside enforcement import from the
sub-module."""

from .agencies import staff_ratio
from .enterprise_inspections import repeated_inspections, search_enterprise_inspections
from .reviews import selectable_actions
from .supervision import notices

__all__ = [
    "staff_ratio",
    "repeated_inspections",
    "search_enterprise_inspections",
    "selectable_actions",
    "notices",
]
