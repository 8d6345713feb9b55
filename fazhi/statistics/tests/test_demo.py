"""The demo's returns: three districts and the city, one late, one warning explained."""

from fazhi.statistics.models import State, StatReturn


def test_the_demo_returns(demo):
    annual = {r.area.name: r for r in StatReturn.objects.filter(period_key="2025")}
    assert annual["示范市"].consolidated and annual["示范市"].state == State.SUBMITTED
    assert annual["西山区"].on_time is False and annual["东湖区"].on_time is True
    assert annual["南桥县"].explanations.get("同比:01-1")
    assert {annual[n].state for n in ("东湖区", "西山区", "南桥县")} == {State.LOCKED}
    city = annual["示范市"]
    assert city.values["01-1"] == 3 + 1 + 8


def test_the_demo_monthly_returns_and_the_nil_return(demo):
    october = {r.area.name: r for r in StatReturn.objects.filter(period_key="2026-10")}
    assert set(october) == {"示范市", "东湖区", "西山区", "南桥县"}
    assert {october[n].state for n in ("东湖区", "西山区", "南桥县")} == {State.LOCKED}
    city = october["示范市"]
    assert city.consolidated and city.state == State.SUBMITTED
    assert len(city.parts) == 3
    assert city.values["01-1"] == sum(
        october[n].values["01-1"] for n in ("东湖区", "西山区", "南桥县")
    )
    nil = StatReturn.objects.get(period_key="2025-09", area__name="南桥县")
    assert nil.nil_return and nil.state == State.SUBMITTED and nil.on_time
    assert nil.signed_by.username == "nanqiao_leader" and nil.versions.count() == 1
    assert not any(nil.values.get(c) for c in nil.records)
