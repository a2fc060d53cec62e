"""URLs of the newsletter and of the challenges' feeds."""

from django.urls import path

from newsletter import views
from newsletter.feeds import ChallengesAtomFeed, ChallengesRssFeed

app_name = "newsletter"

urlpatterns = [
    path("boletin/", views.subscribe, name="subscribe"),
    path("boletin/confirmar/<str:token>/", views.confirm, name="confirm"),
    path("boletin/baja/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("boletin/ediciones/<int:pk>/vista-previa/", views.preview, name="preview"),
    path("boletin/ediciones/<int:pk>/prueba/", views.test_send, name="test_send"),
    path("boletin/ediciones/<int:pk>/enviar/", views.send, name="send"),
    path("retos/rss/", ChallengesRssFeed(), name="challenges_rss"),
    path("retos/atom/", ChallengesAtomFeed(), name="challenges_atom"),
]
