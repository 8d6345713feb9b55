from django.urls import path

from . import views

app_name = "litigation"

urlpatterns = [
    path("", views.lawsuit_list, name="lawsuit_list"),
    path("new/", views.lawsuit_create, name="lawsuit_create"),
    path("<int:pk>/", views.lawsuit_detail, name="lawsuit_detail"),
    path("<int:pk>/answer/", views.lawsuit_answer, name="lawsuit_answer"),
    path("<int:pk>/hearing/", views.lawsuit_hearing, name="lawsuit_hearing"),
    path("<int:pk>/judgment/", views.lawsuit_judgment, name="lawsuit_judgment"),
    path(
        "<int:pk>/judgment-served/", views.lawsuit_judgment_served, name="lawsuit_judgment_served"
    ),
    path("<int:pk>/appeal/", views.lawsuit_appeal, name="lawsuit_appeal"),
    path("<int:pk>/withdrawal/", views.lawsuit_withdrawal, name="lawsuit_withdrawal"),
    path("<int:pk>/suggestion/", views.lawsuit_suggestion, name="lawsuit_suggestion"),
]
