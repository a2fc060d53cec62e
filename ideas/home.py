"""The home page's headline figures about participation: people, ideas and supports."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Sum
from django.utils.translation import gettext_lazy as _

from core import home
from ideas.models import Comment, Idea, IdeaStatus, Support


@home.figure("participants", shows=("participation",), order=10)
def participants() -> home.Figure:
    """People who proposed, supported or commented on at least one idea."""
    people = get_user_model().objects.filter(
        Exists(Idea.objects.filter(author=OuterRef("pk")))
        | Exists(Support.objects.filter(user=OuterRef("pk")))
        | Exists(Comment.objects.filter(author=OuterRef("pk")))
    )
    return home.Figure(people.count(), _("personas participando"))


def _idea_totals() -> dict:
    return Idea.objects.exclude(status=IdeaStatus.HIDDEN).aggregate(
        ideas=Count("pk"), supports=Sum("support_count", default=0)
    )


@home.figure("ideas", shows=("participation",), order=20)
def ideas() -> home.Figure:
    return home.Figure(_idea_totals()["ideas"], _("ideas propuestas"))


@home.figure("supports", shows=("participation",), order=30)
def supports() -> home.Figure:
    return home.Figure(_idea_totals()["supports"] or 0, _("apoyos a ideas"))
