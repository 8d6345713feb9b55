"""行政应诉 suits of the synthetic province (core/scale.py), against its governments and
enforcement agencies, agreeing with the model's check constraints."""

import random

from fazhi.core.scale import (
    DAY,
    District,
    Load,
    Picker,
    Run,
    ScaleMaker,
    Year,
    batches_of,
    created,
)

from .models import LOSING_JUDGMENTS, DefendantRole, JudgmentType, Lawsuit, Status, TrialLevel

JUDGMENTS = {
    JudgmentType.REJECT_CLAIM: 55,
    JudgmentType.DISMISS_SUIT: 25,
    JudgmentType.REVOKE: 8,
    JudgmentType.REVOKE_REMAKE: 3,
    JudgmentType.CONFIRM_ILLEGAL: 5,
    JudgmentType.PERFORM: 2,
    JudgmentType.PAY: 1,
    JudgmentType.REMEDY: 0.5,
    JudgmentType.ALTER: 0.2,
    JudgmentType.CONFIRM_INVALID: 0.3,
}
TRIAL_LEVELS = {TrialLevel.FIRST: 80, TrialLevel.SECOND: 17, TrialLevel.RETRIAL: 3}
TRIAL_CODE = {TrialLevel.FIRST: "行初", TrialLevel.SECOND: "行终", TrialLevel.RETRIAL: "行再"}


class SuitMaker:
    """One Lawsuit row's values, agreeing with the model's check constraints."""

    def __init__(self, year: int, rng: random.Random, user_id: int):
        self.rng = rng
        self.year_number = year
        self.year = Year(year, rng)
        self.judgment = Picker(rng, JUDGMENTS)
        self.trial_level = Picker(rng, TRIAL_LEVELS)
        self.fixed = {**created(Lawsuit, user_id), "handler_id": user_id}

    def make(self, district: District, serial: int) -> dict:
        rng = self.rng
        filed = self.year.day()
        served = self.year.cap(filed + rng.randint(1, 7) * DAY)
        level = self.trial_level()
        role = rng.choices(list(DefendantRole), [85, 10, 5])[0]
        city = district.city_index + 1
        row = {
            **self.fixed,
            "unit_id": (
                district.government
                if role == DefendantRole.AS_REVIEW_ORGAN
                else rng.choice(district.agencies)
            ),
            "case_number": f"（{self.year_number}）合{city:02d}{TRIAL_CODE[level]}{serial}号",
            "court": f"合成{city}市{'中级' if level != TrialLevel.FIRST else ''}人民法院",
            "plaintiff": f"合成原告{serial}",
            "contested_act": "行政处罚决定（合成数据）",
            "trial_level": level,
            "filed_date": filed,
            "served_date": served,
            # 15 days to answer (行政诉讼法 第六十七条), plain calendar days here.
            "answer_due": served + 15 * DAY,
            "answer_filed_date": self.year.cap(served + rng.randint(1, 15) * DAY),
            "defendant_role": role,
            "prior_reconsideration_number": (
                None
                if role == DefendantRole.SOLE
                else f"（{self.year_number}）合成复字第{serial}号"
            ),
        }
        row.update(self._course(filed))
        return row

    def _course(self, filed) -> dict:
        """Hearing and conclusion, if they fall within the year; otherwise still pending."""
        rng = self.rng
        values = {"status": Status.PENDING, "judgment_type": "", "concluded_date": None}
        hearing = filed + rng.randint(20, 90) * DAY
        if hearing <= self.year.end:
            values["first_hearing_date"] = hearing
            values["head_appeared"] = rng.random() < 0.7
        concluded = filed + rng.randint(30, 180) * DAY
        if concluded <= self.year.end:
            judgment = JudgmentType.WITHDRAWN if rng.random() < 0.12 else self.judgment()
            values.update(
                status=Status.WITHDRAWN if judgment == JudgmentType.WITHDRAWN else Status.CONCLUDED,
                judgment_type=judgment,
                concluded_date=concluded,
                lost=judgment in LOSING_JUDGMENTS,
            )
        return values


def loads(run: Run, count: int) -> list[Load]:
    maker = SuitMaker(run.options.year, run.rng, run.user_id)
    # Serials run per city, so a 案号 is unique for its court and so for each defendant.
    serials = [0] * run.options.cities

    def queue():
        for district in run.tree.districts:
            for _ in range(district.counts[MAKER.line]):
                serials[district.city_index] += 1
                yield district, serials[district.city_index]

    return [
        Load(Lawsuit, "行政应诉案件", count, batches_of(queue(), maker.make, run.options.batch))
    ]


MAKER = ScaleMaker(
    line="litigation",
    label="行政应诉案件",
    full_count=150_000,
    loads=loads,
    records=((Lawsuit, "unit"),),
)
