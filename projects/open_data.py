"""Projects as open data: one dataset with CSV and JSON, in the catalogue at /datos/catalogo.json."""

from collections.abc import Iterator

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from core import open_data
from core.open_data import CSV, JSON, Dataset, Distribution
from projects.cache import PROJECTS
from projects.models import Project


@open_data.register("projects", shows=[PROJECTS])
def project_datasets() -> Iterator[Dataset]:
    modified = Project.objects.filter(published=True).aggregate(at=Max("updated_at"))["at"]
    yield Dataset(
        identifier="proyectos",
        title=_("Proyectos: implementación de ideas y compromisos"),
        description=_(
            "Los proyectos con los que la Alcaldía implementa las ideas seleccionadas en los retos y sus "
            "compromisos: dependencia responsable, estado, avance ponderado por hitos, fechas, presupuesto "
            "y evidencia."
        ),
        modified=modified,
        distributions=(
            Distribution(reverse("projects:csv"), CSV, _("Proyectos (CSV)")),
            Distribution(reverse("projects:json"), JSON, _("Proyectos con sus hitos (JSON)")),
        ),
        keywords=("proyectos", "rendición de cuentas", "gobierno abierto", "Bucaramanga"),
        theme=(_("Participación ciudadana"),),
        landing_page=reverse("projects:index"),
    )
