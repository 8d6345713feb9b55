from .models import Notice


def notices_of(user):
    """The user's own notices, within the scope of the membership acted through."""
    return Notice.objects.restrict(user).filter(user=user)


def unread_count(user) -> int:
    return notices_of(user).filter(read_at__isnull=True).count()
