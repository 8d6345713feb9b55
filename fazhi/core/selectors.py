"""Every read of the core records, already scoped to what the user may see."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, Q, TextField, Value, When
from django.http import Http404

from . import audit
from .models import Attachment, CalendarYear, DomainEvent, HolidayOverride, Membership, Unit
from .querysets import active_membership, acts_on
from .roles import Action


def get_visible(model, user, pk, action: str = Action.VIEW):
    """One record the user may `action`, or 404 — never a hint that it exists elsewhere."""
    try:
        return model.objects.restrict(user, action).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError) as missing:
        if action != Action.VIEW and model.objects.restrict(user).filter(pk=pk).exists():
            raise PermissionDenied("当前角色无权对该记录执行此操作") from missing
        raise Http404("记录不存在或无权查看") from missing


def units(user, search: str = ""):
    queryset = Unit.objects.restrict(user).select_related("parent")
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(division_code__startswith=search))
    return queryset


def units_in_area(user):
    """Units of the user's own area, for choosing a counterpart (e.g. a 被申请人) in a form."""
    if user.is_superuser:
        return Unit.objects.all()
    membership = active_membership(user)
    if membership is None:
        return Unit.objects.none()
    return Unit.objects.filter(path__startswith=membership.unit.scope_root.path)


def unit_children(user, unit: Unit):
    return units(user).filter(parent=unit)


def own_memberships(user):
    """The memberships a user can switch between (header 单位切换)."""
    return user.memberships.filter(is_active=True).select_related("unit").order_by("pk")


def memberships(user, search: str = ""):
    queryset = Membership.objects.restrict(user, Action.MANAGE_USERS).select_related("user", "unit")
    if search:
        queryset = queryset.filter(
            Q(user__username__icontains=search)
            | Q(user__first_name__icontains=search)
            | Q(unit__name__icontains=search)
        )
    return queryset.order_by("unit__path", "user__username")


def can(user, action: str, work_line: str | None = None) -> bool:
    """Whether the role allows `action` at all (on records of `work_line`, when given)."""
    return acts_on(user, work_line, action)


def events(user, search: str = ""):
    queryset = DomainEvent.objects.restrict(user, Action.VIEW_HISTORY).select_related(
        "actor", "unit"
    )
    if search:
        queryset = queryset.filter(Q(summary__icontains=search) | Q(target_repr__icontains=search))
    private = Q(pk__in=[])
    for prefix, (rule, private_reason) in audit.event_rules().items():
        of_line = Q(action__startswith=f"{prefix}.")
        allowed = rule(user)  # None: none of them; an empty Q: all of them the scope holds
        if allowed is None:
            queryset = queryset.exclude(of_line)
        elif allowed:
            queryset = queryset.exclude(of_line & ~allowed)
        if private_reason:
            private |= of_line
    return queryset.annotate(
        shown_reason=Case(
            When(private & ~Q(reason=""), then=Value("（理由见该记录的查看记录）")),
            default=F("reason"),
            output_field=TextField(),
        )
    )


def record_history(user, record):
    """(field changes, domain events) of one record, for roles that may read history."""
    if not can(user, Action.VIEW_HISTORY):
        return None
    content_type = ContentType.objects.get_for_model(record)
    changes = (
        LogEntry.objects.filter(content_type=content_type, object_pk=str(record.pk))
        .select_related("actor")
        .order_by("-timestamp", "-pk")
    )
    record_events = events(user).filter(target_type=content_type, target_id=str(record.pk))
    return {"changes": changes, "events": record_events}


def attachments_of(user, record):
    return Attachment.objects.restrict(user).filter(
        target_type=ContentType.objects.get_for_model(record), target_id=str(record.pk)
    )


def calendar_years():
    return CalendarYear.objects.all()


def holiday_overrides(year: int):
    return HolidayOverride.objects.filter(date__year=year)
