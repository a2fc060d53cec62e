"""URLs of the debate sessions."""

from django.urls import path

from sessions import views

app_name = "debates"

urlpatterns = [
    path("sesiones/", views.session_list, name="session_list"),
    path("sesiones/<int:pk>/", views.room, name="room"),
    path("sesiones/<int:pk>/calendario.ics", views.session_ics, name="ics"),
    path("sesiones/<int:pk>/seguir/", views.follow, name="follow"),
    path("sesiones/<int:pk>/dejar-de-seguir/", views.unfollow, name="unfollow"),
    path("sesiones/<int:pk>/acta/", views.minutes, name="minutes"),
    path("sesiones/<int:pk>/acta.md", views.minutes_download, name="minutes_download"),
]
