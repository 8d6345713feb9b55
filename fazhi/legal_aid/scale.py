"""法律援助 of the synthetic province (core/scale.py): a small roster per district's 司法局
and the year's applications and notified cases, from receipt to closure, agreeing with the
model's check constraints. The clocks use plain calendar days (no holiday calendar per row:
they are benchmark data, not deadlines)."""

import datetime
from decimal import Decimal

from fazhi.core.scale import DAY, District, Load, Picker, Run, ScaleMaker, Year, batches_of, created

from .models import (
    AidCase,
    CaseType,
    EconomicCheck,
    Grade,
    Matter,
    NotifyingOrgan,
    Origin,
    Provider,
    ProviderKind,
    State,
)

PROVIDERS_PER_DISTRICT = 3
# 峄城 (seed 000): 633 criminal of 783 accepted, 150 civil.
CASE_TYPES = {
    CaseType.CRIMINAL: 78,
    CaseType.CIVIL: 18,
    CaseType.ADMINISTRATIVE: 2,
    CaseType.NON_LITIGATION: 2,
}
MATTERS = {
    CaseType.CIVIL: Matter.LABOUR,
    CaseType.ADMINISTRATIVE: Matter.SOCIAL_INSURANCE,
    CaseType.NON_LITIGATION: Matter.SUPPORT,
}
GRADES = {Grade.EXCELLENT: 30, Grade.GOOD: 55, Grade.PASS: 13, Grade.FAIL: 2}


class CaseMaker:
    def __init__(self, run: Run):
        self.rng = run.rng
        self.year_number = run.options.year
        self.year = Year(run.options.year, run.rng)
        self.case_type = Picker(run.rng, CASE_TYPES)
        self.grade = Picker(run.rng, GRADES)
        self.fixed = created(AidCase, run.user_id)
        self.providers: dict[int, list[int]] = {}

    def provider_rows(self, district: District, index: int) -> dict:
        return {
            **self.fixed,
            "unit_id": district.justice_bureau,
            "name": f"合成律师{district.justice_bureau}-{index}",
            "kind": ProviderKind.LAWYER,
            "firm": "合成律师事务所",
            "practice_since": datetime.date(self.year_number - 3 - index, 1, 2),
            "criminal_experience": True,
            "active": True,
        }

    def _provider(self, district: District) -> int:
        if district.justice_bureau not in self.providers:
            self.providers[district.justice_bureau] = list(
                Provider.objects.filter(unit_id=district.justice_bureau).values_list(
                    "pk", flat=True
                )
            )
        return self.rng.choice(self.providers[district.justice_bureau])

    def make(self, district: District, serial: int) -> dict:
        rng = self.rng
        received = self.year.day()
        case_type = self.case_type()
        notified = case_type == CaseType.CRIMINAL and rng.random() < 0.8
        row = {
            **self.fixed,
            "unit_id": district.justice_bureau,
            "number": f"合成法援{'通' if notified else '申'}〔{self.year_number}〕{serial:07d}号",
            "origin": Origin.NOTIFIED if notified else Origin.APPLICATION,
            "applicant_name": f"合成受援人{serial}",
            "applicant_id_number": f"650101{self.year_number - 40}0101{serial % 1000:03d}X",
            "case_type": case_type,
            "matter": (
                (Matter.NOTIFIED_DEFENCE if notified else Matter.CRIMINAL_DEFENCE)
                if case_type == CaseType.CRIMINAL
                else MATTERS[case_type]
            ),
            "summary": "合成数据",
            "economic_check": EconomicCheck.NOT_REQUIRED if notified else EconomicCheck.PLEDGE,
            "received_date": received,
            "minor": rng.random() < 0.05,
            "elderly": rng.random() < 0.08,
            "migrant_worker": case_type == CaseType.CIVIL and rng.random() < 0.4,
        }
        if notified:
            row.update(
                notifying_organ=NotifyingOrgan.COURT,
                case_organ="合成人民法院",
                notice_date=received,
                accepted_date=received,
                assignment_due=received + 3 * DAY,
                state=State.GRANTED,
            )
            start = received
        else:
            decided = self.year.cap(received + rng.randint(1, 7) * DAY)
            row.update(decision_due=received + 7 * DAY, decided_date=decided)
            if rng.random() < 0.05:
                row.update(state=State.REFUSED, refusal_reason="经审查不符合经济困难标准")
                return row
            row.update(accepted_date=decided, assignment_due=decided + 3 * DAY, state=State.GRANTED)
            start = decided
        assigned = start + rng.randint(0, 3) * DAY
        if assigned > self.year.end:
            return row
        row.update(
            assigned_date=assigned,
            provider_id=self._provider(district),
            assignment_number=f"合成法援指〔{self.year_number}〕{serial:07d}号",
            state=State.ASSIGNED,
        )
        concluded = assigned + rng.randint(20, 200) * DAY
        closed = concluded + rng.randint(1, 30) * DAY
        if closed <= self.year.end:
            row.update(
                concluded_date=concluded,
                closure_due=concluded + 30 * DAY,
                closed_date=closed,
                result="合成数据：办结",
                amount_recovered=(
                    Decimal(rng.randint(0, 500) * 100) if case_type != CaseType.CRIMINAL else 0
                ),
                state=State.CLOSED,
            )
            if rng.random() < 0.6:
                row.update(quality_grade=self.grade(), graded_date=self.year.cap(closed + DAY))
        return row


def loads(run: Run, count: int) -> list[Load]:
    maker = CaseMaker(run)
    districts = run.tree.districts

    def providers():
        for district in districts:
            for index in range(PROVIDERS_PER_DISTRICT):
                yield district, index

    def cases():
        serial = 0
        for district in districts:
            for _ in range(district.counts[MAKER.line]):
                serial += 1
                yield district, serial

    size = run.options.batch
    return [
        Load(
            Provider,
            "法律援助人员",
            len(districts) * PROVIDERS_PER_DISTRICT if count else 0,
            batches_of(providers() if count else iter(()), maker.provider_rows, size),
        ),
        Load(AidCase, "法律援助案件", count, batches_of(cases(), maker.make, size)),
    ]


MAKER = ScaleMaker(
    line="legal_aid",
    label="法律援助案件",
    full_count=120_000,
    loads=loads,
    records=((AidCase, "unit"), (Provider, "unit")),
)
