"""The observatory's corruption risks in the site search."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core import search
from core.search import SearchHit, text_filter
from observatory.cache import RISKS
from observatory.models import Risk


@search.register("risk", _("Riesgos de corrupción"), 70, shows=[RISKS])
def search_risks(query: str, limit: int) -> list[SearchHit]:
    risks = text_filter(
        Risk.objects.filter(published=True), ["code", "title", "description", "causes"], query
    )
    return [
        SearchHit(
            type="risk",
            title=f"{risk.code} · {risk.title}",
            url=risk.get_absolute_url(),
            excerpt=Truncator(risk.description).chars(200),
        )
        for risk in risks.only("pk", "code", "title", "description").order_by("code")[:limit]
    ]
