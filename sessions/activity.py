"""What "Mis aportes" shows of the debate sessions a person took part in (core.activity)."""

from django.utils.translation import gettext_lazy as _

from core import activity
from sessions import selectors

activity.section(
    "sesiones",
    title=_("Sesiones de debate en las que participé"),
    template="debates/activity/sessions.html",
    order=50,
    empty=_("Todavía no ha participado en sesiones de debate."),
)(selectors.sessions_joined_by)
