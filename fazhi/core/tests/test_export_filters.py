"""Issue 13, item 6: on every list page with a search, the Excel export carries the page's
search and filters — walked over every route, so that a list added later is checked too."""

import re
from html import unescape

from django.urls import reverse

from .routes import all_routes

SEARCH = "筛选词"


def _list_pages():
    for route in all_routes():
        if route.name and not route.params and not route.name.startswith("api"):
            yield route.name


def test_every_export_link_of_a_searched_list_keeps_the_search(demo, client_as):
    checked = []
    for user in ("donghu_leader", "city_inspector", "donghu_admin"):
        client = client_as(demo.users[user])
        for name in _list_pages():
            if name in checked or "logout" in name:
                continue
            response = client.get(reverse(name), {"q": SEARCH})
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            page = response.content.decode()
            if 'name="q"' not in page:
                continue
            links = [unescape(h) for h in re.findall(r'href="([^"]*export=xlsx[^"]*)"', page)]
            for link in links:
                assert "q=%E7%AD%9B%E9%80%89%E8%AF%8D" in link or f"q={SEARCH}" in link, (
                    name,
                    link,
                )
            if links:
                checked.append(name)
    assert len(checked) >= 20, checked
