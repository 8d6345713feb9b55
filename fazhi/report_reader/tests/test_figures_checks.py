import pytest

from fazhi.report_reader.reader import analyse

from .conftest import FUZHOU, YICHENG, ZIBO

# the project's session fixtures build the demo data set in the test database
pytestmark = pytest.mark.django_db


def _figures(result):
    return {(f.indicator, f.value, f.qualifier) for f in result.figures}


def test_context_decides_the_indicator():
    result = analyse("三、法律援助\n受理各类法律援助案件783件；办结712件，结案率91%。\n", "x.txt")
    assert _figures(result) >= {
        ("legal_aid.cases_accepted", 783, "exact"),
        ("legal_aid.cases_closed", 712, "exact"),
        ("legal_aid.closure_rate", 91, "exact"),
    }
    result = analyse("转变行政复议审理方式，全年共審結1765件，其中撤銷158件。\n", "x.txt")
    assert _figures(result) == {
        ("reconsideration.closed", 1765, "exact"),
        ("reconsideration.revoked", 158, "exact"),
    }


def test_a_figure_outside_the_catalog_is_unmapped():
    result = analyse("组织开展活动，发放宣传材料24万余份。\n", "x.txt")
    assert result.figures == []
    assert [(f.value, f.qualifier, f.quote) for f in result.unmapped] == [
        (240000, "more_than", "发放宣传材料24万余份")
    ]


def test_fuzhou_figures(read_seed):
    figures = _figures(read_seed(FUZHOU))
    assert ("mediation.disputes_mediated", 54000, "more_than") in figures
    assert ("reconsideration.correction_rate", 17.12, "exact") in figures
    # a target of next year's plan ("保持…调解成功率达85%以上") is no result
    assert not any(value == 85 for _, value, _ in figures)


def test_json_form_of_a_figure(read_seed):
    figure = next(
        f
        for f in read_seed(FUZHOU).as_dict()["figures"]
        if f["indicator"] == "reconsideration.closed"
    )
    keys = {"indicator", "value", "qualifier", "unit", "quote", "span", "confidence"}
    assert set(figure) == keys and figure["confidence"] == "exact"
    assert (figure["value"], figure["unit"], figure["quote"]) == (1765, "件", "全年共審結1765件")


def _findings(result, check):
    return [(f.kind, f.message) for f in result.findings if f.check == check]


def test_yicheng_parts_add_up(read_seed):
    result = read_seed(YICHENG)
    sums = _findings(result, "parts_sum")
    assert [kind for kind, _ in sums] == ["consistent", "consistent"]
    assert "30件" in sums[0][1] and "17件" in sums[1][1]
    assert _findings(result, "breakdown")[0][0] == "consistent"
    assert "783 = 150(19%)+633(81%)" in _findings(result, "breakdown")[0][1]
    assert not _findings(result, "completeness")


def test_zibo_rate_matches_counts(read_seed):
    rates = _findings(read_seed(ZIBO), "rate")
    assert rates == [("consistent", "综合纠错率：(280)/553 = 50.63%，报告为50.63%")]


def test_fuzhou_rate_is_an_unexplained_difference_and_a_part_is_missing(read_seed):
    result = read_seed(FUZHOU)
    rates = _findings(result, "rate")
    assert len(rates) == 1 and rates[0][0] == "unexplained difference"
    assert "14.05%" in rates[0][1] and "17.12%" in rates[0][1]
    rate = next(f for f in result.findings if f.check == "rate")
    assert {q["quote"] for q in rate.quotes} >= {"糾錯率達17.12%", "全年共審結1765件"}
    completeness = [f for f in result.findings if f.check == "completeness"]
    assert [f.kind for f in completeness] == ["missing part"]
    assert "第一责任人" in completeness[0].message


def test_wrong_arithmetic_is_an_error():
    text = "行政复议\n共收到行政复议申请30件，其中受理20件，不予受理7件，未按要求补正4件。\n"
    assert [kind for kind, _ in _findings(analyse(text, "x.txt"), "parts_sum")] == ["error"]


def _read(text: str) -> set[tuple[str, int | float]]:
    return {(f.indicator, f.value) for f in analyse(text + "\n", "x.txt").figures}


def test_a_negated_term_names_nothing():
    figures = _read(
        "2019年以来，共收到行政复议申请103宗，不受理12宗（其中不予受理1宗），受理91宗。"
    )
    assert figures == {
        ("reconsideration.received", 103),
        ("reconsideration.not_accepted", 1),
        ("reconsideration.accepted", 91),
    }


def test_counting_words_and_nouns_after_the_number():
    assert _read(
        "今年以来，我区共办理38宗以区政府为被告的行政诉讼案件，区政府继续保持“零败诉”。"
    ) == {
        ("litigation.cases", 38),
        ("litigation.lost", 0),
    }
    assert _read(
        "开展4轮执法案卷评查活动，采用集中评查等方式，随机抽查了1500余宗行政执法案卷。"
    ) == {
        ("enforcement.case_files_reviewed", 1500),
    }
    # the unnamed 21个 leaves its clause (…培训) to the figure that follows
    assert _read("组织全区21个执法部门开展行政执法人员岗前培训，共计约600人参加。") == {
        ("enforcement.officers_trained", 600),
    }


def test_full_width_percent_and_rates_sharing_one_value():
    assert _read("全区开展学法考试，参考率、合格率、优秀率均为１００％。") == {
        ("publicity.law_exam_participation_rate", 100),
        ("publicity.law_exam_pass_rate", 100),
        ("publicity.law_exam_excellent_rate", 100),
    }


def test_another_work_lines_words_refuse_the_match():
    # the passage speaks of 行政复议, the figure's own words of counsel
    assert _read("加强行政复议工作，审结案件8件。聘请法律顾问，为片区提供法律意见书5份。") == {
        ("reconsideration.closed", 8),
    }
    assert _read("行政复议工作：制发行政复议意见书3份。") == {
        ("reconsideration.opinion_letters", 3),
    }


def test_an_elided_noun_comes_from_the_passage():
    assert _read("审查《某某办法》《某某规定》等区规范性文件28件，正式印发11件。") == {
        ("normative_docs.legality_reviews", 28),
        ("normative_docs.issued", 11),
    }


def test_the_ids_the_work_lines_added_are_read():
    assert _read("全年行政复议案件按期审结23件，作出实体决定15件。") == {
        ("reconsideration.closed_on_time", 23),
        ("reconsideration.closed_by_merits_decision", 15),
    }
    assert _read("行政诉讼方面，一审开庭审理案件12件。") == {("litigation.heard_cases", 12)}
    assert _read("全区持证法制审核人员56人。") == {("enforcement.legal_review_staff", 56)}


def test_a_contract_review_is_no_filing_review():
    text = "规范性文件备案审查工作：报备规范性文件6件，审查政府合同12件，审查规范性文件9件。"
    assert _read(text) == {
        ("normative_docs.filed", 6),
        ("normative_docs.other_legality_reviews", 12),  # 其他合法性审查: contracts
        ("normative_docs.filing_reviews", 9),  # a sentence on 备案审查
    }


def test_the_kinds_seen_on_reports_not_tuned_on():
    # the verb before 的 describes the documents a later verb counts (清理 is no 印发)
    assert _read("印发规范性文件8件，对2015—2022年印发的40份规范性文件进行全面清理。") == {
        ("normative_docs.issued", 8)
    }
    # the next clause's verb, shared by 均, names the figure
    assert _read("审核各类文件120余份，其中规范性文件6份，均已按规定报送备案。") == {
        ("normative_docs.filed", 6)
    }
    # other nouns for the same thing, and a year-led repeat of the verb
    assert _read("评查组抽查行政执法案件80宗。") == {("enforcement.case_files_reviewed", 80)}
    assert _read("及时清理规范性文件，2023年废止政策文件4份，2024年废止2份。") == {
        ("normative_docs.repealed", 4),
        ("normative_docs.repealed", 2),
    }
    assert _read("目前持有行政执法资格证人员有52人。") == {("enforcement.certified_officers", 52)}
    assert _read("全县共有1500余名国家工作人员参加学法用法考试。") == {
        ("publicity.law_exam_participants", 1500)
    }
    assert _read("公布重大行政决策事项5项；已出台重大行政决策2项。") == {
        ("major_decisions.catalog_items", 5),
        ("major_decisions.decisions_made", 2),
    }
    # some of the cases, or cases that did not happen, are no total
    assert _read("调撤一审行政诉讼案件30件。") == set()
    assert _read("通过行政复议调解撤回等方式避免20件案件进入诉讼。") == set()


def test_the_kinds_seen_on_the_second_unseen_set():
    # a leadership's study of law, and meetings counted before their noun, on 法治 only
    assert _read("全年召开党组会议12次，组织中心组学法6次。") == {
        ("accountability.leadership_study_sessions", 6)
    }
    assert _read("纳入党委理论学习中心组学习（含法治专题5次）。") == {
        ("accountability.leadership_study_sessions", 5)
    }
    assert _read("先后召开9次局党委会，研究法治建设重大问题。") == {
        ("accountability.leadership_meetings_on_rule_of_law", 9)
    }
    assert _read("研究法治工作有关议题15次。") == {
        ("accountability.leadership_meetings_on_rule_of_law", 15)
    }
    assert _read("局党组先后召开7次党组会，学习贯彻党的二十大精神。") == set()
    # a review before issue, two acts counted together, contracts and policies reviewed
    assert _read("审查和备案规范性文件30件，其中审查县级规范性文件12件。") == {
        ("normative_docs.legality_reviews", 12)
    }
    assert _read("审查政府合同20份，审核合作协议8份，审查政策、规划等文件36件。") == {
        ("normative_docs.other_legality_reviews", 20),
        ("normative_docs.other_legality_reviews", 8),
        ("normative_docs.other_legality_reviews", 36),
    }
    # nouns after the number
    assert _read("我县3个项目入选省级法治政府建设示范项目。") == {
        ("accountability.demonstration_projects", 3)
    }
    assert _read("全县45个行政村全部聘请法律顾问。") == {
        ("legal_services.villages_with_adviser", 45)
    }


def test_the_kinds_seen_on_the_third_unseen_set():
    # rates listed before one value share it, without 均
    assert _read("全局学法考试参考率、通过率和优秀率100%。") == {
        ("publicity.law_exam_participation_rate", 100),
        ("publicity.law_exam_pass_rate", 100),
        ("publicity.law_exam_excellent_rate", 100),
    }
    assert _read("全县2100名干部参加国家工作人员学法考法。") == {
        ("publicity.law_exam_participants", 2100)
    }
    assert _read("严格落实常务会议学法制度，开展县政府常务会议学法8场次。") == {
        ("accountability.leadership_study_sessions", 8)
    }
    assert _read("召开专题会议，专题研究综合执法改革等法治领域重大事项12次。") == {
        ("accountability.leadership_meetings_on_rule_of_law", 12)
    }
    assert _read("向市委依法治市办报送了4个示范创建项目。") == {
        ("accountability.demonstration_projects", 4)
    }
    # decisions and minutes reviewed are other legality reviews; cleanups of documents
    assert _read("审查征收补偿决定30份，对会议纪要进行合法性审查50次。") == {
        ("normative_docs.other_legality_reviews", 30),
        ("normative_docs.other_legality_reviews", 50),
    }
    assert _read("加强规范性文件管理，开展涉企政策清理2次。") == {
        ("normative_docs.cleanup_campaigns", 2)
    }
    assert _read("全局取得公职律师工作证人数9人。") == {("legal_advisers.public_lawyers", 9)}


def test_the_kinds_seen_on_the_fourth_unseen_set():
    # a special meeting on 法治 is counted, the problems it solved are not meetings
    assert _read("定期召开专题会议6次，研究解决法治建设重点问题15项。") == {
        ("accountability.leadership_meetings_on_rule_of_law", 6)
    }
    assert _read("建立会前学法制度，组织学习《宪法》《行政复议法》等法律法规7次。") == {
        ("accountability.leadership_study_sessions", 7)
    }
    assert _read("全镇5名执法人员全部取得行政执法证。") == {("enforcement.certified_officers", 5)}
    # an exam named otherwise is still the 学法考法 passage
    assert _read("干部参加法律知识在线考试，通过率100%。") == {
        ("publicity.law_exam_pass_rate", 100)
    }
    assert _read("深化普法服务，发放宣传材料300余份。") == {
        ("publicity.materials_distributed", 300)
    }
    assert _read("组织开展活动，发放宣传材料300余份。") == set()
    assert _read("法律顾问进村宣讲4次。") == {("legal_services.village_adviser_lectures", 4)}
