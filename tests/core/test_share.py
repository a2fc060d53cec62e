"""Sharing pages: share links with absolute, encoded URLs; Open Graph and Twitter card tags,
the canonical link, escaped."""

import html
import re
from io import BytesIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from challenges.models import ChallengePage
from core.templatetags.share_tags import plain_excerpt, share_urls
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://lab.bucaramanga.gov.co"
HOSTILE = 'Reto "abierto" <script>alert(1)</script> & más'


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = ORIGIN + "/"


def page_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def meta(document: str, key: str) -> list[str]:
    """The (unescaped) content of every <meta property|name="key">."""
    pattern = rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">'
    return [html.unescape(value) for value in re.findall(pattern, document)]


def links(document: str) -> dict[str, str]:
    hrefs = [html.unescape(href) for href in re.findall(r'class="share__link" href="([^"]*)"', document)]
    own = urlsplit(ORIGIN).hostname
    return {"copy" if urlsplit(href).hostname == own else urlsplit(href).hostname: href for href in hrefs}


def with_summary(challenge, summary: str):
    ChallengePage.objects.filter(pk=challenge.pk).update(summary=summary)
    return challenge


def make_image(width: int = 1600, height: int = 900) -> Image:
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), (11, 92, 75)).save(buffer, format="PNG")
    return Image.objects.create(title="Foto del reto", file=ImageFile(buffer, name="reto.png"))


# Share links


def test_share_urls_encode_the_address_and_the_title():
    url = f"{ORIGIN}/retos/reto-1/"
    found = share_urls(url, "Movilidad & seguridad: ¿qué hacemos?")
    whatsapp = parse_qs(urlsplit(found["whatsapp"]).query)
    assert found["whatsapp"].startswith("https://wa.me/?text=")
    assert whatsapp["text"] == [f"Movilidad & seguridad: ¿qué hacemos? {url}"]
    x = parse_qs(urlsplit(found["x"]).query)
    assert found["x"].startswith("https://twitter.com/intent/tweet?url=")
    assert x == {"url": [url], "text": ["Movilidad & seguridad: ¿qué hacemos?"]}
    assert found["facebook"] == (
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Flab.bucaramanga.gov.co%2Fretos%2Freto-1%2F"
    )
    # Nothing is left unencoded that would end the parameter early.
    assert "&text=Movilidad%20%26%20seguridad" in found["x"]


def test_a_challenge_page_has_share_links_to_its_absolute_address(client):
    challenge = make_challenge("ideas", title="Movilidad segura")
    document = page_html(client, challenge.url)
    found = links(document)
    absolute = ORIGIN + challenge.url
    assert parse_qs(urlsplit(found["wa.me"]).query)["text"] == [f"Movilidad segura {absolute}"]
    assert parse_qs(urlsplit(found["twitter.com"]).query)["url"] == [absolute]
    assert parse_qs(urlsplit(found["www.facebook.com"]).query)["u"] == [absolute]
    # "Copiar enlace" is a plain link to the page itself, which works without JavaScript.
    assert found["copy"] == absolute
    assert ">Copiar enlace</a>" in document
    # Each network's link names itself in Spanish and says it opens a new tab.
    assert document.count('target="_blank" rel="noopener"') >= 3
    assert '<span class="visually-hidden">Compartir en </span>WhatsApp' in document
    assert document.count("(abre en una pestaña nueva)") >= 3
    # A polite live region for "Enlace copiado", and the script that fills it: ours.
    assert 'aria-live="polite" data-share-status' in document
    assert 'data-copied="Enlace copiado"' in document
    assert re.search(r'<script src="/static/js/share\.js" defer>', document)


def test_an_idea_page_has_share_links_to_its_absolute_address(client):
    idea = IdeaFactory(challenge=make_challenge("ideas"), title="Tablero de contratos")
    found = links(page_html(client, idea.get_absolute_url()))
    assert parse_qs(urlsplit(found["www.facebook.com"]).query)["u"] == [ORIGIN + idea.get_absolute_url()]


def test_a_public_session_room_has_share_links(client):
    session = make_session(title="Gobierno abierto")
    found = links(page_html(client, session.get_absolute_url()))
    assert found["copy"] == ORIGIN + session.get_absolute_url()


def test_share_links_escape_a_hostile_title(client):
    challenge = make_challenge("ideas", title=HOSTILE)
    document = page_html(client, challenge.url)
    assert "<script>alert(1)</script>" not in document
    x = parse_qs(urlsplit(links(document)["twitter.com"]).query)
    assert x["text"] == [HOSTILE]


# Open Graph, Twitter card, canonical link


def test_a_challenge_page_describes_itself(client):
    challenge = with_summary(
        make_challenge("ideas", title="Movilidad segura"), "Cruces seguros cerca de los colegios."
    )
    document = page_html(client, challenge.url)
    absolute = ORIGIN + challenge.url
    assert f'<link rel="canonical" href="{absolute}">' in document
    assert meta(document, "og:url") == [absolute]
    assert meta(document, "og:title") == ["Movilidad segura"]
    assert meta(document, "og:description") == ["Cruces seguros cerca de los colegios."]
    assert meta(document, "og:type") == ["website"]
    assert meta(document, "og:locale") == ["es_CO"]
    assert meta(document, "og:site_name") == ["Laboratorio de Innovación Pública de Bucaramanga"]
    assert meta(document, "twitter:card") == ["summary"]
    assert meta(document, "twitter:title") == ["Movilidad segura"]
    # No image on the page and no raster logo of the entity: no og:image rather than a broken one.
    assert meta(document, "og:image") == []


def test_the_search_description_wins_over_the_summary(client):
    challenge = make_challenge("ideas", search_description="Descripción para buscadores")
    assert meta(page_html(client, challenge.url), "og:description") == ["Descripción para buscadores"]


def test_a_challenge_image_becomes_an_absolute_og_image(client):
    challenge = make_challenge("ideas", image=make_image())
    document = page_html(client, challenge.url)
    [image] = meta(document, "og:image")
    assert image.startswith(ORIGIN + "/") and image.endswith(".png")
    assert meta(document, "og:image:width") == ["1200"] and meta(document, "og:image:height") == ["630"]
    assert meta(document, "twitter:card") == ["summary_large_image"]
    assert meta(document, "twitter:image") == [image]


def test_an_idea_page_uses_its_own_title_and_text(client):
    idea = IdeaFactory(
        challenge=make_challenge("ideas", image=make_image(800, 600)),
        title="Tablero de contratos",
        body="Publicar **cada contrato** & sus pagos, comuna por comuna.",
    )
    document = page_html(client, idea.get_absolute_url())
    assert meta(document, "og:title") == ["Tablero de contratos"]
    assert meta(document, "og:description") == ["Publicar cada contrato & sus pagos, comuna por comuna."]
    assert meta(document, "og:type") == ["article"]
    assert meta(document, "og:url") == [ORIGIN + idea.get_absolute_url()]
    # The challenge's image, never upscaled: the rendition's own size.
    assert meta(document, "og:image:width") == ["800"] and meta(document, "og:image:height") in (
        ["419"],
        ["420"],
    )


def test_a_hidden_idea_does_not_describe_its_hidden_text(client):
    idea = IdeaFactory(challenge=make_challenge("ideas"), body="Texto ocultado", status="hidden")
    document = page_html(client, idea.get_absolute_url())
    assert meta(document, "og:description") == []
    assert "Texto ocultado" not in document


def test_tags_escape_quotes_and_markup(client):
    challenge = with_summary(make_challenge("ideas", title=HOSTILE), f"Resumen {HOSTILE}")
    document = page_html(client, challenge.url)
    head = document[: document.index("</head>")]
    assert "<script>alert(1)</script>" not in head
    assert '"abierto"' not in head
    assert "&quot;abierto&quot; &lt;script&gt;" in head
    assert meta(document, "og:title") == [HOSTILE]
    assert meta(document, "og:description") == [f"Resumen {HOSTILE}"]
    assert meta(document, "twitter:title") == [HOSTILE]


def test_a_page_outside_the_page_tree_gets_the_site_name_and_its_canonical_address(client):
    document = page_html(client, "/politica-de-datos/?utm_source=x")
    assert meta(document, "og:title") == ["Laboratorio de Innovación Pública de Bucaramanga"]
    assert f'<link rel="canonical" href="{ORIGIN}/politica-de-datos/">' in document


def test_plain_excerpt_decodes_entities_and_cuts_at_a_word():
    assert plain_excerpt("<p>Uno &amp; <strong>dos</strong></p>\n<p>tres</p>") == "Uno & dos tres"
    assert plain_excerpt("uno dos tres cuatro", 2) == "uno dos…"
    assert plain_excerpt(None) == ""
