"""URLs of moderation (included into the `ideas` namespace by ideas/urls.py)."""

from django.urls import path

from ideas import moderation_views as views

urlpatterns = [
    path("ideas/<int:pk>/reportar/", views.flag_idea, name="flag_idea"),
    path("comentarios/<int:pk>/reportar/", views.flag_comment, name="flag_comment"),
    path("moderacion/", views.moderation_queue, name="moderation_queue"),
    path("moderacion/<int:pk>/decidir/", views.moderation_decide, name="moderation_decide"),
    path("moderacion/registro/", views.moderation_log, name="moderation_log"),
    path("moderacion/registro/<int:pk>/deshacer/", views.moderation_unhide, name="moderation_unhide"),
]
