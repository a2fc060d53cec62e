from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("buscar/", views.search_page, name="search"),
    path("mapa-del-sitio/", views.sitemap, name="sitemap"),
]
