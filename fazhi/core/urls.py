from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.due_list_view, name="due_list"),
    path("switch-unit/", views.switch_membership, name="switch_membership"),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/new-child/", views.unit_create, name="unit_create"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("units/<int:pk>/move/", views.unit_move, name="unit_move"),
    path("units/<int:pk>/attach/", views.unit_attach, name="unit_attach"),
    path("units/<int:pk>/templates/", views.unit_templates, name="unit_templates"),
    path(
        "units/<int:pk>/templates/upload/", views.unit_template_upload, name="unit_template_upload"
    ),
    path("units/<int:pk>/templates/reset/", views.unit_template_reset, name="unit_template_reset"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("users/", views.membership_list, name="membership_list"),
    path("users/new/", views.user_create, name="user_create"),
    path(
        "memberships/<int:pk>/work-lines/",
        views.membership_work_lines,
        name="membership_work_lines",
    ),
    path(
        "memberships/<int:pk>/reset-password/",
        views.membership_password_reset,
        name="membership_password_reset",
    ),
    path("memberships/<int:pk>/revoke/", views.membership_revoke, name="membership_revoke"),
    path("events/", views.event_list, name="event_list"),
    path("workflows/", views.workflow_tables, name="workflows"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar/new-year/", views.calendar_year_create, name="calendar_year_create"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
]
