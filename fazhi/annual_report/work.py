"""The report's long work, run by the worker (fazhi/core/jobs): its PDF, made by LibreOffice
(seconds to minutes), is a job whose page offers the file when it is ready."""

from fazhi.core.jobs.jobs import Outcome, pdf_outcome, work

from . import document, pdf, selectors


@work
def report_pdf(*, actor, progress, report) -> Outcome:
    """The report's PDF as the user sees it (its parts scoped to `actor`)."""
    return pdf_outcome(
        lambda: pdf.pdf_bytes(document.docx_bytes(report, selectors.parts(actor, report))),
        progress=progress,
        message=f"已生成《{report.title}》的PDF",
        filename=f"{report.title}.pdf",
        url=report.get_absolute_url(),
    )
