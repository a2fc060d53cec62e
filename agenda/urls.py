"""URLs of the agenda."""

from django.urls import path

from agenda import views
from agenda.feeds import AgendaAtomFeed, AgendaRssFeed

app_name = "agenda"

urlpatterns = [
    path("agenda/", views.event_list, name="list"),
    path("agenda/mes/", views.this_month, name="this_month"),
    path("agenda/mes/<int:year>/<int:month>/", views.month, name="month"),
    path("agenda/rss/", AgendaRssFeed(), name="rss"),
    path("agenda/atom/", AgendaAtomFeed(), name="atom"),
    path("agenda.ics", views.full_calendar, name="ics"),
    path("agenda/<int:pk>/", views.detail, name="detail"),
    path("agenda/<int:pk>/inscripcion/", views.register, name="register"),
    path("agenda/<int:pk>/cancelar/", views.cancel, name="cancel"),
    path("agenda/<int:pk>/evento.ics", views.event_calendar, name="event_ics"),
    path("agenda/<int:pk>/asistencia.csv", views.attendance_csv, name="attendance"),
]
