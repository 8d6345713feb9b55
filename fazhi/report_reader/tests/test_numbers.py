import pytest

from fazhi.report_reader.numbers import find_quantities, parse_quantity

# the project's session fixtures build the demo data set in the test database
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("5.4萬多件", 54000, "more_than", "件"),  # traditional 萬 after t2s is 万; both parse
        ("5.4万多件", 54000, "more_than", "件"),
        ("300余万元", 3000000, "more_than", "元"),
        ("百分之九十一", 91, "exact", "%"),
        ("近2万件", 20000, "nearly", "件"),
        ("约4072件", 4072, "about", "件"),
        ("1765件", 1765, "exact", "件"),
        ("17.12%", 17.12, "exact", "%"),
        ("1900余次", 1900, "more_than", "次"),
        ("85%以上", 85, "more_than", "%"),
        ("473万余元", 4730000, "more_than", "元"),
        ("2.4万余人次", 24000, "more_than", "人次"),
        ("十余个", 10, "more_than", "个"),
        ("一千二百件", 1200, "exact", "件"),
        ("2 次", 2, "exact", "次"),
    ],
)
def test_parse_quantity(text, value, qualifier, unit):
    quantity = parse_quantity(text.replace("萬", "万"))
    assert (quantity.value, quantity.qualifier, quantity.unit) == (value, qualifier, unit)
    assert type(quantity.value) is type(value)


def test_ordinals_and_bare_numbers_are_no_quantities():
    found = find_quantities("全市排名第3位，2024年，12348热线，共有16个单位")
    assert [(q.value, q.unit) for q in found] == [(16, "个")]
