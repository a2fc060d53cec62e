"""URLs of the challenges app outside the page tree (the pages themselves are Wagtail's)."""

from django.urls import path

from challenges import views

app_name = "challenges"

urlpatterns = [
    path("retos/<int:pk>/seguir/", views.follow, name="follow"),
    path("retos/<int:pk>/dejar-de-seguir/", views.unfollow, name="unfollow"),
]
