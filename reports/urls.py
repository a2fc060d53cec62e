from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("denuncias/", views.report_create, name="create"),
    path("denuncias/consultar/", views.lookup, name="lookup"),
    path("denuncias/consultar/mensaje/", views.reporter_message, name="reporter_message"),
    path("denuncias/consultar/desistir/", views.reporter_withdraw, name="reporter_withdraw"),
    path("denuncias/consultar/adjunto/", views.reporter_attachment, name="reporter_attachment"),
    path("denuncias/consultar/encuesta/", views.reporter_survey, name="reporter_survey"),
    path("denuncias/estadisticas/", views.statistics, name="statistics"),
    path("denuncias/estadisticas/semestral/", views.semiannual, name="semiannual"),
    path("denuncias/estadisticas.csv", views.statistics_csv, name="statistics_csv"),
    path("denuncias/estadisticas.json", views.statistics_json, name="statistics_json"),
    path("denuncias/cifras-anuales.csv", views.figures_csv, name="figures_csv"),
    path("denuncias/gestion/", views.dashboard, name="dashboard"),
    path("denuncias/gestion/auditoria/", views.audit_log, name="audit_log"),
    path("denuncias/gestion/registrar/", views.record, name="record"),
    path("denuncias/gestion/<int:pk>/remitir/", views.refer, name="refer"),
    path(
        "denuncias/gestion/<int:pk>/remisiones/<int:referral_id>/",
        views.referral_stage,
        name="referral_stage",
    ),
    path("denuncias/gestion/<int:pk>/decision/", views.decide, name="decide"),
    path("denuncias/gestion/<int:pk>/", views.handle, name="handle"),
    path("denuncias/gestion/<int:pk>/asignar/", views.assign, name="assign"),
    path("denuncias/gestion/<int:pk>/estado/", views.change_status, name="change_status"),
    path("denuncias/gestion/<int:pk>/prorroga/", views.extend, name="extend"),
    path("denuncias/gestion/<int:pk>/escribir/", views.write, name="write"),
    path("denuncias/gestion/<int:pk>/adjuntos/<int:attachment_id>/", views.attachment, name="attachment"),
]
