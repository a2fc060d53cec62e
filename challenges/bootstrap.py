"""The challenges' going-live step: the index of challenges (retos) under the home page."""

from challenges.models import ChallengeIndexPage
from core import bootstrap


@bootstrap.register("challenges.index", order=50)
def challenge_index() -> list[str]:
    from cms.models import HomePage

    if ChallengeIndexPage.objects.exists():
        return []
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("The home page is missing: run `manage.py migrate` first.")
    index = ChallengeIndexPage(
        title="Retos",
        slug="retos",
        show_in_menus=True,
        intro="Problemas que la ciudad abre a la ciudadanía, la academia y los gremios.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return ["Retos"]
