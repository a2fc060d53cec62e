from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("cuenta/perfil/", views.profile, name="profile"),
    path("cuenta/autorizacion/", views.consent, name="consent"),
    path("cuenta/mis-datos.json", views.data_export, name="data_export"),
    path("cuenta/eliminar/", views.account_delete, name="delete"),
    path("cuenta/mis-aportes/", views.my_activity, name="activity"),
    path("cuenta/mis-aportes/<slug:name>/", views.my_activity_section, name="activity_section"),
    path("cuenta/avisos/", views.notifications, name="notifications"),
    path("cuenta/avisos/leidos/", views.notifications_read, name="notifications_read"),
    path("organizaciones/", views.organization_list, name="organization_list"),
    path("organizaciones/nueva/", views.organization_create, name="organization_create"),
    path("organizaciones/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("organizaciones/<slug:slug>/solicitar/", views.membership_request, name="membership_request"),
    path(
        "organizaciones/<slug:slug>/solicitudes/", views.organization_requests, name="organization_requests"
    ),
    path("organizaciones/<slug:slug>/verificar/", views.organization_verify, name="organization_verify"),
    path("membresias/<int:pk>/decidir/", views.membership_decide, name="membership_decide"),
    path("membresias/<int:pk>/salir/", views.membership_leave, name="membership_leave"),
]
