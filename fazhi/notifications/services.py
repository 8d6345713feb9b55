"""Notices from every line's due list, their e-mail, and what a user does with them.

`notify(today=…)` (the `fazhi notify` command, run daily) makes, for every active user and
each of the user's memberships, one notice per due item and stage — FAZHI_NOTICE_DAYS_BEFORE
working days before the last day, on the day, and once overdue — from the same due list the
user's front page shows (`core.deadlines.due_list`, scoped by the membership: nobody hears
of a record they may not see). A notice is made once (unique per user), so running the
command again sends nothing twice. Then it e-mails what is pending, through Django's mail
settings: one mail a notice, or one digest per user and run; a failed delivery is tried
again on the next runs, at most FAZHI_NOTICE_MAX_ATTEMPTS times, and the inbox shows it.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core.audit import record_event, service
from fazhi.core.calendar import CalendarYearUnknown, add_working_days
from fazhi.core.deadlines import due_list
from fazhi.core.guards import saved
from fazhi.core.querysets import active_membership, set_active_membership

from .models import Delivery, Notice, Preference, Stage


@dataclass
class Run:
    made: int = 0
    sent: int = 0
    failed: int = 0


def stage_of(item, today: datetime.date) -> str | None:
    """Which reminder a due item is at today, or None (not yet, or no date known)."""
    if item.pending is not None:
        return None
    if item.due_date < today:
        return Stage.OVERDUE
    if item.due_date == today:
        return Stage.TODAY
    try:
        window_end = add_working_days(today, settings.FAZHI_NOTICE_DAYS_BEFORE)
    except CalendarYearUnknown:  # holidays not entered: natural days, never later
        window_end = today + datetime.timedelta(days=settings.FAZHI_NOTICE_DAYS_BEFORE)
    return Stage.BEFORE if item.due_date <= window_end else None


def _key(item, stage: str) -> str:
    identity = f"{item.url}|{item.title}|{item.due_date.isoformat()}|{stage}"
    return hashlib.sha256(identity.encode()).hexdigest()


def collect(*, today: datetime.date) -> int:
    """The notices due today for every active user (see the module); how many are new."""
    made = 0
    for user in get_user_model().objects.filter(is_active=True).order_by("pk"):
        made += _collect_for(user, today)
    return made


def _collect_for(user, today: datetime.date) -> int:
    made = 0
    previous = active_membership(user)
    try:
        for membership in user.memberships.filter(is_active=True).select_related("unit"):
            set_active_membership(user, membership)
            for item in due_list(user, today).items:
                stage = stage_of(item, today)
                if stage is not None:
                    made += _make(user, membership.unit, item, stage)
    finally:
        set_active_membership(user, previous)
    return made


def _make(user, unit, item, stage: str) -> int:
    key = _key(item, stage)
    if Notice.messages.filter(user=user, key=key).exists():
        return 0
    notice = Notice(
        user=user,
        unit=unit,
        key=key,
        stage=stage,
        title=item.title[:300],
        line_name=item.work_line[:40],
        basis=item.basis[:200],
        due_date=item.due_date,
        url=item.url,
        delivery=Delivery.PENDING if _wants_email(user) else Delivery.OFF,
    )
    notice.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            notice.save()
    except IntegrityError:  # made by a run at the same time
        return 0
    return 1


def preference_of(user) -> Preference:
    return Preference.objects.filter(user=user).first() or Preference(user=user)


def _wants_email(user) -> bool:
    return bool(user.email) and preference_of(user).email


def deliver() -> Run:
    """E-mail the pending notices (and retry the failed ones, within the bound)."""
    run = Run()
    pending = Notice.messages.filter(
        delivery__in=[Delivery.PENDING, Delivery.FAILED],
        attempts__lt=settings.FAZHI_NOTICE_MAX_ATTEMPTS,
    ).select_related("user")
    by_user: dict = {}
    for notice in pending.order_by("user_id", "due_date", "pk"):
        by_user.setdefault(notice.user, []).append(notice)
    for user, notices in by_user.items():
        if not _wants_email(user):
            Notice.messages.filter(pk__in=[n.pk for n in notices]).update(delivery=Delivery.OFF)
            continue
        batches = [notices] if preference_of(user).digest else [[n] for n in notices]
        for batch in batches:
            ok = _send(user, batch)
            run.sent += len(batch) if ok else 0
            run.failed += 0 if ok else len(batch)
    return run


def _send(user, notices: list[Notice]) -> bool:
    base = settings.FAZHI_SITE_URL.rstrip("/")
    if len(notices) == 1:
        subject = f"【法治政府】{notices[0]}"
    else:
        subject = f"【法治政府】{len(notices)} 项到期提醒"
    lines = [
        f"{n.get_stage_display()}｜{n.line_name}｜{n.title}｜期限 {n.due_date:%Y-%m-%d}｜{base}{n.url}"
        for n in notices
    ]
    body = "\n".join([f"{user.get_full_name() or user.username}：", "", *lines])
    error = ""
    try:
        send_mail(subject, body, None, [user.email])
    except Exception as failure:  # any transport error: recorded, tried again on a later run
        error = f"{type(failure).__name__}: {failure}"[:300]
    for notice in notices:
        notice.attempts += 1
        notice.delivery = Delivery.FAILED if error else Delivery.SENT
        notice.error = error
    Notice.messages.bulk_update(notices, ["attempts", "delivery", "error"])
    return not error


def notify(*, today: datetime.date) -> Run:
    """One scheduled run: make today's notices, then e-mail what is pending."""
    made = collect(today=today)
    run = deliver()
    run.made = made
    return run


def _own(actor, notice: Notice) -> Notice:
    if notice.user_id != actor.pk:
        raise PermissionDenied("只能处理本人的通知")
    return notice


def mark_read(*, actor, notice: Notice) -> Notice:
    """The recipient opened the notice (not a change of any record: not audited)."""
    _own(actor, notice)
    if notice.read_at is None:
        Notice.messages.filter(pk=notice.pk).update(read_at=timezone.now())
    return notice


def mark_all_read(*, actor) -> int:
    return Notice.messages.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())


@service
def set_preference(*, actor, email: bool, digest: bool) -> Preference:
    preference = preference_of(actor)
    preference.email, preference.digest = email, digest
    saved(preference)
    record_event(
        actor=actor,
        action="notice.preference",
        summary=f"通知设置：邮件{'开' if email else '关'}，{'汇总' if digest else '逐条'}",
        target=preference,
        unit=membership.unit if (membership := active_membership(actor)) else None,
    )
    return preference


def failed_deliveries():
    """The notices whose e-mail failed (the last attempt), for the command's report."""
    return Notice.messages.filter(delivery=Delivery.FAILED).select_related("user")
