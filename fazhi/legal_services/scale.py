"""12348 contacts and centre visits of the synthetic province (core/scale.py), in each
district's 司法局: answered or abandoned, durations and satisfaction, agreeing with the
model's check constraint (an abandoned call has neither)."""

from fazhi.core.scale import District, Load, Picker, Run, ScaleMaker, Year, batches_of, created

from .models import ContactChannel, ContactReferral, HotlineContact, Satisfaction

CHANNELS = {
    ContactChannel.PHONE: 70,
    ContactChannel.ONLINE: 15,
    ContactChannel.MESSAGE: 5,
    ContactChannel.VISIT: 10,
}
CATEGORIES = {"劳动": 30, "婚姻家庭": 25, "合同": 20, "侵权": 10, "综合": 15}
SATISFACTION = {
    Satisfaction.SATISFIED: 85,
    Satisfaction.BASIC: 10,
    Satisfaction.DISSATISFIED: 3,
    "": 2,
}
REFERRALS = {
    ContactReferral.NONE: 94,
    ContactReferral.LEGAL_AID: 3,
    ContactReferral.MEDIATION: 2,
    ContactReferral.OTHER: 1,
}
ANSWER_RATE = 0.9  # 北京 接通率 87.09% (worklines.md §2.4)


class ContactMaker:
    def __init__(self, run: Run):
        self.rng = run.rng
        self.year = Year(run.options.year, run.rng)
        self.channel = Picker(run.rng, CHANNELS)
        self.category = Picker(run.rng, CATEGORIES)
        self.satisfaction = Picker(run.rng, SATISFACTION)
        self.referral = Picker(run.rng, REFERRALS)
        self.fixed = created(HotlineContact, run.user_id)

    def make(self, district: District) -> dict:
        rng = self.rng
        channel = self.channel()
        answered = channel == ContactChannel.VISIT or rng.random() < ANSWER_RATE
        row = {
            **self.fixed,
            "unit_id": district.justice_bureau,
            "contact_date": self.year.day(),
            "channel": channel,
            "category": self.category(),
            "answered": answered,
        }
        if answered:
            satisfaction = self.satisfaction()
            row.update(
                duration_minutes=rng.randint(1, 30),
                satisfaction=satisfaction,
                follow_up="已回访（合成数据）" if satisfaction == Satisfaction.DISSATISFIED else "",
                referral=self.referral(),
            )
        return row


def loads(run: Run, count: int) -> list[Load]:
    maker = ContactMaker(run)

    def queue():
        for district in run.tree.districts:
            for _ in range(district.counts[MAKER.line]):
                yield (district,)

    return [
        Load(
            HotlineContact,
            "12348咨询及来访",
            count,
            batches_of(queue(), maker.make, run.options.batch),
        )
    ]


MAKER = ScaleMaker(
    line="legal_services",
    label="12348咨询及来访",
    full_count=1_000_000,
    loads=loads,
    records=((HotlineContact, "unit"),),
)
