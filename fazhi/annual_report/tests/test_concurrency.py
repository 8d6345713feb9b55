"""Two users publishing one annual report at the same moment (issue 14, item 1): the kit's
workflow check locks the report and reads it again — one step in the log, one refusal."""

import datetime

import pytest

from fazhi.annual_report import services
from fazhi.annual_report.models import AnnualReport, ReportStep, State
from fazhi.conftest import one_done_one_refused


@pytest.mark.django_db(transaction=True)
def test_two_users_publishing_one_report_at_once_publish_it_once(committed_demo, race):
    report = AnnualReport.objects.get(unit=committed_demo.units["xishan_justice"], year=2025)
    assert report.state == State.SUBMITTED
    officer = committed_demo.users["xishan_officer"]

    def publish(address):
        def run(report):
            return services.publish_report(
                actor=officer,
                report=report,
                on=datetime.date(2026, 3, 25),
                publication_url=address,
            )

        return run

    outcomes = race(
        AnnualReport,
        report.pk,
        publish("https://www.example.gov.cn/a.html"),
        publish("https://www.example.gov.cn/b.html"),
    )

    done, refused = one_done_one_refused(outcomes, AnnualReport)
    assert "报告刚刚已由他人办理（当前为“已公开”），不能再办理" in refused.messages[0]
    report.refresh_from_db()
    assert report.state == State.PUBLISHED and report.publication_url == done.publication_url
    assert ReportStep.objects.filter(report=report, action="publish_report").count() == 1
