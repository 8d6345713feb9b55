import pytest

from fazhi.report_reader.metadata import read_metadata
from fazhi.report_reader.normalize import blank_residue, normalize
from fazhi.report_reader.sections import find_sections

from .conftest import FUZHOU, HEDONG, XUCHANG, YICHENG, ZIBO

# the project's session fixtures build the demo data set in the test database
pytestmark = pytest.mark.django_db


def test_normalisation_keeps_every_offset(seeds):
    original = (seeds / FUZHOU).read_text(encoding="utf-8")
    normalized = normalize(original)
    assert len(normalized) == len(original)
    assert "全年共审结1765件" in normalized
    assert "全年共審結1765件" not in normalized


def test_fuzhou_quotes_are_the_traditional_original(seeds, read_seed):
    original = (seeds / FUZHOU).read_text(encoding="utf-8")
    result = read_seed(FUZHOU)
    closed = next(f for f in result.figures if f.indicator == "reconsideration.closed")
    assert closed.quote == "全年共審結1765件"
    assert original[closed.span[0] : closed.span[1]] == closed.quote
    for figure in result.figures + result.unmapped:
        assert original[figure.span[0] : figure.span[1]] == figure.quote


def test_full_width_digits_and_residue():
    text = "索引号: 123/2022\n全年共审结１７６５件，纠错率１７．１２％\n分享到:"
    analysed = blank_residue(normalize(text))
    assert len(analysed) == len(text)
    assert analysed.split("\n")[0].strip() == "" and analysed.split("\n")[2].strip() == ""
    assert "审结1765件,纠错率17.12%" in analysed


@pytest.mark.parametrize(
    ("name", "region", "agency", "level", "year", "published"),
    [
        (YICHENG, "峄城区", "峄城区司法局", "department", 2022, None),
        (FUZHOU, "福州市", "福州市司法局", "department", 2023, None),
        (ZIBO, "淄博市", "淄博市人民政府", "city", 2021, "2022-02-23"),
        (
            XUCHANG,
            "许昌市城乡一体化示范区",
            "许昌市城乡一体化示范区管委会",
            "zone",
            2023,
            "2024-03-01",
        ),
        (HEDONG, "河东区", "河东区司法局", "department", 2024, "2025-01-17"),
    ],
)
def test_metadata(read_seed, name, region, agency, level, year, published):
    result = read_seed(name)
    assert (result.region, result.agency, result.level, result.year, result.published) == (
        region, agency, level, year, published,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        (YICHENG, ("present", "present", "present", "present", "missing")),
        (FUZHOU, ("present", "missing", "present", "present", "missing")),
        (ZIBO, ("present", "present", "present", "present", "missing")),
        (XUCHANG, ("present", "merged", "merged", "merged", "missing")),
        (HEDONG, ("present", "present", "present", "present", "missing")),
    ],
)
def test_sections(read_seed, name, statuses):
    sections = read_seed(name).sections
    assert tuple(section.status for section in sections.values()) == statuses


def test_section_titles_and_spans(read_seed):
    fuzhou = read_seed(FUZHOU)
    assert fuzhou.sections["problems"].title == "二、存在問題"
    assert fuzhou.sections["next_year_plan"].title == "三、2024年度重點工作安排"
    zibo = read_seed(ZIBO)
    assert (
        zibo.sections["first_responsible_person"].span[0]
        < zibo.sections["measures_and_results"].span[0]
    )
    xuchang = read_seed(XUCHANG)
    plan = xuchang.sections["next_year_plan"].span
    assert xuchang.text[plan[0] : plan[1]].startswith("2024年我区将")
    measures = xuchang.sections["measures_and_results"].span
    assert "总体上" not in xuchang.text[measures[0] : measures[1]]
    assert "2024228" not in str(xuchang.published)


@pytest.mark.parametrize(
    ("text", "region", "agency", "level", "year"),
    [
        ("司法部关于2023年法治政府建设情况的报告\n", "全国", "司法部", "department", 2023),
        ("湖北省人民政府关于2022年度法治政府建设情况的报告\n", "湖北省", "湖北省人民政府", "province", 2022),
        ("遂宁市司法局2021年法治政府建设年度报告\n", "遂宁市", "遂宁市司法局", "department", 2021),
        ("邳州市人民政府2021年法治政府建设年度报告\n", "邳州市", "邳州市人民政府", "county-district", 2021),
        ("北京经济技术开发区管委会关于2024年法治政府建设情况的报告\n", "北京经济技术开发区",
         "北京经济技术开发区管委会", "zone", 2024),
        ("三里屯街道办事处2022年法治政府建设工作报告\n北京市朝阳区三里屯街道办事处在区委领导下",
         "北京市朝阳区三里屯街道", "三里屯街道办事处", "township", 2022),
        ("沙河镇关于法治政府建设工作情况的报告\n2019年，昌平区沙河镇坚持依法行政。\n沙河镇人民政府\n2020年1月10日",
         "昌平区沙河镇", "沙河镇人民政府", "township", 2019),
        # the page header names the district's city; a word before a place is no place
        ("静海区2023年度法治政府建设情况报告\n天津市静海区人民政府 2024年3月28日\n2023年，静海区坚持依法行政。",
         "天津市静海区", "静海区人民政府", "county-district", 2023),
        ("君山片区2022年法治政府建设工作报告\n发布机构: 平潭综合实验区君山片区管理局\n2022年，坚持在君山片区推进。",
         "平潭综合实验区君山片区", "君山片区管理局", "township", 2022),
        # no title: the first sentence's subject, a ministry, the body's own organ
        ("2022年以来，越城区司法局紧紧围绕区委区政府工作部署。", "越城区", "越城区司法局", "department", 2022),
        ("2022年，司法部坚持依法行政。", "全国", "司法部", "department", 2022),
        ("2022年，县司法局紧紧围绕县委中心工作。制定《潼关县工作要点》，成为渭南市首个制定《潼关县规则》的县。",
         "渭南市潼关县", "潼关县司法局", "department", 2022),
        ("2022年，全区各部门坚持依法行政。", None, None, None, 2022),
        # the issuing body on a line of its own, a title without it
        ("眉山市彭山区公义镇人民政府\n\n2021年法治政府建设工作情况报告\n\n2021年我镇深入贯彻。",
         "眉山市彭山区公义镇", "眉山市彭山区公义镇人民政府", "township", 2021),
        # a one-line page: the title inside running text, after the site's banner
        ("www.example.com湖北省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持依法行政。",
         "湖北省", "湖北省人民政府", "province", 2023),
        ("鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告\n2022年，我街道依法履职。",
         "鲤城区金龙街道", "鲤城区人民政府金龙街道办事处", "township", 2022),
        # the city that holds the district, named elsewhere in the opening, in full or short
        ("镜湖区司法局2021年法治政府建设情况年度报告\n区司法局荣获“芜湖市先进集体”称号。",
         "芜湖市镜湖区", "镜湖区司法局", "department", 2021),
        ("2023年，龙华区司法局贯彻习近平总书记对广东、深圳重要讲话精神。",
         "深圳市龙华区", "龙华区司法局", "department", 2023),
        # an organ without its place: the province or city of its level named most
        ("2021年，司法厅坚持依法行政，为建设法治江西、平安江西提供保障。",
         "江西省", "江西省司法厅", "department", 2021),
        ("2023年，市政府办公厅统筹推进法治建设，助力成都建设法治城市。",
         "成都市", "成都市政府办公厅", "department", 2023),
        ("2022年，全市司法行政系统坚持依法行政。我局制定《绵阳市工作规则》。",
         "绵阳市", "绵阳市司法局", "department", 2022),
        # a street followed by words (no district called 在区); a county's name is no
        # naming of its city (湘潭县 says nothing of 湘潭市); the year after a preamble
        ("2024年，金山街道在区委区政府的领导下依法履职。", "金山街道", "金山街道办事处", "township", 2024),
        ("2022年，湘潭县坚持依法行政。", "湘潭县", "湘潭县人民政府", "county-district", 2022),
        ("根据《纲要（2023—2027年）》要求，2023年，西湖街道深入推进法治建设。",
         "西湖街道", "西湖街道办事处", "township", 2023),
        # a 司法行政系统 is its 司法局; "区司法局" is the one district's the opening names
        ("2024年，武侯区司法行政系统坚持依法行政。", "武侯区", "武侯区司法局", "department", 2024),
        ("2024年，区司法局深入推进依法治区。制定《郫都区工作规则》。",
         "郫都区", "郫都区司法局", "department", 2024),
        # a first sentence led by its year without a comma
        ("2024年县司法局在县委的领导下依法履职，为翁源经济发展护航。翁源县司法行政系统…",
         "翁源县", "翁源县司法局", "department", 2024),
        # the year of the first part's heading when nothing earlier states it
        ("通州区坚持依法行政，服务副中心建设。\n一、2022年法治政府建设主要举措和成效\n",
         "通州区", "通州区人民政府", "county-district", 2022),
    ],
)  # fmt: skip
def test_metadata_from_the_gazetteer(text, region, agency, level, year):
    meta = read_metadata(text)
    assert (meta.region, meta.agency, meta.level, meta.year) == (region, agency, level, year)
    assert meta.notes == []


def test_year_sources_in_order_with_a_reason():
    text = "天津市静海区人民政府关于2021年度法治政府建设情况的报告\n2020年，静海区坚持依法行政。"
    meta = read_metadata(text)
    assert meta.year == 2021
    assert meta.notes == [
        "报告年度取标题所述2021年；首句所示为2020年，以标题为准（标题、首句、落款日期依次优先）"
    ]
    # no title, no dated first sentence: a closing date in the spring reports on the year before
    assert (
        read_metadata("现将有关情况报告如下：\n一、工作\n某县人民政府\n2022年1月5日").year == 2021
    )
    assert (
        read_metadata("现将有关情况报告如下：\n一、工作\n某县人民政府\n2019年12月18日").year == 2019
    )


def _statuses(text: str) -> tuple[str, ...]:
    analysed = blank_residue(normalize(text))
    return tuple(s.status for s in find_sections(analysed, text, 2022).values())


def test_parts_of_a_one_line_text_by_their_inline_headings():
    body = (
        "当前位置：首页 微信 微博 2022年，某片区管理局坚持依法行政。" + "推进依法行政。" * 60
        + "一、工作开展情况\u3000（一）深入学习贯彻习近平法治思想" + "开展学法活动。" * 20
        + " 二、存在的问题和不足 法治意识有待提高。 三、下一步工作计划 下一步将继续压实责任。"
    )  # fmt: skip
    assert _statuses(body) == ("present", "missing", "present", "present", "missing")
    sections = find_sections(blank_residue(normalize(body)), body, 2022)
    assert sections["problems"].title == "二、存在的问题和不足"


def test_parts_numbered_one_rank_lower():
    text = (
        "某县司法局2022年法治政府建设情况报告\n（一）主要举措和成效\n推进依法行政。\n"
        "（二）存在的不足\n执法水平有待提高。\n（三）2023年工作安排\n2023年将继续推进。\n"
    )
    assert _statuses(text) == ("present", "missing", "present", "present", "missing")


def test_parts_of_a_one_line_text_by_their_phrases():
    body = (
        "2022年，某街道坚持依法行政。" + "推进依法行政。" * 100
        + " 存在的问题和不足 法治意识有待提高。 下一步工作计划 下一步将继续压实责任。"
    )  # fmt: skip
    # the measures are the prose before the first part with a heading
    assert _statuses(body) == ("merged", "missing", "present", "present", "missing")
