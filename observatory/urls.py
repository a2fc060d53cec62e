from django.urls import path

from observatory import views

app_name = "observatory"

urlpatterns = [
    path("", views.home, name="home"),
    path("plan-anticorrupcion/", views.plan_detail, name="plan_latest"),
    path("plan-anticorrupcion/<int:year>/", views.plan_detail, name="plan"),
    path("plan-anticorrupcion/<int:year>/datos.csv", views.plan_csv, name="plan_csv"),
    path("riesgos/", views.risk_map, name="risks"),
    path("riesgos/datos.csv", views.risks_csv, name="risks_csv"),
    path("riesgos/datos.json", views.risks_json, name="risks_json"),
    path("riesgos/<str:code>/", views.risk_detail, name="risk"),
    path("gestion/", views.manage, name="manage"),
    path("gestion/<slug:slug>/cargar/", views.load, name="load"),
    path("gestion/<slug:slug>/medicion/", views.add_observation, name="add_observation"),
    path("gestion/<slug:slug>/eliminar/", views.delete_observation, name="delete_observation"),
    path("<slug:slug>/", views.indicator_detail, name="indicator"),
    path("<slug:slug>/datos.csv", views.indicator_csv, name="indicator_csv"),
    path("<slug:slug>/datos.json", views.indicator_json, name="indicator_json"),
]
