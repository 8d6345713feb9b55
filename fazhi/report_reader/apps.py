from django.apps import AppConfig


class ReportReaderConfig(AppConfig):
    name = "fazhi.report_reader"
    label = "report_reader"
    verbose_name = "报告解析"
