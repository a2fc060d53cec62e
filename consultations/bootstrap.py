"""The consultations index (/consultas/) for a new site, created once and never overwritten."""

from django.utils.translation import gettext as _

from core import bootstrap


@bootstrap.register("consultations.index", order=60)
def ensure_consultation_index() -> list[str]:
    from cms.models import HomePage
    from consultations.models import ConsultationIndexPage

    home = HomePage.objects.first()
    if home is None or ConsultationIndexPage.objects.exists():
        return []
    index = ConsultationIndexPage(
        title=_("Consultas públicas"),
        slug="consultas",
        intro=_(
            "Borradores del Plan Anticorrupción, del mapa de riesgos, de políticas y reglamentos abiertos a "
            "sus observaciones. La dependencia responsable responde cada una en un informe público."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return [_("Índice de consultas públicas en /consultas/")]
