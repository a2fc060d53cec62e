from django.urls import path

from ideas import views
from ideas.moderation_urls import urlpatterns as moderation_urlpatterns

app_name = "ideas"

urlpatterns = [
    path("ideas/<int:pk>/", views.idea_detail, name="detail"),
    path("ideas/<int:pk>/apoyar/", views.support, name="support"),
    path("ideas/<int:pk>/retirar-apoyo/", views.withdraw, name="withdraw"),
    path("ideas/<int:pk>/comentar/", views.comment, name="comment"),
    path("ideas/<int:pk>/seguir/", views.follow, name="follow"),
    path("ideas/<int:pk>/dejar-de-seguir/", views.unfollow, name="unfollow"),
    path("ideas/<int:pk>/estado/", views.change_status, name="change_status"),
    path("ideas/<int:pk>/evaluar/", views.evaluate, name="evaluate"),
    path("comentarios/<int:pk>/editar/", views.comment_edit, name="comment_edit"),
]

# Moderation screens: flags, the queue and the log.
urlpatterns += moderation_urlpatterns
