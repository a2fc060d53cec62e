"""The home page's glimpse of the observatory: a few indicators with their latest value."""

from django.urls import reverse

from core import home
from observatory.selectors import indicators_with_latest

LIMIT = 3


@home.section("observatory", template="observatory/home_section.html", order=40, shows=("observatory",))
def latest_indicators(request) -> dict | None:
    indicators = list(indicators_with_latest().filter(latest_value__isnull=False).order_by("name")[:LIMIT])
    if not indicators:
        return None
    return {"indicators": indicators, "url": reverse("observatory:home")}
