"""The provincial platform's case export as an import (all rows or none)."""

from django.core.exceptions import ValidationError

from fazhi.core.audit import record_event, service
from fazhi.core.guards import require_line, saved
from fazhi.core.guards import today as guards_today
from fazhi.core.roles import Action

from ..models import (
    REFERRED_SOURCES,
    AgreementForm,
    Committee,
    Dispute,
    EndReason,
    Mediator,
    Status,
)
from ._common import LINE
from .disputes import end_mediation, record_agreement, register_dispute

# — the provincial platform's export —


@service
def import_platform_cases(*, actor, data) -> int:
    """导入省级平台案件 (imports.PROVINCIAL_CASES): all rows or none; a row whose 平台编号 is
    already on file updates that case (its summary, and its result when it moved on)."""
    from fazhi.core.imports import ImportRefused, RowError

    from ..imports import PROVINCIAL_CASES, check_rows

    require_line(actor, LINE)
    rows = PROVINCIAL_CASES.read_rows(data)
    committees = {c.name: c for c in Committee.objects.restrict(actor, Action.CREATE)}
    numbers = [row["platform_number"] for row in rows]
    existing = {d.platform_number: d for d in Dispute.objects.filter(platform_number__in=numbers)}
    mine = set(
        Dispute.objects.restrict(actor, Action.CHANGE)
        .filter(platform_number__in=numbers)
        .values_list("platform_number", flat=True)
    )
    errors, plans = check_rows(rows), []
    today = guards_today()
    for row in rows:
        number = row["row"]
        committee = committees.get(row["committee"])
        if committee is None:
            errors.append(RowError(number, "调解组织", f"未知的调解组织“{row['committee']}”"))
            continue
        mediator = Mediator.objects.filter(seats__committee=committee, name=row["mediator"]).first()
        if mediator is None:
            errors.append(
                RowError(number, "调解员", f"{row['mediator']}不是{committee.name}的调解员")
            )
        if row["source"] in REFERRED_SOURCES and not row["source_reference"]:
            errors.append(RowError(number, "来源文号", "移交、委派、转办的案件请填写来源文号"))
        for key, label in (("received_date", "受理日期"), ("concluded_date", "结案日期")):
            if row[key] and row[key] > today:
                errors.append(RowError(number, label, "不能晚于今天"))
        found = existing.get(row["platform_number"])
        if found is not None and row["platform_number"] not in mine:
            errors.append(RowError(number, "平台编号", "已由其他单位导入"))
        plans.append((row, committee, mediator, found))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda error: error.row))
    for row, committee, mediator, found in plans:
        try:
            _import_case(actor, row, committee, mediator, found)
        except ValidationError as error:
            raise ImportRefused(
                [RowError(row["row"], "全部", "；".join(error.messages))]
            ) from error
    record_event(
        actor=actor,
        action="mediation.import",
        summary=f"导入省级平台调解案件{len(rows)}件",
        target=next(iter(committees.values())),
        unit=next(iter(committees.values())).unit,
    )
    return len(rows)


def _import_case(actor, row, committee, mediator, found) -> None:
    dispute = found
    if dispute is None:
        dispute = register_dispute(
            actor=actor,
            committee=committee,
            source=row["source"],
            source_reference=row["source_reference"] or "",
            kind=row["kind"],
            summary=row["summary"],
            received_date=row["received_date"],
            mediator=mediator,
            applicant=row["applicant"],
            respondent=row["respondent"] or "",
        )
        dispute.platform_number = row["platform_number"]
        saved(dispute)
    elif dispute.summary != row["summary"]:
        dispute.summary = row["summary"]
        saved(dispute)
    if dispute.status != Status.MEDIATING or row["result"] == "mediating":
        return
    if row["result"] == "agreed":
        form = row["form"] or AgreementForm.WRITTEN
        written = form == AgreementForm.WRITTEN
        record_agreement(
            actor=actor,
            dispute=dispute,
            form=form,
            content=f"见省级平台案件{row['platform_number']}的调解协议",
            effective_date=row["concluded_date"],
            parties_signed=written,
            mediator_signed=written,
            sealed=written,
        )
    else:
        end_mediation(
            actor=actor,
            dispute=dispute,
            reason=EndReason.FAILED,
            ended_date=row["concluded_date"],
            routes_told="已告知（省级平台记录）",
        )
