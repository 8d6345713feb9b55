"""The text the reader analyses: simplified characters (OpenCC t2s), half-width digits and
ASCII punctuation, web-page residue blanked out. Every change keeps the length, character
for character, so a span in the analysed text is the same span in the extracted text and a
quote is always taken from the document as written."""

import re
from functools import cache

import opencc

# Lines a government web page adds around the article (索引号, 字号, 打印, 分享到 …).
RESIDUE_RE = re.compile(
    r"^\s*(?:[•·]\s*)?(?:"
    r"索引号|发布机构|发文机关|发文日期|发布日期|信息时间|成文日期|文号|字号|主题分类|来源|浏览次数|阅读次数|"
    r"分享到|【信息来源|打印|关闭|【我要打印|\||标题\s*:|【字号"
    r")"
)
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


# the kinds of document whose 文件 a Taiwan-phrased text writes 檔案 (规范性、政策、政府文件)
TAIWAN_FILE_RE = re.compile(r"(规范性|政策|政府)档案")


def to_simplified(text: str) -> str:
    """t2s, line by line; a line whose conversion changes its length is converted
    character by character, and a character that would change length is kept, so the
    result has exactly the length of `text`."""
    converter = _converter()
    lines = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if converted != line:  # converters' Taiwan phrasing: 規範性檔案 for 规范性文件
            converted = TAIWAN_FILE_RE.sub(r"\1文件", converted)
        if len(converted) != len(line):
            converted = "".join(
                simple if len(simple := converter.convert(char)) == 1 else char for char in line
            )
        lines.append(converted)
    return "\n".join(lines)


def half_width(text: str) -> str:
    return text.translate(_WIDTH)


def is_residue(line: str) -> bool:
    return bool(RESIDUE_RE.match(line))


def blank_residue(text: str) -> str:
    """Residue lines replaced by spaces of the same length."""
    return "\n".join(" " * len(line) if is_residue(line) else line for line in text.split("\n"))


def normalize(text: str) -> str:
    """Simplified, half-width; same length as `text`; residue still present (metadata reads it)."""
    return half_width(to_simplified(text))
