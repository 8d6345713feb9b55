"""Figures of a report mapped to catalog indicators. The words before a number name it
("审结1765件"); the passage around it says which work line it belongs to ("全年共审结1765件"
after a sentence on 行政复议 is a reconsideration figure, "办结712件" after 法律援助案件 a
legal-aid one)."""

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from fazhi.indicators.catalog import area_of

from .numbers import Quantity, find_quantities
from .wordings import AREAS, NUMBER_MARK, WORDINGS, Unless, Wording, compile_term

SENTENCE_END = "。！？!?"
_SENTENCE_END_RE = re.compile(f"[{SENTENCE_END}]")
CLAUSE_END = "，,；;：:。！？!?\n"
LIST_END = CLAUSE_END + "、"  # the words after a number end at the next item of a list
_AREA_RES = {area: re.compile(pattern) for area, pattern in AREAS.items()}


def _required(term: str) -> tuple[str, ...]:
    """Words a term cannot match without (any one of them), so that the figure's words are
    only searched when they hold one: "审查…(合同|协议)$" needs 合同 or 协议. Empty when
    the term is too intricate to say (escapes, alternatives at its top)."""
    if "\\" in term or _top_level_alternatives(term):
        return ()
    plain = re.sub(r"\(\?<?[!=][^)]*\)", "", term)  # lookarounds need nothing
    plain = re.sub(r"\[[^\]]*\](\{[^}]*\}|[?*+])?", "|", plain)  # classes break runs
    groups = [
        tuple(m[1].split("|"))
        for m in re.finditer(r"\(([\u4e00-\u9fff|]+)\)(?![?*{])", plain)
        if all(len(word) >= 2 for word in m[1].split("|"))
    ]
    plain = re.sub(r"\([^()]*\)([?*+]|\{[^}]*\})?", "|", plain)
    plain = re.sub(r"[\u4e00-\u9fff]([?*]|\{[^}]*\})", "|", plain)  # an optional character
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", plain)
    if runs:
        return (max(runs, key=len),)
    return groups[0] if groups else ()


def _needs(term: str) -> re.Pattern | None:
    """`_required` as one pattern to search for (None: nothing required)."""
    words = _required(term)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _top_level_alternatives(term: str) -> bool:
    depth = 0
    for char in term:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            return True
    return False


_TERM_RES = {
    wording.id: [
        (compile_term(term.term), re.compile(term.sentence), _needs(term.term))
        if isinstance(term, Unless)
        else (compile_term(term), None, _needs(term))
        for term in wording.terms
    ]
    for wording in WORDINGS
}
_BY_UNIT: dict[str, list[Wording]] = {}
for _wording in WORDINGS:
    for _unit in _wording.accepted_units:
        _BY_UNIT.setdefault(_unit, []).append(_wording)
_EXCLUDE_RES = {w.id: compile_term(w.exclude) for w in WORDINGS if w.exclude}
_TOPIC_RES = {w.id: re.compile(w.topic) for w in WORDINGS if w.topic}
NEGATIONS = "不未无非没"
_EACH_RE = re.compile(r"均|都|全部|分别")
PREVENTED_RE = re.compile(r"避免|防止|杜绝")
SHARED_RE = re.compile(r"(均|都|全部)(已|已经)?")
RATE_LIST_RE = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{1,6}率)*[、和及与]")
SHORT_CLAUSE = 6

# How sure the reader is of a figure's indicator (shown on the report page; a person confirms
# or corrects the uncertain ones there).
EXACT = "exact"  # the indicator's own words, in the number's own clause, name its work line
NEAREST = "nearest"  # the nearest words: in an earlier clause, or after the number
INFERRED = "inferred"  # the words fit, the work line comes from the passage around them
CONFIDENCE = {EXACT: "确切", NEAREST: "就近匹配", INFERRED: "推断条线"}


@dataclass
class Figure:
    indicator: str | None
    value: int | float
    qualifier: str
    unit: str
    quote: str
    span: tuple[int, int]
    confidence: str = EXACT

    def as_dict(self) -> dict:
        data = {
            "indicator": self.indicator,
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "quote": self.quote,
            "span": list(self.span),
            "confidence": self.confidence,
        }
        if self.indicator is None:
            del data["indicator"], data["confidence"]
        return data


@dataclass
class _Context:
    text: str  # words that may name the figure: the clause head (for "、" lists) and the window
    head: int  # matches must end after this offset in `text`
    floor: int  # and start at or after this one
    own: int  # where the number's own clause begins in `text`
    after: str  # words right after the number, to the end of the clause or list item
    named_after: bool  # may those words name it: not when another number follows in the clause

    @cached_property
    def words(self) -> str:
        """The figure's words with the number standing as NUMBER_MARK."""
        return self.text + NUMBER_MARK + self.after

    area: str | None  # the work line the passage before speaks of
    areas: set[str]  # work lines named in the figure's own words
    # the number's whole sentence, read only when a wording asks for it: (text, start, the
    # number's end, the paragraph's end)
    sentence_bounds: tuple[str, int, int, int] = ("", 0, 0, 0)

    @cached_property
    def sentence(self) -> str:
        text, start, end, ceiling = self.sentence_bounds
        found = _SENTENCE_END_RE.search(text, end, ceiling)
        return text[start : found.start() if found else ceiling]


def _area_marks(text: str, start: int, end: int) -> tuple[list[int], list[str]]:
    """Where each work line is named in text[start:end] (match ends, in order), so that the
    nearest before any point is found by bisection."""
    marks = sorted(
        (match.end(), index, area)
        for index, (area, pattern) in enumerate(_AREA_RES.items())
        for match in pattern.finditer(text, start, end)
    )
    return [mark[0] for mark in marks], [mark[2] for mark in marks]


def _last_area(marks: tuple[list[int], list[str]], before: int) -> str | None:
    """The work line named last before `before` (the first-listed one on a tie)."""
    ends, areas = marks
    index = bisect.bisect_right(ends, before)
    if not index:
        return None
    last = ends[index - 1]
    return areas[bisect.bisect_left(ends, last)]


def _areas_in(text: str) -> set[str]:
    return {area for area, pattern in _AREA_RES.items() if pattern.search(text)}


def _negated(text: str, start: int) -> bool:
    """ "不受理12宗" is no 受理: a term right after a negation states the opposite."""
    return start > 0 and text[start - 1] in NEGATIONS


def _best_match(wording: Wording, context: _Context) -> tuple[tuple, bool, int] | None:
    """The match of the wording's terms in the figure's words (before the number, across it
    or after it, the number standing as NUMBER_MARK) nearest the number, with whether it
    names the figure before the number and where it starts. None when the only matches are
    negated or the figure's own words speak of another work line."""
    words = context.words
    at = len(context.text)
    best = None
    for pattern, unless, required in _TERM_RES[wording.id]:
        if required and not required.search(words):
            continue
        if unless and unless.search(context.sentence):
            continue
        for match in pattern.finditer(words):
            if match.end() <= context.head or match.start() < context.floor:
                continue
            if _negated(words, match.start()):
                continue
            if PREVENTED_RE.search(words, match.end(), at):
                continue  # "通过…调解撤回等手段避免近50件…案件流入诉讼": counts what did not happen
            if (
                match.start() < at < match.end()
                and words[at - 1] == "的"
                and match.end() + 1 < len(words)
            ):
                continue  # "对…印发的99份规范性文件进行清理": the verb before 的 only describes them
            if match.start() <= at:  # before the number, or around it ("抽查了#宗案卷")
                score = (1, min(match.end(), at), len(match[0]))
            elif context.named_after:  # a noun after it: "办理38宗以区政府为被告的行政诉讼案件"
                score = (0, -match.start(), len(match[0]))
            else:  # "2个调委会4名调解员荣获…": the words qualify the next number
                continue
            if best is None or score > best[0]:
                best = (score, match)
    if best is None:
        return None
    score, match = best
    home = {area_of(wording.id), wording.area}
    if not home & _areas_in(words[context.floor :]) and _areas_in(
        words[context.floor : match.start()] + words[match.end() :]
    ):
        return None  # "法律顾问…出具法律意见书5份" is no reconsideration figure
    return score, score[0] == 1, match.start()


def _candidates(context: _Context, quantity: Quantity) -> list[tuple[tuple, Wording, bool, int]]:
    found = []
    for wording in _BY_UNIT.get(quantity.unit, ()):
        if wording.area and wording.area != context.area and wording.area not in context.areas:
            continue
        exclude = _EXCLUDE_RES.get(wording.id)
        if exclude and exclude.search(context.words):
            continue
        topic = _TOPIC_RES.get(wording.id)
        if topic and not topic.search(context.sentence):
            continue
        if matched := _best_match(wording, context):
            score, before, start = matched
            found.append((score, wording, before, start))
    return sorted(found, key=lambda item: item[0], reverse=True)


def _confidence(context: _Context, wording: Wording, before: bool, start: int) -> str:
    if not before or start < context.own:
        return NEAREST
    if wording.area and wording.area not in context.areas:
        return INFERRED
    return EXACT


def _choose(context: _Context, quantity: Quantity, sentence: str) -> tuple[list[str], bool, str]:
    """The indicators a quantity states (usually one; "A率、B率均达到100%" states two),
    whether the naming words come after the number, and how sure the choice is."""
    found = _candidates(context, quantity)
    if not found:
        return [], False, EXACT
    (score, best, before, start), rest = found[0], found[1:]
    chosen = [best.id]
    if before and _EACH_RE.search(context.text[score[1] :]):
        chosen += [wording.id for other, wording, pre, _ in rest if pre and other[2] > 1]
    elif before and quantity.unit == "%":
        # "参考率、通过率和优秀率100%": a list of rates right before one value shares it
        chosen += [
            wording.id
            for other, wording, pre, _ in rest
            if pre and RATE_LIST_RE.fullmatch(context.text[other[1] : start])
        ]
    if chosen == ["reconsideration.correction_rate"] and "综合纠错" in sentence:
        chosen = ["reconsideration.comprehensive_correction_rate"]
    return chosen, not before, _confidence(context, best, before, start)


def _clause_start(text: str, start: int, floor: int) -> int:
    index = start
    while index > floor and text[index - 1] not in CLAUSE_END:
        index -= 1
    return index


def _clause_end(text: str, end: int, ceiling: int, stops: str = CLAUSE_END) -> int:
    index = end
    while index < ceiling and text[index] not in stops:
        index += 1
    return index


def extract_figures(text: str, original: str, paragraphs: list[tuple[int, int]]) -> list[Figure]:
    """Every quantity of the analysed `text`, mapped to an indicator where one fits; quotes
    come from `original` (same offsets)."""
    figures = []
    for para_start, para_end in paragraphs:
        paragraph = text[para_start:para_end]
        quantities = [q for q in find_quantities(paragraph) if not _quoted_phrase(paragraph, q)]
        previous_named = False
        marks = _area_marks(text, para_start, para_end)
        for index, quantity in enumerate(quantities):
            start, end = para_start + quantity.start, para_start + quantity.end
            sentence_start = para_start + _sentence_start(paragraph, quantity.start)
            previous_end = para_start + quantities[index - 1].end if index else para_start
            if index and previous_end > sentence_start and previous_named:
                # the previous figure's clause is its own; an unnamed number's is not
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
            own = _clause_start(text, start, window_start) - window_start
            if window.lstrip().startswith("、"):
                clause = _clause_start(text, window_start, sentence_start)
                first = next(
                    (para_start + q.start for q in quantities if para_start + q.start >= clause),
                    start,
                )
                head_text = text[clause:first]
                head = len(head_text)
                own = 0  # the list's head names every item of it
            else:
                floor = _naming_clauses(text, window_start, start) - window_start
            after_end = _clause_end(text, end, min(next_start, para_end), LIST_END)
            named_after = next_start >= _clause_end(text, end, para_end)
            if text[after_end : after_end + 1] in ("，", ",") and SHARED_RE.match(
                text, after_end + 1
            ):
                # "其中规范性文件5份，均已向…备案": the next clause's verb is the figure's own
                shared_end = _clause_end(text, after_end + 1, para_end)
                if next_start >= shared_end:
                    after_end, named_after = shared_end, True
            context = _Context(
                text=head_text + window,
                head=head,
                floor=floor,
                own=own,
                after=text[end:after_end],
                named_after=named_after,
                area=_last_area(marks, window_start),
                areas=_areas_in(head_text + window + text[end:after_end]),
                sentence_bounds=(text, sentence_start, end, para_end),
            )
            indicators, named_after, confidence = _choose(
                context, quantity, text[sentence_start:start]
            )
            quote_start = _clause_start(text, start, window_start)
            quote_end = after_end if named_after else end
            quote = original[quote_start:quote_end]
            previous_named = bool(indicators)
            for indicator in indicators or [None]:
                figures.append(
                    Figure(
                        indicator,
                        quantity.value,
                        quantity.qualifier,
                        quantity.unit,
                        quote,
                        (quote_start, quote_end),
                        confidence if indicator else EXACT,
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
    """A numeral inside a slogan ("三项制度", "五个一") is no figure; "零败诉" is one."""
    if paragraph[quantity.start] == "零":
        return False
    before = paragraph[quantity.start - 1] if quantity.start else ""
    return before in '“「"' or "”" in paragraph[quantity.end : quantity.end + 3]
