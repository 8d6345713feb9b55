"""人民调解 of the synthetic province (core/scale.py): each district's committees (one per
about 200 disputes, of every type) with a full-time mediator each, the year's disputes from
every source with the outcome mix of the seeds (调解成功率 about 97 %, 诉前 about 66 %), and a
nil report for most committee-months, so that the monthly check finds some unreported.

Stored clocks use plain calendar days (one month, 30/15 days): synthetic approximations, not
the holiday calendar's deadlines (computing those per row would be far too slow)."""

import datetime

from fazhi.core.scale import DAY, Load, Picker, Run, ScaleMaker, Year, batches_of, created

from .deadlines import add_months
from .models import (
    Committee,
    CommitteeKind,
    Dispute,
    DisputeKind,
    EndReason,
    Mediator,
    NilReport,
    Source,
    Status,
)

DISPUTES_PER_COMMITTEE = 200
KINDS = {
    CommitteeKind.VILLAGE: 70,
    CommitteeKind.TOWNSHIP: 15,
    CommitteeKind.ENTERPRISE: 5,
    CommitteeKind.SPECIALIZED: 6,
    CommitteeKind.STUDIO: 4,
}
SOURCES = {
    Source.APPLICATION: 45,
    Source.INITIATIVE: 20,
    Source.POLICE: 12,
    Source.COURT_PRE_FILING: 10,
    Source.COURT_POST_FILING: 3,
    Source.PETITION: 4,
    Source.HOTLINE: 4,
    Source.GOVERNMENT: 2,
}
DISPUTE_KINDS = {kind: 1 for kind in DisputeKind.values}
COURT_DAYS = {Source.COURT_PRE_FILING: 30, Source.COURT_POST_FILING: 15}
NIL_SHARE = 0.85  # committee-months with a nil report; the rest are "not reported"


def _committees_of(count: int) -> int:
    return max(1, round(count / DISPUTES_PER_COMMITTEE)) if count else 0


def loads(run: Run, count: int) -> list[Load]:
    rng, year = run.rng, run.options.year
    days = Year(year, rng)
    line = MAKER.line
    districts = run.tree.districts
    committees_per = [_committees_of(d.counts[line]) for d in districts]
    total_committees = sum(committees_per)
    mediator_fixed = created(Mediator, run.user_id)
    committee_fixed = created(Committee, run.user_id)
    dispute_fixed = created(Dispute, run.user_id)
    kind = Picker(rng, KINDS)
    source = Picker(rng, SOURCES)
    dispute_kind = Picker(rng, DISPUTE_KINDS)
    start = datetime.date(year - 2, 1, 1)

    def people():
        for index, district in enumerate(districts):
            for serial in range(committees_per[index]):
                yield district, serial

    def mediator(district, serial):
        return {
            **mediator_fixed,
            "unit_id": district.justice_bureau,
            "name": f"合成调解员{serial}",
            "gender": "female" if serial % 2 else "male",
            "ethnicity": "汉族",
            "birth_date": datetime.date(1960 + serial % 30, 1 + serial % 12, 1 + serial % 28),
            "employment": "full_time" if serial % 3 else "part_time",
            "expert": serial % 10 == 0,
            "status": "active",
            "appointed_date": start,
        }

    def committee(district, serial):
        return {
            **committee_fixed,
            "unit_id": district.justice_bureau,
            "name": f"合成{district.justice_bureau}第{serial}人民调解委员会",
            "abbreviation": f"合成{serial}",
            "kind": kind(),
            "founder": "合成村民委员会",
            "multi_ethnic": False,
            "established_date": start,
            "term_start": start,
            "term_end": start.replace(year=start.year + 3),
            "changed_date": start,
            "filing_due": start + 42 * DAY,
            "filed_date": start + 20 * DAY,
            "active": True,
        }

    # (committee id, mediator id) per district, read once the two loads are in.
    seats: dict[int, list[tuple[int, int]]] = {}

    def seats_of(district):
        if not seats:
            committees = Committee.objects.filter(unit__path__startswith=run.tree.province.path)
            mediators = Mediator.objects.filter(unit__path__startswith=run.tree.province.path)
            by_unit: dict[int, list] = {}
            for pk, unit_id in committees.order_by("pk").values_list("pk", "unit_id"):
                by_unit.setdefault(unit_id, []).append(pk)
            people_of: dict[int, list] = {}
            for pk, unit_id in mediators.order_by("pk").values_list("pk", "unit_id"):
                people_of.setdefault(unit_id, []).append(pk)
            for unit_id, pks in by_unit.items():
                seats[unit_id] = list(zip(pks, people_of[unit_id], strict=True))
        return seats[district.justice_bureau]

    serials: dict[int, int] = {}

    def cases():
        for district in districts:
            for _ in range(district.counts[line]):
                yield (district,)

    def dispute(district):
        committee_id, mediator_id = rng.choice(seats_of(district))
        serials[committee_id] = serials.get(committee_id, 0) + 1
        received = days.day()
        origin = source()
        due = (
            received + COURT_DAYS[origin] * DAY if origin in COURT_DAYS else add_months(received, 1)
        )
        row = {
            **dispute_fixed,
            "unit_id": district.justice_bureau,
            "committee_id": committee_id,
            "mediator_id": mediator_id,
            "number": f"（{year}）合成{committee_id}人调字第{serials[committee_id]}号",
            "source": origin,
            "source_reference": ""
            if origin in (Source.APPLICATION, Source.INITIATIVE)
            else f"合成来源{serials[committee_id]}号",
            "kind": dispute_kind(),
            "summary": "合成纠纷简要情况",
            "received_date": received,
            "due_date": due,
            "non_public": rng.random() < 0.03,
            "status": Status.MEDIATING,
            "end_reason": "",
            "on_time": None,
        }
        if origin in (Source.COURT_PRE_FILING, Source.COURT_POST_FILING, Source.PETITION):
            row["return_due"] = due if origin != Source.PETITION else received + 60 * DAY
        took = rng.randint(1, 40) * DAY
        ended = received + took
        if ended > days.end:
            return row
        success = 0.66 if origin == Source.COURT_PRE_FILING else 0.975
        row["on_time"] = ended <= due
        if rng.random() < success:
            row["agreed_date"] = ended
            closed = ended + rng.randint(5, 60) * DAY
            if closed <= days.end:
                row.update(status=Status.CLOSED, closed_date=closed)
            else:
                row["status"] = Status.AGREED
        else:
            row.update(
                status=Status.ENDED,
                end_reason=EndReason.FAILED,
                ended_date=ended,
                routes_told="告知可以向人民法院提起诉讼",
            )
        return row

    def reports():
        months = [datetime.date(year, m, 1) for m in range(1, 13)]
        for committees in seats.values():
            for committee_id, _ in committees:
                for month in months:
                    if rng.random() < NIL_SHARE:
                        yield committee_id, month

    units = {}

    def nil_report(committee_id, month):
        if not units:
            units.update(
                Committee.objects.filter(
                    pk__in=[c for s in seats.values() for c, _ in s]
                ).values_list("pk", "unit_id")
            )
        return {
            "unit_id": units[committee_id],
            "committee_id": committee_id,
            "month": month,
            "reported_on": month + 3 * DAY,
            "reporter_id": run.user_id,
            **created(NilReport, run.user_id),
        }

    batch = run.options.batch
    return [
        Load(Mediator, "人民调解员", total_committees, batches_of(people(), mediator, batch)),
        Load(Committee, "人民调解委员会", total_committees, batches_of(people(), committee, batch)),
        Load(Dispute, "矛盾纠纷", count, batches_of(cases(), dispute, batch)),
        Load(NilReport, "零上报", total_committees * 12, batches_of(reports(), nil_report, batch)),
    ]


MAKER = ScaleMaker(
    line="mediation",
    label="矛盾纠纷",
    full_count=1_000_000,
    loads=loads,
    records=((NilReport, "unit"), (Dispute, "unit"), (Committee, "unit"), (Mediator, "unit")),
)
