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
    # "2020年静海区法治政府建设情况报告", "2021年法治政府建设工作情况报告"
    re.compile(
        r"^(?P<year>\d{4})年度?(?P<issuer>[^，。；\s\d]{0,20}?)法治政府建设[^，。；]*报告\s*$"
    ),
)
# a title inside running text (one-line pages): "…www.x.com湖北省人民政府关于2023年度…的报告2023年，"
INLINE_TITLE_RE = re.compile(
    r"(?<!《)(?P<issuer>[\u4e00-\u9fff]{2,30}?)关于(?P<year>\d{4})年度?[^，。；,;《》]{0,30}?报告"
)
# the organ right after a place named in running text: "越城区司法局紧紧…", "任城区政府在…"
ORGAN_START_RE = re.compile(
    r"(?:人民政府|政府|管理委员会|管委会|街道办事处|办事处|司法局|司法厅|司法行政系统|[\u4e00-\u9fff]{1,6}?(?:局|委员会|厅))"
)
# the subject of a first sentence that names no place: a ministry, or the body's own organ
MINISTRY_SUBJECT_RE = re.compile(
    r"^\s*\d{4}年(?:度|以来)?[，,]\s*((?:中华人民共和国)?(?:(?![各全省市县区镇乡街局])[\u4e00-\u9fff]){1,6}部)"
)
OWN_ORGAN_RE = re.compile(
    r"(?:^|[，,]|\d{4}年(?:度|以来)?)\s*(?:"
    # "县司法局紧紧…", "市政府办公厅坚持…"
    r"(?P<level>[省市县区镇乡])(?P<organ>(?:人民)?政府办公[厅室]|司法局|司法厅|[\u4e00-\u9fff]{1,6}?[局厅]|人民政府|政府)"
    r"|全(?P<system>[省市县区])司法行政系统"  # "全市司法行政系统在市委…": the 司法局's report
    r"|(?P<bare>司法厅|司法局)"  # "司法厅坚持…": a province's 厅, a city's or county's 局
    r")"
)
HEADING_YEAR_RE = re.compile(r"(?:^|\n)\s*[一1][、.．]\s*(\d{4})年")
FIELD_RE = re.compile(r"(?:发布机构|来源|信息来源)\s*[:：]\s*([^\s:：【】|]{2,40})")
FIRST_SENTENCE_YEAR_RE = re.compile(r"(?:^|[\s。])(\d{4})年(?:度|以来)?[，,]")
# "根据…部署，2023年，清波街道…": the year after a first sentence's preamble
# "2024年县司法局在县委…": a first sentence led by its year without a comma
LEADING_YEAR_RE = re.compile(r"(?:^|\n)\s*(\d{4})年(?![\d度月日])")
CLAUSE_YEAR_RE = re.compile(r"[，,；;](\d{4})年(?:度|以来)?[，,]")
SENTENCE_END_RE = re.compile(r"[。！？]")
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
    organ = issuer[sum(len(place.name) for place in places) :]
    # a street's office named under its district's government: 鲤城区人民政府金龙街道办事处
    for government in ("人民政府", "政府"):
        if places and organ.startswith(government):
            if lower := gazetteer.places(organ[len(government) :]):
                places = places + lower
                organ = organ[len(government) + sum(len(place.name) for place in lower) :]
            break
    return places, organ


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


def _named_above(places: list[gazetteer.Place], text: str) -> str:
    """The city and county that hold the region, where the opening names them anywhere and
    the gazetteer says they hold it: 镜湖区 … 芜湖市 → 芜湖市; 东城街道 … 清城区 → 清城区."""
    first = places[0]
    if not first.known or first.kind not in (gazetteer.COUNTY, gazetteer.TOWNSHIP):
        return ""
    # the region's own name is no naming of the city above it: 岳阳县 says nothing of 岳阳市
    text = text.replace(first.name, "\x01")
    named = sorted(
        (text.index(form), h)
        for h in gazetteer.above(first.name)
        for form in (h, _short(h))
        if form and form in text
    )
    county = next(
        (
            h
            for _, h in named
            if first.kind == gazetteer.TOWNSHIP and gazetteer.kind_of(h) == gazetteer.COUNTY
        ),
        "",
    )
    city = next(
        (
            h
            for _, h in named
            if gazetteer.kind_of(h) == gazetteer.CITY
            and (not county or gazetteer.contains(h, county))
        ),
        "",
    )
    return city + county


def _short(name: str) -> str:
    """A city's or county's name as often written without its suffix: 深圳市 → 深圳."""
    short = re.sub(r"(市|县|区)$", "", name)
    return short if len(short) >= 2 and short != name else ""


def _outside_quotes(text: str, index: int) -> bool:
    """Whether `index` is outside any 《…》 (a title quoted in the text is another document)."""
    return text.rfind("《", 0, index) <= text.rfind("》", 0, index)


def _title(text: str) -> tuple[str, int, int] | None:
    previous = ""
    for offset, line in list(_lines(text))[:12]:
        stripped = re.sub(r"^\s*标题\s*[:：]\s*", "", line).strip()
        if any(pattern.match(stripped) for pattern in TITLE_RES):
            start = offset + line.index(stripped)
            # a title broken after its issuing body: "重庆市开州区发展和改革委员会 / 关于…的报告"
            if stripped.startswith("关于") and _organ_line(previous):
                return previous + stripped, start, start + len(stripped)
            return stripped, start, start + len(stripped)
        previous = stripped or previous
    return None


def _organ_line(line: str) -> bool:
    """A line that is an issuing body and nothing else: "眉山市彭山区公义镇人民政府"."""
    if not 3 <= len(line) <= 30:
        return False
    places, organ = split_issuer(line)
    return (
        bool(places)
        and places[0].known
        and 0 < len(organ) <= 12
        and re.fullmatch(r"[\u4e00-\u9fff]+", organ) is not None
        and ORGAN_RE.search(organ) is not None
    )


def _issuers_in_text(text: str) -> list[str]:
    """Issuing bodies named where no title or signature names one, in this order: a line
    that is an issuing body alone, a title inside running text, the subject of the first
    sentence ("2022年以来，越城区司法局紧紧…"), and the county, street or zone the opening
    names most often (its own area: "区政府…成立铜梁区…")."""
    opening = text[:OPENING]
    found = [line.strip() for _, line in list(_lines(opening))[:12] if _organ_line(line.strip())]
    found += [
        match["issuer"][start:]
        for match in INLINE_TITLE_RE.finditer(opening)
        if _outside_quotes(opening, match.start())
        for start in range(len(match["issuer"]) - 1)
        if (places := gazetteer.places(match["issuer"][start:])) and places[0].known
    ][:1]
    body = opening[title_end:] if (title_end := _title_end(opening)) else opening
    organ, own = "", None
    if sentence := SENTENCE_END_RE.split(body.lstrip(), maxsplit=1)[0]:
        if subject := _first_place(sentence):
            found.append(subject)
        elif ministry := MINISTRY_SUBJECT_RE.search(sentence):
            found.append(ministry[1])  # "2022年，司法部坚持…"
        elif own := OWN_ORGAN_RE.search(sentence):
            # "2022年，县司法局紧紧…": the organ of the place of its level named most
            level, organ = _own_organ(own)
            if level in ("省", "市"):
                kind = gazetteer.PROVINCE if level == "省" else gazetteer.CITY
                if place := gazetteer.most_named(opening, kind):
                    found.append(place + organ)
            elif level in ("县", "区") and (county := _most_named(opening, least=1)):
                found.append(county + organ)  # "区司法局…": the one district named
    if most := _most_named(opening):
        found.append(most + organ)
    # a bare 司法局 where no county is named: a city's
    bare = own and not own["level"] and organ == "司法局"
    if bare and (city := gazetteer.most_named(opening, gazetteer.CITY)):
        found.append(city + organ)
    return found


def _own_organ(match: re.Match) -> tuple[str, str]:
    """The level (省, 市, 县 …) and the organ of a first sentence's subject that names no
    place; a bare 司法厅 is a province's, a bare 司法局 a county's or city's."""
    if match["level"]:
        return match["level"], match["organ"]
    if match["system"]:
        return match["system"], "司法厅" if match["system"] == "省" else "司法局"
    return ("省" if match["bare"] == "司法厅" else ""), match["bare"]


def _title_end(text: str) -> int | None:
    title = _title(text)
    return title[2] if title else None


def _first_place(sentence: str) -> str | None:
    for index in range(len(sentence)):
        places = gazetteer.places(sentence[index : index + 30])
        if (
            places
            and places[0].known
            and places[0].kind != gazetteer.PROVINCE
            or (places and places[0].kind == gazetteer.ZONE)
        ):
            rest = sentence[index + sum(len(place.name) for place in places) :]
            organ = ORGAN_START_RE.match(rest)
            organ = (organ[0] if organ else "").replace("司法行政系统", _justice_organ(places))
            return "".join(place.name for place in places) + organ
    return None


def _justice_organ(places: list[gazetteer.Place]) -> str:
    """A place's 司法行政系统 reports as its 司法厅 (a province) or 司法局."""
    return "司法厅" if places and places[-1].kind == gazetteer.PROVINCE else "司法局"


def _most_named(text: str, least: int = 2) -> str | None:
    """The county, street or township the text names most often, at least `least` times;
    a county named once in full counts its short mentions too (越城区 … 法治越城)."""
    names: dict[str, int] = {}
    for match in re.finditer(r"[\u4e00-\u9fff]{1,12}?(?:区|县|街道|镇|乡)", text):
        name = match[0]
        for start in range(len(name) - 1):
            if gazetteer.kind_of(name[start:]) in (gazetteer.COUNTY, gazetteer.TOWNSHIP):
                names[name[start:]] = names.get(name[start:], 0) + 1
                break
    if not names:
        return None
    for name in names:
        if (short := _short(name)) and gazetteer.kind_of(name) == gazetteer.COUNTY:
            names[name] += text.count(short) - text.count(name)
    best = max(names.values())
    return next(name for name, count in names.items() if count == best) if best >= least else None


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
    first = SENTENCE_END_RE.split(text[:OPENING], maxsplit=1)[0]
    match = (
        FIRST_SENTENCE_YEAR_RE.search(text[:OPENING])
        or CLAUSE_YEAR_RE.search(first)
        or LEADING_YEAR_RE.search(first)
    )
    sources = (
        ("标题", title_year),
        ("首句", int(match[1]) if match else None),
        ("落款日期", _closing_year(sign_date)),
        (
            "首个标题",
            int(heading[1]) if (heading := HEADING_YEAR_RE.search(text[:OPENING])) else None,
        ),
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
    if not meta.title:
        inline = (
            m for m in INLINE_TITLE_RE.finditer(text[:OPENING]) if _outside_quotes(text, m.start())
        )
        if match := next(inline, None):
            title_year = int(match["year"])
    fields = FIELD_RE.findall(text[:OPENING]) + FIELD_RE.findall(text[-300:])
    candidates = [c for c in (issuer, sign_body, *fields) if c]
    for candidate in _candidates(candidates, text):
        places, organ = split_issuer(candidate)
        if places or (organ and MINISTRY_RE.match(organ)):
            break
    else:
        places, organ, candidate = [], "", None
    if candidate:
        if places:
            meta.region = "".join(place.name for place in places)
            named = "\n".join([*candidates, text[:OPENING]])
            meta.region = _fuller_region(meta.region, named)
            if meta.region == "".join(place.name for place in places):
                meta.region = _named_above(places, named) + meta.region
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


def _candidates(candidates: list[str], text: str):
    yield from candidates
    found = _issuers_in_text(text)
    candidates += found  # the fuller region and the organ are looked for in these too
    yield from found


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
