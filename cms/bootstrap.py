"""What the CMS needs before the first visitor (core.bootstrap steps, run by bootstrap_site):
the home page's presentation, the news index, the transparency section with the whole Anexo 2
menu, and the policy pages. Each step creates what is missing and leaves alone what exists."""

from django.db import transaction

from cms.anexo2 import ANEXO_2, category_slug
from cms.models import HomePage, NewsIndexPage, StandardPage
from cms.transparency import TransparencyCategoryPage, TransparencyIndexPage
from core import bootstrap
from core.policies import PRIVACY_POLICY_SLUG

POLICY_PAGES = [
    (
        PRIVACY_POLICY_SLUG,
        "Política de tratamiento de datos personales",
        "Cómo trata la Alcaldía de Bucaramanga los datos de quienes participan (Ley 1581 de 2012).",
        "<p>Recogemos su correo electrónico para identificar su cuenta, su nombre público para firmar sus "
        "aportes y su tipo de participante para desagregar resultados. No vendemos ni cedemos sus datos. "
        "Puede conocerlos, actualizarlos, rectificarlos, descargarlos y suprimirlos desde su perfil, y "
        "revocar esta autorización en cualquier momento.</p>"
        "<p>Las denuncias anónimas no guardan su dirección IP ni los datos de su navegador.</p>",
    ),
    (
        "terminos-de-uso",
        "Términos de uso",
        "Reglas para participar con respeto.",
        "<p>Las ideas y comentarios deben referirse al reto, sin insultos ni datos personales de terceros. "
        "El contenido que incumpla estas reglas se oculta con un motivo público; nunca se borra.</p>",
    ),
    (
        "accesibilidad",
        "Declaración de accesibilidad",
        "Este sitio busca cumplir las pautas WCAG 2.1 nivel AA.",
        "<p>Puede navegar con teclado, ampliar el texto al 200 % y usar lectores de pantalla. Si encuentra "
        "una barrera, escríbanos y la corregiremos.</p>",
    ),
]


def _home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("The home page is missing: run `manage.py migrate` first.")
    return home


def _publish(parent, page) -> None:
    parent.add_child(instance=page)
    page.save_revision().publish()


@bootstrap.register("cms.home", order=10)
def home_page() -> list[str]:
    home = _home()
    if home.hero_text:
        return []
    home.hero_title = home.hero_title or "Laboratorio de Innovación Pública de Bucaramanga"
    home.hero_text = (
        "Ciudadanía, academia, gremios y Alcaldía construimos juntos soluciones por la transparencia, "
        "el gobierno abierto y la lucha contra la corrupción."
    )
    home.save_revision().publish()
    return ["Página de inicio: presentación"]


@bootstrap.register("cms.news", order=20)
def news_index() -> list[str]:
    if NewsIndexPage.objects.exists():
        return []
    _publish(
        _home(),
        NewsIndexPage(
            title="Noticias",
            slug="noticias",
            show_in_menus=True,
            intro="Lo que pasa en el laboratorio: retos, debates, denuncias atendidas y datos publicados.",
        ),
    )
    return ["Noticias"]


@bootstrap.register("cms.policies", order=30)
def policy_pages() -> list[str]:
    created = []
    for slug, title, summary, body in POLICY_PAGES:
        if StandardPage.objects.filter(slug=slug).exists():
            continue
        _publish(_home(), StandardPage(title=title, slug=slug, summary=summary, body=[("paragraph", body)]))
        created.append(title)
    return created


@bootstrap.register("cms.transparency", order=40)
def transparency() -> list[str]:
    created = []
    index = TransparencyIndexPage.objects.first()
    if index is None:
        index = TransparencyIndexPage(
            title="Transparencia y acceso a la información pública",
            slug="transparencia",
            show_in_menus=True,
            intro="La información que publicamos en cumplimiento de la Ley 1712 de 2014, ordenada según "
            "la Resolución 1519 de 2020 del Ministerio TIC.",
        )
        _publish(_home(), index)
        created.append(index.title)
    with transaction.atomic():
        for category in ANEXO_2:
            created += _category(index, category)
    return created


def _category(parent, category) -> list[str]:
    number, title, children = category
    created = []
    page = TransparencyCategoryPage.objects.child_of(parent).filter(number=number).first()
    if page is None:
        # An editor may have moved a category elsewhere in the section: then it is not missing.
        page = TransparencyCategoryPage.objects.descendant_of(parent).filter(number=number).first()
    if page is None:
        page = TransparencyCategoryPage(title=title, number=number, slug=category_slug(number, title))
        _publish(parent, page)
        created.append(f"{number} {title}")
    for child in children:
        created += _category(page, child)
    return created
