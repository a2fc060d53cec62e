"""What "Mis aportes" shows of a person's ideas, supports and comments (core.activity)."""

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
