"""The CMS's open dataset: the transparency self-assessment, listed in /datos/catalogo.json."""

from collections.abc import Iterator

from django.db.models import Max
from django.utils.translation import gettext as _

from cms.transparency import TransparencyCategoryPage, TransparencyIndexPage
from core import open_data
from core.open_data import CSV, Dataset, Distribution


@open_data.register("transparency")
def transparency_datasets() -> Iterator[Dataset]:
    index = TransparencyIndexPage.objects.live().public().first()
    if index is None:
        return
    url = index.get_url()
    if not url:
        return
    modified = (
        TransparencyCategoryPage.objects.live()
        .descendant_of(index)
        .aggregate(at=Max("last_published_at"))["at"]
    )
    yield Dataset(
        identifier="transparencia/autodiagnostico",
        title=_("Autodiagnóstico de transparencia"),
        description=_(
            "Cada categoría y subcategoría de la sección de transparencia (Ley 1712 de 2014, "
            "Resolución 1519 de 2020): si tiene contenido, cuándo se actualizó y cuántos documentos tiene."
        ),
        modified=modified or index.last_published_at,
        distributions=(Distribution(f"{url}autodiagnostico/csv/", CSV, _("Autodiagnóstico (CSV)")),),
        keywords=("transparencia", "Ley 1712 de 2014", "ITA", "Bucaramanga"),
        # The observatory's name for the theme (cms cannot import it): the same words, translated alike.
        theme=(_("Transparencia y acceso a la información"),),
        landing_page=f"{url}autodiagnostico/",
    )
