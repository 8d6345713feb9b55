"""备案 · 备案审查: the filing period as a setting, 延迟报备 automatic, a filing only by the
organ itself, a correction closed only when the amended or repealed document is recorded."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.rulemaking import services
from fazhi.rulemaking.models import Filing, FilingOutcome, FilingState, NormativeDocument, Validity

TODAY = timezone.localdate()


def _unfiled(demo):
    return NormativeDocument.objects.get(title="湖滨公共停车场收费管理办法")


def _file(demo, document, days_after, **kwargs):
    return services.file_document(
        actor=demo.users["donghu_govoffice"],
        document=document,
        filed_date=document.published_date + datetime.timedelta(days=days_after),
        filing_body=demo.units["donghu_justice"],
        has_report=True,
        has_text=True,
        has_explanation=kwargs.get("explanation", True),
    )


def test_filing_within_thirty_days_is_on_time_and_after_is_late(demo):
    document = _unfiled(demo)
    filing = _file(demo, document, 30)
    assert filing.due_date >= document.published_date + datetime.timedelta(days=30)
    assert not filing.late
    demo_doc = NormativeDocument.objects.get(title="湖滨农贸市场摊位管理规定")
    assert demo_doc.filing.late  # the demo's 45 days


def test_the_filing_period_is_a_setting_per_area(demo, settings):
    settings.RULEMAKING_FILING_DAYS = {"default": 30, "379900": 20}  # 示范市: 20 days
    filing = _file(demo, _unfiled(demo), 25)
    assert filing.late


def test_a_filing_for_a_document_of_another_organ_is_refused(demo):
    document = NormativeDocument.objects.get(
        title="湖滨市场主体轻微违法行为免罚清单"
    )  # the 市场监督管理局's
    with pytest.raises(ValidationError, match="只能报备本机关制定的规范性文件.*第四条"):
        services.file_document(
            actor=demo.users["donghu_govoffice"],
            document=document,
            filed_date=TODAY,
            filing_body=demo.units["donghu_justice"],
            has_report=True,
            has_text=True,
            has_explanation=True,
        )


def test_an_incomplete_package_is_deferred_with_a_supplement_deadline(demo):
    filing = _file(demo, _unfiled(demo), 5, explanation=False)
    legal = demo.users["donghu_legal"]
    with pytest.raises(ValidationError, match="报备材料不齐全"):
        services.register_filing(actor=legal, filing=filing, registered_date=filing.filed_date)
    services.defer_filing(actor=legal, filing=filing, notice_date=filing.filed_date)
    assert filing.state == FilingState.DEFERRED and filing.supplement_due is not None
    services.register_filing(
        actor=legal, filing=filing, registered_date=filing.filed_date, has_explanation=True
    )
    assert filing.state == FilingState.REGISTERED


def test_a_correction_closes_only_with_the_amended_document(demo):
    legal, office = demo.users["donghu_legal"], demo.users["donghu_govoffice"]
    document = _unfiled(demo)
    filing = _file(demo, document, 5)
    services.register_filing(actor=legal, filing=filing, registered_date=filing.filed_date)
    with pytest.raises(ValidationError, match="不能为“无问题”"):
        services.review_filing(
            actor=legal,
            filing=filing,
            authority_ok=False,
            superior_law_ok=True,
            procedure_ok=True,
            outcome=FilingOutcome.NO_PROBLEM,
            reviewed_date=filing.filed_date,
        )
    services.review_filing(
        actor=legal,
        filing=filing,
        authority_ok=False,
        superior_law_ok=True,
        procedure_ok=True,
        outcome=FilingOutcome.SELF_CORRECT,
        reviewed_date=filing.filed_date,
        review_note="超越权限设定收费项目",
    )
    assert filing.state == FilingState.CORRECTING
    with pytest.raises(ValidationError, match="尚未修改或者废止该文件，纠错不能办结"):
        services.close_correction(actor=legal, filing=filing, closed_date=TODAY)
    services.change_status(
        actor=office, document=document, status=Validity.REPEALED, date=TODAY, reason="自行废止"
    )
    services.close_correction(actor=legal, filing=filing, closed_date=TODAY)
    filing.refresh_from_db()
    assert (
        filing.state == FilingState.CLOSED and filing.closing_change.status_to == Validity.REPEALED
    )


def test_the_demo_correction_is_closed(demo):
    filing = Filing.objects.get(document__title="湖滨农贸市场摊位管理规定")
    assert filing.state == FilingState.CLOSED and filing.outcome == FilingOutcome.SUGGEST_AMEND
