"""The report of a consultation as a file: its page's URL + `informe.csv` or `informe.pdf`."""

from django.urls import re_path

from consultations import views

app_name = "consultations"
urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)informe\.(?P<fmt>csv|pdf)$", views.report_download, name="report_file"
    ),
]
