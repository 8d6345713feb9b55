"""A province-sized synthetic data set for benchmarks (`fazhi generate_scale_data`).

One synthetic province (合成省) with its cities and districts; each district has a 人民政府,
a 司法局 and a few enforcement agencies. Each work line adds its records for one year by
registering a ScaleMaker (its scale.py); they are generated deterministically from a seed and
loaded in bulk: COPY on PostgreSQL, executemany on SQLite. Lines not built yet generate
nothing (法律援助 is to be added).

Everything here bypasses the services and the audit trail on purpose: the rows are benchmark
data, not business history.
"""

import datetime
import random
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from tqdm import tqdm

from . import dataversion
from .models import Unit

PROVINCE_NAME = "合成省"
PROVINCE_PREFIX = "65"  # a valid GB/T 2260 prefix; the demo uses 37
USERNAME = "scale_data"
MISSING_WORK_LINES = ""  # every line with records has its maker
MAX_CHILDREN = 99  # two digits of the division code per level
ENFORCEMENT_AGENCIES = ["市场监督管理局", "公安局", "自然资源局", "生态环境局", "交通运输局"]
K = Unit.Kind
DAY = datetime.timedelta(days=1)
WEEKEND_WEIGHT = 0.15  # applications and suits arrive mostly on working days


class ScaleDataError(Exception):
    """A refusal the command shows as it is (the message is for the operator)."""


@dataclass(frozen=True)
class Options:
    year: int
    counts: Mapping[str, int]  # records per work line (ScaleMaker.line), see line_counts
    cities: int = 16
    districts: int = 150
    seed: int = 1
    batch: int = 20_000
    progress: bool = True


@dataclass
class District:
    """Unit ids the records of one district hang off, and its share of each line's records."""

    city_index: int
    government: int
    justice_bureau: int
    agencies: list[int]
    weight: float
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Tree:
    province: Unit
    districts: list[District] = field(default_factory=list)


@dataclass(frozen=True)
class Run:
    """What a line's maker gets: the options, the tree, the one random stream and the owner."""

    options: Options
    tree: Tree
    rng: random.Random
    user_id: int


# ---------------------------------------------------------------------------- the makers


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


Batches = Callable[[Loader], Iterable[list[tuple]]]


@dataclass(frozen=True)
class Load:
    """The rows of one model: `batches(loader)` yields them; `total` sizes the progress bar."""

    model: type
    label: str
    total: int
    batches: Batches


@dataclass(frozen=True)
class ScaleMaker:
    """A work line's synthetic records.

    `loads(run, count)` gives the line's Loads in order; they draw from run.rng only while
    loading, so the data depend on the seed and the order of the makers alone. `records`
    names the line's models with the path to their unit, children first: they are deleted
    with the province and analysed after the load.
    """

    line: str  # the key of --count: the app label
    label: str
    full_count: int  # records at --scale 1
    loads: Callable[[Run, int], list[Load]]
    records: tuple[tuple[type, str], ...]


_makers: list[tuple[int, ScaleMaker]] = []
_after_generate: list[Callable[[], None]] = []
_before_delete: list[Callable[[str], None]] = []


def register_scale_hooks(*, generated: Callable[[], None], deleting: Callable[[str], None]):
    """What must follow loads that send no signals (the indicators' stored partials):
    `generated()` after the load, `deleting(subtree path)` inside the raw delete, before the
    units go."""
    if generated not in _after_generate:
        _after_generate.append(generated)
    if deleting not in _before_delete:
        _before_delete.append(deleting)


def register_scale_maker(order: int, maker: ScaleMaker) -> None:
    if all(existing.line != maker.line for _, existing in _makers):
        _makers.append((order, maker))


def makers() -> list[ScaleMaker]:
    return [maker for _, maker in sorted(_makers, key=lambda entry: entry[0])]


def line_counts(scale: float = 1.0, given: Iterable[str] = ()) -> dict[str, int]:
    """The records per line: `line=count` pairs as given (--count), the others their
    full count times `scale`."""
    if scale < 0:
        raise ScaleDataError("规模（--scale）不能为负数。")
    known = {maker.line: maker for maker in makers()}
    counts = {line: int(maker.full_count * scale) for line, maker in known.items()}
    named = set()
    for pair in given:
        line, sign, number = (part.strip() for part in pair.partition("="))
        if line not in known:
            available = "、".join(f"{m.line}（{m.label}）" for m in known.values())
            raise ScaleDataError(f"没有可生成合成数据的业务条线“{line}”。可用的条线：{available}。")
        if not sign or not number.isdecimal():
            raise ScaleDataError(
                f"“{pair}”中的数量无效：应写成“条线=非负整数”，如 {line}=1000000。"
            )
        if line in named:
            raise ScaleDataError(f"业务条线“{line}”的数量指定了不止一次。")
        named.add(line)
        counts[line] = int(number)
    return counts


# ---------------------------------------------------------------------------- the tree


def synthetic_province():
    return Unit.objects.filter(name=PROVINCE_NAME, parent=None).first()


def check_options(options: Options) -> None:
    if not 1 <= options.cities <= MAX_CHILDREN:
        raise ScaleDataError(f"市的数量应在1至{MAX_CHILDREN}之间。")
    if not options.cities <= options.districts <= options.cities * MAX_CHILDREN:
        raise ScaleDataError("区县数量不能少于市的数量（每个市至少一个区县），也不能超过每市99个。")
    if any(count < 0 for count in options.counts.values()) or options.batch < 1:
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
            for maker in reversed(makers()):
                for model, unit in maker.records:
                    in_subtree = {f"{unit}__path__startswith": subtree}
                    model.objects.filter(**in_subtree)._raw_delete(alias)
            for hook in _before_delete:
                hook(subtree)
            Unit.objects.filter(path__startswith=subtree)._raw_delete(alias)
            dataversion.bump()
    except IntegrityError as error:
        raise ScaleDataError(
            f"无法删除原有合成数据：仍有其他记录引用合成单位或案件（{error}）。"
        ) from error


def system_user():
    """The owner of every synthetic row: no superuser, no usable password."""
    user, new = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "合成数据"}
    )
    if new:
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


def _assign(districts: list[District], line: str, total: int, rng: random.Random) -> None:
    """Spread `total` records of a line over the districts by weight (counts sum to total)."""
    for district in districts:
        district.counts[line] = 0
    for index in rng.choices(range(len(districts)), [d.weight for d in districts], k=total):
        districts[index].counts[line] += 1


# ---------------------------------------------------------------------------- for the makers


def created(model, user_id: int) -> dict:
    """Who created every row and when. created_at is auto_now_add, which a raw insert does
    not fill: one value for all rows."""
    now = model._meta.get_field("created_at").get_db_prep_save(timezone.now(), connection)
    return {"created_by_id": user_id, "created_at": now}


def batches_of(items: Iterator[tuple], make: Callable[..., dict], size: int) -> Batches:
    """Batches of `size` rows, `make(*item)` for each item in turn."""

    def batches(loader: Loader):
        while chunk := list(islice(items, size)):
            yield [loader.row(make(*item)) for item in chunk]

    return batches


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


# ---------------------------------------------------------------------------- entry point


def _load(load: Load, options: Options) -> None:
    loader = Loader(load.model)
    with (
        transaction.atomic(),
        tqdm(total=load.total, desc=load.label, unit="行", disable=not options.progress) as bar,
    ):
        for batch in load.batches(loader):
            loader.insert(batch)
            bar.update(len(batch))


def generate(options: Options, *, replace: bool = False, log=print, progress=None) -> Tree:
    """Build the synthetic province and load the year's records of every line;
    `progress(done, total)` is told after the units and after each line (a job's page)."""
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
    lines = [(maker, options.counts.get(maker.line, 0)) for maker in makers()]
    for maker, count in lines:
        _assign(tree.districts, maker.line, count, rng)
    run = Run(options, tree, rng, user.pk)
    if progress is not None:
        progress(1, len(lines) + 1)
    for done, (maker, count) in enumerate(lines, start=2):
        for load in maker.loads(run, count):
            _load(load, options)
        if progress is not None:
            progress(done, len(lines) + 1)
    dataversion.bump()  # the bulk loads send no signals
    for hook in _after_generate:
        hook()
    _analyze([Unit, *(model for maker, _ in lines for model, _ in maker.records)])
    if MISSING_WORK_LINES:
        log(f"尚无{MISSING_WORK_LINES}模块，未生成其数据（模块上线后再补充）。")
    return tree


def _analyze(models) -> None:
    """Fresh planner statistics (and, on PostgreSQL, the visibility map that lets an index
    answer alone), as the autovacuum daemon would give them a little later. VACUUM cannot
    run in a transaction: there (in tests) ANALYZE alone."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for model in models:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"{'VACUUM ' if vacuum else ''}ANALYZE {table}")
