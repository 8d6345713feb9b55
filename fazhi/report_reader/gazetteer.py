"""China's administrative divisions, from the gazetteer that jionlp ships (province, city,
county and township names, updated with each release), read once. Only the data file is
read: importing jionlp itself loads its segmenter and prints a banner on stdout.

`places(name)` splits the place part off an issuing body's name ("深圳市龙华区人民政府" →
深圳市, 龙华区) and says what each piece is; names the gazetteer does not know (zones, 片区,
new streets) are split by the shape of their suffix."""

import importlib.util
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROVINCE, CITY, COUNTY, TOWNSHIP, ZONE = "province", "city", "county", "township", "zone"
# The shape of a place name the gazetteer lacks, longest suffix first.
SUFFIXES = (
    (ZONE, r"综合实验区|经济技术开发区|高新技术产业开发区|示范区|开发区|高新区|新区|试验区|实验区|园区|保税区|自贸区"),
    (TOWNSHIP, r"片区|街道|镇|乡"),
    (COUNTY, r"自治县|自治旗|县|旗|区"),
    (CITY, r"自治州|地区|盟|市"),
    (PROVINCE, r"自治区|特别行政区|省"),
)  # fmt: skip
_SHAPE_RE = re.compile(
    "|".join(rf"(?P<{kind}>[\u4e00-\u9fff]{{1,12}}?(?:{suffix}))" for kind, suffix in SUFFIXES)
)
# words of organs and titles, never inside a place name
_NOT_A_PLACE_RE = re.compile(r"办事处|政府|委员会|管委会|[局厅部委]|关于|报告|工作")
# a name of a place's shape never begins with a preposition or a conjunction: "大中街道在区委…"
# is 大中街道 and the words after it, not a district called 在区
_NOT_A_PLACE_START = "在于对向从和与及的为按由经"
# provinces and cities at the margin, counties one tab in, townships two (villages, three, skipped)
DEPTH_KINDS = {0: PROVINCE, 1: CITY, 2: COUNTY, 3: TOWNSHIP}
_ZONE_RE = re.compile(f"(?:{SUFFIXES[0][1]})$")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@dataclass(frozen=True)
class Place:
    name: str  # as written
    kind: str  # province | city | county | township | zone
    known: bool  # found in the gazetteer


def _gazetteer_file() -> Path:
    spec = importlib.util.find_spec("jionlp")
    return Path(spec.origin).parent / "dictionary" / "china_location.zip"


@cache
def _load() -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every name of the gazetteer → its kind (the highest kind a name has), and every
    county's and township's name → the names of the places above it (of each place of
    that name: 东城街道 is in a dozen counties)."""
    names: dict[str, str] = {}
    above: dict[str, set[str]] = {}
    chain = ["", "", "", ""]
    with zipfile.ZipFile(_gazetteer_file()) as archive:
        text = archive.read("china_location.txt").decode("utf-8")
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth in DEPTH_KINDS and (name := line.strip().split("\t")[0]):
            kind = CITY if depth == 0 and name in MUNICIPALITIES else DEPTH_KINDS[depth]
            names.setdefault(name, kind)
            chain[depth] = name
            if depth >= 2:
                above.setdefault(name, set()).update(chain[1:depth])
    return names, above


def _names() -> dict[str, str]:
    return _load()[0]


def above(name: str) -> set[str]:
    """The names of the cities and counties that hold a place called `name`."""
    return _load()[1].get(name, set())


def contains(higher: str, name: str) -> bool:
    """Whether a place called `higher` (a city or county) holds a place called `name`."""
    return higher in _load()[1].get(name, ())


def kind_of(name: str) -> str | None:
    return _names().get(name)


def places(text: str) -> list[Place]:
    """The place names at the start of `text`, in order: the longest known name at each
    point, else a name of a place's shape ("君山片区")."""
    names, found, index = _names(), [], 0
    while index < len(text):
        known = next(
            (
                end
                for end in range(min(len(text), index + 14), index + 1, -1)
                if text[index:end] in names
            ),
            None,
        )
        if known:
            name = text[index:known]
            kind = ZONE if _ZONE_RE.search(name) else names[name]
            found.append(Place(name, kind, True))
            index = known
            continue
        match = _SHAPE_RE.match(text, index)
        if not match or _NOT_A_PLACE_RE.search(match[0]) or match[0][0] in _NOT_A_PLACE_START:
            break
        found.append(Place(match[0], match.lastgroup, False))
        index = match.end()
    return found


@cache
def names_of(kind: str) -> dict[str, str]:
    """Every name of a kind (cities, provinces) and its short form (广州 → 广州市, 四川 →
    四川省, 广西 → 广西壮族自治区) → the full name."""
    found: dict[str, str] = {}
    for name, name_kind in _names().items():
        if name_kind != kind or _ZONE_RE.search(name):
            continue
        found[name] = name
        short = re.sub(r"(壮族|回族|维吾尔)?(自治区|特别行政区|省|市|地区|盟)$", "", name)
        if len(short) >= 2 and short != name:
            found.setdefault(short, name)
    return found


def most_named(text: str, kind: str) -> str | None:
    """The place of a kind the text names most often, in full or short (ties: the first
    named): 司法厅 … 平安四川、法治四川 → 四川省."""
    counts: dict[str, list[int]] = {}
    for form, name in names_of(kind).items():
        if (first := text.find(form)) >= 0:
            entry = counts.setdefault(name, [0, first])
            entry[0] += text.count(form) if form == name else text.count(form) - text.count(name)
            entry[1] = min(entry[1], first)
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name][0], counts[name][1]))
