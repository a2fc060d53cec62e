"""What bumps the page cache in ideas: anything shown on a challenge's page, its ideas' pages,
its CSV and Atom (`challenge:<id>`), and the totals over every challenge (`participation`:
the challenge list, the observatory's participation figures, the API's counts).

Saves and deletes of ideas, comments, status changes and evaluations bump through signals
(the admin screens included); the services bump by themselves where they update counts with
`QuerySet.update()` (supports, comment counts), which sends no signal. An idea's picture
changed or deleted in the Wagtail admin bumps the challenges of the ideas that show it (before
the deletion, which empties `Idea.image` with an update).
"""

from core import page_cache


def challenge_namespace(challenge_id: int) -> str:
    return f"challenge:{challenge_id}"


def challenge_changed(challenge_id: int) -> None:
    page_cache.bump(challenge_namespace(challenge_id), "participation")


def _of_idea(idea) -> list[str]:
    return [challenge_namespace(idea.challenge_id), "participation"]


def _of_idea_part(part) -> list[str]:
    return _of_idea(part.idea)


def _of_image(image) -> list[str]:
    from ideas.models import Idea

    challenges = Idea.objects.filter(image=image).values_list("challenge_id", flat=True).distinct()
    return [challenge_namespace(challenge_id) for challenge_id in challenges]


def _image_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        page_cache.bump(*_of_image(instance))


def connect() -> None:
    from django.db.models.signals import post_save, pre_delete
    from wagtail.images import get_image_model

    from ideas.models import Comment, Evaluation, Idea, IdeaStatusChange

    page_cache.watch(Idea, _of_idea)
    for model in (Comment, IdeaStatusChange, Evaluation):
        page_cache.watch(model, _of_idea_part)
    image_model = get_image_model()
    post_save.connect(_image_changed, sender=image_model, dispatch_uid="ideas:image:save")
    pre_delete.connect(_image_changed, sender=image_model, dispatch_uid="ideas:image:delete")
