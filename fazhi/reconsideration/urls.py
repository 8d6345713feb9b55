from django.urls import path

from fazhi.core import views as core_views

from . import views

app_name = "reconsideration"

urlpatterns = [
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_register, name="case_register"),
    path("cases/import/", views.case_import, name="case_import"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/step/", views.case_step, name="case_step"),
    path("cases/<int:pk>/files/", views.case_file_upload, name="case_file_upload"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/<int:pk>/file/", views.document_download, name="document_download"),
    # The case flow's entry of the printed workflows (/workflows/).
    path("workflow/", core_views.workflow_tables, {"key": "reconsideration.case"}, name="workflow"),
    path("supervision/", views.supervision, name="supervision"),
    path("letters/", views.letter_list, name="letter_list"),
    path("letters/new/", views.letter_create, name="letter_create"),
    path("letters/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/receipt/", views.letter_receipt, name="letter_receipt"),
]
