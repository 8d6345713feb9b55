"""Demo reports: a short synthetic 法治政府建设情况报告 for each district, read by the reader
and stored as owned by the district's 依法治区办 (no file of ../shared is needed)."""

from . import services
from .reader import analyse

PARTS = {
    "measures_and_results": (
        "一、2025年推进法治政府建设的主要举措和成效\n"
        "（一）依法化解行政争议。全年共收到行政复议申请{received}件，其中受理{accepted}件，"
        "审结{closed}件，纠错{corrected}件，纠错率为{rate}%。\n"
        "（二）推进严格规范公正文明执法。全年办理行政处罚案件{penalties}件，"
        "行政机关负责人出庭应诉率达到100%。\n"
    ),
    "first_responsible_person": (
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "区政府主要负责人召开常务会议专题研究法治政府建设工作4次，带头开展述法。\n"
    ),
    "problems": (
        "三、推进法治政府建设存在的不足和原因\n"
        "一是基层执法人员法治素养有待提高；二是行政复议应诉能力仍需加强。"
        "原因主要是培训针对性不强。\n"
    ),
    "next_year_plan": (
        "四、2026年推进法治政府建设的主要安排\n"
        "2026年，{region}将继续深化法治政府建设，力争行政复议申请办结50件以上。\n"
    ),
}

FIGURES = {
    "donghu": {"received": 30, "accepted": 20, "closed": 18, "corrected": 3, "rate": "16.7"},
    "xishan": {"received": 26, "accepted": 21, "closed": 19, "corrected": 2, "rate": "10.5"},
    "nanqiao": {"received": 14, "accepted": 12, "closed": 12, "corrected": 1, "rate": "8.3"},
}


def report_text(region: str, figures: dict | None = None, omit: tuple[str, ...] = ()) -> str:
    """A synthetic annual report of `region` (a district name such as 东湖区)."""
    values = {
        "received": 30,
        "accepted": 20,
        "closed": 18,
        "corrected": 3,
        "rate": "16.7",
        "penalties": 1236,
    }
    values.update(figures or {})
    body = "".join(
        text.format(region=region, **values) for key, text in PARTS.items() if key not in omit
    )
    return (
        f"{region}2025年度法治政府建设情况的报告\n"
        f"2025年，{region}坚持以习近平法治思想为指导，深入推进法治政府建设。"
        "现将有关情况报告如下：\n" + body + f"{region}人民政府\n2026年1月20日\n"
    )


def build(world) -> None:
    for key in world.districts:
        office = world.units[f"{key}_office"]
        region = world.units[key].name
        actor = world.users.get(f"{key}_inspector") or world.admin
        name = f"{region}2025年度法治政府建设情况的报告.txt"
        result = analyse(report_text(region, FIGURES.get(key)), name)
        services.store_result(actor=actor, unit=office, result=result)
