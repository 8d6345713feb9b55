from django.urls import path

from . import views

app_name = "annual_report"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    path("overview/", views.report_overview, name="report_overview"),
    path("overview/urge/", views.report_urge, name="report_urge"),
    path("dates/", views.reporting_dates, name="reporting_dates"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/step/", views.report_step, name="report_step"),
    path("<int:pk>/refresh/", views.report_refresh, name="report_refresh"),
    path("<int:pk>/override/", views.report_override, name="report_override"),
    path("<int:pk>/correct/", views.report_correct, name="report_correct"),
    path("<int:pk>/docx/", views.report_docx, name="report_docx"),
    path("<int:pk>/pdf/", views.report_pdf, name="report_pdf"),
    path("<int:pk>/publication/", views.report_publication, name="report_publication"),
    path("<int:pk>/figures/", views.report_figures, name="report_figures"),
]
