from fazhi.core import worklines


class JobsConfig(worklines.KitAppConfig):
    """Long work in the background (django-tasks): an Excel import, the nightly reminders, run
    by the worker (`fazhi db_worker`) and followed on a job page by whoever started them."""

    name = "fazhi.core.jobs"
    label = "jobs"
    verbose_name = "后台任务"
    url_prefix = "jobs/"
