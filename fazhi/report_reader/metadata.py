"""Who reports, for which year, when published: read from the title, the opening, the
labelled date of the web page and the signature block."""

import datetime
import re
from dataclasses import dataclass, field

from . import gazetteer
from .numbers import chinese_to_decimal

# The organ of an issuing body, after its place part. A government (or a zone's or street's
# administration) reports on its area at that area's level; any other organ is a department
# of that government, and a ministry (司法部) reports on the whole country.
ORGAN_RE = re.compile(
    r"(人民政府|政府|管理委员会|管委会|工作委员会|委员会|司法局|司法厅|办公室|办事处|管理局|[局厅委办署部])$"
)
GOVERNMENT_RE = re.compile(r"^(?:人民政府|政府|管理委员会|管委会|街道办事处|办事处|街道办|管理局)$")
MINISTRY_RE = re.compile(r"^(?:中华人民共和国|国务院)?[^，。\s]{1,10}?(?:部|总局|委员会|署)$")
LEVELS = {
    gazetteer.PROVINCE: "province",
    gazetteer.CITY: "city",
    gazetteer.COUNTY: "county-district",
    gazetteer.TOWNSHIP: "township",
    gazetteer.ZONE: "zone",
}
NATIONWIDE = "全国"
# "峄城区司法局2022年度…报告", "…社会事业局关于2022年…的报告", "湖北省人民政府关于…的报告"
TITLE_RES = (
    re.compile(r"^(?P<issuer>[^，。；\s]{2,40}?)(?:关于)?(?P<year>\d{4})年度?[^，。；]*报告\s*$"),
    re.compile(r"^(?P<issuer>[^，。；\s]{2,40}?)关于(?P<year>)[^，。；]*报告\s*$"),
)
FIELD_RE = re.compile(r"(?:发布机构|来源|信息来源)\s*[:：]\s*([^\s:：【】|]{2,40})")
FIRST_SENTENCE_YEAR_RE = re.compile(r"(?:^|[\s。])(\d{4})年(?:度|以来)?[，,]")
LABELLED_DATE_RE = re.compile(
    r"(?:发布日期|发布时间|信息时间|发文日期|成文日期)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
CN_DATE_RE = re.compile(
    r"([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日\s*$"
)
OPENING = 1500  # characters in which the first sentence and the labelled fields are looked for


@dataclass
class Metadata:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    region: str | None = None
    agency: str | None = None
    level: str | None = None
    year: int | None = None
    published: str | None = None
    notes: list[str] = field(default_factory=list)  # why the year read differs from a source


def _lines(text: str):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _digits(text: str) -> int:
    if re.fullmatch(r"[〇零一二三四五六七八九]{4}", text):
        return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in text))
    return int(chinese_to_decimal(text))


def _date(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(_digits(year), _digits(month), _digits(day)).isoformat()
    except ValueError:
        return None


def split_issuer(issuer: str) -> tuple[list[gazetteer.Place], str]:
    """The place names at the start of an issuing body and its organ: 峄城区司法局 →
    ([峄城区], 司法局)."""
    places = gazetteer.places(issuer)
    return places, issuer[sum(len(place.name) for place in places) :]


def level_of(places: list[gazetteer.Place], organ: str) -> str | None:
    if not places:
        return "department" if organ and MINISTRY_RE.match(organ) else None
    if places[-1].kind == gazetteer.TOWNSHIP:
        return "township"  # a street's or a 片区's administration, or a township's office
    if not organ or GOVERNMENT_RE.match(organ):
        return LEVELS[places[-1].kind]
    return "department"


def _fuller_region(region: str, text: str) -> str:
    """The region with the higher places the opening names right before it: 君山片区 →
    平潭综合实验区君山片区, 静海区 → 天津市静海区 ("天津市静海区人民政府" in the page's
    header). Only gazetteer names and zones count as the higher places, so that no word
    before a place name ("在君山片区") is taken for one."""
    best = region
    for match in re.finditer(re.escape(region), text):
        for start in range(max(0, match.start() - 24), match.start()):
            prefix = text[start : match.start()]
            places = gazetteer.places(prefix)
            if (
                len(prefix) + len(region) > len(best)
                and sum(len(place.name) for place in places) == len(prefix)
                and all(place.known or place.kind == gazetteer.ZONE for place in places)
            ):
                best = prefix + region
    return best


def _title(text: str) -> tuple[str, int, int] | None:
    for offset, line in list(_lines(text))[:12]:
        stripped = re.sub(r"^\s*标题\s*[:：]\s*", "", line).strip()
        if any(pattern.match(stripped) for pattern in TITLE_RES):
            start = offset + line.index(stripped)
            return stripped, start, start + len(stripped)
    return None


def _signature(text: str) -> tuple[str | None, str | None]:
    """(issuing body, date) of a closing "河东区司法局 / 2025年1月17日" block."""
    lines = [line.strip() for _, line in _lines(text) if line.strip()][-6:]
    for index, line in enumerate(lines):
        match = CN_DATE_RE.search(line)
        if not match:
            continue
        date = _date(*match.groups())
        body = line[: match.start()].strip() or (lines[index - 1] if index else "")
        return (body if ORGAN_RE.search(body) and len(body) < 30 else None), date
    return None, None


def _closing_year(date: str | None) -> int | None:
    """The year a closing date reports on: reports are signed from December of that year
    to the spring after it (published by 1 April: 法治政府建设与责任落实督察工作规定 第二十四条)."""
    if not date:
        return None
    year, month = int(date[:4]), int(date[5:7])
    return year if month >= 7 else year - 1


def _year(meta: Metadata, title_year: int | None, text: str, sign_date: str | None):
    """The year reported on: from the title, else the first sentence ("2022年，…"), else
    the closing date; a note says why when those sources disagree."""
    match = FIRST_SENTENCE_YEAR_RE.search(text[:OPENING])
    sources = (
        ("标题", title_year),
        ("首句", int(match[1]) if match else None),
        ("落款日期", _closing_year(sign_date)),
    )
    stated = [(name, year) for name, year in sources if year]
    if not stated:
        return
    (chosen_name, meta.year), others = stated[0], stated[1:]
    for name, year in others:
        if year != meta.year:
            meta.notes.append(
                f"报告年度取{chosen_name}所述{meta.year}年；{name}所示为{year}年，"
                f"以{chosen_name}为准（标题、首句、落款日期依次优先）"
            )


def read_metadata(text: str) -> Metadata:
    """Metadata from the normalised text (simplified, residue still present)."""
    meta = Metadata()
    sign_body, sign_date = _signature(text)
    title_year, issuer = None, None
    if title := _title(text):
        meta.title, start, end = title
        meta.title_span = (start, end)
        match = next(m for pattern in TITLE_RES if (m := pattern.match(meta.title)))
        issuer = match["issuer"].strip()
        title_year = int(match["year"]) if match["year"] else None
    fields = FIELD_RE.findall(text[:OPENING]) + FIELD_RE.findall(text[-300:])
    candidates = [c for c in (issuer, sign_body, *fields) if c]
    for candidate in candidates:
        places, organ = split_issuer(candidate)
        if places or (organ and MINISTRY_RE.match(organ)):
            break
    else:
        places, organ, candidate = [], "", None
    if candidate:
        if places:
            meta.region = "".join(place.name for place in places)
            meta.region = _fuller_region(meta.region, "\n".join([*candidates, text[:OPENING]]))
        else:
            meta.region = NATIONWIDE
        # a bare place name issues the report of its government: 淄博市 → 淄博市人民政府,
        # named as the page or the signature names it (君山片区 → 君山片区管理局)
        organ = organ or _government_named(candidates, places) or _government_of(places)
        meta.agency = candidate if candidate.endswith(organ) else candidate + organ
        meta.level = level_of(places, organ)
    _year(meta, title_year, text, sign_date)
    if match := LABELLED_DATE_RE.search(text):
        meta.published = _date(*match.groups())
    meta.published = meta.published or sign_date
    return meta


def _government_named(candidates: list[str], places: list[gazetteer.Place]) -> str | None:
    for candidate in candidates:
        other, organ = split_issuer(candidate)
        if other and places and other[-1].name == places[-1].name and GOVERNMENT_RE.match(organ):
            return organ
    return None


def _government_of(places: list[gazetteer.Place]) -> str:
    if places and places[-1].kind == gazetteer.ZONE:
        return "管委会"
    if places and places[-1].kind == gazetteer.TOWNSHIP and places[-1].name.endswith("街道"):
        return "办事处"
    return "人民政府"
