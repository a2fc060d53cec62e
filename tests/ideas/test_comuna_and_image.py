"""Where an idea would happen (its comuna or corregimiento) and its optional picture: proposed
by the form and the API, refused with a clear message and nothing saved on bad input, shown on
the idea's page and its card, filtered on the challenge page and the API, and never stale in
the page cache."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PillowImage
from rest_framework.test import APIClient
from wagtail.images import get_image_model

from accounts.services import account_export
from ideas import services
from ideas.images import clean_upload
from ideas.models import Idea
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.labplatform.test_page_cache import _site_identity, served_from_cache  # noqa: F401
from tests.reports.conftest import has_gps, jpeg_with_gps
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

IDEAS = "/api/v1/ideas/"
ALT = "Una planilla de contratos pegada en la cartelera de la junta de acción comunal"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def picture(fmt: str = "PNG", size=(1600, 900), name: str | None = None) -> SimpleUploadedFile:
    out = io.BytesIO()
    PillowImage.new("RGB", size, (30, 120, 200)).save(out, format=fmt)
    extension = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}[fmt]
    return SimpleUploadedFile(name or f"foto.{extension}", out.getvalue(), content_type=f"image/{extension}")


def propose(client, challenge, **data):
    values = {"title": "Cartelera de contratos", "body": "Publicar los contratos del barrio.", **data}
    return client.post(challenge.url + "proponer/", values)


def stored_image(author, title="Foto"):
    return services.participation._store_image(
        clean_upload(picture()), alt="Un parque con bancas nuevas", title=title, author=author
    )


def nothing_saved() -> bool:
    return not Idea.objects.exists() and not get_image_model().objects.exists()


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# The comuna ----------------------------------------------------------------------------


def test_the_form_saves_the_comuna_and_the_pages_show_it(client_for, citizen):
    challenge = make_challenge("ideas")
    client = client_for(citizen)
    form = client.get(challenge.url + "proponer/").content.decode()
    assert 'name="comuna"' in form and "Comuna 3 San Francisco" in form and "Toda la ciudad" in form
    response = propose(client, challenge, comuna="comuna-3")
    idea = Idea.objects.get()
    assert response["Location"] == idea.get_absolute_url() and idea.comuna == "comuna-3"
    assert "Comuna 3 San Francisco" in client.get(idea.get_absolute_url()).content.decode()
    card = client.get(challenge.url).content.decode()
    assert '<span class="idea-card__place">Comuna 3 San Francisco</span>' in card


def test_without_a_comuna_the_idea_is_for_the_whole_city(client_for, citizen):
    challenge = make_challenge("ideas")
    client = client_for(citizen)
    propose(client, challenge)
    idea = Idea.objects.get()
    assert idea.comuna == "" and idea.comuna_name == ""
    assert (
        '<span class="idea__place">Toda la ciudad</span>'
        in client.get(idea.get_absolute_url()).content.decode()
    )


def test_an_unknown_comuna_is_refused_by_the_form_and_nothing_is_saved(client_for, citizen):
    challenge = make_challenge("ideas")
    response = propose(client_for(citizen), challenge, comuna="comuna-18")
    assert response.status_code == 200
    assert "Elija una comuna o corregimiento de la lista, o «Toda la ciudad»." in response.content.decode()
    assert nothing_saved()


def test_the_api_takes_an_optional_comuna_and_returns_it(citizen):
    challenge = make_challenge("ideas")
    payload = {"challenge": challenge.pk, "title": "Veeduría", "body": "Con datos."}
    response = api(citizen).post(IDEAS, payload | {"comuna": "corregimiento-2"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["comuna"] == "corregimiento-2"
    assert response.json()["comuna_name"] == "Corregimiento 2"
    assert Idea.objects.get().comuna == "corregimiento-2"
    whole_city = api(citizen).post(IDEAS, payload | {"title": "Otra"}, format="json").json()
    assert (whole_city["comuna"], whole_city["comuna_name"]) == ("", "")


def test_the_api_refuses_an_unknown_comuna_with_a_clear_message(citizen):
    challenge = make_challenge("ideas")
    payload = {"challenge": challenge.pk, "title": "Veeduría", "body": "Con datos.", "comuna": "Cabecera"}
    response = api(citizen).post(IDEAS, payload, format="json")
    assert response.status_code == 400
    assert response.json()["comuna"] == [
        "«Cabecera» no es una comuna o corregimiento de Bucaramanga: use comuna-1 … comuna-17, "
        "corregimiento-1 … corregimiento-3, o vacío para toda la ciudad."
    ]
    assert not Idea.objects.exists()
    english = APIClient()
    english.force_login(citizen, backend="django.contrib.auth.backends.ModelBackend")
    response = english.post(IDEAS, payload, format="json", headers={"accept-language": "en"})
    assert "is not a comuna or corregimiento of Bucaramanga" in response.json()["comuna"][0]


def test_the_service_refuses_an_unknown_comuna(citizen):
    challenge = make_challenge("ideas")
    with pytest.raises(services.Refused, match="Elija una comuna o corregimiento de Bucaramanga"):
        services.idea_create(author=citizen, challenge=challenge, title="T", body="B", comuna="comuna-99")
    assert not Idea.objects.exists()


def test_the_challenge_page_and_the_api_filter_by_comuna(client):
    challenge = make_challenge("voting")
    IdeaFactory(challenge=challenge, title="En el centro", comuna="comuna-15")
    IdeaFactory(challenge=challenge, title="En el norte", comuna="comuna-1")
    IdeaFactory(challenge=challenge, title="En toda la ciudad")
    html = client.get(challenge.url, {"comuna": "comuna-15"}).content.decode()
    assert ">En el centro<" in html and ">En el norte<" not in html and ">En toda la ciudad<" not in html
    assert '<option value="comuna-15" selected>Comuna 15 Centro</option>' in html
    empty = client.get(challenge.url, {"comuna": "comuna-2"}).content.decode()
    assert "Ninguna idea coincide con los filtros." in empty
    # An unknown value filters nothing, as the other filters of the page.
    assert ">En el norte<" in client.get(challenge.url, {"comuna": "x"}).content.decode()
    results = APIClient().get(IDEAS, {"challenge": challenge.pk, "comuna": "comuna-1"}).json()["results"]
    assert [(idea["title"], idea["comuna"], idea["comuna_name"]) for idea in results] == [
        ("En el norte", "comuna-1", "Comuna 1 Norte")
    ]
    assert APIClient().get(IDEAS, {"comuna": "comuna-99"}).status_code == 400


def test_the_filtered_list_costs_the_same_queries_for_10_or_100_ideas(client_for, citizen):
    challenge = make_challenge("voting")
    client = client_for(citizen)
    url = f"{challenge.url}?comuna=comuna-7"
    image = stored_image(citizen)

    def add(count):
        for n in range(count):
            IdeaFactory(challenge=challenge, comuna="comuna-7", image=image if n % 2 else None)
            IdeaFactory(challenge=challenge, comuna="comuna-8")

    add(10)
    client.get(url)  # renditions made once, caches warmed
    few = count_queries(lambda: client.get(url))
    add(90)
    html = client.get(url).content.decode()
    assert html.count('class="idea-item idea-card"') == 20 and "100 ideas" in html
    many = count_queries(lambda: client.get(url))
    assert many == few, (few, many)


def test_the_csv_has_the_comuna(client):
    import csv

    challenge = make_challenge("voting")
    IdeaFactory(challenge=challenge, comuna="comuna-12")
    rows = list(csv.DictReader(io.StringIO(client.get(challenge.url + "ideas/csv/").content.decode())))
    assert rows[0]["comuna"] == "comuna-12"


def test_a_new_comuna_shows_at_once_on_cached_pages(citizen):
    challenge = make_challenge("voting")
    idea = IdeaFactory(challenge=challenge, title="Parque vigilado", comuna="comuna-4")
    visitor = Client()
    filtered = f"{challenge.url}?comuna=comuna-10"
    for url in (challenge.url, filtered, idea.get_absolute_url()):
        visitor.get(url)
        assert served_from_cache(visitor, url), url
    assert ">Parque vigilado<" not in visitor.get(filtered).content.decode()
    idea.comuna = "comuna-10"
    idea.save()
    assert ">Parque vigilado<" in visitor.get(filtered).content.decode()
    assert "Comuna 10 Provenza" in visitor.get(idea.get_absolute_url()).content.decode()
    assert "Comuna 10 Provenza" in visitor.get(challenge.url).content.decode()


# The picture ---------------------------------------------------------------------------


def test_an_image_with_its_description_is_shown_with_srcset(client_for, citizen):
    challenge = make_challenge("ideas")
    client = client_for(citizen)
    response = propose(client, challenge, image=picture("JPEG"), image_alt=f"  {ALT} ")
    assert response.status_code == 302, response.content.decode()
    idea = Idea.objects.select_related("image").get()
    assert idea.image.description == ALT and idea.image.collection.name == "Imágenes de ideas"
    assert re.fullmatch(r"original_images/idea-[0-9a-f]{16}\.jpg", idea.image.file.name)
    page = client.get(idea.get_absolute_url()).content.decode()
    img = re.search(r'<figure class="idea__image"><img [^>]*>', page).group(0)
    assert f'alt="{ALT}"' in img and "srcset=" in img and "800w" in img and "1200w" in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img) and "sizes=" in img
    card = re.search(r'<img [^>]*class="idea-card__image"[^>]*>', client.get(challenge.url).content.decode())
    card = card.group(0)
    assert 'loading="lazy"' in card and "srcset=" in card and "640w" in card and f'alt="{ALT}"' in card
    assert 'width="320"' in card and 'height="180"' in card


def test_the_picture_is_kept_without_its_metadata(client_for, citizen):
    challenge = make_challenge("ideas")
    photo = SimpleUploadedFile("DianaPabon-casa.jpg", jpeg_with_gps(), content_type="image/jpeg")
    propose(client_for(citizen), challenge, image=photo, image_alt=ALT)
    image = Idea.objects.get().image
    with image.file.open("rb") as handle:
        data = handle.read()
    assert not has_gps(data) and "DianaPabon" not in image.file.name
    exported = account_export(user=citizen)["ideas"][0]
    assert exported["image"]["url"].endswith(image.file.url) and exported["image"]["alt"] == ALT


def test_an_image_without_a_description_is_refused_and_nothing_is_saved(client_for, citizen):
    challenge = make_challenge("ideas")
    response = propose(client_for(citizen), challenge, image=picture(), image_alt="  ")
    assert response.status_code == 200
    assert "Describa la imagen en una frase (texto alternativo)" in response.content.decode()
    assert nothing_saved()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "grande.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), content_type="image/jpeg"
            ),
            "La imagen pesa más de 5 MB.",
        ),
        (
            SimpleUploadedFile("nota.png", b"esto no es una imagen", content_type="image/png"),
            "El archivo no es una imagen JPEG, PNG o WebP.",
        ),
        (None, "El archivo no es una imagen JPEG, PNG o WebP."),  # a real GIF
    ],
    ids=["too-big", "not-an-image", "gif"],
)
def test_oversized_or_wrong_type_images_are_refused_and_nothing_is_saved(
    client_for, citizen, upload, message
):
    challenge = make_challenge("ideas")
    response = propose(client_for(citizen), challenge, image=upload or picture("GIF"), image_alt=ALT)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_saved()


def test_webp_and_png_are_accepted(client_for, citizen):
    challenge = make_challenge("ideas")
    client = client_for(citizen)
    propose(client, challenge, image=picture("WEBP"), image_alt=ALT, title="Con WebP")
    propose(client, challenge, image=picture("PNG"), image_alt=ALT, title="Con PNG")
    extensions = sorted(idea.image.file.name.rsplit(".", 1)[1] for idea in Idea.objects.all())
    assert extensions == ["png", "webp"]


def test_a_hidden_idea_hides_its_picture_too(client, citizen):
    challenge = make_challenge("voting")
    idea = IdeaFactory(
        challenge=challenge, image=stored_image(citizen), status="hidden", hidden_reason="Datos"
    )
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Esta idea fue ocultada por moderación." in html
    assert "srcset" not in html and "Un parque con bancas nuevas" not in html


def test_a_picture_deleted_in_the_admin_goes_from_cached_pages(citizen):
    challenge = make_challenge("voting")
    image = stored_image(citizen)
    idea = IdeaFactory(challenge=challenge, image=image)
    visitor = Client()
    for url in (challenge.url, idea.get_absolute_url()):
        assert "Un parque con bancas nuevas" in visitor.get(url).content.decode()
        assert served_from_cache(visitor, url)
    image.delete()
    for url in (challenge.url, idea.get_absolute_url()):
        assert "Un parque con bancas nuevas" not in visitor.get(url).content.decode()


def test_a_phone_photo_with_several_pictures_inside_is_kept_as_a_jpeg(client_for, citizen):
    """Phones write HDR and depth pictures into the JPEG (MPF): Pillow opens those as MPO."""
    out = io.BytesIO()
    first = PillowImage.new("RGB", (800, 600), (200, 40, 40))
    first.save(out, format="MPO", save_all=True, append_images=[PillowImage.new("RGB", (200, 150))])
    upload = SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")
    assert PillowImage.open(io.BytesIO(out.getvalue())).format == "MPO"
    propose(client_for(citizen), make_challenge("ideas"), image=upload, image_alt=ALT)
    idea = Idea.objects.get()
    assert idea.image.file.name.endswith(".jpg")
    with idea.image.file.open() as stored:
        assert PillowImage.open(stored).format == "JPEG"


def test_a_broken_picture_is_refused_with_a_message_not_an_error(client_for, citizen):
    good = io.BytesIO()
    PillowImage.effect_noise((256, 256), 60).save(good, format="PNG")
    broken = good.getvalue()[:400] + b"\x00" * 400  # a PNG's header and first bytes, then garbage
    upload = SimpleUploadedFile("foto.png", broken, content_type="image/png")
    response = propose(client_for(citizen), make_challenge("ideas"), image=upload, image_alt=ALT)
    assert response.status_code == 200
    assert "El archivo no es una imagen JPEG, PNG o WebP." in response.content.decode()
    assert nothing_saved()


def test_pictures_are_decoded_a_bounded_number_of_times_per_hour(client_for, citizen, settings):
    settings.RATE_LIMITS = {"idea_image": (2, 86400)}
    challenge = make_challenge("ideas")
    client = client_for(citizen)
    for _ in range(2):  # refused for the missing description, but decoded
        assert propose(client, challenge, image=picture()).status_code == 200
    assert propose(client, challenge, image=picture()).status_code == 429
    assert nothing_saved()
