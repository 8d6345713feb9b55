"""In the real browser: 东湖区's statistician fills the 执法监督 annual return from the records,
the bureau's 负责人 sends it back, it is corrected and 上报; the city accepts it and its
statistician consolidates the three districts."""

import re

import pytest

from fazhi.core.demo import DEMO_PASSWORD
from fazhi.statistics import services
from fazhi.statistics.models import State, StatReturn

pytestmark = pytest.mark.browser
CODE, YEAR = "SF执1表", "2025"


def _login(browser, base_url, username):
    page = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 800}).new_page()
    page.goto(f"{base_url}/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")
    return page


def _step(page, label):
    page.locator("form", has=page.locator(f"button:text-is('{label}')")).locator("button").click()
    page.wait_for_selector(f"text=已办理：{label}")


def _explain_warnings(page):
    for index in range(page.locator("section.problems form").count()):
        form = page.locator("section.problems form").nth(index)
        form.locator("input[name=explanation]").fill("执法检查专项行动增加")
        form.locator("button").click()
        page.wait_for_selector("text=已保存说明")


def _submitted_elsewhere(world, district):
    officer, leader = world.users[f"{district}_statistician"], world.users[f"{district}_leader"]
    statreturn = services.create_return(
        actor=officer, unit=world.units[f"{district}_justice"], template_code=CODE, period_key=YEAR
    )
    services.complete_filling(actor=officer, statreturn=statreturn)
    for problem in services.problems(statreturn):
        if problem.warning:
            services.explain_warning(
                actor=officer, statreturn=statreturn, cell=problem.cell, explanation="专项行动"
            )
    services.approve_return(actor=leader, statreturn=statreturn)
    services.submit_return(actor=leader, statreturn=statreturn)
    services.accept_return(actor=world.users["city_leader"], statreturn=statreturn)


def test_fill_send_back_correct_submit_and_consolidate(live_demo, browser):
    world, base_url = live_demo
    officer = _login(browser, base_url, "donghu_statistician")
    officer.locator("nav").get_by_role("link", name="统计报表").first.click()
    officer.wait_for_url(f"{base_url}/statistics/")
    officer.get_by_role("link", name="新建报表").click()
    officer.select_option("#id_template_code", CODE)
    officer.fill("#id_period_key", YEAR)
    officer.click("button.primary")
    officer.wait_for_url(re.compile(rf"{base_url}/statistics/\d+/$"))
    url = officer.url
    assert "数据已从记录取得" in officer.locator("main").inner_text()
    assert officer.locator("td[data-cell='01-1'] a.figure").count() == 1  # click-through
    _step(officer, "填报完成")

    leader = _login(browser, base_url, "donghu_leader")
    leader.goto(url)
    form = leader.locator("form", has=leader.locator("button:text-is('退回修改')"))
    form.locator("textarea").fill("请核对持证人员数")
    form.locator("button").click()
    leader.wait_for_selector("text=已办理：退回修改")

    officer.goto(url)
    assert "请核对持证人员数" in officer.locator("main").inner_text()
    officer.get_by_role("button", name="按记录重新取数").click()
    officer.wait_for_selector("text=已按记录重新取数")
    _step(officer, "填报完成")
    _explain_warnings(officer)

    leader.goto(url)
    _step(leader, "审核通过")
    _step(leader, "上报")
    assert "已上报" in leader.locator("dd.state").inner_text()

    city_leader = _login(browser, base_url, "city_leader")
    city_leader.goto(url)
    _step(city_leader, "上级审核通过")
    _submitted_elsewhere(world, "xishan")
    _submitted_elsewhere(world, "nanqiao")

    city = _login(browser, base_url, "city_statistician")
    city.goto(f"{base_url}/statistics/new/?template={CODE}&period={YEAR}")
    city.click("button.primary")
    city.wait_for_url(re.compile(rf"{base_url}/statistics/\d+/$"))
    _step(city, "填报完成")
    consolidated = StatReturn.objects.get(
        template__code=CODE, period_key=YEAR, area=world.units["city"]
    )
    districts = StatReturn.objects.filter(
        template__code=CODE, period_key=YEAR, area__parent=world.units["city"]
    )
    assert {r.state for r in districts} == {State.LOCKED}
    assert consolidated.state == State.FILLED
    assert consolidated.values["05-1"] >= sum(r.values["05-1"] for r in districts)
    assert "东湖区" in city.locator("section.children").inner_text()
