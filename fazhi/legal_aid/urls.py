from django.urls import path

from . import views

app_name = "legal_aid"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("apply/", views.case_apply, name="case_apply"),
    path("notice/", views.case_notice, name="case_notice"),
    path("import/", views.case_import, name="case_import"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/step/", views.case_step, name="case_step"),
    path("<int:pk>/file/", views.case_file, name="case_file"),
    path("complaints/", views.complaint_list, name="complaint_list"),
    path("providers/", views.provider_list, name="provider_list"),
    path("providers/new/", views.provider_create, name="provider_create"),
    path("providers/<int:pk>/", views.provider_detail, name="provider_detail"),
    path("standards/", views.standard_list, name="standard_list"),
    path("standards/new/", views.standard_create, name="standard_create"),
    path("standards/<int:pk>/", views.standard_detail, name="standard_detail"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("lookup/", views.status_lookup, name="status_lookup"),
    path("duty/", views.duty_list, name="duty_list"),
    path("duty/new/", views.duty_create, name="duty_create"),
    path("duty/<int:pk>/", views.duty_detail, name="duty_detail"),
    path("outreach/", views.outreach_list, name="outreach_list"),
    path("outreach/new/", views.outreach_create, name="outreach_create"),
    path("outreach/<int:pk>/", views.outreach_detail, name="outreach_detail"),
]
