"""The nightly reminders as a background task: `fazhi notify --queue` (a timer's nightly
command) enqueues it and the worker runs it, with the same result as `fazhi notify`."""

import datetime

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def send_reminders(today: str | None = None) -> dict:
    """Today's notices and their mail; `today` in ISO form (a date the task was asked for)."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    run = services.notify(today=day)
    return {"today": day.isoformat(), "made": run.made, "sent": run.sent, "failed": run.failed}
