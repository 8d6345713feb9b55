"""Who reports, for which year, when published: read from the title, the opening, the
labelled date of the web page and the signature block."""

import datetime
import re
from dataclasses import dataclass

from .numbers import chinese_to_decimal

ORGAN_RE = re.compile(
    r"(人民政府|政府|管理委员会|管委会|工作委员会|委员会|司法局|司法厅|办公室|[局厅委办署])$"
)
REGION_RE = re.compile(
    r"^(?:.{1,10}?(?:省|自治区))?(?:.{1,10}?(?:市|自治州|地区|盟))?"
    r"(?:.{1,12}?(?:示范区|开发区|高新区|新区|试验区|园区|区|县|旗))?(?:.{1,8}?(?:镇|乡|街道))?"
)
ZONE_RE = re.compile(r"(示范区|开发区|高新区|新区|试验区|园区)$")
TITLE_RE = re.compile(r"^(?P<issuer>.+?)(?:关于)?(?P<year>\d{4})年度?.*报告\s*$")
LABELLED_DATE_RE = re.compile(
    r"(?:发布日期|发布时间|信息时间|发文日期|成文日期)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
CN_DATE_RE = re.compile(
    r"([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日\s*$"
)
OPENING_YEAR_RE = re.compile(r"^\s*(\d{4})年(?:度|以来)?[，,]")


@dataclass
class Metadata:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    region: str | None = None
    agency: str | None = None
    level: str | None = None
    year: int | None = None
    published: str | None = None


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


def region_of(agency: str) -> str:
    """The place part of an issuing body: 峄城区司法局 → 峄城区."""
    match = REGION_RE.match(agency)
    return match.group(0) if match and match.group(0) else agency


def level_of(agency: str, region: str) -> str | None:
    organ = agency[len(region) :]
    if ZONE_RE.search(region) or organ in ("管委会", "管理委员会"):
        return "zone"
    if organ and organ not in ("人民政府", "政府"):
        return "department"
    for suffixes, level in (
        (("省", "自治区"), "province"),
        (("市", "自治州", "地区", "盟"), "city"),
        (("区", "县", "旗"), "county-district"),
        (("镇", "乡", "街道"), "township"),
    ):
        if region.endswith(suffixes):
            return level
    return None


def _title(text: str) -> tuple[str, int, int] | None:
    for offset, line in list(_lines(text))[:12]:
        stripped = re.sub(r"^\s*标题\s*[:：]\s*", "", line).strip()
        if TITLE_RE.match(stripped):
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


def read_metadata(text: str) -> Metadata:
    """Metadata from the normalised text (simplified, residue still present)."""
    meta = Metadata()
    sign_body, sign_date = _signature(text)
    issuer = None
    if title := _title(text):
        meta.title, start, end = title
        meta.title_span = (start, end)
        match = TITLE_RE.match(meta.title)
        issuer, meta.year = match["issuer"].strip(), int(match["year"])
    issuer = issuer or sign_body
    if issuer:
        if ORGAN_RE.search(issuer) and region_of(issuer) != issuer:
            meta.agency, meta.region = issuer, region_of(issuer)
        else:  # a bare place name issues the report of its government: 淄博市 → 淄博市人民政府
            meta.agency, meta.region = issuer + "人民政府", issuer
        meta.level = level_of(meta.agency, meta.region)
    if meta.year is None:
        for _, line in _lines(text):
            if match := OPENING_YEAR_RE.match(line):
                meta.year = int(match[1])
                break
    if match := LABELLED_DATE_RE.search(text):
        meta.published = _date(*match.groups())
    meta.published = meta.published or sign_date
    return meta
