"""Realistic Spanish demo content for Bucaramanga. Idempotent: running it again changes nothing."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import Consent, Membership, Organization, User
from accounts.roles import ensure_role_groups
from cms.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from core.policies import PRIVACY_POLICY_SLUG
from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from demo.agenda import seed_agenda
from demo.challenges import seed_challenges, seed_follows_and_flags
from demo.consultations import seed_consultations
from demo.observatory import seed_observatory
from demo.projects import seed_projects
from demo.reports import seed_reports
from demo.risks import seed_risks
from demo.sessions import seed_debates
from demo.transparency import seed_transparency
from observatory.services import computed_indicators_update

ORGANIZATIONS = [
    (
        "Universidad Industrial de Santander",
        "universidad-industrial-de-santander",
        "university",
        "Universidad pública de Santander. Su Escuela de Economía y Administración acompaña los retos de "
        "transparencia en la contratación.",
        "https://www.uis.edu.co/",
        True,
    ),
    (
        "Universidad Autónoma de Bucaramanga",
        "universidad-autonoma-de-bucaramanga",
        "university",
        "Universidad privada con programas de derecho, ciencia política e ingeniería de sistemas.",
        "https://www.unab.edu.co/",
        True,
    ),
    (
        "Cámara de Comercio de Bucaramanga",
        "camara-de-comercio-de-bucaramanga",
        "guild",
        "Representa a los empresarios de la ciudad y co-lidera retos sobre trámites y contratación pública.",
        "https://www.camaradirecta.com/",
        True,
    ),
    (
        "Fenalco Santander",
        "fenalco-santander",
        "guild",
        "Federación Nacional de Comerciantes, seccional Santander.",
        "",
        True,
    ),
    (
        "Veeduría Ciudadana por la Transparencia de Bucaramanga",
        "veeduria-ciudadana-transparencia",
        "civil_society",
        "Red de veedores ciudadanos que hacen control social a la contratación y las obras públicas.",
        "",
        False,
    ),
]

LAB_ABOUT = [
    ("heading", {"text": "Por qué existe el laboratorio", "level": "h2"}),
    (
        "paragraph",
        "<p>El Gobierno de Bucaramanga proyecta una ciudad cuyo centro es la transparencia: acceso a la "
        "información con criterios diferenciales de accesibilidad, gobierno abierto, lucha contra la "
        "corrupción y una mayor participación ciudadana en la toma de decisiones.</p>",
    ),
    (
        "paragraph",
        "<p>El Laboratorio de Innovación Pública es el espacio de participación ciudadana y de articulación "
        "entre universidades, sociedad civil, gremios económicos y Estado para adoptar herramientas que "
        "garanticen el acceso a la información pública, reduzcan las falencias administrativas y prevengan "
        "los actos de corrupción dentro de la administración municipal.</p>",
    ),
    ("heading", {"text": "Qué hacemos", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Retos abiertos en los que ciudadanía, academia y gremios proponen y apoyan ideas.</li>"
        "<li>Sesiones formales de debate sobre gobierno abierto e innovación pública, en vivo.</li>"
        "<li>Un canal de denuncias seguro, que se responde dentro de los términos de ley.</li>"
        "<li>Un observatorio con indicadores de ciudad y el seguimiento a la estrategia anticorrupción, "
        "como datos abiertos.</li></ul>",
    ),
    (
        "quote",
        {
            "text": "Aumentar la capacidad institucional para prevenir los actos de corrupción dentro de la "
            "administración municipal.",
            "attribution": "Objetivo general del proyecto",
        },
    ),
]

NEWS = [
    (
        "abre-el-laboratorio",
        datetime.date(2026, 10, 6),
        "Bucaramanga abre su Laboratorio de Innovación Pública",
        "La Alcaldía, universidades y gremios lanzan un espacio para construir con la ciudadanía soluciones "
        "contra la corrupción.",
        "<p>El laboratorio reúne a la administración municipal, la academia, la sociedad civil y los gremios "
        "económicos para co-crear iniciativas de transparencia y gobierno abierto.</p>",
    ),
    (
        "primer-reto-contratacion",
        datetime.date(2026, 10, 20),
        "Primer reto: contratación pública más abierta",
        "Cualquier persona puede proponer ideas para que la contratación del municipio sea más fácil de vigilar.",
        "<p>La Universidad Industrial de Santander y la Cámara de Comercio de Bucaramanga co-lideran el primer "
        "reto del laboratorio. Las ideas se reciben hasta finales de mes.</p>",
    ),
    (
        "sesion-gobierno-abierto",
        datetime.date(2026, 11, 4),
        "Sesión de debate sobre gobierno abierto en Colombia",
        "Investigadores y ciudadanía debatieron en vivo sobre datos abiertos y rendición de cuentas.",
        "<p>La sesión reunió a más de cien participantes en la sala en vivo del laboratorio; el acta está "
        "publicada.</p>",
    ),
    (
        "observatorio-indicadores",
        datetime.date(2026, 11, 18),
        "El observatorio publica sus primeros indicadores",
        "Indicadores de transparencia de la ciudad, descargables como datos abiertos.",
        "<p>Los datos se pueden descargar en CSV y JSON, y consultar por comuna y corregimiento.</p>",
    ),
]


class Command(BaseCommand):
    help = "Load the demo content (Spanish, Bucaramanga). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off. The demo accounts have a published password: never on a real site.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        from django.conf import settings

        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "seed_demo creates accounts with a published password (a superuser among them) and runs only "
                "with DJANGO_DEBUG=1. For a rehearsal or a benchmark database, add --allow-production."
            )
        ensure_role_groups()
        organizations = self.seed_organizations()
        self.seed_accounts(organizations)
        self.seed_pages()
        seed_challenges(HomePage.objects.get(), organizations)
        seed_follows_and_flags()
        seed_transparency()
        seed_observatory()
        seed_projects()
        seed_risks()
        seed_reports()
        seed_debates()
        seed_consultations()
        seed_agenda()
        # Last: the participation indicators count what every other seed has made.
        computed_indicators_update()
        self.stdout.write(self.style.SUCCESS("Contenido de demostración listo."))

    def seed_organizations(self) -> dict[str, Organization]:
        organizations = {}
        for name, slug, kind, description, website, verified in ORGANIZATIONS:
            organization, _ = Organization.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "kind": kind,
                    "description": description,
                    "website": website,
                    "verified": verified,
                    "verified_at": timezone.now() if verified else None,
                },
            )
            organizations[slug] = organization
        return organizations

    def seed_accounts(self, organizations: dict[str, Organization]) -> None:
        for account in DEMO_ACCOUNTS:
            user = User.objects.filter(email__iexact=account.email).first()
            if user is None:
                user = User(email=account.email)
                user.set_password(DEMO_PASSWORD)
            user.display_name = account.display_name
            user.participant_type = account.participant_type
            user.is_staff = account.is_staff
            user.is_superuser = account.is_superuser
            user.is_active = True
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=account.email, defaults={"verified": True, "primary": True}
            )
            Consent.objects.get_or_create(user=user, policy_version=_policy_version())
            for group_name in account.groups:
                user.groups.add(Group.objects.get(name=group_name))
            if account.organization:
                Membership.objects.update_or_create(
                    user=user,
                    organization=organizations[account.organization],
                    defaults={
                        "status": Membership.Status.APPROVED,
                        "role": Membership.Role.ADMIN
                        if account.organization_admin
                        else Membership.Role.MEMBER,
                        "decided_at": timezone.now(),
                    },
                )
        # A pending request, so that the approval screen has something to show.
        citizen = User.objects.get(email="ciudadana@laboratorio.example")
        Membership.objects.get_or_create(
            user=citizen,
            organization=organizations["veeduria-ciudadana-transparencia"],
            defaults={"message": "Participo como veedora en la comuna 4."},
        )
        Membership.objects.get_or_create(
            user=citizen,
            organization=organizations["universidad-industrial-de-santander"],
            defaults={"message": "Soy estudiante de la maestría en gobierno."},
        )

    def seed_pages(self) -> None:
        home = HomePage.objects.first()
        if home is None:
            raise RuntimeError("The home page is missing: run `manage.py migrate` first.")
        if not home.body:
            home.hero_title = "Laboratorio de Innovación Pública de Bucaramanga"
            home.hero_text = (
                "Ciudadanía, academia, gremios y Alcaldía construimos juntos soluciones por la "
                "transparencia, el gobierno abierto y la lucha contra la corrupción."
            )
            home.body = [
                (
                    "paragraph",
                    "<p>Proponga ideas para los retos de la ciudad, apoye las que le convencen, participe en "
                    "los debates en vivo y consulte los datos abiertos del observatorio.</p>",
                ),
                (
                    "call_to_action",
                    {"text": "Conozca el laboratorio", "page": None, "url": "/el-laboratorio/"},
                ),
            ]
            home.save_revision().publish()

        self.standard_page(
            home,
            "el-laboratorio",
            "El laboratorio",
            "Un espacio de participación ciudadana para la transparencia y el gobierno abierto.",
            LAB_ABOUT,
            in_menu=True,
        )
        self.standard_page(
            home,
            PRIVACY_POLICY_SLUG,
            "Política de tratamiento de datos personales",
            "Cómo trata la Alcaldía de Bucaramanga los datos de quienes participan (Ley 1581 de 2012).",
            [
                (
                    "paragraph",
                    "<p>Recogemos su correo electrónico para identificar su cuenta, su nombre público para firmar "
                    "sus aportes y su tipo de participante para desagregar resultados. No vendemos ni cedemos sus "
                    "datos. Puede conocerlos, actualizarlos, rectificarlos, descargarlos y suprimirlos desde su "
                    "perfil, y revocar esta autorización en cualquier momento.</p>",
                ),
                (
                    "paragraph",
                    "<p>Las denuncias anónimas no guardan su dirección IP ni los datos de su navegador.</p>",
                ),
            ],
        )
        self.standard_page(
            home,
            "terminos-de-uso",
            "Términos de uso",
            "Reglas para participar con respeto.",
            [
                (
                    "paragraph",
                    "<p>Las ideas y comentarios deben referirse al reto, sin insultos ni datos personales de "
                    "terceros. El contenido que incumpla estas reglas se oculta con un motivo público; nunca se "
                    "borra.</p>",
                )
            ],
        )
        self.standard_page(
            home,
            "accesibilidad",
            "Declaración de accesibilidad",
            "Este sitio busca cumplir las pautas WCAG 2.1 nivel AA.",
            [
                (
                    "paragraph",
                    "<p>Puede navegar con teclado, ampliar el texto al 200 % y usar lectores de pantalla. Si "
                    "encuentra una barrera, escríbanos y la corregiremos.</p>",
                )
            ],
        )

        news_index = NewsIndexPage.objects.first()
        if news_index is None:
            news_index = NewsIndexPage(
                title="Noticias",
                slug="noticias",
                show_in_menus=True,
                intro="Lo que pasa en el laboratorio: retos, debates, denuncias atendidas y datos publicados.",
            )
            home.add_child(instance=news_index)
            news_index.save_revision().publish()
        for slug, date, title, summary, body in NEWS:
            if NewsPage.objects.filter(slug=slug).exists():
                continue
            page = NewsPage(title=title, slug=slug, date=date, summary=summary, body=[("paragraph", body)])
            news_index.add_child(instance=page)
            page.save_revision().publish()

    def standard_page(self, parent, slug, title, summary, body, in_menu=False) -> StandardPage:
        page = StandardPage.objects.filter(slug=slug).first()
        if page is None:
            page = StandardPage(title=title, slug=slug, summary=summary, body=body, show_in_menus=in_menu)
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page


def _policy_version() -> str:
    from django.conf import settings

    return settings.PRIVACY_POLICY_VERSION
