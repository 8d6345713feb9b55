from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("records/", views.records_view, name="records"),
]
