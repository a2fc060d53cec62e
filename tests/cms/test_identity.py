"""The site's identity as Res. 1519 de 2020 (Anexo 2) asks: the GOV.CO bar, and a footer with the
entity, its channels of attention and the policy pages, all kept by editors."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cms.models import HomePage, SiteIdentity, StandardPage

pytestmark = pytest.mark.django_db

POLICY_PAGES = [
    ("terminos-de-uso", "Términos de uso"),
    ("derechos-de-autor", "Derechos de autor"),
    ("accesibilidad", "Declaración de accesibilidad"),
]


def _identity() -> SiteIdentity:
    return SiteIdentity.for_site(Site.objects.get(is_default_site=True))


def _settings_url() -> str:
    return f"/cms-admin/settings/cms/siteidentity/{Site.objects.get(is_default_site=True).pk}/"


def _form(**changes) -> dict:
    data = {
        "entity_name": "Alcaldía de Bucaramanga",
        "address": "Calle 35 # 10-43, Centro, Bucaramanga, Santander",
        "opening_hours": "Lunes a viernes de 7:30 a. m. a 4:30 p. m.",
        "phone": "(607) 633 7000",
        "toll_free_phone": "",
        "contact_email": "contactenos@bucaramanga.gov.co",
        "judicial_email": "notificaciones@bucaramanga.gov.co",
        "pqrsd_url": "",
        "attention_channels": "",
        "facebook_url": "",
        "x_url": "",
        "instagram_url": "",
        "youtube_url": "",
    }
    return {**data, **changes}


def test_every_page_has_the_govco_bar_linking_the_national_portal_without_outside_assets(client):
    html = client.get("/").content.decode()
    assert '<a href="https://www.gov.co/" class="govco-bar__link"><img src="/static/img/govco.svg"' in html
    assert "gov.co/" not in html.replace(
        'href="https://www.gov.co/"', ""
    )  # no image, script or style from it


def test_footer_shows_the_entity_and_its_channels_of_attention(client):
    identity = _identity()
    identity.toll_free_phone = "01 8000 917 000"
    identity.pqrsd_url = "https://pqrsd.bucaramanga.example/radicar/"
    identity.attention_channels = "Ventanilla única del Centro Administrativo Municipal, primer piso."
    identity.facebook_url = "https://www.facebook.com/alcaldiadebucaramanga"
    identity.save()

    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    for text in (
        "Alcaldía de Bucaramanga",
        "Calle 35 # 10-43, Centro, Bucaramanga, Santander",
        "Horario de atención: Lunes a viernes de 7:30 a. m. a 4:30 p. m.",
        "Teléfono: (607) 633 7000",
        "Línea gratuita: 01 8000 917 000",
        '<a href="mailto:notificaciones@bucaramanga.gov.co">notificaciones@bucaramanga.gov.co</a>',
        '<a href="https://pqrsd.bucaramanga.example/radicar/">Peticiones, quejas, reclamos, sugerencias',
        "Ventanilla única del Centro Administrativo Municipal, primer piso.",
        '<a href="https://www.facebook.com/alcaldiadebucaramanga" rel="me">Facebook</a>',
    ):
        assert text in footer, text
    assert "Instagram" not in footer  # channels left empty are not shown


def test_footer_links_the_policy_pages_when_they_exist(client):
    home = HomePage.objects.get()
    for slug, title in POLICY_PAGES:
        page = StandardPage(title=title, slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()

    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    links = ['<a href="/politica-de-datos/">Política de tratamiento de datos personales</a>'] + [
        f'<a href="/{slug}/">{title}</a>' for slug, title in POLICY_PAGES
    ]
    positions = [footer.index(link) for link in links]
    assert positions == sorted(positions)
    assert '<a href="/datos/">Datos abiertos</a>' in footer


def test_editors_change_the_identity_from_the_cms_and_the_footer_follows(client, editor):
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(_settings_url()).status_code == 200
    response = client.post(_settings_url(), _form(phone="(607) 652 5555", toll_free_phone="01 8000 111 222"))
    assert response.status_code == 302
    cache.clear()
    html = client.get("/").content.decode()
    assert "Teléfono: (607) 652 5555" in html and "Línea gratuita: 01 8000 111 222" in html


def test_a_bad_e_mail_is_refused_and_changes_nothing(client, editor):
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(_settings_url(), _form(judicial_email="no-es-un-correo", phone="(607) 000 0000"))
    assert response.status_code == 200
    assert "Ingrese una dirección de correo electrónico válida." in response.content.decode()
    identity = _identity()
    assert (identity.judicial_email, identity.phone) == (
        "notificaciones@bucaramanga.gov.co",
        "(607) 633 7000",
    )


def test_only_editors_and_administrators_reach_the_identity_settings(client, moderator):
    client.force_login(moderator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(_settings_url(), _form(phone="(607) 000 0000"))
    assert response.status_code in {302, 403}
    assert _identity().phone == "(607) 633 7000"


def test_seed_demo_creates_the_policy_pages(client):
    from django.core.management import call_command

    call_command("seed_demo", "--allow-production", verbosity=0)
    for slug, title in POLICY_PAGES:
        page = StandardPage.objects.live().get(slug=slug)
        assert page.title == title
        assert client.get(page.url).status_code == 200
    assert client.get("/politica-de-datos/", follow=True).status_code == 200
