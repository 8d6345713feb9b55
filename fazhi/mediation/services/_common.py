"""What every 人民调解 service module shares."""

import datetime

from django.core.exceptions import ValidationError

LINE = "mediation"


def _not_before(day: datetime.date, label: str, start: datetime.date, start_label: str) -> None:
    if day < start:
        raise ValidationError(f"{label}（{day:%Y-%m-%d}）不能早于{start_label}（{start:%Y-%m-%d}）")
