"""Library resources and easy-read pages in the site search (as pages)."""

from django.utils.translation import gettext_lazy as _

from core import search
from library.models import EasyReadPage
from library.selectors import public_resources


@search.register("library", _("Biblioteca"), 80, shows=())  # pages: `site`
def library_provider(query: str, limit: int) -> list[search.SearchHit]:
    resources = list(
        search.text_filter(public_resources(), ["title", "summary"], query).order_by("title")[:limit]
    )
    easy = list(
        search.text_filter(EasyReadPage.objects.live().public(), ["title", "summary"], query).order_by(
            "title"
        )[: max(0, limit - len(resources))]
    )
    return [
        search.SearchHit(type="page", title=page.title, url=page.url, excerpt=page.summary[:240])
        for page in [*resources, *easy]
    ]
