"""行政复议 cases of the synthetic province (core/scale.py): one applicant each, with the
outcome mix of indicators.md, in each district's 司法局."""

import random
from decimal import Decimal

from fazhi.core.scale import (
    DAY,
    District,
    Load,
    Loader,
    Picker,
    Run,
    ScaleMaker,
    Tree,
    Year,
    batches_of,
    created,
)

from .models import ActKind, Case, Channel, Outcome, Party, Procedure, State

# Of cases closed after acceptance (indicators.md reconsideration.*).
CLOSED_OUTCOMES = {
    Outcome.UPHELD: 45,
    Outcome.CLAIM_DISMISSED: 12,
    Outcome.REVOKED: 9,
    Outcome.CONFIRMED_ILLEGAL: 5,
    Outcome.ORDERED_PERFORMANCE: 2,
    Outcome.ALTERED: 1,
    Outcome.CONFIRMED_INVALID: 0.3,
    Outcome.APPLICATION_DISMISSED: 3,
    Outcome.MEDIATED: 8,
    Outcome.TERMINATED: 14.7,
}
CLOSED_STATE = {Outcome.MEDIATED: State.MEDIATED, Outcome.TERMINATED: State.TERMINATED}
PERFORMANCE_OUTCOMES = (Outcome.REVOKED, Outcome.ALTERED, Outcome.ORDERED_PERFORMANCE)
CHANNELS = {Channel.ONLINE: 40, Channel.IN_PERSON: 35, Channel.POST: 20, Channel.ORAL: 5}
ACT_KINDS = {
    ActKind.PENALTY: 40,
    ActKind.WARNING: 5,
    ActKind.COERCION: 8,
    ActKind.LICENSE: 8,
    ActKind.INFO_DISCLOSURE: 12,
    ActKind.NONPERFORMANCE: 10,
    ActKind.EXPROPRIATION: 5,
    ActKind.CONFIRMATION: 5,
    ActKind.OTHER: 7,
}


class CaseMaker:
    """One Case row's values. The stored clocks (acceptance_due, decision_due …) use plain
    calendar-day arithmetic: they are synthetic approximations, not the holiday calendar's
    working-day deadlines (computing those per row would be far too slow)."""

    def __init__(self, year: int, rng: random.Random, user_id: int):
        self.rng = rng
        self.year = Year(year, rng)
        self.channel = Picker(rng, CHANNELS)
        self.act_kind = Picker(rng, ACT_KINDS)
        self.outcome = Picker(rng, CLOSED_OUTCOMES)
        self.fixed = {**created(Case, user_id), "handler_id": user_id}
        self.number_prefix = f"（{year}）合成复字第"

    def make(self, district: District, serial: int) -> dict:
        rng = self.rng
        received = self.year.day()
        row = {
            **self.fixed,
            **self._application(received),
            "unit_id": district.justice_bureau,
            "number": f"{self.number_prefix}{serial:07d}号",
            "respondent_id": (
                district.government if rng.random() < 0.1 else rng.choice(district.agencies)
            ),
        }
        draw = rng.random()
        if draw < 0.10:
            row.update(self._refused(received, Outcome.NOT_ACCEPTED, State.NOT_ACCEPTED))
        elif draw < 0.15:
            row.update(self._abandoned(received))
        else:
            row.update(self._accepted(received))
        return row

    def _application(self, received) -> dict:
        rng = self.rng
        channel = self.channel()
        act_kind = self.act_kind()
        act_date = received - rng.randint(3, 60) * DAY
        return {
            "channel": channel,
            "oral_record": "申请人口头申请，已当场记录（合成数据）"
            if channel == Channel.ORAL
            else "",
            "received_date": received,
            "request": f"请求撤销或者纠正被申请人作出的{ActKind(act_kind).label}（合成数据）",
            "act_kind": act_kind,
            "act_date": act_date,
            "act_known_date": act_date + rng.randint(0, 2) * DAY,
            "act_amount": (
                Decimal(rng.randint(2, 2000) * 100) if act_kind == ActKind.PENALTY else None
            ),
            "review_start": received,
            "acceptance_due": received + 5 * DAY,
        }

    def _refused(self, received, outcome, state) -> dict:
        return {
            "state": state,
            "outcome": outcome,
            "closed_date": self.year.cap(received + self.rng.randint(1, 5) * DAY),
        }

    def _abandoned(self, received) -> dict:
        notice = self.year.cap(received + self.rng.randint(1, 5) * DAY)
        due = notice + 10 * DAY
        return {
            "supplement_notice_date": notice,
            "supplement_items": "补充提供行政行为的相关材料（合成数据）",
            "supplement_due": due,
            **self._refused(due, Outcome.ABANDONED, State.ABANDONED),
        }

    def _accepted(self, received) -> dict:
        rng, cap = self.rng, self.year.cap
        simple = rng.random() < 0.3
        accepted = cap(received + rng.randint(1, 5) * DAY)
        copy_sent = cap(accepted + rng.randint(1, 5) * DAY)
        extension = 30 if not simple and rng.random() < 0.05 else 0
        row = {
            "state": State.HEARING,
            "accepted_date": accepted,
            "procedure": Procedure.SIMPLE if simple else Procedure.ORDINARY,
            "simple_by_consent": simple and rng.random() < 0.2,
            "copy_sent_date": copy_sent,
            "copy_service_method": "direct",  # 直接送达: received the day it is sent
            "copy_received_date": copy_sent,
            "copy_due": accepted + (3 if simple else 7) * DAY,
            "reply_date": cap(copy_sent + rng.randint(1, 10) * DAY),
            "reply_due": copy_sent + (5 if simple else 10) * DAY,
            "extension_days": extension,
            "decision_due": accepted + ((30 if simple else 60) + extension) * DAY,
        }
        if rng.random() < 0.9:
            row.update(self._closed(row, simple))
        return row

    def _closed(self, row: dict, simple: bool) -> dict:
        rng = self.rng
        accepted = row["accepted_date"]
        days = round(rng.triangular(5, 35, 18) if simple else rng.triangular(15, 75, 45))
        left = (self.year.end - accepted).days
        if days > left:  # spread the late ones over what is left of the year
            days = rng.randint(0, left)
        closed = accepted + days * DAY
        outcome = self.outcome()
        values = {
            "state": CLOSED_STATE.get(outcome, State.CLOSED),
            "outcome": outcome,
            "closed_date": closed,
            "closed_on_time": closed <= row["decision_due"],
            "invalidity_requested": outcome == Outcome.CONFIRMED_INVALID,
            "self_corrected": outcome in CLOSED_STATE and rng.random() < 0.3,
        }
        if outcome not in CLOSED_STATE:
            values["served_date"] = self.year.cap(closed + rng.randint(1, 5) * DAY)
        if outcome in PERFORMANCE_OUTCOMES:
            values["performance_due"] = closed + 30 * DAY
            performed = closed + rng.randint(5, 40) * DAY
            values["performed_date"] = performed if performed <= self.year.end else None
        return values


def _party_batches(tree: Tree, rng: random.Random, size: int):
    """One applicant per synthetic case, the case ids read back in pk order per batch."""
    bureaus = [d.justice_bureau for d in tree.districts]

    def batches(loader: Loader):
        last = 0
        while True:
            cases = list(
                Case.objects.filter(unit_id__in=bureaus, pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:size]
            )
            if not cases:
                return
            last = cases[-1]
            yield [loader.row(_applicant(case_id, rng)) for case_id in cases]

    return batches


def _applicant(case_id: int, rng: random.Random) -> dict:
    if rng.random() < 0.8:
        kind, name = Party.Kind.PERSON, f"合成申请人{case_id}"
    else:
        kind, name = Party.Kind.ORGANISATION, f"合成{case_id}有限公司"
    return {"case_id": case_id, "role": Party.Role.APPLICANT, "kind": kind, "name": name}


def loads(run: Run, count: int) -> list[Load]:
    maker = CaseMaker(run.options.year, run.rng, run.user_id)
    # District by district: the serial, unique per 司法局, is the district's running count.
    queue = (
        (district, serial)
        for district in run.tree.districts
        for serial in range(1, district.counts[MAKER.line] + 1)
    )
    size = run.options.batch
    return [
        Load(Case, "行政复议案件", count, batches_of(queue, maker.make, size)),
        Load(Party, "行政复议当事人", count, _party_batches(run.tree, run.rng, size)),
    ]


MAKER = ScaleMaker(
    line="reconsideration",
    label="行政复议案件",
    full_count=1_000_000,
    loads=loads,
    records=((Party, "case__unit"), (Case, "unit")),
)
