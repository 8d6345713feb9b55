from django.urls import path

from . import views

app_name = "accountability"

urlpatterns = [
    path("inspections/", views.plan_list, name="plan_list"),
    path("inspections/new/", views.plan_create, name="plan_create"),
    path("inspections/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("inspections/<int:pk>/finding/", views.plan_finding, name="plan_finding"),
    path("inspections/<int:pk>/feedback/", views.plan_feedback, name="plan_feedback"),
    path("findings/", views.finding_list, name="finding_list"),
    path("findings/<int:pk>/", views.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/step/", views.finding_step, name="finding_step"),
    path("assessments/", views.scheme_list, name="scheme_list"),
    path("assessments/new/", views.scheme_create, name="scheme_create"),
    path("assessments/<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("assessments/<int:pk>/item/", views.scheme_item, name="scheme_item"),
    path("assessments/<int:pk>/score/", views.scheme_score, name="scheme_score"),
    path("scores/<int:pk>/", views.score_detail, name="score_detail"),
    path("law-reports/", views.report_list, name="report_list"),
    path("law-reports/new/", views.report_create, name="report_create"),
    path("law-reports/coverage/", views.report_coverage, name="report_coverage"),
    path("law-reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("law-reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("demonstration/", views.project_list, name="project_list"),
    path("demonstration/new/", views.project_create, name="project_create"),
    path("demonstration/<int:pk>/", views.project_detail, name="project_detail"),
    path("demonstration/<int:pk>/advance/", views.project_advance, name="project_advance"),
    path("demonstration/<int:pk>/follow-up/", views.project_follow_up, name="project_follow_up"),
]
