"""The returns' long work, run by the worker (fazhi/core/jobs): 取数 and 汇总 — a return counted
again from the records and, for a consolidated return, summed again from its child areas'
submitted returns — is a job whose page shows the result or why it was refused; so is the
return's PDF (made by LibreOffice, seconds to minutes), offered by the job's page when ready."""

import functools

from fazhi.core.jobs import jobs
from fazhi.core.jobs.jobs import Outcome, pdf_outcome, work
from fazhi.core.jobs.models import Job

from . import document, services


def start_refresh(*, actor, statreturn) -> Job:
    """The job of refreshing `statreturn` (the form's token goes with its creation)."""
    noun = "汇总下级报表并重新取数" if statreturn.consolidated else "按记录重新取数"
    return jobs.start_work(
        actor=actor,
        kind=Job.Kind.CONSOLIDATE,
        title=f"{noun}：{statreturn}"[:200],
        run=functools.partial(refresh, statreturn=statreturn),
        done=statreturn.get_absolute_url(),
    )


@work
def refresh(*, actor, progress, statreturn) -> Outcome:
    progress(0, 1)
    services.refresh_return(actor=actor, statreturn=statreturn)
    progress(1, 1)
    if statreturn.consolidated:
        return Outcome("已汇总下级报表并按记录重新取数", url=statreturn.get_absolute_url())
    return Outcome("已按记录重新取数", url=statreturn.get_absolute_url())


def start_pdf(*, actor, statreturn) -> Job:
    """The job of making `statreturn`'s PDF in its table's layout."""
    return jobs.start_work(
        actor=actor,
        kind=Job.Kind.PDF,
        title=f"生成PDF：{statreturn}"[:200],
        run=functools.partial(return_pdf, statreturn=statreturn),
        done=statreturn.get_absolute_url(),
    )


@work
def return_pdf(*, actor, progress, statreturn) -> Outcome:
    name = f"{statreturn.area.name}{statreturn.period_label}{statreturn.template.name}"
    return pdf_outcome(
        lambda: document.pdf_bytes(statreturn),
        progress=progress,
        message=f"已生成{name}的PDF",
        filename=f"{name}.pdf",
        url=statreturn.get_absolute_url(),
    )
