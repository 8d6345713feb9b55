"""Demo rulemaking data for every district: documents (one filed late, one corrected and
closed, one under review, one expiring), a published catalog, a published decision and two in
progress, advisers with their service log, other legality reviews, and a 附带审查 from a 复议
case under hearing (行政复议法 第五十六条至第五十九条): in 西山 still running, so that the case
stands suspended (中止); in 东湖 and 南桥 answered, and the case resumed.

Texts differ per district (the scoping test looks for the sibling's records by their texts)."""

import datetime

from django.utils import timezone

from fazhi.core.calendar import shift_years
from fazhi.core.demo import DISTRICTS, DemoWorld

from . import services
from .models import (
    AdviserKind,
    CleanupKind,
    Conclusion,
    DecisionCategory,
    FairCompetition,
    FilingOutcome,
    IncidentalResult,
    MatterKind,
    MeetingKind,
    NormativeDocument,
    ParticipationKind,
    ProposalSource,
    RequestSource,
    ReviewOpinion,
    ServiceKind,
    Validity,
)

TOPICS = {
    "donghu": ("湖滨", "东政发", "东市监发", "DHZD"),
    "xishan": ("山岭", "西政发", "西市监发", "XSZD"),
    "nanqiao": ("桥河", "南政发", "南市监发", "NQZD"),
}
EXPERTS = {
    "donghu": "林教授（东湖大学，声明无利益冲突）；周律师（声明无利益冲突）",
    "xishan": "秦教授（西山学院，声明无利益冲突）；许工程师（声明无利益冲突）",
    "nanqiao": "包研究员（南桥农科所，声明无利益冲突）；任律师（声明无利益冲突）",
}


def build(world: DemoWorld) -> None:
    today = timezone.localdate()
    for key, name, _code, _level, _people in DISTRICTS:
        _District(world, key, name, today).build()


class _District:
    def __init__(self, world, key, name, today):
        self.world, self.key, self.name, self.today = world, key, name, today
        self.place, self.gov_code, self.dept_code, self.reg = TOPICS[key]
        self.legal = world.users[f"{key}_legal"]
        self.office = world.users[f"{key}_govoffice"]
        self.drafter = world.users[f"{key}_drafter"]
        self.gov = world.units[f"{key}_gov"]
        self.justice = world.units[f"{key}_justice"]
        self.dept = world.units[f"{key}_enf0"]
        self.serial = 0

    def ago(self, days: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days)

    def build(self):
        self.documents()
        self.decisions()
        self.advisers()
        self.reviews()
        self.incidental()

    def _document(
        self,
        actor,
        unit,
        title,
        start,
        *,
        opinion=ReviewOpinion.LAWFUL,
        publish=True,
        code=None,
        valid_years=5,
        filed_after=None,
        late_days=None,
    ):
        s = services
        doc = s.register_document(
            actor=actor,
            unit=unit,
            title=title,
            drafting_unit=unit,
            draft_text=f"《{title}》（征求意见稿）正文",
        )
        s.record_consultation(
            actor=actor,
            document=doc,
            comment_method="政府网站公开征求意见",
            comment_from=self.ago(start),
            comment_to=self.ago(start - 30),
            comments_received=12,
            comments_adopted=5,
            fair_competition=FairCompetition.PASSED,
        )
        s.send_for_review(
            actor=actor,
            document=doc,
            review_sent_date=self.ago(start - 32),
            review_body=self.justice,
        )
        if opinion is None:
            return doc
        s.record_review(
            actor=self.legal,
            document=doc,
            reviewer=self.legal.first_name or "法制科",
            review_opinion=opinion,
            review_finished_date=self.ago(start - 40),
        )
        if not publish:
            return doc
        s.record_deliberation(
            actor=actor,
            document=doc,
            deliberation_meeting=f"{unit.name}常务会议",
            deliberation_date=self.ago(start - 45),
        )
        self.serial += 1
        published = self.ago(start - 50)
        year = published.year
        doc = s.publish_document(
            actor=actor,
            document=doc,
            doc_number=f"{code}〔{year}〕{self.serial}号",
            registration_number=f"{self.reg}01-{year}-{self.serial:04d}",
            published_date=published,
            publish_channel="政府网站",
            effective_date=published + datetime.timedelta(days=30),
            valid_until=shift_years(published, valid_years) if valid_years else None,
        )
        if filed_after is not None:
            filing = s.file_document(
                actor=actor,
                document=doc,
                filed_date=published + datetime.timedelta(days=filed_after),
                filing_body=self.gov if unit != self.gov else self.justice,
                has_report=True,
                has_text=True,
                has_explanation=True,
            )
            s.register_filing(actor=self.legal, filing=filing, registered_date=filing.filed_date)
            return doc, filing
        return doc

    def documents(self):
        s = services
        # On time, reviewed without problem, expiring within the reminder window.
        doc, filing = self._document(
            self.office,
            self.gov,
            f"{self.place}片区老旧小区改造管理办法",
            1900,
            code=self.gov_code,
            filed_after=10,
            valid_years=5,
        )
        s.review_filing(
            actor=self.legal,
            filing=filing,
            authority_ok=True,
            superior_law_ok=True,
            procedure_ok=True,
            outcome=FilingOutcome.NO_PROBLEM,
            reviewed_date=filing.filed_date + datetime.timedelta(days=5),
        )
        # Filed late (延迟报备) and corrected: amended, then the correction closed.
        doc, filing = self._document(
            self.office,
            self.gov,
            f"{self.place}农贸市场摊位管理规定",
            260,
            code=self.gov_code,
            filed_after=45,
        )
        reviewed = filing.filed_date + datetime.timedelta(days=10)
        s.review_filing(
            actor=self.legal,
            filing=filing,
            authority_ok=True,
            superior_law_ok=False,
            procedure_ok=True,
            outcome=FilingOutcome.SUGGEST_AMEND,
            reviewed_date=reviewed,
            review_note="第八条设定的罚款超出上位法规定的幅度，建议修改",
        )
        s.record_reply(
            actor=self.office,
            filing=filing,
            reply_date=reviewed + datetime.timedelta(days=12),
            reply="已启动修改程序",
        )
        s.change_status(
            actor=self.office,
            document=doc,
            status=Validity.AMENDED,
            date=reviewed + datetime.timedelta(days=20),
            reason="根据备案审查意见修改第八条",
        )
        s.close_correction(
            actor=self.legal, filing=filing, closed_date=reviewed + datetime.timedelta(days=21)
        )
        # A department's document, published and filed.
        self._document(
            self.drafter,
            self.dept,
            f"{self.place}市场主体轻微违法行为免罚清单",
            200,
            code=self.dept_code,
            filed_after=15,
        )
        # Published, not yet filed (on the due list).
        self._document(
            self.office, self.gov, f"{self.place}公共停车场收费管理办法", 95, code=self.gov_code
        )
        # Under review.
        self._document(self.office, self.gov, f"{self.place}城市绿化养护管理办法", 40, opinion=None)
        # A clean-up that repeals an old document and keeps another; a post-evaluation.
        old = self._document(
            self.office,
            self.gov,
            f"{self.place}临时占道经营管理暂行办法",
            1500,
            code=self.gov_code,
            valid_years=0,
        )
        batch = s.start_cleanup(
            actor=self.office,
            unit=self.gov,
            title=f"{self.name}优化营商环境专项清理",
            kind=CleanupKind.SPECIAL,
            started_date=self.ago(60),
        )
        s.add_cleanup_entry(
            actor=self.office,
            batch=batch,
            document=old,
            conclusion=Conclusion.REPEAL,
            reason="与新修订的上位法不一致",
        )
        s.add_cleanup_entry(
            actor=self.office,
            batch=batch,
            document=doc,
            conclusion=Conclusion.CONTINUE,
            reason="已根据备案审查意见修改",
        )
        s.publish_cleanup(actor=self.office, batch=batch, published_date=self.ago(20))
        request = s.register_review_request(
            actor=self.office,
            document=doc,
            applicant=f"{self.place}个体工商户协会",
            received_date=self.ago(8),
            grounds="摊位费标准缺乏依据",
        )
        s.answer_review_request(
            actor=self.legal,
            review_request=request,
            handling="经审查，收费标准有价格主管部门批复",
            reply_date=self.ago(3),
        )
        s.record_evaluation(
            actor=self.office,
            document=doc,
            evaluator=f"{self.name}法学会",
            method="问卷调查、座谈会",
            date=self.ago(10),
            report="摊位分配规则运行平稳，建议继续施行",
            conclusion=Conclusion.CONTINUE,
        )

    def decisions(self):
        s = services
        year = self.ago(200).year
        catalog = s.create_catalog(actor=self.office, unit=self.gov, year=year)
        items = [
            s.add_catalog_item(
                actor=self.office,
                catalog=catalog,
                name=f"{self.place}片区综合交通规划",
                category=DecisionCategory.PLAN,
                undertaking_unit=self.world.units[f"{self.key}_enf1"],
                planned_completion=datetime.date(year, 12, 31),
                hearing_planned=True,
            ),
            s.add_catalog_item(
                actor=self.office,
                catalog=catalog,
                name=f"{self.place}生活垃圾分类实施方案",
                category=DecisionCategory.POLICY,
                undertaking_unit=self.dept,
            ),
            s.add_catalog_item(
                actor=self.office,
                catalog=catalog,
                name=f"{self.place}学校新建工程",
                category=DecisionCategory.PROJECT,
                undertaking_unit=self.gov,
            ),
        ]
        s.publish_catalog(
            actor=self.office,
            catalog=catalog,
            party_agreed_date=self.ago(215),
            published_date=self.ago(210),
        )
        # Published: the whole procedure.
        d = s.start_decision(
            actor=self.office,
            unit=self.gov,
            name=items[1].name,
            category=items[1].category,
            proposal_source=ProposalSource.DEPARTMENT,
            undertaking_unit=self.dept,
            started_date=self.ago(200),
            catalog_item=items[1],
            involves_market=True,
            draft_text=f"{self.place}生活垃圾分类实施方案（草案）",
        )
        s.open_comment(
            actor=self.office,
            decision=d,
            comment_from=self.ago(190),
            comment_to=self.ago(155),
            comment_channel="区政府网站",
        )
        s.close_comment(
            actor=self.office,
            decision=d,
            comments_received=46,
            comments_adopted=18,
            comment_summary="主要意见为增设投放点，已采纳",
            closed_date=self.ago(150),
        )
        s.record_participation(
            actor=self.office,
            decision=d,
            kind=ParticipationKind.SYMPOSIUM,
            date=self.ago(170),
            subject=f"{self.place}街道居民代表、物业企业",
            participants=24,
            summary="居民代表建议增设投放点、延长投放时间",
        )
        s.record_expert_review(
            actor=self.office,
            decision=d,
            expert_review_date=self.ago(148),
            experts=EXPERTS[self.key],
            expert_summary="建议分阶段实施，已采纳",
        )
        s.record_risk_assessment(
            actor=self.office,
            decision=d,
            risk_assessed_date=self.ago(146),
            risk_report="收运费用调整可能引发个别投诉，已制定应对预案",
            risk_controllable=True,
        )
        sent = self.ago(140)
        s.send_legality_review(
            actor=self.office,
            decision=d,
            legality_sent_date=sent,
            legality_body=self.justice,
            legality_reply_by=sent + datetime.timedelta(days=14),
        )
        s.record_legality_review(
            actor=self.legal,
            decision=d,
            legality_opinion=ReviewOpinion.LAWFUL,
            legality_finished_date=self.ago(128),
            adviser_opinion="经审查未发现违法情形",
        )
        meeting = s.register_meeting(
            actor=self.office,
            unit=self.gov,
            kind=MeetingKind.STANDING,
            title=f"{self.name}政府第{30 + self.serial}次常务会议",
            date=self.ago(120),
            attendees="区长、常务副区长、副区长（共9人）",
        )
        s.record_collective_decision(
            actor=self.office,
            decision=d,
            meeting=meeting,
            dissent="一名副区长建议推迟至明年实施",
            head_decision="同意方案，年内分两阶段实施",
            m_draft=True,
            m_fair_competition=True,
            m_public_comment=True,
            m_expert=True,
            m_risk=True,
            m_legality=True,
        )
        s.publish_decision(
            actor=self.office,
            decision=d,
            published_date=self.ago(115),
            publish_channel="区政府网站",
            party_reported=True,
            interpretation="新闻发布会",
        )
        s.record_execution(
            actor=self.office, decision=d, date=self.ago(30), content="第一阶段已在试点街道实施"
        )
        # In progress: public comment open.
        d2 = s.start_decision(
            actor=self.office,
            unit=self.gov,
            name=items[0].name,
            category=items[0].category,
            proposal_source=ProposalSource.LEADERS,
            undertaking_unit=items[0].undertaking_unit,
            started_date=self.ago(20),
            catalog_item=items[0],
        )
        s.open_comment(
            actor=self.office,
            decision=d2,
            comment_from=self.ago(10),
            comment_to=self.ago(10) + datetime.timedelta(days=35),
            comment_channel="区政府网站",
        )
        # In progress: under legality review.
        d3 = s.start_decision(
            actor=self.office,
            unit=self.gov,
            name=items[2].name,
            category=items[2].category,
            proposal_source=ProposalSource.LEADERS,
            undertaking_unit=self.gov,
            started_date=self.ago(90),
            catalog_item=items[2],
        )
        s.skip_comment(
            actor=self.office, decision=d3, no_comment_reason="涉及未公开的选址信息，依法不予公开"
        )
        sent = self.ago(12)
        s.send_legality_review(
            actor=self.office,
            decision=d3,
            legality_sent_date=sent,
            legality_body=self.justice,
            legality_reply_by=sent + datetime.timedelta(days=14),
        )

    def advisers(self):
        s = services
        # 中办国办 2016 意见: 县级以上党政机关普遍设立法律顾问 (the coverage rate's denominator).
        s.register_adviser_duty(actor=self.legal, start=datetime.date(2018, 1, 1))
        firm = f"{self.name}{self.place}律师事务所"
        external = s.register_adviser(
            actor=self.office,
            unit=self.gov,
            name=f"{self.place}顾问甲",
            kind=AdviserKind.EXTERNAL,
            firm=firm,
            contract_from=self.ago(700),
            contract_to=self.ago(-40),
        )
        s.record_adviser_service(
            actor=self.office,
            adviser=external,
            date=self.ago(120),
            kind=ServiceKind.MEETING,
            subject="列席区政府常务会议",
            items=3,
        )
        s.record_adviser_service(
            actor=self.office,
            adviser=external,
            date=self.ago(60),
            kind=ServiceKind.CONTRACT,
            subject="审查政府投资项目合同",
            items=2,
        )
        s.register_adviser(
            actor=self.drafter,
            unit=self.dept,
            name=f"{self.place}公职律师乙",
            kind=AdviserKind.PUBLIC_LAWYER,
            certificate_number=f"{self.reg}GZ{self.key[:2].upper()}0001",
            contract_from=self.ago(400),
            contract_to=self.ago(-700),
        )

    def reviews(self):
        s = services
        r = s.register_other_review(
            actor=self.legal,
            unit=self.justice,
            matter=f"{self.place}片区土地收储合同",
            kind=MatterKind.CONTRACT,
            requesting_unit=self.gov,
            received_date=self.ago(50),
        )
        s.finish_other_review(
            actor=self.legal, review=r, opinion="修改后可签订", finished_date=self.ago(44)
        )
        s.record_consultation_reply(
            actor=self.legal,
            unit=self.justice,
            requesting_unit=self.dept,
            draft_title=f"{self.place}市场主体信用分级分类监管办法（征求意见稿）",
            received_date=self.ago(40),
            reply_date=self.ago(33),
            suggestions=4,
            content="建议删除第八条增设的处罚种类，明确信用修复程序",
        )
        s.register_other_review(
            actor=self.legal,
            unit=self.justice,
            matter=f"{self.place}招商引资优惠政策",
            kind=MatterKind.POLICY,
            requesting_unit=self.dept,
            received_date=self.ago(5),
        )

    def incidental(self):
        from fazhi.reconsideration import services as reconsideration
        from fazhi.reconsideration.models import Case, State

        # The latest case under hearing (the earlier ones keep their clocks for the 复议 line).
        case = Case.objects.filter(unit=self.justice, state=State.HEARING).order_by("-pk").first()
        if case is None:
            return
        officer = self.world.users[f"{self.key}_officer"]
        document = NormativeDocument.objects.get(
            unit=self.gov, title=f"{self.place}公共停车场收费管理办法"
        )
        request = services.refer_from_reconsideration(
            actor=officer,
            case=case,
            doc_number=document.doc_number,
            date=self.ago(20),
            source=RequestSource.APPLICATION,
            competent=True,
            grounds="申请人认为该办法设定的收费项目没有上位法依据",
        )
        services.record_incidental_notice(
            actor=self.legal, review_request=request, notice_date=self.ago(19)
        )
        if self.key == "xishan":
            return  # under review: the 复议 case stays suspended
        services.record_incidental_result(
            actor=self.legal,
            review_request=request,
            result=IncidentalResult.LAWFUL,
            date=self.ago(10),
            handling="经审查，该办法收费条款有上位法依据，在行政复议决定书中一并告知",
            organ_reply_date=self.ago(14),
        )
        reconsideration.resume(actor=officer, case=case, date=self.ago(9))
