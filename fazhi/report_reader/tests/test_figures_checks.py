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
    assert set(figure) == {"indicator", "value", "qualifier", "unit", "quote", "span"}
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
