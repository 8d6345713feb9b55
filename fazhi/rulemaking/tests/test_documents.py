"""规范性文件: legality review gates publication, the 施行日 30-day rule, 有效期 on the due
list, status history, data rules (drafts of other departments hidden, published ones shown)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.deadlines import due_list
from fazhi.rulemaking import services
from fazhi.rulemaking.models import NormativeDocument, ReviewOpinion, Stage, StatusChange, Validity
from fazhi.rulemaking.selectors import can_read_restricted

TODAY = timezone.localdate()


def ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def draft(demo):
    office = demo.users["donghu_govoffice"]
    return services.register_document(
        actor=office, unit=demo.units["donghu_gov"], title="测试管理办法", draft_text="保密草案正文"
    )


def _review(demo, document, opinion=ReviewOpinion.LAWFUL, sent=None, finished=None):
    office, legal = demo.users["donghu_govoffice"], demo.users["donghu_legal"]
    services.send_for_review(
        actor=office,
        document=document,
        review_sent_date=sent or ago(30),
        review_body=demo.units["donghu_justice"],
    )
    return services.record_review(
        actor=legal,
        document=document,
        reviewer="冯雪梅",
        review_opinion=opinion,
        review_finished_date=finished or ago(25),
    )


def _publish_kwargs(**overrides):
    kwargs = dict(
        doc_number="东政发〔2026〕88号",
        registration_number="DHZD01-2026-0088",
        published_date=ago(10),
        publish_channel="政府网站",
        effective_date=ago(10) + datetime.timedelta(days=30),
    )
    kwargs.update(overrides)
    return kwargs


def test_publication_before_the_legality_review_is_refused(demo, draft):
    office = demo.users["donghu_govoffice"]
    with pytest.raises(ValidationError, match="合法性审核尚未完成，不能公布"):
        services.publish_document(actor=office, document=draft, **_publish_kwargs())
    draft.refresh_from_db()
    assert draft.stage == Stage.DRAFTING and draft.published_date is None


def test_an_unlawful_opinion_sends_the_draft_back(demo, draft):
    document = _review(demo, draft, ReviewOpinion.UNLAWFUL)
    assert document.stage == Stage.DRAFTING
    with pytest.raises(ValidationError, match="合法性审核尚未完成"):
        services.publish_document(
            actor=demo.users["donghu_govoffice"], document=document, **_publish_kwargs()
        )


def test_publication_needs_the_deliberation_and_thirty_days_before_effect(demo, draft):
    office = demo.users["donghu_govoffice"]
    document = _review(demo, draft)
    with pytest.raises(ValidationError, match="尚未登记集体审议"):
        services.publish_document(actor=office, document=document, **_publish_kwargs())
    services.record_deliberation(
        actor=office,
        document=document,
        deliberation_meeting="区政府常务会议",
        deliberation_date=ago(20),
    )
    # 规章制定程序条例 第三十二条: 自公布之日起30日后施行 — 29 days is refused without a reason.
    with pytest.raises(ValidationError, match="不足30日（29日）.*第三十二条"):
        services.publish_document(
            actor=office,
            document=document,
            **_publish_kwargs(effective_date=ago(10) + datetime.timedelta(days=29)),
        )
    published = services.publish_document(
        actor=office,
        document=document,
        **_publish_kwargs(effective_date=ago(10), early_effect_reason="公布后不立即施行将有碍施行"),
    )
    assert published.stage == Stage.PUBLISHED and published.status == Validity.VALID
    assert list(
        StatusChange.objects.filter(document=published).values_list("status_to", flat=True)
    ) == ["valid"]


def test_an_unknown_doc_number_format_is_refused(demo, draft):
    office = demo.users["donghu_govoffice"]
    document = _review(demo, draft)
    services.record_deliberation(
        actor=office, document=document, deliberation_meeting="常务会议", deliberation_date=ago(20)
    )
    with pytest.raises(ValidationError, match="文号“东政发2026-88”格式不正确"):
        services.publish_document(
            actor=office, document=document, **_publish_kwargs(doc_number="东政发2026-88")
        )
    # Half-width brackets are accepted and normalised.
    done = services.publish_document(
        actor=office, document=document, **_publish_kwargs(doc_number="东政发[2026]88号")
    )
    assert done.doc_number == "东政发〔2026〕88号"


def test_review_working_days_count_the_official_calendar(demo, draft):
    # Sent on Friday 2025-09-26; 国庆·中秋 2025: 10-01..10-08 off, 09-28 and 10-11 are 调休 workdays.
    document = _review(
        demo, draft, sent=datetime.date(2025, 9, 26), finished=datetime.date(2025, 10, 13)
    )
    # 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13 = 7 working days.
    assert document.review_working_days == 7
    # The period (15 working days, a setting): flagged once passed.
    assert document.review_due == datetime.date(2025, 10, 23)
    assert not document.review_overdue(TODAY)


def test_a_review_past_its_period_is_flagged(demo, draft, settings):
    settings.RULEMAKING_REVIEW_WORKING_DAYS = 5
    document = _review(demo, draft, sent=ago(40), finished=ago(2))
    assert document.review_overdue(TODAY)


def test_status_history_and_renewal(demo):
    document = NormativeDocument.objects.get(title="湖滨公共停车场收费管理办法")
    office = demo.users["donghu_govoffice"]
    with pytest.raises(ValidationError, match="延续后的有效期"):
        services.change_status(
            actor=office,
            document=document,
            status=Validity.RENEWED,
            date=TODAY,
            reason="评估后继续执行",
        )
    later = document.valid_until + datetime.timedelta(days=365)
    services.change_status(
        actor=office,
        document=document,
        status=Validity.RENEWED,
        date=TODAY,
        reason="评估后继续执行",
        valid_until=later,
    )
    document.refresh_from_db()
    assert document.status == Validity.RENEWED and document.valid_until == later
    assert [c.status_to for c in document.status_changes.all()] == ["valid", "renewed"]


def test_expiry_is_on_the_due_list(demo):
    document = NormativeDocument.objects.get(title="湖滨片区老旧小区改造管理办法")
    assert document.valid_until < TODAY + datetime.timedelta(days=60)
    titles = [item.title for item in due_list(demo.users["donghu_govoffice"], TODAY).items]
    assert f"{document}有效期届满" in titles


def test_departments_see_each_others_documents_only_once_published(demo):
    drafter = demo.users["donghu_drafter"]  # 东湖区市场监督管理局
    visible = set(NormativeDocument.objects.restrict(drafter).values_list("title", flat=True))
    assert "湖滨公共停车场收费管理办法" in visible  # the 区政府's, published
    assert "湖滨城市绿化养护管理办法" not in visible  # the 区政府's, under review
    assert "山岭公共停车场收费管理办法" not in visible  # another district's, published
    # Viewing is not changing: the department cannot act on the government's document.
    assert (
        not NormativeDocument.objects.restrict(drafter, "change")
        .filter(title="湖滨公共停车场收费管理办法")
        .exists()
    )


def test_draft_texts_only_for_the_issuing_organs_handlers(demo):
    document = NormativeDocument.objects.get(title="湖滨城市绿化养护管理办法")
    assert can_read_restricted(demo.users["donghu_govoffice"], document)
    assert not can_read_restricted(
        demo.users["donghu_legal"], document
    )  # the reviewer's unit differs
    assert not can_read_restricted(demo.users["donghu_inspector"], document)
