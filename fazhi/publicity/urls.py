from django.urls import path

from . import views

app_name = "publicity"

urlpatterns = [
    path("lists/", views.list_list, name="list_list"),
    path("lists/new/", views.list_create, name="list_create"),
    path("lists/<int:pk>/", views.list_detail, name="list_detail"),
    path("lists/<int:pk>/item/", views.list_item, name="list_item"),
    path("lists/<int:pk>/import/", views.list_import, name="list_import"),
    path("lists/<int:pk>/report/", views.list_report, name="list_report"),
    path("lists/<int:pk>/review/", views.list_review, name="list_review"),
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/upload/", views.activity_upload, name="activity_upload"),
    path("villages/", views.village_list, name="village_list"),
    path("villages/new/", views.village_create, name="village_create"),
    path("villages/<int:pk>/", views.village_detail, name="village_detail"),
    path("villages/<int:pk>/person/", views.village_person, name="village_person"),
    path("exams/", views.exam_list, name="exam_list"),
    path("exams/new/", views.exam_create, name="exam_create"),
    path("exams/<int:pk>/", views.exam_detail, name="exam_detail"),
    path("exams/<int:pk>/import/", views.exam_import, name="exam_import"),
    path("media/", views.media_list, name="media_list"),
    path("media/new/", views.media_create, name="media_create"),
    path("sites/", views.site_list, name="site_list"),
    path("sites/new/", views.site_create, name="site_create"),
    path("model-villages/", views.model_village_list, name="model_village_list"),
    path("model-villages/new/", views.model_village_create, name="model_village_create"),
    path("volunteers/", views.volunteer_list, name="volunteer_list"),
    path("volunteers/new/", views.volunteer_create, name="volunteer_create"),
]
