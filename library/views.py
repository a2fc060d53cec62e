"""What the library's index shows beyond its own fields: the resources, filtered by topic,
audience and kind (registered in core.page_views for LibraryIndexPage)."""

from core import page_views
from library.models import Audience, EasyReadPage, LibraryIndexPage, ResourceKind, Topic
from library.selectors import filtered_resources


@page_views.register_context("library.LibraryIndexPage")
def library_index_context(index: LibraryIndexPage, request) -> dict:
    filters = {
        name: request.GET.get(name, "")
        for name, choices in (("tema", Topic), ("publico", Audience), ("tipo", ResourceKind))
        if request.GET.get(name, "") in choices.values
    }
    return {
        "resources": filtered_resources(
            parent=index,
            topic=filters.get("tema"),
            audience=filters.get("publico"),
            kind=filters.get("tipo"),
        ),
        "filters": filters,
        "topics": Topic.choices,
        "audiences": Audience.choices,
        "kinds": ResourceKind.choices,
        "easy_read_pages": EasyReadPage.objects.live().public().child_of(index).order_by("title"),
    }
