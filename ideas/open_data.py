"""The participation datasets: the challenge list with its totals, all ideas, and each
challenge's ideas (CSV, Atom and JSON), registered with the catalogue at /datos/catalogo.json.

They live here, not in challenges/, because each one counts or lists ideas."""

from collections.abc import Iterator

from django.db.models import Max, Q
from django.utils.translation import gettext as _

from challenges.models import ChallengeIndexPage
from challenges.selectors import visible_challenges
from core import open_data
from core.open_data import ATOM, CSV, JSON, Dataset, Distribution
from ideas.models import Idea, IdeaStatus

KEYWORDS = ("participación ciudadana", "innovación pública", "gobierno abierto", "Bucaramanga")


@open_data.register("challenges", shows=["participation"])
def challenge_datasets() -> Iterator[Dataset]:
    """Three queries, however many challenges and ideas there are."""
    published = ~Q(ideas__status=IdeaStatus.HIDDEN)
    challenges = list(
        visible_challenges()
        .annotate(latest_idea_at=Max("ideas__created_at", filter=published))
        .order_by("pk")
    )
    index = ChallengeIndexPage.objects.live().public().first()
    index_url = index.get_url() if index else ""
    latest_idea = Idea.objects.exclude(status=IdeaStatus.HIDDEN).aggregate(at=Max("created_at"))["at"]
    latest_challenge = max(
        (challenge.last_published_at for challenge in challenges if challenge.last_published_at), default=None
    )

    yield Dataset(
        identifier="retos",
        title=_("Retos del laboratorio"),
        description=_(
            "Los retos que la Alcaldía abre a la ciudadanía: fase actual, fechas de cada fase, "
            "entidades co-líderes y totales de ideas y apoyos."
        ),
        modified=latest_challenge,
        distributions=(
            Distribution("/api/v1/challenges/?format=json", JSON, _("Lista de retos (JSON, paginada)")),
        ),
        keywords=("retos", *KEYWORDS),
        landing_page=index_url,
    )
    yield Dataset(
        identifier="ideas",
        title=_("Ideas de todos los retos"),
        description=_(
            "Las ideas publicadas en los retos, con su autor o autora, organización, estado, apoyos y "
            "comentarios. No incluye las ideas ocultas por moderación."
        ),
        modified=latest_idea,
        distributions=(
            Distribution("/api/v1/ideas/?format=json", JSON, _("Lista de ideas (JSON, paginada)")),
        ),
        keywords=("ideas", *KEYWORDS),
        landing_page=index_url,
    )
    for challenge in challenges:
        url = challenge.get_url()
        if not url:
            continue
        modified = max(
            (moment for moment in (challenge.last_published_at, challenge.latest_idea_at) if moment),
            default=None,
        )
        yield Dataset(
            identifier=f"retos/{challenge.pk}/ideas",
            title=_("Ideas del reto «%(title)s»") % {"title": challenge.title},
            description=_(
                "Las ideas publicadas en el reto, con sus apoyos, comentarios y estado. %(summary)s"
            )
            % {"summary": challenge.summary},
            modified=modified,
            distributions=(
                Distribution(f"{url}ideas/csv/", CSV, _("Ideas (CSV)")),
                Distribution(
                    f"/api/v1/ideas/?challenge={challenge.pk}&format=json", JSON, _("Ideas (JSON, paginada)")
                ),
                Distribution(f"{url}ideas/atom/", ATOM, _("Ideas nuevas (Atom)")),
            ),
            keywords=("ideas", *KEYWORDS),
            landing_page=url,
        )
