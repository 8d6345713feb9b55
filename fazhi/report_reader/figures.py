"""Figures of a report mapped to catalog indicators. The words before a number name it
("审结1765件"); the passage around it says which work line it belongs to ("全年共审结1765件"
after a sentence on 行政复议 is a reconsideration figure, "办结712件" after 法律援助案件 a
legal-aid one)."""

import re
from dataclasses import dataclass

from .numbers import Quantity, find_quantities
from .wordings import AREAS, WORDINGS, Wording

SENTENCE_END = "。！？!?"
CLAUSE_END = "，,；;：:。！？!?\n"
_AREA_RES = {area: re.compile(pattern) for area, pattern in AREAS.items()}
_TERM_RES = {wording.id: [re.compile(term) for term in wording.terms] for wording in WORDINGS}
_EACH_RE = re.compile(r"均|都|全部|分别")
SHORT_CLAUSE = 6


@dataclass
class Figure:
    indicator: str | None
    value: int | float
    qualifier: str
    unit: str
    quote: str
    span: tuple[int, int]

    def as_dict(self) -> dict:
        data = {
            "indicator": self.indicator,
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "quote": self.quote,
            "span": list(self.span),
        }
        if self.indicator is None:
            del data["indicator"]
        return data


@dataclass
class _Context:
    text: str  # words that may name the figure: the clause head (for "、" lists) and the window
    head: int  # matches must end after this offset in `text`
    floor: int  # and start at or after this one
    after: str  # words right after the number, to the end of the clause
    area: str | None  # the work line the passage before speaks of
    areas: set[str]  # work lines named in the figure's own words


def _last_area(text: str) -> str | None:
    best, best_end = None, -1
    for area, pattern in _AREA_RES.items():
        for match in pattern.finditer(text):
            if match.end() > best_end:
                best, best_end = area, match.end()
    return best


def _areas_in(text: str) -> set[str]:
    return {area for area, pattern in _AREA_RES.items() if pattern.search(text)}


def _last_match(wording: Wording, text: str, head: int, floor: int = 0) -> re.Match | None:
    """The match of the wording's terms ending nearest the number (the longest on a tie)."""
    best = None
    for pattern in _TERM_RES[wording.id]:
        for match in pattern.finditer(text):
            if (
                match.end() > head
                and match.start() >= floor
                and (best is None or (match.end(), len(match[0])) > (best.end(), len(best[0])))
            ):
                best = match
    return best


def _candidates(context: _Context, quantity: Quantity) -> list[tuple[tuple, Wording, bool]]:
    found = []
    for wording in WORDINGS:
        if quantity.unit not in wording.accepted_units:
            continue
        if wording.area and wording.area != context.area and wording.area not in context.areas:
            continue
        if wording.exclude and re.search(wording.exclude, context.text):
            continue
        if match := _last_match(wording, context.text, context.head, context.floor):
            found.append(((1, match.end(), len(match[0])), wording, True))
        elif wording.after and (match := _last_match(wording, context.after, 0)):
            found.append(((0, -match.start(), len(match[0])), wording, False))
    return sorted(found, key=lambda item: item[0], reverse=True)


def _choose(context: _Context, quantity: Quantity, sentence: str) -> tuple[list[str], bool]:
    """The indicators a quantity states (usually one; "A率、B率均达到100%" states two), and
    whether the naming words come after the number."""
    found = _candidates(context, quantity)
    if not found:
        return [], False
    (score, best, before), rest = found[0], found[1:]
    chosen = [best.id]
    if before and _EACH_RE.search(context.text[score[1] :]):
        chosen += [wording.id for other, wording, pre in rest if pre and other[2] > 1]
    if chosen == ["reconsideration.correction_rate"] and "综合纠错" in sentence:
        chosen = ["reconsideration.comprehensive_correction_rate"]
    return chosen, not before


def _clause_start(text: str, start: int, floor: int) -> int:
    index = start
    while index > floor and text[index - 1] not in CLAUSE_END:
        index -= 1
    return index


def _clause_end(text: str, end: int, ceiling: int) -> int:
    index = end
    while index < ceiling and text[index] not in CLAUSE_END:
        index += 1
    return index


def extract_figures(text: str, original: str, paragraphs: list[tuple[int, int]]) -> list[Figure]:
    """Every quantity of the analysed `text`, mapped to an indicator where one fits; quotes
    come from `original` (same offsets)."""
    figures = []
    for para_start, para_end in paragraphs:
        paragraph = text[para_start:para_end]
        quantities = [q for q in find_quantities(paragraph) if not _quoted_phrase(paragraph, q)]
        for index, quantity in enumerate(quantities):
            start, end = para_start + quantity.start, para_start + quantity.end
            sentence_start = para_start + _sentence_start(paragraph, quantity.start)
            previous_end = para_start + quantities[index - 1].end if index else para_start
            if index and previous_end > sentence_start:  # the previous figure's clause is its own
                previous_end = _clause_end(text, previous_end, start)
                if previous_end == start:
                    previous_end = para_start + quantities[index - 1].end
            window_start = max(sentence_start, previous_end)
            next_start = (
                para_start + quantities[index + 1].start
                if index + 1 < len(quantities)
                else para_end
            )
            window = text[window_start:start]
            head_text, head, floor = "", 0, 0
            if window.lstrip().startswith("、"):
                clause = _clause_start(text, window_start, sentence_start)
                first = next(
                    (para_start + q.start for q in quantities if para_start + q.start >= clause),
                    start,
                )
                head_text = text[clause:first]
                head = len(head_text)
            else:
                floor = _naming_clauses(text, window_start, start) - window_start
            after_end = _clause_end(text, end, min(next_start, para_end))
            context = _Context(
                text=head_text + window,
                head=head,
                floor=floor,
                after=text[end:after_end],
                area=_last_area(text[para_start:window_start]),
                areas=_areas_in(head_text + window + text[end:after_end]),
            )
            indicators, named_after = _choose(context, quantity, text[sentence_start:start])
            quote_start = _clause_start(text, start, window_start)
            quote_end = after_end if named_after else end
            quote = original[quote_start:quote_end]
            for indicator in indicators or [None]:
                figures.append(
                    Figure(
                        indicator,
                        quantity.value,
                        quantity.qualifier,
                        quantity.unit,
                        quote,
                        (quote_start, quote_end),
                    )
                )
    return figures


def _naming_clauses(text: str, window_start: int, start: int) -> int:
    """Where the words naming a number may begin: its own clause, and the clause before
    while the nearer one is too short to name anything ("做好判前调查，累计238人次")."""
    floor = _clause_start(text, start, window_start)
    while start - floor <= SHORT_CLAUSE and floor > window_start:
        floor = _clause_start(text, floor - 1, window_start)
    return floor


def _sentence_start(paragraph: str, position: int) -> int:
    index = position
    while index > 0 and paragraph[index - 1] not in SENTENCE_END:
        index -= 1
    return index


def _quoted_phrase(paragraph: str, quantity: Quantity) -> bool:
    """A numeral inside a slogan ("三项制度", "五个一") is no figure."""
    before = paragraph[quantity.start - 1] if quantity.start else ""
    return before in '“「"' or "”" in paragraph[quantity.end : quantity.end + 3]
