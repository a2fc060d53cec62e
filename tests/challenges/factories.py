"""Challenges in a chosen phase, with dates set around now."""

import datetime

from django.utils import timezone

from challenges.models import ChallengeIndexPage, ChallengePage, EvaluationCriterion
from cms.models import HomePage

DAY = datetime.timedelta(days=1)

# Offsets in days from now of: ideas open, ideas close, voting open, voting close, results, closed.
PHASE_OFFSETS = {
    "upcoming": (2, 10, 11, 20, 25, None),
    "ideas": (-2, 5, 6, 15, 20, None),
    "evaluation_before_voting": (-10, -2, 3, 10, 15, None),
    "voting": (-12, -6, -1, 5, 10, None),
    "evaluation": (-20, -15, -12, -2, 5, None),
    "results": (-30, -25, -20, -10, -1, None),
    "closed": (-60, -50, -45, -40, -30, -1),
}


def challenge_index() -> ChallengeIndexPage:
    index = ChallengeIndexPage.objects.first()
    if index is None:
        index = ChallengeIndexPage(title="Retos", slug="retos")
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def make_challenge(phase: str = "ideas", *, title: str | None = None, co_leads=(), criteria=(), **fields):
    now = timezone.now()
    dates = dict(
        zip(
            [
                "ideas_open_at",
                "ideas_close_at",
                "voting_open_at",
                "voting_close_at",
                "results_at",
                "closed_at",
            ],
            [None if days is None else now + days * DAY for days in PHASE_OFFSETS[phase]],
            strict=True,
        )
    )
    count = ChallengePage.objects.count()
    challenge = ChallengePage(
        title=title or f"Reto {count + 1}",
        slug=f"reto-{count + 1}",
        summary="Cómo hacer más fácil de vigilar la contratación pública del municipio.",
        **{**dates, **fields},
    )
    challenge_index().add_child(instance=challenge)
    for organization in co_leads:
        challenge.co_leads.add(organization)
    for name, weight in criteria:
        EvaluationCriterion.objects.create(challenge=challenge, name=name, weight=weight)
    challenge.save_revision().publish()
    return ChallengePage.objects.get(pk=challenge.pk)
