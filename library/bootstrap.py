"""The library index (/biblioteca/) for a new site, created once and never overwritten."""

from django.utils.translation import gettext as _

from core import bootstrap


@bootstrap.register("library.index", order=61)
def ensure_library_index() -> list[str]:
    from cms.models import HomePage
    from library.models import LibraryIndexPage

    home = HomePage.objects.first()
    if home is None or LibraryIndexPage.objects.exists():
        return []
    index = LibraryIndexPage(
        title=_("Biblioteca"),
        slug="biblioteca",
        intro=_(
            "Guías, videos y cursos para hacer control social, conformar veedurías, usar datos abiertos y "
            "denunciar la corrupción; y versiones en lectura fácil de las páginas principales del sitio."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return [_("Índice de la biblioteca en /biblioteca/")]
