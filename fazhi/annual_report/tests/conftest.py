import pytest

from fazhi.annual_report import services
from fazhi.reconsideration.demo_history import OUTCOMES

# The prose parts written the way an officer would, with no figure that names an indicator.
PROSE = {
    "first_responsible_person": "（一）研究部署法治建设工作\n主要负责人专题听取法治政府建设工作汇报。",
    "problems": "一是基层执法人员法治素养有待提高；二是行政复议应诉能力仍需加强。",
    "next_year_plan": "（一）重点任务与措施\n持续推进行政复议规范化建设。",
}


@pytest.fixture
def donghu_2025(demo):
    """东湖区司法局's 2025 report, drafted by its 经办人."""
    return services.create_report(
        actor=demo.users["donghu_officer"], unit=demo.units["donghu_justice"], year=2025
    )


@pytest.fixture
def written(demo, donghu_2025):
    services.edit_report(
        actor=demo.users["donghu_officer"],
        report=donghu_2025,
        title=donghu_2025.title,
        narratives=PROSE,
    )
    return donghu_2025


def expected_2025(district: str) -> dict[str, int]:
    """What the demo's 2025 ledger of `district` holds, counted from the ledger itself."""
    outcomes = OUTCOMES[district]
    early = outcomes.count("不予受理") + outcomes.count("视为放弃")
    return {
        "received": len(outcomes),
        "accepted": len(outcomes) - early,
        "not_accepted": outcomes.count("不予受理"),
        "upheld": outcomes.count("维持"),
        "revoked": outcomes.count("撤销"),
    }
