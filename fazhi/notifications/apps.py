from fazhi.core import worklines


class NotificationsConfig(worklines.KitAppConfig):
    """Due items reach people: an inbox in the platform and e-mail, from every line's due
    list (`line.due`), sent by `fazhi notify` on a schedule."""

    name = "fazhi.notifications"
    label = "notifications"
    verbose_name = "通知"
    url_prefix = "notices/"

    def wire(self, line):
        from fazhi.core.navigation import NavItem

        from . import demo, models

        line.audit(models.Preference)
        line.nav(NavItem("通知", "notifications:inbox", "工作台", weight=1))
        line.demo(89, "通知", demo.build)  # before the annual report, which comes last
