from django.urls import path

from . import views

app_name = "rulemaking"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("new/", views.document_create, name="document_create"),
    path("import/", views.document_import, name="document_import"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/step/", views.document_step, name="document_step"),
    path("<int:pk>/file/", views.document_file, name="document_file"),
    path("<int:pk>/request/", views.document_request, name="document_request"),
    path("<int:pk>/evaluation/", views.document_evaluation, name="document_evaluation"),
    path("cleanups/", views.cleanup_list, name="cleanup_list"),
    path("cleanups/new/", views.cleanup_create, name="cleanup_create"),
    path("cleanups/<int:pk>/", views.cleanup_detail, name="cleanup_detail"),
    path("cleanups/<int:pk>/entry/", views.cleanup_entry, name="cleanup_entry"),
    path("cleanups/<int:pk>/publish/", views.cleanup_publish, name="cleanup_publish"),
    path("filings/", views.filing_list, name="filing_list"),
    path("filings/<int:pk>/", views.filing_detail, name="filing_detail"),
    path("filings/<int:pk>/step/", views.filing_step, name="filing_step"),
    path("catalogs/", views.catalog_list, name="catalog_list"),
    path("catalogs/new/", views.catalog_create, name="catalog_create"),
    path("catalogs/<int:pk>/", views.catalog_detail, name="catalog_detail"),
    path("catalogs/<int:pk>/item/", views.catalog_item_add, name="catalog_item_add"),
    path("catalogs/<int:pk>/publish/", views.catalog_publish, name="catalog_publish"),
    path("catalogs/<int:pk>/adjust/", views.catalog_adjust, name="catalog_adjust"),
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/step/", views.decision_step, name="decision_step"),
    path("advisers/", views.adviser_list, name="adviser_list"),
    path("advisers/new/", views.adviser_create, name="adviser_create"),
    path("advisers/coverage/", views.coverage, name="coverage"),
    path("advisers/<int:pk>/", views.adviser_detail, name="adviser_detail"),
    path("advisers/<int:pk>/renew/", views.adviser_renew, name="adviser_renew"),
    path("advisers/<int:pk>/service/", views.adviser_service, name="adviser_service"),
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/new/", views.review_create, name="review_create"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/finish/", views.review_finish, name="review_finish"),
]
