"""A province-sized synthetic data set for benchmarks (`fazhi generate_scale_data`).

One synthetic province (合成省) with its cities and districts; each district has a 人民政府,
a 司法局 that handles 行政复议 and a few enforcement agencies that are respondents and
defendants. For one year it generates 行政复议 cases (one applicant each) and 行政应诉 suits
with plausible shapes, deterministically from a seed, and loads them in bulk: COPY on
PostgreSQL, executemany on SQLite. Only the work lines that exist are generated; 人民调解 and
法律援助 are to be added when their apps arrive.

Everything here bypasses the services and the audit trail on purpose: the rows are benchmark
data, not business history.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from tqdm import tqdm

from fazhi.core import dataversion
from fazhi.core.models import Unit
from fazhi.litigation.models import (
    LOSING_JUDGMENTS,
    DefendantRole,
    JudgmentType,
    Lawsuit,
    Status,
    TrialLevel,
)
from fazhi.reconsideration.models import (
    ActKind,
    Case,
    Channel,
    Outcome,
    Party,
    Procedure,
    State,
)

PROVINCE_NAME = "合成省"
PROVINCE_PREFIX = "65"  # a valid GB/T 2260 prefix; the demo uses 37
USERNAME = "scale_data"
MISSING_WORK_LINES = "人民调解、法律援助"
MAX_CHILDREN = 99  # two digits of the division code per level
ENFORCEMENT_AGENCIES = ["市场监督管理局", "公安局", "自然资源局", "生态环境局", "交通运输局"]
K = Unit.Kind
DAY = datetime.timedelta(days=1)


class ScaleDataError(Exception):
    """A refusal the command shows as it is (the message is for the operator)."""


@dataclass(frozen=True)
class Options:
    year: int
    cities: int = 16
    districts: int = 150
    reconsideration: int = 1_000_000
    lawsuits: int = 150_000
    seed: int = 1
    batch: int = 20_000
    progress: bool = True


@dataclass
class District:
    """Unit ids the records of one district hang off, and its share of the caseload."""

    city_index: int
    government: int
    justice_bureau: int
    agencies: list[int]
    weight: float
    case_count: int = 0
    suit_count: int = 0


@dataclass
class Tree:
    province: Unit
    districts: list[District] = field(default_factory=list)


# ---------------------------------------------------------------------------- the tree


def synthetic_province():
    return Unit.objects.filter(name=PROVINCE_NAME, parent=None).first()


def check_options(options: Options) -> None:
    if not 1 <= options.cities <= MAX_CHILDREN:
        raise ScaleDataError(f"市的数量应在1至{MAX_CHILDREN}之间。")
    if not options.cities <= options.districts <= options.cities * MAX_CHILDREN:
        raise ScaleDataError("区县数量不能少于市的数量（每个市至少一个区县），也不能超过每市99个。")
    if options.reconsideration < 0 or options.lawsuits < 0 or options.batch < 1:
        raise ScaleDataError("案件数量不能为负数，批量大小至少为1。")


def delete_synthetic(province: Unit) -> None:
    """Remove the previous synthetic data set (the province's subtree and its records).

    Raw deletes, children first: the ORM's delete() would load a million rows to send
    signals and write audit entries for data that never was business history. Foreign keys
    are deferred, so anything else still pointing at these rows fails the commit.
    """
    subtree = province.path
    alias = connection.alias
    try:
        with transaction.atomic():
            Lawsuit.objects.filter(unit__path__startswith=subtree)._raw_delete(alias)
            Party.objects.filter(case__unit__path__startswith=subtree)._raw_delete(alias)
            Case.objects.filter(unit__path__startswith=subtree)._raw_delete(alias)
            Unit.objects.filter(path__startswith=subtree)._raw_delete(alias)
            dataversion.bump()
    except IntegrityError as error:
        raise ScaleDataError(
            f"无法删除原有合成数据：仍有其他记录引用合成单位或案件（{error}）。"
        ) from error


def system_user():
    """The owner of every synthetic row: no superuser, no usable password."""
    user, created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "合成数据"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _child(parent: Unit, name: str, kind: str, code: str = "") -> Unit:
    path = f"{parent.path}{Unit.new_path_segment()}/"
    return Unit(name=name, kind=kind, parent=parent, path=path, division_code=code)


def build_tree(options: Options, rng: random.Random) -> Tree:
    """The units, level by level. They are synthetic benchmark data, not business history,
    so they skip the services (and their audit entries) through unaudited_bulk_create."""
    province = Unit(
        name=PROVINCE_NAME,
        kind=K.PROVINCE,
        path=f"/{Unit.new_path_segment()}/",
        division_code=f"{PROVINCE_PREFIX}0000",
    )
    Unit.objects.unaudited_bulk_create([province])
    cities = [
        _child(province, f"合成{i}市", K.CITY, f"{PROVINCE_PREFIX}{i:02d}00")
        for i in range(1, options.cities + 1)
    ]
    Unit.objects.unaudited_bulk_create(cities)
    districts = [_district(cities, index) for index in range(options.districts)]
    Unit.objects.unaudited_bulk_create(districts)
    agencies = [_agencies(district, rng) for district in districts]
    Unit.objects.unaudited_bulk_create([unit for own in agencies for unit in own])
    tree = Tree(province)
    for district, (government, bureau, *enforcement) in zip(districts, agencies, strict=True):
        tree.districts.append(
            District(
                city_index=cities.index(district.parent),
                government=government.pk,
                justice_bureau=bureau.pk,
                agencies=[unit.pk for unit in enforcement],
                # Caseloads differ a lot between districts: a skewed weight per district.
                weight=rng.lognormvariate(0, 0.6),
            )
        )
    return tree


def _district(cities: list[Unit], index: int) -> Unit:
    """Districts go round the cities: 合成1市1区, 合成2市1区, …"""
    city = cities[index % len(cities)]
    number = index // len(cities) + 1
    code = f"{city.division_code[:4]}{number:02d}"
    return _child(city, f"{city.name}{number}区", K.DISTRICT, code)


def _agencies(district: Unit, rng: random.Random) -> list[Unit]:
    """人民政府, 司法局, then two or three enforcement agencies."""
    return [
        _child(district, f"{district.name}人民政府", K.GOVERNMENT),
        _child(district, f"{district.name}司法局", K.JUSTICE_BUREAU),
        *(
            _child(district, f"{district.name}{name}", K.ENFORCEMENT)
            for name in rng.sample(ENFORCEMENT_AGENCIES, rng.randint(2, 3))
        ),
    ]


# ---------------------------------------------------------------------------- bulk loading


class Loader:
    """Inserts rows of one model, columns from its _meta: COPY or executemany."""

    def __init__(self, model):
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.table = model._meta.db_table
        quote = connection.ops.quote_name
        self.columns = ", ".join(quote(f.column) for f in self.fields)
        self.defaults = {f.attname: f.get_default() for f in self.fields}

    def row(self, values: dict) -> tuple:
        """One row in column order; a field not given takes its model default."""
        return tuple(values.get(name, default) for name, default in self.defaults.items())

    def insert(self, rows: list[tuple]) -> None:
        quoted = connection.ops.quote_name(self.table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quoted} ({self.columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(f"INSERT INTO {quoted} ({self.columns}) VALUES ({marks})", rows)


def _created_at(model):
    """created_at is auto_now_add, which a raw insert does not fill: one value for all rows."""
    return model._meta.get_field("created_at").get_db_prep_save(timezone.now(), connection)


def _load(model, total: int, batches, options: Options, label: str) -> None:
    loader = Loader(model)
    with (
        transaction.atomic(),
        tqdm(total=total, desc=label, unit="行", disable=not options.progress) as bar,
    ):
        for batch in batches(loader):
            loader.insert(batch)
            bar.update(len(batch))


def _chunks(total: int, size: int):
    for start in range(0, total, size):
        yield min(size, total - start)


# ---------------------------------------------------------------------------- distributions

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
WEEKEND_WEIGHT = 0.15  # applications and suits arrive mostly on working days


class Picker:
    """Weighted choices by cumulative weights (random.choices without rebuilding them)."""

    def __init__(self, rng: random.Random, weights: dict):
        self.rng = rng
        self.values = list(weights)
        self.cumulative = []
        total = 0
        for weight in weights.values():
            total += weight
            self.cumulative.append(total)

    def __call__(self):
        return self.rng.choices(self.values, cum_weights=self.cumulative)[0]


class Year:
    """The days of the year with a weekday bias, and capping at its last day."""

    def __init__(self, year: int, rng: random.Random):
        first = datetime.date(year, 1, 1)
        self.end = datetime.date(year, 12, 31)
        days = [first + n * DAY for n in range((self.end - first).days + 1)]
        self.day = Picker(rng, {d: WEEKEND_WEIGHT if d.weekday() >= 5 else 1 for d in days})

    def cap(self, date: datetime.date) -> datetime.date:
        return min(date, self.end)


def _assign(districts: list[District], total: int, rng: random.Random, attr: str) -> None:
    """Spread `total` records over the districts by weight (counts sum exactly to total)."""
    chosen = rng.choices(range(len(districts)), [d.weight for d in districts], k=total)
    for index in chosen:
        setattr(districts[index], attr, getattr(districts[index], attr) + 1)


# ---------------------------------------------------------------------------- 行政复议 cases


class CaseMaker:
    """One Case row's values. The stored clocks (acceptance_due, decision_due …) use plain
    calendar-day arithmetic: they are synthetic approximations, not the holiday calendar's
    working-day deadlines (computing those per row would be far too slow)."""

    def __init__(self, options: Options, rng: random.Random, user_id: int):
        self.rng = rng
        self.year = Year(options.year, rng)
        self.channel = Picker(rng, CHANNELS)
        self.act_kind = Picker(rng, ACT_KINDS)
        self.outcome = Picker(rng, CLOSED_OUTCOMES)
        self.fixed = {
            "handler_id": user_id,
            "created_by_id": user_id,
            "created_at": _created_at(Case),
        }
        self.number_prefix = f"（{options.year}）合成复字第"

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


def _case_batches(tree: Tree, options: Options, rng: random.Random, user_id: int):
    maker = CaseMaker(options, rng, user_id)
    # District by district: the serial, unique per 司法局, is the district's running count.
    queue = ((d, serial) for d in tree.districts for serial in range(1, d.case_count + 1))

    def batches(loader: Loader):
        for size in _chunks(options.reconsideration, options.batch):
            yield [loader.row(maker.make(*next(queue))) for _ in range(size)]

    return batches


def _party_batches(tree: Tree, options: Options, rng: random.Random):
    """One applicant per synthetic case, the case ids read back in pk order per batch."""
    bureaus = [d.justice_bureau for d in tree.districts]

    def batches(loader: Loader):
        last = 0
        while True:
            cases = list(
                Case.objects.filter(unit_id__in=bureaus, pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[: options.batch]
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


# ---------------------------------------------------------------------------- 行政应诉 suits


class SuitMaker:
    """One Lawsuit row's values, agreeing with the model's check constraints."""

    def __init__(self, options: Options, rng: random.Random, user_id: int):
        self.rng = rng
        self.year = Year(options.year, rng)
        self.judgment = Picker(rng, JUDGMENTS)
        self.trial_level = Picker(rng, TRIAL_LEVELS)
        self.options = options
        self.fixed = {
            "handler_id": user_id,
            "created_by_id": user_id,
            "created_at": _created_at(Lawsuit),
        }

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
            "case_number": f"（{self.options.year}）合{city:02d}{TRIAL_CODE[level]}{serial}号",
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
                else f"（{self.options.year}）合成复字第{serial}号"
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


def _suit_batches(tree: Tree, options: Options, rng: random.Random, user_id: int):
    maker = SuitMaker(options, rng, user_id)
    # Serials run per city, so a 案号 is unique for its court and so for each defendant.
    serials = [0] * options.cities

    def next_suit():
        for district in tree.districts:
            for _ in range(district.suit_count):
                serials[district.city_index] += 1
                yield district, serials[district.city_index]

    queue = next_suit()

    def batches(loader: Loader):
        for size in _chunks(options.lawsuits, options.batch):
            yield [loader.row(maker.make(*next(queue))) for _ in range(size)]

    return batches


# ---------------------------------------------------------------------------- entry point


def generate(options: Options, *, replace: bool = False, log=print) -> Tree:
    """Build the synthetic province and load the year's records."""
    check_options(options)
    previous = synthetic_province()
    if previous is not None:
        if not replace:
            raise ScaleDataError(
                f"“{PROVINCE_NAME}”的合成数据已存在。如需重新生成，请加 --replace 先删除原有合成数据。"
            )
        delete_synthetic(previous)
        log(f"已删除原有“{PROVINCE_NAME}”合成数据。")
    rng = random.Random(options.seed)
    user = system_user()
    with transaction.atomic():
        tree = build_tree(options, rng)
    log(f"已建立单位：1个省、{options.cities}个市、{options.districts}个区县及其机关。")
    _assign(tree.districts, options.reconsideration, rng, "case_count")
    _assign(tree.districts, options.lawsuits, rng, "suit_count")
    _load(
        Case,
        options.reconsideration,
        _case_batches(tree, options, rng, user.pk),
        options,
        "行政复议案件",
    )
    _load(
        Party,
        options.reconsideration,
        _party_batches(tree, options, rng),
        options,
        "行政复议当事人",
    )
    _load(
        Lawsuit,
        options.lawsuits,
        _suit_batches(tree, options, rng, user.pk),
        options,
        "行政应诉案件",
    )
    dataversion.bump()  # the bulk loads send no signals
    _analyze()
    log(f"尚无{MISSING_WORK_LINES}模块，未生成其数据（模块上线后再补充）。")
    return tree


def _analyze() -> None:
    """Fresh planner statistics (and, on PostgreSQL, the visibility map that lets an index
    answer alone), as the autovacuum daemon would give them a little later. VACUUM cannot
    run in a transaction: there (in tests) ANALYZE alone."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for model in (Unit, Case, Party, Lawsuit):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"{'VACUUM ' if vacuum else ''}ANALYZE {table}")
