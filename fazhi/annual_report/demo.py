"""Demo reports of 2025 — the year each district's 司法局 reported on in 2026: 西山区's submitted,
南桥县's published; 东湖区's not yet begun (the browser test drafts it)."""

import datetime

from fazhi.core.demo import DemoWorld

from . import services

NARRATIVES = {
    "measures_and_results": (
        "（一）完善依法行政制度体系\n"
        "严格落实行政规范性文件合法性审核机制，做到应审尽审。\n"
        "（二）推进严格规范公正文明执法\n"
        "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。"
    ),
    "first_responsible_person": (
        "（一）研究部署法治建设工作\n"
        "主要负责人专题听取法治政府建设工作汇报，研究解决重点难点问题。\n"
        "（二）带头尊法学法守法用法\n"
        "坚持会前学法制度，带头开展年终述法。"
    ),
    "problems": (
        "一是基层执法人员法治素养有待提高；二是行政复议应诉能力仍需加强。\n"
        "原因主要是培训针对性不强，专业人员配备不足。"
    ),
    "next_year_plan": (
        "（一）深入学习贯彻习近平法治思想\n"
        "把习近平法治思想纳入干部学法重点内容。\n"
        "（二）重点任务与措施\n"
        "持续推进行政复议规范化建设，提升行政执法质量。"
    ),
}
# (district, how far the report went, the dates of its steps in 2026)
PLAN = (
    ("xishan", "submit_report", datetime.date(2026, 2, 26)),
    ("nanqiao", "publish_report", datetime.date(2026, 3, 20)),
)
STEPS = (
    ("submit_for_review", "officer"),
    ("approve_review", "reviewer"),
    ("sign_report", "leader"),
    ("submit_report", "officer"),
    ("publish_report", "officer"),
)


def build(world: DemoWorld) -> None:
    for key, last_step, on in PLAN:
        people = {role: world.users[f"{key}_{role}"] for role in ("officer", "reviewer", "leader")}
        report = services.create_report(
            actor=people["officer"], unit=world.units[f"{key}_justice"], year=2025
        )
        services.edit_report(
            actor=people["officer"], report=report, title=report.title, narratives=NARRATIVES
        )
        for problem in services.problems(report):  # e.g. a generated part with no 2025 data
            services.override_problem(
                actor=people["reviewer"], report=report, problem=problem.key, reason="演示数据"
            )
        for action, role in STEPS:
            extra = {"publication_url": f"https://www.example.gov.cn/{key}/fzzf2025.html"}
            getattr(services, action)(
                actor=people[role],
                report=report,
                on=on,
                **(extra if action == "publish_report" else {}),
            )
            if action == last_step:
                break
