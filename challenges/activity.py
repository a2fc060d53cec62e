"""What "Mis aportes" shows of the challenges a person follows (core.activity)."""

from django.utils.translation import gettext_lazy as _

from challenges import selectors
from core import activity

activity.section(
    "retos",
    title=_("Retos que sigo"),
    template="challenges/activity/follows.html",
    order=40,
    empty=_("Todavía no sigue ningún reto. Siga uno para recibir un aviso cuando cambie de fase."),
)(selectors.follows_of)
