"""The demo gives every district the records the pages, the due list and the indicators show."""

from fazhi.core.deadlines import due_list
from fazhi.core.guards import today
from fazhi.enforcement import selectors
from fazhi.enforcement.models import CaseFile, EnforcementAction, RectificationNotice


def test_every_district_has_enforcement_records(demo):
    for key in demo.districts:
        district = demo.units[key]
        actions = EnforcementAction.objects.filter(unit__path__startswith=district.path)
        assert actions.filter(list_item__isnull=False).count() == 6
        assert CaseFile.objects.filter(campaign__unit__path__startswith=district.path).count() == 7
        assert RectificationNotice.objects.filter(unit__path__startswith=district.path).count() == 4


def test_the_supervisor_sees_reviews_and_rectifications_due(demo):
    supervisor = demo.users["donghu_supervisor"]
    titles = [item.title for item in due_list(supervisor, today()).items]
    assert any("年审" in title for title in titles)
    assert any("反馈整改情况" in title for title in titles)


def test_one_agency_is_below_the_legal_review_floor(demo):
    supervisor = demo.users["donghu_supervisor"]
    ratios = {
        suffix: selectors.staff_ratio(supervisor, demo.units[f"donghu_{suffix}"], today())
        for suffix in ("enf0", "enf1", "enf2")
    }
    assert [s for s, r in ratios.items() if r.below_floor] == ["enf2"]
    assert ratios["enf2"].certified == 2  # the suspended certificate does not count
