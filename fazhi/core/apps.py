from fazhi.core import worklines


class CoreConfig(worklines.KitAppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = "基础"
    url_prefix = ""  # mounted last: the due list is the site's front page

    def wire(self, line):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save, pre_save

        from . import api, deadlines, demo, models
        from .dataversion import track_writes
        from .navigation import NavItem
        from .storable import check_storable

        line.audit(models.Unit, models.Membership, models.Attachment, models.NumberSequence)
        line.audit(models.WordTemplate)
        line.audit(models.CalendarYear, models.HolidayOverride)
        line.audit(get_user_model(), exclude_fields=["password", "last_login"])
        line.audit(models.Account)
        pre_save.connect(check_storable, dispatch_uid="fazhi_storable_values")
        post_save.connect(track_writes, dispatch_uid="fazhi_data_version_save")
        post_delete.connect(track_writes, dispatch_uid="fazhi_data_version_delete")
        line.nav(
            NavItem("待办事项", "core:due_list", "工作台", weight=0),
            NavItem("单位", "core:unit_list", "系统管理", weight=90),
            NavItem(
                "用户与任职", "core:membership_list", "系统管理", action="manage_users", weight=90
            ),
            NavItem(
                "业务操作记录", "core:event_list", "系统管理", action="view_history", weight=90
            ),
            NavItem("工作日历", "core:calendar", "系统管理", weight=90),
            NavItem("流程规则", "core:workflows", "系统管理", weight=90),
        )
        line.due(deadlines.calendar_years_due)
        line.demo(0, "单位与用户", demo.build_core)
        line.api_viewset("units", api.UnitViewSet, "unit")
        line.api_view("me/", api.me, "me")
        line.api_view("due/", api.due, "due")
