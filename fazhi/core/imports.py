"""What every Excel import shares: row errors by row and column, refusing the whole workbook
(all rows or none), and reading a date cell."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行“{self.column}”：{self.message}"


class ImportRefused(ValidationError):
    """The workbook has errors; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__([str(error) for error in errors])


def cell_date(value) -> datetime.date:
    """A date cell as Excel stores it, or its text in ISO form (raises ValueError)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value).strip())
