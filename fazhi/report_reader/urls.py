from django.urls import path

from . import views

app_name = "report_reader"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("upload/", views.report_upload, name="report_upload"),
    path("compare/", views.report_compare, name="report_compare"),
    path("table/", views.report_table, name="report_table"),
    path("figures/<int:pk>/review/", views.figure_review, name="figure_review"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/publish/", views.report_publish, name="report_publish"),
]
