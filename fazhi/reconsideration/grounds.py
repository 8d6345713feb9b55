"""A case's outcome ground in words: the stored code "64.2" is 行政复议法 第六十四条第一款第二项
(违反法定程序); "65.2.1" 第六十五条第二款第一项; "41.5" 第四十一条第一款第五项; "30" 第三十条."""

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals, as articles are numbered (六十四, 十二, 三十)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return DIGITS[ones]
    return f"{DIGITS[tens] if tens > 1 else ''}十{DIGITS[ones] if ones else ''}"


def article(code: str) -> str:
    """第六十四条第一款第二项 for "64.2": a two-part code names an item of the first paragraph."""
    parts = [int(part) for part in code.split(".") if part.isdigit()]
    if not parts or len(parts) != len(code.split(".")):
        return code
    if len(parts) == 2:
        parts = [parts[0], 1, parts[1]]
    text = f"第{chinese_number(parts[0])}条"
    if len(parts) > 1:
        text += f"第{chinese_number(parts[1])}款"
    if len(parts) > 2:
        text += f"第{chinese_number(parts[2])}项"
    return text


def ground_label(code: str) -> str:
    """The ground as a reader of the case page wants it: article and, where the law names
    one, the circumstance."""
    from .services import GROUNDS, TERMINATION_GROUNDS

    if not code:
        return ""
    texts = {key: text for grounds in GROUNDS.values() for key, text in grounds.items()}
    texts |= {f"41.{number}": text for number, text in TERMINATION_GROUNDS.items()}
    label = f"行政复议法 {article(code)}"
    return f"{label}（{texts[code]}）" if code in texts else label
