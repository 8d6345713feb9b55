"""PDF of the report: the platform's one PDF engine (`fazhi.core.pdf`), named here as before."""

from fazhi.core.pdf import (  # noqa: F401
    FREE_FONTS,
    PACKAGES,
    TIMEOUT,
    ExportError,
    missing_fonts,
    pdf_bytes,
)
