"""A `Job` is one piece of background work a user started (an Excel import, a PDF, a
consolidation, a batch of reports read): what to run, its progress (rows or files done of
the total), and its result — rows imported or a file made, or the errors by row or reason. The task queue (django-tasks, tasks.py) runs it; the job page shows it to its user."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "进行中"
        DONE = "done", "已完成"
        FAILED = "failed", "未完成"

    class Kind(models.TextChoices):
        IMPORT = "import", "Excel导入"
        PDF = "pdf", "生成PDF"
        CONSOLIDATE = "consolidate", "汇总取数"
        READ = "read", "批量解析报告"
        SCALE = "scale", "生成合成数据"

    kind = models.CharField("类型", max_length=20, choices=Kind, default=Kind.IMPORT)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="发起人"
    )
    membership = models.ForeignKey(
        "core.Membership", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField("任务", max_length=200)
    status = models.CharField("状态", max_length=10, choices=Status, default=Status.QUEUED)
    total = models.PositiveIntegerField("总行数", default=0)
    checked = models.PositiveIntegerField("已检查行数", default=0)
    count = models.PositiveIntegerField("导入条数", default=0)
    message = models.CharField("结果", max_length=300, blank=True)
    # [[row, column, message], ...]: why nothing was imported
    errors = models.JSONField("错误", default=list, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    # What to run: the import service's dotted path and its keyword arguments (records by
    # model label and pk), the spec's key, the uploaded workbook (dropped once finished).
    call = models.JSONField(default=dict)
    spec_key = models.TextField(blank=True)  # a spec's sheet and every column key
    data = models.BinaryField(null=True, editable=False)
    success = models.CharField(max_length=200, blank=True)  # the message, with {count}
    done_url = models.CharField(max_length=500, blank=True)  # where the imported rows are
    # A finished work's file (a PDF), downloaded by its user from the job's page.
    output = models.BinaryField(null=True, editable=False)
    output_name = models.CharField(max_length=200, blank=True)
    output_type = models.CharField(max_length=100, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "后台任务"

    def __str__(self) -> str:
        return f"{self.title}（{self.get_status_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("jobs:job_detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def counts_rows(self) -> bool:
        return self.kind == self.Kind.IMPORT

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.checked / self.total)) if self.total else 0
