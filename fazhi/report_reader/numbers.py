"""Quantities as written in Chinese reports: "5.4万多件", "300余万元", "近2万件", "约4072件",
"百分之九十一", "85%以上", "十余个单位", "零败诉" (0). cn2an parses plain Chinese numerals; this module adds
the qualifiers (余/多/以上 → more_than, 近 → nearly, 约 → about) and the 万/亿 multipliers."""

import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
UNITS = (
    "人次", "场次", "批次", "件次", "项次", "万元", "亿元", "分钟", "小时",
    "件", "个", "次", "人", "名", "项", "份", "本", "场", "起", "家", "元", "条", "篇",
    "张", "部", "处", "卷", "宗", "户", "所", "期", "%",
)  # fmt: skip
_UNIT = "|".join(re.escape(unit) for unit in UNITS)
_NUMBER = rf"\d+(?:\.\d+)?|[{CN_DIGITS}]+"

# "零败诉" states a count of 0
ZERO_OF = "败诉|纠错|差错|事故|投诉"
QUANTITY_RE = re.compile(
    rf"(?P<prefix>近|约|大约|超过|逾)?"
    rf"(?:百分之(?P<percent>[{CN_DIGITS}点]+|\d+(?:\.\d+)?)"
    rf"|(?P<zero>零)(?={ZERO_OF})"
    rf"|(?P<number>{_NUMBER})\s*(?P<more1>余|多)?(?P<scale>万|亿)?(?P<more2>余|多)?\s*(?P<unit>{_UNIT}))"
    rf"(?P<suffix>以上|有余)?"
)


# What a qualifier means, in the words of the reports themselves.
QUALIFIER_LABELS = {"exact": "", "more_than": "以上", "nearly": "近", "about": "约"}


@dataclass(frozen=True)
class Quantity:
    value: int | float
    qualifier: str  # exact | more_than | nearly | about
    unit: str
    start: int
    end: int


def chinese_to_decimal(text: str) -> Decimal:
    """A number written in Arabic or Chinese digits ("1765", "5.4", "九十一", "十")."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    return Decimal(str(cn2an.cn2an(text.replace("〇", "零"), "smart")))


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def quantity_from_match(match: re.Match) -> Quantity | None:
    """The quantity of one QUANTITY_RE match, or None when the digits are no number."""
    try:
        if match["zero"]:
            value, unit = Decimal(0), "件"
        elif match["percent"]:
            value, unit = chinese_to_decimal(match["percent"]), "%"
        else:
            value, unit = chinese_to_decimal(match["number"]), match["unit"]
    except ValueError:
        return None
    scale = match["scale"]
    if unit in ("万元", "亿元"):
        scale, unit = unit[0], "元"
    if scale:
        value *= 10000 if scale == "万" else 100000000
    prefix = match["prefix"] or ""
    if prefix == "近":
        qualifier = "nearly"
    elif prefix in ("约", "大约"):
        qualifier = "about"
    elif prefix or match["more1"] or match["more2"] or match["suffix"]:
        qualifier = "more_than"
    else:
        qualifier = "exact"
    return Quantity(_plain(value), qualifier, unit, match.start(), match.end())


def parse_quantity(text: str) -> Quantity | None:
    """The single quantity that makes up `text` ("5.4万多件"), or None."""
    match = QUANTITY_RE.fullmatch(text.strip())
    return quantity_from_match(match) if match else None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, skipping ordinals (第3位) and numbers glued to other digits."""
    found = []
    for match in QUANTITY_RE.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        if before == "第" or before.isdigit() or before == ".":
            continue
        quantity = quantity_from_match(match)
        if quantity is not None:
            found.append(quantity)
    return found
