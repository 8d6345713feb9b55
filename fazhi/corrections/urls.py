from django.urls import path

from . import views

app_name = "corrections"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("subjects/", views.subject_list, name="subject_list"),
    path("subjects/new/", views.subject_create, name="subject_create"),
    path("subjects/import/", views.subject_import, name="subject_import"),
    path("subjects/<int:pk>/", views.subject_detail, name="subject_detail"),
    path("subjects/<int:pk>/reveal/", views.subject_reveal, name="subject_reveal"),
    path("subjects/<int:pk>/plan/", views.set_plan, name="set_plan"),
    path("subjects/<int:pk>/handler/", views.name_handler, name="name_handler"),
    path("subjects/<int:pk>/daily/", views.record_daily, name="record_daily"),
    path("subjects/<int:pk>/leave/", views.approve_leave, name="approve_leave"),
    path("subjects/<int:pk>/sanction/", views.record_sanction, name="record_sanction"),
    path("subjects/<int:pk>/location-order/", views.order_location, name="order_location"),
    path("subjects/<int:pk>/location/", views.record_location, name="record_location"),
    path("subjects/<int:pk>/transfer/", views.transfer_subject, name="transfer_subject"),
    path("subjects/<int:pk>/release/", views.release_subject, name="release_subject"),
    path("subjects/<int:pk>/terminate/", views.terminate_subject, name="terminate_subject"),
    path("investigations/", views.investigation_list, name="investigation_list"),
    path("investigations/new/", views.investigation_create, name="investigation_create"),
    path("investigations/<int:pk>/", views.investigation_detail, name="investigation_detail"),
    path(
        "investigations/<int:pk>/reveal/", views.investigation_reveal, name="investigation_reveal"
    ),
    path(
        "investigations/<int:pk>/assess/",
        views.complete_investigation,
        name="complete_investigation",
    ),
    path("access-report/", views.access_report, name="access_report"),
    path("released/", views.released_list, name="released_list"),
    path("released/new/", views.released_create, name="released_create"),
    path("released/<int:pk>/", views.released_detail, name="released_detail"),
    path("released/<int:pk>/reveal/", views.released_reveal, name="released_reveal"),
    path("released/<int:pk>/linkage/", views.record_linkage, name="record_linkage"),
    path("released/<int:pk>/placement/", views.record_placement, name="record_placement"),
    path("counts/", views.count_list, name="count_list"),
    path("counts/import/", views.count_import, name="count_import"),
]
