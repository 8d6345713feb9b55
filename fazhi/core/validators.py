"""Validators for identifiers of the unit tree."""

import re

from django.core.exceptions import ValidationError
from stdnum.cn import ric, uscc

# First two digits of GB/T 2260 division codes: the provinces, regions and municipalities.
PROVINCE_PREFIXES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "  # noqa: SIM905
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)


def validate_division_code(code: str) -> None:
    """行政区划代码 (GB/T 2260): six digits, starting with a real province code."""
    if not code:
        return
    if not re.fullmatch(r"[0-9]{6}", code):
        raise ValidationError("行政区划代码应为6位数字，当前为“%(code)s”。", params={"code": code})
    if code[:2] not in PROVINCE_PREFIXES:
        raise ValidationError(
            "行政区划代码“%(code)s”的前两位不是有效的省级代码。", params={"code": code}
        )


def division_code_fits_parent(code: str, parent_code: str) -> bool:
    """A child's code repeats its parent's significant prefix (省 2 位, 市 4 位)."""
    if not code or not parent_code:
        return True
    significant = parent_code[:2] if parent_code[2:] == "0000" else parent_code[:4]
    return code.startswith(significant) and code != parent_code


def validate_id_number(value: str) -> None:
    """居民身份证号码 (GB 11643-1999): 18 characters with its check digit."""
    if value and not ric.is_valid(value):
        raise ValidationError(
            "身份证号码“%(value)s”无效（位数、出生日期或校验位不正确）。", params={"value": value}
        )


def validate_credit_code(value: str) -> None:
    """统一社会信用代码 (GB 32100-2015): 18 characters with its check character."""
    if value and not uscc.is_valid(value):
        raise ValidationError(
            "统一社会信用代码“%(value)s”无效（位数、字符或校验位不正确）。",
            params={"value": value},
        )


def mask_id_number(value: str) -> str:
    """Keep the region and the last four characters: 370402********1235."""
    if not value or len(value) < 10:
        return value
    return value[:6] + "*" * (len(value) - 10) + value[-4:]
