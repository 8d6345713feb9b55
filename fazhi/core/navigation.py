"""The left navigation: each installed work line adds its entries when Django loads it."""

from dataclasses import dataclass

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from .querysets import active_membership
from .roles import role_allows


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    group: str
    action: str = "view"  # shown only to users whose role allows it
    superuser_only: bool = False
    work_line: str | None = None  # shown only to memberships acting on this line
    weight: int = 50  # groups are ordered by their lightest item: 工作台 first, 系统管理 last

    def visible_to(self, user) -> bool:
        if user.is_superuser:
            return True
        if self.superuser_only:
            return False
        membership = active_membership(user)
        return (
            membership is not None
            and role_allows(membership.role, self.action)
            and membership.acts_on(self.work_line)
        )

    @property
    def url(self) -> str:
        # a link's address depends on the URL configuration and the script prefix only, so it
        # is reversed once per process (every page's layout shows ~130 of them)
        key = (self.url_name, get_urlconf(), get_script_prefix())
        url = _urls.get(key)
        if url is None:
            url = _urls[key] = reverse(self.url_name)
        return url


_items: list[NavItem] = []
_urls: dict[tuple, str] = {}
_navs: dict[tuple, list[tuple[str, list[NavItem]]]] = {}
_html: dict[tuple, SafeString] = {}
_links: dict[tuple, frozenset[str]] = {}


def register_nav(*items: NavItem) -> None:
    for item in items:
        if item not in _items:
            _items.append(item)


def visibility_key(user) -> tuple:
    """Everything `NavItem.visible_to` reads of a user: superuser or not, and the role and work
    lines of the membership acted through. Users with the same key see the same entries."""
    if user.is_superuser:
        return ("superuser",)
    membership = active_membership(user)
    if membership is None:
        return ("none",)
    lines = None if membership.all_work_lines else frozenset(membership.work_lines or ())
    return ("membership", membership.role, lines)


def nav_for(user) -> list[tuple[str, list[NavItem]]]:
    """The user's navigation groups, computed once per visibility key (a handful of roles and
    line sets, whatever the number of users) and per set of registered entries."""
    return _nav(user, (visibility_key(user), len(_items)))


def nav_html(user, path: str) -> SafeString:
    """The sidebar's groups and links as HTML, the link to `path` marked active. Rendered once
    per visibility key, registered entries, address configuration and active link (at most one
    per entry), so a page's frame does not re-render ~130 links."""
    key = (visibility_key(user), len(_items), get_urlconf(), get_script_prefix())
    links = _links.get(key)
    if links is None:
        links = _links[key] = frozenset(i.url for _, items in _nav(user, key[:2]) for i in items)
    active = path if path in links else None
    html = _html.get((key, active))
    if html is None:
        html = _html[(key, active)] = _render(_nav(user, key[:2]), active)
    return html


def _render(nav, active: str | None) -> SafeString:
    return format_html_join(
        "\n",
        '<div class="nav-group">\n<div class="nav-group-title">{}</div>\n{}\n</div>',
        (
            (
                group,
                format_html_join(
                    "\n",
                    '<a href="{}" class="{}">{}</a>',
                    ((i.url, "active" if i.url == active else "", i.label) for i in items),
                ),
            )
            for group, items in nav
        ),
    )


def _nav(user, key: tuple) -> list[tuple[str, list[NavItem]]]:
    nav = _navs.get(key)
    if nav is None:
        nav = _navs[key] = _build_nav(user)
    return nav


def _build_nav(user) -> list[tuple[str, list[NavItem]]]:
    groups: dict[str, list[NavItem]] = {}
    for item in _items:
        if item.visible_to(user):
            groups.setdefault(item.group, []).append(item)
    return sorted(groups.items(), key=lambda group: min(item.weight for item in group[1]))
