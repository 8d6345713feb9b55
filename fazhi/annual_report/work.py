"""The report's long work, run by the worker (fazhi/core/jobs): its PDF, made by LibreOffice
(seconds to minutes), is a job whose page offers the file when it is ready."""

from fazhi.core.jobs.jobs import Failed, Outcome, work

from . import document, pdf, selectors


@work
def report_pdf(*, actor, progress, report) -> Outcome:
    """The report's PDF as the user sees it (its parts scoped to `actor`)."""
    progress(0, 1)
    try:
        content = pdf.pdf_bytes(document.docx_bytes(report, selectors.parts(actor, report)))
    except pdf.ExportError as error:
        raise Failed(f"PDF导出失败：{error}") from error
    progress(1, 1)
    return Outcome(
        f"已生成《{report.title}》的PDF",
        content=content,
        filename=f"{report.title}.pdf",
        content_type="application/pdf",
        url=report.get_absolute_url(),
    )
