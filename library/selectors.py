"""Reads on the library: resources by topic, audience and kind; the easy-read page of a topic."""

from django.db.models import QuerySet

from library.models import EasyReadPage, LibraryResourcePage


def public_resources() -> QuerySet[LibraryResourcePage]:
    return LibraryResourcePage.objects.live().public().select_related("document")


def filtered_resources(
    *, parent=None, topic: str | None = None, audience: str | None = None, kind: str | None = None
) -> QuerySet[LibraryResourcePage]:
    resources = public_resources()
    if parent is not None:
        resources = resources.child_of(parent)
    if topic:
        resources = resources.filter(topic=topic)
    if audience:
        resources = resources.filter(audience=audience)
    if kind:
        resources = resources.filter(kind=kind)
    return resources.order_by("title", "pk")


def easy_read_page(about: str) -> EasyReadPage | None:
    return EasyReadPage.objects.live().public().filter(about=about).first()
