"""Password rules of a government system (等保 2.0, GB/T 22239-2019 8.1.4.1 a: passwords of
sufficient complexity, changed regularly): at least 10 characters of at least three classes."""

import string

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError

CLASSES = (
    ("大写字母", str.isupper),
    ("小写字母", str.islower),
    ("数字", str.isdigit),
    ("符号", lambda c: c in string.punctuation or c == " "),
)


class MinimumLengthChineseValidator(MinimumLengthValidator):
    """Django's length rule with a Chinese message (its catalogue lacks this one)."""

    def get_error_message(self) -> str:
        return f"密码长度太短，至少需要{self.min_length}个字符。"

    def get_help_text(self) -> str:
        return f"密码至少需要{self.min_length}个字符。"


class CharacterClassValidator:
    """At least `min_classes` of upper case, lower case, digits and symbols."""

    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password: str, user=None) -> None:
        present = sum(any(test(c) for c in password) for _, test in CLASSES)
        if present < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        names = "、".join(name for name, _ in CLASSES)
        return f"密码须至少包含{names}中的{self.min_classes}类。"
