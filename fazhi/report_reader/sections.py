"""The report's statutory parts (annual_report.md): found by their top-level headings
("一、…", "二、…") whatever their wording and order, or, without a heading, as prose merged
into another paragraph ("…2024年我区将…"); otherwise missing."""

import re
from dataclasses import dataclass

KEYS = ("measures_and_results", "first_responsible_person", "problems", "next_year_plan", "other")
REQUIRED = KEYS[:4]
NAMES = {
    "measures_and_results": "推进法治政府建设的主要举措和成效",
    "first_responsible_person": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "problems": "推进法治政府建设存在的不足和原因",
    "next_year_plan": "下一年度推进法治政府建设的主要安排",
    "other": "其他需要报告的情况",
}

# Heading numbers by rank: a report's parts are its highest-ranked numbered lines (一、 or
# 第一部分; （一） or 1. when the report numbers nothing higher).
_CN = "[一二三四五六七八九十]{1,3}"
MARKERS = (
    rf"第{_CN}部分|{_CN}、",
    rf"[（(]{_CN}[)）]",
    r"\d{1,2}[.．、](?!\d)",
)
HEADING_RE = re.compile(rf"^\s*(?:{MARKERS[0]})\s*\S")
RANKED_HEADING_RES = tuple(re.compile(rf"^\s*(?:{marker})\s*\S") for marker in MARKERS)
# In a text without line breaks a heading starts after a break or a sentence and runs to
# the next gap, sub-heading or full stop.
INLINE_HEADING_RE = re.compile(
    rf"(?:^|(?<=[\s\u3000。；！]))(?:{MARKERS[0]})[^\s\u3000。；！（(]{{2,40}}"
)
# …or, unnumbered, is one of the parts' own phrases standing alone before a gap or colon.
PHRASE_HEADING_RE = re.compile(
    r"(?:^|(?<=[\s\u3000。；！]))(?:"
    r"(?:推进法治政府建设|法治政府建设)?(?:的)?主要(?:举措|工作|做法)(?:和|及)?(?:成效|成绩)?"
    r"|(?:党政)?主要负责人履行[^\s\u3000。；]{0,24}职责(?:情况)?"
    r"|(?:推进法治政府建设)?存在的?(?:主要)?(?:问题|不足)[^\s\u3000。，；]{0,10}"
    r"|(?:下一步|下一年度|\d{4}年度?)(?:推进法治政府建设)?(?:的)?(?:主要|重点)?(?:工作)?(?:计划|打算|安排|思路|要点))"
    r"(?=[\s\u3000:：])"
)
ONE_LINE = 600  # a paragraph this long with numbered parts inside it is a whole body
# Checked in this order: a 第一责任人 heading may also speak of 加强法治政府建设.
CLASSIFIERS = (
    ("first_responsible_person", re.compile(r"第一责任人|主要负责人履行|主要负责人.{0,8}职责")),
    ("problems", re.compile(r"问题|不足|短板|差距|困难")),
    ("next_year_plan", re.compile(r"安排|计划|打算|思路|下一步|展望|工作要点|重点工作")),
    ("other", re.compile(r"其他")),
    ("measures_and_results", re.compile(r"举措|成效|做法|主要工作|工作情况|进展|成绩")),
)
# A part merged into another under its own sub-heading or lead sentence: "（一）党政主要负责人
# 履行…第一责任人职责一是…" (a one-line text: the sub-heading anywhere), "二是切实推进第一
# 责任人职责。…" (the seeds' gold counts such an item as the part merged).
LEAD_FRP_RE = re.compile(
    r"(?:(?:^|[。；;])\s*(?:[一二三四五六七八九十]是|\(?[一二三四五六七八九十\d]+[)、.])?|[（(][一二三四五六七八九十]{1,2}[)）])"
    r"[^。；;]{0,30}第一责任人[^。；;]*?(?:[。；;]|(?=[一二三四五六七八九十]是))"
)
PROBLEM_SENTENCE_RE = re.compile(
    r"[^。！]*?(?:但|然而|不过)[^。！]*?(?:问题|不足|短板|差距|薄弱)[^。！]*[。！]?"
)
CLOSING_RE = re.compile(r"^\s*(?:总体上|总体来看|总的来看|总之|综上)")
SIGN_DATE_RE = re.compile(
    r"^\s*(?:\S{2,30}\s+)?[\d〇零一二三四五六七八九]{4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日\s*$"
)


@dataclass
class Section:
    status: str  # present | merged | missing
    title: str | None = None
    span: tuple[int, int] | None = None

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "title": self.title,
            "span": list(self.span) if self.span else None,
        }


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = offset + len(line) - len(line.lstrip())
            spans.append((start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return spans


def _classify(title: str) -> str | None:
    compact = re.sub(r"\s+", "", title)
    for key, pattern in CLASSIFIERS:
        if pattern.search(compact):
            return key
    return None


def _body_end(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """Where the report's body ends: before the signature block (issuing body, date)."""
    end = paragraphs[-1][1] if paragraphs else 0
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 4, -1), -1):
        start, stop = paragraphs[index]
        if SIGN_DATE_RE.match(text[start:stop]):
            previous = paragraphs[index - 1] if index else None
            if (
                previous
                and previous[1] - previous[0] <= 30
                and not re.search(r"[。，]", text[previous[0] : previous[1]])
            ):
                return previous[0]
            return start
    return end


def find_sections(text: str, original: str, year: int | None) -> dict[str, Section]:
    """The parts of a report found in the analysed `text` (simplified, residue blanked);
    titles are quoted from the `original` text, which has the same offsets."""
    paragraphs = _paragraphs(text)
    body_end = _body_end(text, paragraphs)
    headings = _headings(text, paragraphs)
    result: dict[str, Section] = {}
    unclassified: list[int] = []
    for index, (start, stop) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else body_end
        key = _classify(text[start:stop])
        if key is None:
            unclassified.append(index)
        elif key not in result:
            result[key] = Section("present", original[start:stop], (start, _trim(text, start, end)))
    merged = _merged_parts(text, paragraphs, result, year, body_end)
    if "measures_and_results" not in result and unclassified:
        first = headings[unclassified[0]][0]
        last = unclassified[-1]
        end = headings[last + 1][0] if last + 1 < len(headings) else body_end
        merged_starts = [
            merged[key].span[0]
            for key in ("problems", "next_year_plan")
            if key in merged and merged[key].span[0] > first
        ]
        for paragraph_start, paragraph_end in paragraphs:
            if merged_starts and paragraph_start <= min(merged_starts) < paragraph_end:
                end = min(end, paragraph_start)
        title_start, title_end = headings[unclassified[0]]
        result["measures_and_results"] = Section(
            "present", original[title_start:title_end], (first, _trim(text, first, end))
        )
    result.update({key: section for key, section in merged.items() if key not in result})
    if "measures_and_results" not in result and paragraphs:
        # the measures told as prose before the first part with a heading
        body_start = paragraphs[0][0]
        first = min((s.span[0] for s in result.values() if s.status == "present"), default=0)
        if first - body_start >= ONE_LINE:
            result["measures_and_results"] = Section("merged", None, (body_start, first))
    return {key: result.get(key, Section("missing")) for key in KEYS}


def _headings(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the top-level headings: short numbered lines of the highest rank the
    report uses, else headings inside long one-line paragraphs."""
    for pattern in RANKED_HEADING_RES:
        found = [(s, e) for s, e in paragraphs if e - s <= 100 and pattern.match(text[s:e])]
        if len(found) >= 2 or (found and pattern is RANKED_HEADING_RES[0]):
            return found
    long = [(start, stop) for start, stop in paragraphs if stop - start >= ONE_LINE]
    for pattern in (INLINE_HEADING_RE, PHRASE_HEADING_RE):
        found = [m.span() for start, stop in long for m in pattern.finditer(text, start, stop)]
        if found:
            return found
    return []


def _trim(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip())


def _merged_parts(text, paragraphs, found, year, body_end) -> dict[str, Section]:
    """Parts without a heading, stated in prose: a paragraph whose lead names the
    第一责任人 duty, a closing sentence with 但…问题, a sentence on next year's work."""
    merged: dict[str, Section] = {}
    candidates = [
        (s, e) for s, e in paragraphs if e <= body_end and not HEADING_RE.match(text[s:e])
    ]
    if "first_responsible_person" not in found:
        for start, stop in candidates:
            if match := LEAD_FRP_RE.search(text, start, stop):
                lead = match.start() + (1 if text[match.start()] in "。；;" else 0)
                clause_end = re.search(r"[一二三四五六七八九十]是|$", text[match.end() : stop])
                merged["first_responsible_person"] = Section(
                    "merged", None, (lead, match.end() + clause_end.start())
                )
                break
    closing = [(s, e) for s, e in candidates if CLOSING_RE.match(text[s:e])] or candidates[-1:]
    if "problems" not in found:
        for start, stop in closing:
            if match := PROBLEM_SENTENCE_RE.search(text, start, stop):
                merged["problems"] = Section("merged", None, (match.start(), match.end()))
                break
    if "next_year_plan" not in found and year:
        plan_re = re.compile(
            rf"(?:{year + 1}年(?:度)?|明年|下一步|新的一年)[^。]{{0,12}}(?:将|要|计划|继续)"
        )
        for start, stop in reversed(candidates):
            if match := plan_re.search(text, start, stop):
                merged["next_year_plan"] = Section("merged", None, (match.start(), stop))
                break
    return merged
