"""The one indicator catalog: every id of ../shared/spec/indicators.md (version 1), with its
Chinese name, unit and definition, for the lines built and those still to come — and the
ids the built lines add to compute the spec's rates. A line registers only ids of this
catalog, under its names and units (`registry.register`); the report reader maps figures
onto its ids. It imports nothing, so that every part of the platform may read it.

The rows of `SPEC` are the spec's, in its order (a test compares them with the file): a
definition left empty there is given here in the same terms.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    id: str  # "area.name"
    name: str  # 中文名称
    unit: str  # 件, %, 人 …
    definition: str


def _table(rows: str) -> tuple[Entry, ...]:
    """Rows of `id | 中文 | unit | definition`, as the spec's tables read."""
    return tuple(
        Entry(*(cell.strip() for cell in row.split("|")))
        for row in rows.strip().splitlines()
        if row.strip()
    )


SPEC = _table("""
reconsideration.received | 收到行政复议申请 | 件 | applications with receipt date in period
reconsideration.accepted | 受理 | 件 | accepted (受理) in period
reconsideration.not_accepted | 不予受理 | 件 | 不予受理 decisions in period
reconsideration.not_supplemented | 未按要求补正(视为放弃) | 件 | deemed withdrawn for not supplementing
reconsideration.closed | 审结 | 件 | cases concluded in period (any decision, mediation, termination)
reconsideration.upheld | 维持 | 件 | 维持 decisions (第六十八条) in period
reconsideration.dismissed | 驳回 | 件 | 驳回行政复议请求
reconsideration.revoked | 撤销 | 件 | 撤销 decisions (第六十四条) in period
reconsideration.altered | 变更 | 件 | 变更 decisions (第六十三条) in period
reconsideration.confirmed_illegal | 确认违法 | 件 | 确认违法 decisions (第六十五条) in period
reconsideration.ordered_performance | 责令履行 | 件 | 责令履行 decisions (第六十六条) in period
reconsideration.confirmed_invalid | 确认无效 | 件 | 确认无效 decisions (第六十七条) in period
reconsideration.mediated | 调解结案 | 件 | 调解书 issued
reconsideration.terminated | 终止(含撤回) | 件 | cases terminated (第四十一条), withdrawals included, in period
reconsideration.corrected | 纠错 | 件 | revoked + altered + confirmed_illegal + ordered_performance + confirmed_invalid
reconsideration.correction_rate | 纠错率 | % | corrected / closed × 100
reconsideration.comprehensive_corrected | 综合纠错 | 件 | corrected + withdrawals and mediations after the respondent's self-correction
reconsideration.comprehensive_correction_rate | 综合纠错率 | % | comprehensive_corrected / closed × 100
reconsideration.merits_correction_rate | 纠错率(实体决定口径) | % | corrected / closed by a decision under 第六十三至六十九条 × 100
reconsideration.on_time_rate | 按期结案率 | % | closed within the statutory period / closed × 100
reconsideration.opinion_letters | 行政复议意见书、建议书 | 份 | issued in period
reconsideration.performance_rate | 行政复议决定履行率 | % | decisions performed / decisions due for performance × 100
litigation.cases | 行政应诉案件 | 件 | first-instance suits against units in the subtree, filed in period
litigation.concluded | 审结 | 件 | judgments/rulings in period
litigation.lost | 败诉 | 件 | concluded with the agency losing
litigation.loss_rate | 败诉率 | % | lost / concluded × 100
litigation.head_appearances | 行政机关负责人出庭应诉 | 件 | cases (× 审级) in which a qualifying agency head appeared
litigation.head_appearance_rate | 行政机关负责人出庭应诉率 | % | hearings attended by the agency head / hearings × 100
enforcement.penalty_cases | 行政处罚案件 | 件 | penalty cases decided in period (不予处罚 included)
enforcement.no_or_light_penalty_cases | 免罚、轻罚案件 | 件 | penalty cases decided in period under an item of a published 免罚轻罚清单
enforcement.no_penalty_list_items | 不予处罚(不罚)清单事项 | 项 | 不予处罚 items of the lists published in period
enforcement.lighter_penalty_list_items | 从轻处罚(轻罚)清单事项 | 项 | 从轻处罚 items of the lists published in period
enforcement.mitigated_penalty_list_items | 减轻处罚清单事项 | 项 | 减轻处罚 items of the lists published in period
enforcement.certified_officers | 持证行政执法人员 | 人 | officers whose enforcement certificate is issued or passes its 年审 in period
enforcement.supervision_inspections | 执法监督检查 | 次 | supervision inspections held in period
enforcement.case_files_reviewed | 评查案卷 | 本 | case files scored in a 案卷评查 in period
enforcement.enterprise_inspections_reported | 入企执法检查报备 | 次 | enterprise inspections reported, planned in period, not cancelled
enforcement.officers_trained | 执法人员培训 | 人次 | officers' attendances at training in period
enforcement.certificates_issued | 执法证件申领、换发 | 个 | enforcement certificates issued (new or renewed) in period
enforcement.legal_review_staff_ratio | 法制审核人员占执法人员比例 | % | certified legal-review staff / certified officers × 100
normative_docs.issued | 制定印发规范性文件 | 件 | normative documents issued in period
normative_docs.legality_reviews | 规范性文件合法性审核 | 件 | legality reviews of draft normative documents completed in period
normative_docs.filed | 规范性文件备案 | 件 | normative documents filed (报备) in period
normative_docs.filing_reviews | 备案审查 | 件 | filed documents reviewed (备案审查) in period
normative_docs.corrected | 备案审查纠错 | 件 | filing reviews in period that required a correction
normative_docs.repealed | 清理废止 | 件 | normative documents repealed in a cleanup in period
major_decisions.catalog_items | 重大行政决策目录事项 | 项 | items of the major-decision catalog published for the period
major_decisions.legality_reviews | 重大行政决策合法性审查 | 项 | legality reviews of major decisions completed in period
legal_advisers.units_covered_rate | 党政机关法律顾问覆盖率 | % | party and government bodies with a legal adviser / all of them × 100
legal_advisers.public_lawyers | 公职律师 | 人 | public-sector lawyers at the end of the period
mediation.disputes_mediated | 调解矛盾纠纷 | 件 | disputes mediated by people's mediation organisations in period
mediation.disputes_resolved | 调解成功 | 件 | disputes mediated in period that ended in an agreement
mediation.success_rate | 调解成功率 | % | resolved / mediated × 100
mediation.screenings | 矛盾纠纷排查 | 次 | dispute screenings held in period
mediation.committees | 人民调解组织 | 个 | people's mediation organisations at the end of the period
mediation.full_time_mediators | 专职人民调解员 | 人 | full-time people's mediators at the end of the period
legal_aid.cases_accepted | 受理法律援助案件 | 件 | legal-aid cases accepted in period
legal_aid.cases_closed | 办结法律援助案件 | 件 | legal-aid cases closed in period
legal_aid.closure_rate | 结案率 | % | closed / accepted × 100
legal_aid.consultations | 法律咨询 | 人次 | legal-aid consultations given in period
legal_aid.amount_recovered | 挽回经济损失 | 元 | economic losses recovered for aid recipients in period
legal_services.hotline_calls | 12348热线接听 | 人次 | 12348 hotline calls answered in period
legal_services.center_visitors | 公共法律服务中心接待 | 人次 | visitors received by public legal service centres in period
notary.cases | 办理公证 | 件 | notarial cases handled in period
corrections.subjects | 社区矫正对象(在册) | 人 | persons under community correction on the register at the end of the period
corrections.investigations | 调查评估(判前调查) | 件 | pre-sentence investigations completed in period
corrections.absconded | 脱管、漏管 | 人 | subjects who escaped supervision or were not taken into it in period
publicity.activities | 普法宣传活动 | 场次 | legal publicity events held in period
publicity.legal_literate_people | 法律明白人 | 人 | 法律明白人 on the roster at the end of the period
publicity.law_exam_participation_rate | 国家工作人员学法考法参考率 | % | state employees sitting the law exam / those due to sit it × 100
publicity.law_exam_pass_rate | 学法考法及格率 | % | passed / sat × 100
publicity.law_exam_excellent_rate | 学法考法优秀率 | % | rated excellent / sat × 100
accountability.law_reports | 述法 | 人 | officials who reported on their rule-of-law duties (述法) in period
accountability.inspections | 法治督察 | 次 | rule-of-law inspections (法治督察) held in period
""")

# Ids a built line adds in the same form (the spec allows it): the parts of its rates.
ADDED = _table("""
reconsideration.closed_by_merits_decision | 作出实体决定 | 件 | cases closed by a decision under 第六十三至六十九条
reconsideration.closed_on_time | 按期审结 | 件 | cases closed within the statutory period
reconsideration.performance_due | 应履行的复议决定 | 件 | decisions and mediation agreements with a time set for performance
reconsideration.performed | 已履行的复议决定 | 件 | of which performance is recorded
litigation.heard_cases | 开庭审理案件（按审级计） | 件 | suits first heard in period, one per 审级
enforcement.legal_review_staff | 持证法制审核人员 | 人 | certified officers who are legal-review staff
mediation.concluded | 调解结束的纠纷 | 件 | disputes received in period whose mediation ended (agreement or termination)
mediation.concluded_on_time | 按期调结 | 件 | of which the agreement or termination came within the (extended) period
mediation.on_time_rate | 一个月内调结率 | % | concluded on time / concluded × 100
mediation.court_linked_cases | 诉前委派调解 | 件 | disputes a court referred before filing (委派), received in period
mediation.court_linked_resolved | 诉前调解成功 | 件 | of which an agreement was reached
mediation.court_linked_success_rate | 诉前调解成功率 | % | court-linked resolved / court-linked cases × 100
mediation.police_linked_cases | 公调(警调)对接受理 | 件 | disputes transferred by the police, received in period
mediation.petition_linked_cases | 访调对接受理 | 件 | disputes transferred by petition offices or 12345, received in period
mediation.judicial_confirmations | 申请司法确认 | 件 | applications for judicial confirmation in period
mediation.judicial_confirmations_confirmed | 司法确认有效 | 件 | confirmations decided as valid in period
mediation.written_agreements | 书面调解协议 | 件 | written agreements taking effect in period
mediation.oral_agreements | 口头调解协议 | 件 | oral agreements reached in period
mediation.agreement_amount | 调解协议涉及金额 | 元 | sum of the agreements' amounts, by effective date
mediation.disputes_found | 排查发现矛盾纠纷 | 件 | disputes found by screenings in period
mediation.disputes_prevented | 预防纠纷 | 件 | findings settled before they became cases
mediation.criminal_escalations_prevented | 防止民转刑 | 起 | findings where a civil dispute was kept from turning criminal
mediation.nil_reports | 零上报 | 次 | nil reports filed for months in period
corrections.received | 新接收社区矫正对象 | 人 | subjects whose term began in period
corrections.released | 解除矫正 | 人 | subjects released at the end of their term (社区矫正法 第四十四条) in period
corrections.transferred_out | 执行地变更移出 | 人 | subjects moved to another place of execution in period
corrections.investigations_on_time | 按期完成调查评估 | 件 | investigations whose opinion was given within the period of the setting
corrections.investigation_on_time_rate | 调查评估按期完成率 | % | investigations on time / investigations completed × 100
corrections.investigations_recommended | 建议适用社区矫正 | 件 | investigations completed with the opinion that correction suits
corrections.admonitions | 训诫 | 人次 | 训诫 decided in period (社区矫正法 第二十八条)
corrections.warnings | 警告 | 人次 | 警告 decided in period (社区矫正法 第二十八条)
corrections.revocation_proposals | 提请撤销缓刑、假释或收监执行 | 人次 | proposals to revoke or recommit in period (第四十六、四十九条)
corrections.commendations | 表扬 | 人次 | 表扬 in period (社区矫正法 第二十八条)
corrections.electronic_monitoring | 使用电子定位装置 | 人 | first electronic-location orders starting in period (第二十九条; extensions not counted)
corrections.resettlement_received | 新接收刑满释放人员 | 人 | persons released from prison to the county in period
corrections.resettlement_linked | 衔接到位 | 人 | released in period and collected or helped home (上海市安置帮教工作规定 第七条)
corrections.resettlement_linkage_rate | 衔接率 | % | linked / received × 100
corrections.resettlement_placed | 安置到位 | 人 | released in period with a placement (work, social aid, transitional base)
corrections.resettlement_placement_rate | 安置率 | % | placed / received × 100
corrections.resettlement_key_subjects | 重点帮教对象 | 人 | released in period and marked as key persons
accountability.law_reports_onsite | 现场述法 | 人 | leaders reporting on site (现场述法) in period
accountability.inspection_findings | 督察发现问题 | 个 | findings of 督察 begun in period, fed back to the units
accountability.rectified | 督察问题已销号 | 个 | of those, closed (销号) on verified evidence
accountability.rectification_rate | 督察问题整改销号率 | % | rectified / inspection_findings × 100
accountability.demonstration_projects | 示范创建项目 | 个 | 示范创建 projects recommended by the city in period (stages on the ledger)
publicity.legal_literate_activities | 法律明白人开展活动 | 场次 | activities held by 法律明白人 in their villages
publicity.responsibility_lists | 制定普法责任清单单位 | 家 | agencies publishing a 谁执法谁普法 list in period
publicity.performance_reviews | 履职报告评议单位 | 家 | agencies whose 履职报告 was reviewed in period
publicity.law_exam_due | 学法考法应考人数 | 人 | state employees due to sit the law exam
publicity.law_exam_participants | 参加学法考法人数 | 人 | of those, who sat it
publicity.law_exam_passed | 学法考法及格人数 | 人 | of those sitting, who passed
publicity.law_exam_excellent | 学法考法优秀人数 | 人 | of those sitting, rated excellent
legal_aid.criminal_cases | 刑事法律援助案件 | 件 | accepted criminal legal-aid cases
legal_aid.civil_cases | 民事法律援助案件 | 件 | accepted civil legal-aid cases
legal_aid.administrative_cases | 行政法律援助案件 | 件 | accepted administrative legal-aid cases
legal_aid.notified_cases | 通知辩护/代理 | 件 | cases notified by courts, procuratorates and police (第三十六条)
legal_aid.decisions | 审查决定 | 件 | applications decided (granted or refused) in period
legal_aid.decided_on_time | 按期审查决定 | 件 | decisions within the period of 第四十三条
legal_aid.review_on_time_rate | 7日内审查决定率 | % | decided on time / decided × 100
legal_aid.assignments | 指派 | 件 | cases assigned in period
legal_aid.assigned_on_time | 按期指派 | 件 | assignments within 3 days (第三十六条、第四十三条)
legal_aid.assignment_on_time_rate | 3日内指派率 | % | assigned on time / assigned × 100
legal_aid.refusals | 不予援助 | 件 | applications refused in period (第四十三条)
legal_aid.terminations | 终止援助 | 件 | aid terminated in period (第四十八条)
legal_aid.objections | 异议 | 件 | objections received in period (第四十九条)
legal_aid.provisional_aid | 先行援助 | 件 | provisional aid decided in period (第四十四条)
legal_aid.quality_reviewed | 质量评估 | 件 | cases graded in period (第五十九条)
legal_aid.quality_good | 质量优良 | 件 | cases graded 优秀 or 良好 in period
legal_aid.quality_good_rate | 优良率 | % | quality good / quality reviewed × 100
legal_aid.subsidies_paid | 发放办案补贴 | 元 | subsidies paid in period (第五十二条)
legal_services.hotline_contacts | 12348热线呼入 | 人次 | 12348 calls received in period, answered or not
legal_services.hotline_connection_rate | 12348接通率 | % | calls answered / calls received × 100
legal_services.hotline_rated | 12348满意度评价 | 人次 | answered contacts with a satisfaction rating
legal_services.hotline_satisfied | 12348满意评价 | 人次 | of which 满意 or 基本满意
legal_services.hotline_satisfaction_rate | 12348满意率 | % | satisfied / rated × 100
legal_services.hotline_referrals | 12348转办 | 件 | contacts referred to legal aid or mediation
legal_services.stations | 公共法律服务站点 | 个 | centres, stations and rooms established in period
legal_services.village_adviser_consultations | 村居法律顾问解答咨询 | 人次 | consultations in the advisers' monthly logs
legal_services.village_adviser_disputes | 村居法律顾问参与调解 | 件 | disputes mediated in the advisers' monthly logs
legal_services.village_adviser_lectures | 村居法律顾问法治讲座 | 场次 | lectures in the advisers' monthly logs
legal_services.village_adviser_aid_referrals | 村居法律顾问引导法律援助 | 件 | legal-aid referrals in the advisers' monthly logs
notary.timed | 报送办证日期的公证 | 件 | notarial cases reported with per-case dates
notary.on_time | 十五个工作日内出具 | 件 | of which issued within 15 working days (公证法 第三十条)
notary.on_time_rate | 公证按期出具率 | % | on time / timed × 100
notary.refusals | 不予办理公证 | 件 | refusals under 公证法 第三十一条
notary.fee_waivers | 公证费减免 | 件 | fee waivers under 公证法 第三十四条
normative_docs.issued_filed | 公布后已报备的规范性文件 | 件 | documents issued in period that are filed
normative_docs.filing_rate | 报备率 | % | issued and filed / issued × 100
normative_docs.filed_on_time | 按期报备 | 件 | filings in period within the local filing period
normative_docs.filing_on_time_rate | 报备及时率 | % | filed on time / filed × 100
normative_docs.registered_directly | 直接予以登记的备案 | 件 | filings in period registered without 暂缓登记
normative_docs.conformity_rate | 规范率 | % | registered directly / filed × 100
normative_docs.post_evaluations | 后评估 | 件 | post-evaluations of normative documents reported in period
normative_docs.cleanup_campaigns | 专项清理 | 次 | special clean-ups begun in period
normative_docs.renewed_on_expiry | 到期后继续执行 | 件 | documents kept in force past their expiry in period
normative_docs.other_legality_reviews | 其他合法性审查 | 件 | legality reviews of contracts, policy documents and 重大事项 finished in period
major_decisions.decisions_made | 作出重大行政决策 | 项 | decisions taken by collective discussion in period
major_decisions.expert_reviews | 专家论证 | 项 | decisions with an expert review in period
major_decisions.risk_assessments | 风险评估 | 项 | decisions with a risk assessment in period
major_decisions.post_evaluations | 决策后评估 | 项 | post-evaluations of major decisions in period
legal_advisers.advisers | 法律顾问 | 人 | internal and external legal advisers under contract at the end of the period
legal_advisers.units_covered | 配备法律顾问的党政机关 | 个 | bodies with an adviser under contract at the end of the period
legal_advisers.public_lawyer_units | 设立公职律师的单位 | 家 | units with a public-sector lawyer at the end of the period
legal_advisers.engagements | 法律顾问参与法制工作 | 件次 | items of the advisers' service log in period
legal_advisers.meetings_attended | 列席常务会议 | 次 | meetings the advisers attended in period
legal_advisers.agenda_items_reviewed | 议程/议题法律把关 | 项 | agenda items reviewed at those meetings
legal_advisers.units_required | 应配备法律顾问的党政机关 | 个 | bodies registered as having to have a legal adviser, at the end of the period
normative_docs.consultation_replies | 反馈征求意见和建议 | 件 | written replies in period to other organs' consultations on draft documents
major_decisions.public_participation_events | 公众参与 | 次 | public-participation events of major decisions in period
major_decisions.collective_meetings | 集体讨论会议 | 次 | standing or plenary meetings of the deciding organ in period
legal_advisers.units_required_covered | 应配备且已配备法律顾问的党政机关 | 个 | bodies on the list of those that must have an adviser that have one, at the end of the period
statistics.reports_due | 应报统计报表 | 份 | returns opened whose due date falls in period
statistics.reports_submitted_on_time | 按期上报统计报表 | 份 | of which submitted (上报) by the due date
statistics.on_time_rate | 统计报表按期上报率 | % | submitted on time / due × 100
accountability.leadership_study_sessions | 领导班子学法 | 次 | 会议学法 and 专题法治讲座 of leadership groups in period
accountability.leadership_meetings_on_rule_of_law | 听取研究法治工作会议 | 次 | leadership meetings that heard and studied rule-of-law work in period
accountability.open_rectifications | 未整改销号问题 | 个 | 督察 and 述法 findings fed back and not closed (销号) at the period's end
accountability.assessment_results | 公布法治建设考核结果 | 个 | assessment results (units) published in period, computed from the reviewers' scores
accountability.assessment_excellent | 考核等次为优秀 | 个 | of those, graded 优秀
accountability.tasks_assigned | 上级交办任务 | 项 | tasks assigned by the superior committee in period (003: 47)
mediation.mediators | 人民调解员 | 人 | people's mediators on the roster at the end of the period
mediation.expert_pool | 人民调解专家库 | 人 | mediators in the expert pool at the end of the period
mediation.village_committees | 村（居）人民调解委员会 | 个 | village and residents' committees on the roster at the end of the period
mediation.township_committees | 乡镇（街道）人民调解委员会 | 个 | township and street committees on the roster at the end of the period
mediation.enterprise_committees | 企事业单位人民调解委员会 | 个 | enterprise committees on the roster at the end of the period
mediation.specialized_committees | 行业性专业性调解组织 | 个 | trade and specialised committees on the roster at the end of the period
mediation.studios | 派驻调解工作室 | 个 | mediation studios stationed at courts, police stations etc. on the roster at the end of the period
corrections.terminated | 矫正终止 | 人 | subjects whose correction ended in period by revocation, recommitment or death (社区矫正法 第四十五条)
corrections.terminated_revoked | 矫正终止：撤销缓刑、假释 | 人 | of those, ended by the revocation of 缓刑 or 假释
corrections.terminated_recommitted | 矫正终止：收监执行 | 人 | of those, ended by recommitment of a 暂予监外执行 subject
corrections.terminated_died | 矫正终止：死亡 | 人 | of those, ended by the subject's death
corrections.reoffended | 重新犯罪 | 人 | subjects whose correction ended in period for a crime committed during the term (第四十六条第二款)
corrections.public_security_penalties | 提请治安管理处罚 | 人次 | proposals to the police for a public-security penalty in period (社区矫正法 第二十八条)
corrections.home_visits | 走访、实地查访 | 人次 | visits and on-site checks of subjects logged in period (社区矫正法 第二十六条)
corrections.subjects_control | 在册管制对象 | 人 | subjects of 管制 on the register at the end of the period (by_category)
corrections.subjects_probation | 在册缓刑对象 | 人 | subjects of 缓刑 on the register at the end of the period (by_category)
corrections.subjects_parole | 在册假释对象 | 人 | subjects of 假释 on the register at the end of the period (by_category)
corrections.subjects_medical_parole | 在册暂予监外执行对象 | 人 | subjects of 暂予监外执行 on the register at the end of the period (by_category)
legal_aid.non_litigation_cases | 非诉讼法律援助案件 | 件 | accepted non-litigation legal-aid cases
legal_aid.duty_lawyer_services | 值班律师法律帮助 | 人次 | legal help given by duty lawyers in period (第十四条、第三十条)
legal_aid.outreach_events | 法援宣传活动 | 场次 | legal-aid publicity events held in period (第十条)
legal_aid.recipients_by_group | 特定群体受援人 | 人 | recipients of cases accepted in period who are minors, elderly, disabled, women or migrant workers (each once)
legal_aid.recipients_minors | 未成年受援人 | 人 | recipients of cases accepted in period who are minors
legal_aid.recipients_elderly | 老年受援人 | 人 | recipients of cases accepted in period who are elderly
legal_aid.recipients_disabled | 残疾受援人 | 人 | recipients of cases accepted in period who are disabled
legal_aid.recipients_women | 妇女受援人 | 人 | recipients of cases accepted in period who are women
legal_aid.recipients_migrant_workers | 农民工受援人 | 人 | recipients of cases accepted in period who are migrant workers
legal_services.villages | 村（居） | 个 | villages on the advisers' roster at the end of the period
legal_services.villages_with_adviser | 有法律顾问的村（居） | 个 | villages with a legal adviser in office at the end of the period
legal_services.village_adviser_coverage_rate | 村居法律顾问覆盖率 | % | villages with an adviser / villages × 100
statistics.returned_for_correction | 退回修改统计报表 | 份 | returns sent back for correction in period (本级退回、上级退回、解锁更正; each sending back once)
accountability.inspected_units | 被督察单位 | 个 | units among the targets of 督察 begun in period, each once (000: 十余个)
accountability.reporting_units | 应述法单位 | 个 | units on the 述法名单 the 依法治办 made in period
accountability.reporting_units_reported | 已述法的应述法单位 | 个 | of those, units with a 述法 of that year
accountability.law_report_coverage_rate | 述法覆盖率 | % | reporting_units_reported / reporting_units × 100 (003: 述法全覆盖)
accountability.assessment_score | 法治建设考核得分 | 分 | the assessed unit's published total; none when the scope holds several results
accountability.assessment_rank | 法治建设考核名次 | 名 | the assessed unit's published rank; none when the scope holds several results
publicity.law_exam_units | 参加学法考法单位 | 家 | units with a state employee sitting a law exam held in period (004: 72)
publicity.materials_distributed | 发放普法宣传材料 | 份 | materials handed out at the activities held in period
publicity.trial_observers | 旁听庭审 | 人次 | state employees' attendances at trials they were taken to observe in period (004)
publicity.online_posts | 网络普法信息 | 条 | legal-publicity items published online in period, each registered as a 网络普法 activity (000: 800余条)
legal_aid.civil_share | 民事案件占比 | % | civil_cases / cases_accepted × 100 (worklines.md §1.3, seed 000)
legal_services.hotline_minutes | 12348热线服务时长 | 分钟 | minutes of the 12348 calls answered in period (§2.4(d) writes 小时)
publicity.media_adoptions | 媒体采用普法稿件 | 篇 | 普法 pieces taken up by news outlets in period, each outlet once (000: 省级以上媒体采用220余篇)
publicity.culture_sites | 法治文化阵地 | 处 | 法治文化 sites built or named in period, all levels (002: 示范基地省级29处、市级353处)
publicity.model_villages | 民主法治示范村（社区） | 个 | villages named 民主法治示范村 in period, each level once (000)
publicity.volunteers | 普法志愿者 | 人 | 普法 volunteers registered in period (001: “蒲公英”普法志愿者联盟)
legal_services.consultations | 解答咨询 | 件 | contacts answered in period on every channel (12348 phone, online, messages, centre visits), one each (seed 001)
legal_services.approvals | 司法行政审批 | 件 | 司法行政 行政许可 applications decided in period (granted, forwarded after 初审, or refused) (seed 001)
""")

CATALOG: dict[str, Entry] = {entry.id: entry for entry in SPEC + ADDED}


def area_of(indicator_id: str) -> str:
    return indicator_id.split(".", 1)[0]


# worklines.md proposes one area indicators.md lacks: the returns' own figures (§2.8,
# `statistics.on_time_rate` and the like).
PROPOSED_AREAS = ("statistics",)
# The areas (the ids' first part) in catalog order: the order the work lines are shown in.
AREAS: tuple[str, ...] = tuple(
    dict.fromkeys([*(area_of(entry.id) for entry in SPEC), *PROPOSED_AREAS])
)
