from .models import Job


def jobs_of(user):
    """A user's own jobs: a job is seen by the one who started it (its upload, its errors)."""
    if user is None or not user.is_authenticated:
        return Job.objects.none()
    return Job.objects.filter(user=user).defer("data", "output")
