"""Demo returns: the 2025 行政复议 annual return of the three districts — 东湖区 on time, 西山区
late, 南桥县 with a ±50% warning explained — consolidated by the city; the October 2026 人民调解
monthly return of the three districts, consolidated and submitted by the city, and their
October 2026 社区矫正 return, consolidated by the city (填报完成); the November
2026 one, 东湖区 submitted, 西山区 in draft, 南桥县 not begun and urged; and 南桥县's 零上报 of
September 2025 (no 人民调解 record in that month: the committees were founded in October)."""

import datetime

from . import services


def _through(world, district, code, key, *, carried, submitted_on, explain=None):
    officer = world.users[f"{district}_statistician"]
    leader = world.users[f"{district}_leader"]
    statreturn = services.create_return(
        actor=officer, unit=world.units[f"{district}_justice"], template_code=code, period_key=key
    )
    if carried is not None:
        services.set_manual_value(
            actor=officer,
            statreturn=statreturn,
            cell="01-1",
            value=str(carried),
            explanation="上年报表期末未审结数",
        )
    if explain:
        services.explain_warning(
            actor=officer, statreturn=statreturn, cell="01-1", explanation=explain
        )
    services.complete_filling(actor=officer, statreturn=statreturn)
    services.approve_return(actor=leader, statreturn=statreturn)
    services.submit_return(actor=leader, statreturn=statreturn, submitted_on=submitted_on)
    return statreturn


def _monthly(world, district, key, submitted_on=None, code="SF调1表"):
    """A district's monthly return (人民调解 unless `code` says) filled, its warnings
    explained, reviewed and sent."""
    officer = world.users[f"{district}_statistician"]
    leader = world.users[f"{district}_leader"]
    statreturn = services.create_return(
        actor=officer,
        unit=world.units[f"{district}_justice"],
        template_code=code,
        period_key=key,
    )
    services.complete_filling(actor=officer, statreturn=statreturn)
    for problem in services.problems(statreturn):
        if problem.warning:  # the demo's records are few: every swing is large
            services.explain_warning(
                actor=officer,
                statreturn=statreturn,
                cell=problem.cell,
                rule=problem.rule,
                explanation="演示数据记录较少，同比变动大",
            )
    services.approve_return(actor=leader, statreturn=statreturn)
    services.submit_return(actor=leader, statreturn=statreturn, submitted_on=submitted_on)
    return statreturn


def _october_round(world, code):
    """October 2026 of a monthly table: the three districts filed on 4 November and accepted,
    the city's consolidation 填报完成 (its children locked)."""
    submitted = datetime.date(2026, 11, 4)
    for district in world.districts:
        statreturn = _monthly(world, district, "2026-10", submitted_on=submitted, code=code)
        services.accept_return(actor=world.users["city_leader"], statreturn=statreturn)
    city = services.create_return(
        actor=world.users["city_statistician"],
        unit=world.units["city_justice"],
        template_code=code,
        period_key="2026-10",
    )
    services.complete_filling(actor=world.users["city_statistician"], statreturn=city)
    return city


def build(world) -> None:
    services.install_shipped(actor=world.admin)
    city_leader = world.users["city_leader"]
    d = datetime.date
    # 南桥县's 2024 return: the year its 2025 figures are compared with.
    before = _through(world, "nanqiao", "FZ复1表", "2024", carried=2, submitted_on=d(2025, 1, 10))
    services.accept_return(actor=city_leader, statreturn=before)
    annual = [
        _through(world, "donghu", "FZ复1表", "2025", carried=3, submitted_on=d(2026, 1, 12)),
        _through(world, "xishan", "FZ复1表", "2025", carried=1, submitted_on=d(2026, 1, 22)),
        _through(
            world,
            "nanqiao",
            "FZ复1表",
            "2025",
            carried=8,
            submitted_on=d(2026, 1, 14),
            explain="2024年12月集中收到征地补偿类申请6件，年底未审结，上期结转增加",
        ),
    ]
    for statreturn in annual:
        services.accept_return(actor=city_leader, statreturn=statreturn)
    city = services.create_return(
        actor=world.users["city_statistician"],
        unit=world.units["city_justice"],
        template_code="FZ复1表",
        period_key="2025",
    )
    services.complete_filling(actor=world.users["city_statistician"], statreturn=city)
    services.approve_return(actor=city_leader, statreturn=city)
    services.submit_return(actor=city_leader, statreturn=city, submitted_on=d(2026, 1, 19))
    # October 2026, 人民调解: the three districts and the city's consolidation, submitted.
    city_october = _october_round(world, "SF调1表")
    services.approve_return(actor=city_leader, statreturn=city_october)
    services.submit_return(
        actor=city_leader, statreturn=city_october, submitted_on=city_october.due_date
    )
    # October 2026, 社区矫正: the three districts on time, the city's consolidation 填报完成.
    _october_round(world, "SF矫1表")
    # September 2025: 南桥县 has no 人民调解 record to report — 零上报, signed by its 负责人.
    nil = services.create_return(
        actor=world.users["nanqiao_statistician"],
        unit=world.units["nanqiao_justice"],
        template_code="SF调1表",
        period_key="2025-09",
    )
    services.file_nil_return(
        actor=world.users["nanqiao_leader"], statreturn=nil, submitted_on=nil.due_date
    )
    # November 2026, 人民调解 (due 5 December).
    month = "2026-11"
    _monthly(world, "donghu", month)
    services.create_return(
        actor=world.users["xishan_statistician"],
        unit=world.units["xishan_justice"],
        template_code="SF调1表",
        period_key=month,
    )
    city_month = services.create_return(
        actor=world.users["city_statistician"],
        unit=world.units["city_justice"],
        template_code="SF调1表",
        period_key=month,
    )
    services.urge(
        actor=world.users["city_statistician"], statreturn=city_month, area=world.units["nanqiao"]
    )
