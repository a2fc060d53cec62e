"""The site map people read (/mapa-del-sitio/): the menu, the public services and the policies."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.navigation import Link, site_navigation


@dataclass(frozen=True)
class Section:
    title: str
    links: list[Link]


def sitemap_sections(request) -> list[Section]:
    navigation = site_navigation(request)
    menu = [Link(_("Inicio"), "/"), *(navigation.menu if navigation else ())]
    services = [
        Link(_("Buscar en el sitio"), reverse("search:search")),
        Link(_("Sesiones de debate"), reverse("debates:session_list")),
        Link(_("Canal de denuncias"), reverse("reports:create")),
        Link(_("Consultar una denuncia"), reverse("reports:lookup")),
        Link(_("Estadísticas de denuncias"), reverse("reports:statistics")),
        Link(_("Observatorio"), reverse("observatory:home")),
        Link(_("Organizaciones"), reverse("accounts:organization_list")),
        Link(_("Datos abiertos"), reverse("open_data")),
        Link(_("Documentación de la API"), reverse("api_docs")),
    ]
    policies = [
        Link(_("Política de tratamiento de datos personales"), reverse("privacy_policy")),
        *(navigation.footer if navigation else ()),
    ]
    return [
        Section(_("Secciones"), menu),
        Section(_("Servicios"), services),
        Section(_("Políticas"), policies),
    ]
