"""The demo's notices: two accounts with an address (东湖区's officer and 负责人, the second
with a digest), so that `fazhi demo`'s run of `fazhi notify` prints their mails to the
console and fills their inboxes."""

from fazhi.core.demo import DemoWorld

from .models import Preference

MAILED = {"donghu_officer": False, "donghu_leader": True}  # username: digest


def build(world: DemoWorld) -> None:
    for key, digest in MAILED.items():
        user = world.users[key]
        user.email = f"{key}@demo.fazhi.example"
        user.save(update_fields=["email"])
        Preference.objects.update_or_create(user=user, defaults={"digest": digest})
