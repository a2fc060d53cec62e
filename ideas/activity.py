"""What "Mis aportes" shows of a person's ideas, supports, comments and followed ideas (core.activity)."""

from django.utils.translation import gettext_lazy as _

from core import activity
from ideas import selectors

activity.section(
    "ideas",
    title=_("Mis ideas"),
    template="ideas/activity/ideas.html",
    order=10,
    empty=_("Todavía no ha propuesto ideas."),
)(selectors.ideas_by)

activity.section(
    "apoyos",
    title=_("Ideas que apoyo"),
    template="ideas/activity/supports.html",
    order=20,
    empty=_("Todavía no apoya ninguna idea."),
)(selectors.ideas_supported_by)

activity.section(
    "comentarios",
    title=_("Mis comentarios"),
    template="ideas/activity/comments.html",
    order=30,
    empty=_("Todavía no ha comentado ideas."),
)(selectors.comments_by)

activity.section(
    "ideas-que-sigo",
    title=_("Ideas que sigo"),
    template="ideas/activity/follows.html",
    order=42,
    empty=_(
        "Todavía no sigue ninguna idea. Siga una para recibir un aviso cuando cambie de estado o la comenten."
    ),
)(selectors.idea_follows_of)
