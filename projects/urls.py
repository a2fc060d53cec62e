from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("", views.index, name="index"),
    path("datos.csv", views.projects_csv, name="csv"),
    path("datos.json", views.projects_json, name="json"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/hitos/<int:milestone_pk>/cumplido/", views.milestone_done, name="milestone_done"),
]
