from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("", views.return_list, name="return_list"),
    path("new/", views.return_create, name="return_create"),
    path("templates/", views.template_list, name="template_list"),
    path("<int:pk>/", views.return_detail, name="return_detail"),
    path("<int:pk>/step/", views.return_step, name="return_step"),
    path("<int:pk>/refresh/", views.return_refresh, name="return_refresh"),
    path("<int:pk>/manual/", views.return_manual, name="return_manual"),
    path("<int:pk>/override/", views.return_override, name="return_override"),
    path("<int:pk>/explain/", views.return_explain, name="return_explain"),
    path("<int:pk>/urge/", views.return_urge, name="return_urge"),
    path("<int:pk>/pdf/", views.return_pdf, name="return_pdf"),
]
