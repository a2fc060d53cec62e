"""Consultations in the site search."""

from django.utils.translation import gettext_lazy as _

from consultations.models import CONSULTATIONS
from consultations.selectors import public_consultations
from core import search


@search.register("consultation", _("Consultas públicas"), 70, shows=[CONSULTATIONS])
def consultations_provider(query: str, limit: int) -> list[search.SearchHit]:
    pages = search.text_filter(public_consultations(), ["title", "summary"], query).order_by(
        "-opens_at", "-pk"
    )
    return [
        search.SearchHit(type="consultation", title=page.title, url=page.url, excerpt=page.summary[:240])
        for page in pages[:limit]
    ]
