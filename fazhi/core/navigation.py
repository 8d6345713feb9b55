"""The left navigation: each installed work line adds its entries when Django loads it."""

from dataclasses import dataclass

from django.urls import reverse

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
        return reverse(self.url_name)


_items: list[NavItem] = []


def register_nav(*items: NavItem) -> None:
    for item in items:
        if item not in _items:
            _items.append(item)


def nav_for(user) -> list[tuple[str, list[NavItem]]]:
    groups: dict[str, list[NavItem]] = {}
    for item in _items:
        if item.visible_to(user):
            groups.setdefault(item.group, []).append(item)
    return sorted(groups.items(), key=lambda group: min(item.weight for item in group[1]))
