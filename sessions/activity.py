"""What "Mis aportes" shows of the debate sessions a person took part in or follows (core.activity)."""

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

activity.section(
    "sesiones-que-sigo",
    title=_("Sesiones de debate que sigo"),
    template="debates/activity/follows.html",
    order=44,
    empty=_(
        "Todavía no sigue ninguna sesión de debate. Siga una para recibir un aviso cuando empiece "
        "y cuando se publique su acta."
    ),
)(selectors.session_follows_of)
