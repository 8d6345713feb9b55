from django.urls import path

from . import views

app_name = "legal_services"

urlpatterns = [
    path("points/", views.point_list, name="point_list"),
    path("points/new/", views.point_create, name="point_create"),
    path("points/<int:pk>/", views.point_detail, name="point_detail"),
    path("villages/", views.village_list, name="village_list"),
    path("villages/new/", views.village_create, name="village_create"),
    path("villages/<int:pk>/", views.village_detail, name="village_detail"),
    path("villages/<int:pk>/adviser/", views.village_adviser, name="village_adviser"),
    path("villages/<int:pk>/log/", views.village_log, name="village_log"),
    path("villages/<int:pk>/remove/", views.village_remove, name="village_remove"),
    path("contacts/", views.contact_list, name="contact_list"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/import/", views.contact_import, name="contact_import"),
    path("contacts/<int:pk>/", views.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/refer/", views.contact_refer, name="contact_refer"),
    path("notary/", views.office_list, name="office_list"),
    path("notary/new/", views.office_create, name="office_create"),
    path("notary/<int:pk>/", views.office_detail, name="office_detail"),
    path("notary/<int:pk>/report/", views.office_report, name="office_report"),
    path("notary/<int:pk>/complaint/", views.office_complaint, name="office_complaint"),
    path("notary/<int:pk>/handle/", views.office_handle, name="office_handle"),
    path("approvals/", views.approval_list, name="approval_list"),
    path("approvals/new/", views.approval_create, name="approval_create"),
    path("approvals/<int:pk>/", views.approval_detail, name="approval_detail"),
    path("approvals/<int:pk>/decide/", views.approval_decide, name="approval_decide"),
]
