from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<int:pk>/", views.job_detail, name="job_detail"),
    path("<int:pk>/file/", views.job_file, name="job_file"),
    path("scale/", views.scale_data, name="scale_data"),
]
