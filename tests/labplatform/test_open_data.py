"""The open-data catalogue: /datos/catalogo.json in the DCAT-US data.json shape (Project Open Data
1.1) that the national portal harvests, every download it announces, and /datos/ for people."""

import csv
import datetime
import io
import json

import pytest
from wagtail.models import Site

from cms.models import SiteIdentity
from core import open_data
from ideas.models import IdeaStatus
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

CATALOGUE = "/datos/catalogo.json"
DATASET_FIELDS = {
    "@type",
    "title",
    "description",
    "identifier",
    "keyword",
    "publisher",
    "contactPoint",
    "accessLevel",
    "license",
    "modified",
    "distribution",
}


@pytest.fixture
def challenges(db):
    open_one = make_challenge("ideas", title="Contratación abierta")
    voting = make_challenge("voting", title="Trámites sin intermediarios")
    for n in range(3):
        IdeaFactory(challenge=open_one, title=f"Idea abierta {n}")
    IdeaFactory(challenge=open_one, title="Idea oculta", status=IdeaStatus.HIDDEN)
    IdeaFactory(challenge=voting, title="Idea en votación")
    _transparency_section()
    return open_one, voting


def _transparency_section() -> None:
    from cms.models import HomePage, TransparencyCategoryPage, TransparencyIndexPage

    index = TransparencyIndexPage(title="Transparencia", slug="transparencia")
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    category = TransparencyCategoryPage(title="Normativa", slug="normativa", number="2")
    index.add_child(instance=category)
    category.save_revision().publish()


def _catalogue(client) -> dict:
    response = client.get(CATALOGUE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def _path(url: str) -> str:
    assert url.startswith("http://testserver/"), url
    return url.removeprefix("http://testserver")


def test_catalogue_has_the_project_open_data_shape(client, challenges):
    catalogue = _catalogue(client)
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"] == "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld"
    assert catalogue["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert catalogue["describedBy"] == "https://project-open-data.cio.gov/v1.1/schema/catalog.json"
    assert catalogue["dataset"]
    identifiers = [dataset["identifier"] for dataset in catalogue["dataset"]]
    assert len(identifiers) == len(set(identifiers))
    for dataset in catalogue["dataset"]:
        assert DATASET_FIELDS <= dataset.keys(), dataset["identifier"]
        assert dataset["@type"] == "dcat:Dataset"
        assert dataset["title"] and dataset["description"] and dataset["keyword"]
        assert dataset["publisher"] == {"@type": "org:Organization", "name": "Alcaldía de Bucaramanga"}
        assert dataset["contactPoint"]["hasEmail"] == "mailto:contactenos@bucaramanga.gov.co"
        assert dataset["accessLevel"] == "public"
        assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
        datetime.date.fromisoformat(dataset["modified"][:10])  # ISO 8601
        assert dataset["distribution"]
        for distribution in dataset["distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            assert distribution["mediaType"] in {open_data.CSV, open_data.JSON, open_data.ATOM}
            _path(distribution["downloadURL"])  # absolute
        if "landingPage" in dataset:
            _path(dataset["landingPage"])


def test_every_announced_download_answers_with_its_media_type(client, challenges):
    distributions = [
        distribution for dataset in _catalogue(client)["dataset"] for distribution in dataset["distribution"]
    ]
    media_types = {distribution["mediaType"] for distribution in distributions}
    assert {open_data.CSV, open_data.JSON, open_data.ATOM} <= media_types
    for distribution in distributions:
        response = client.get(_path(distribution["downloadURL"]))
        assert response.status_code == 200, distribution["downloadURL"]
        assert response["Content-Type"].split(";")[0] == distribution["mediaType"], distribution[
            "downloadURL"
        ]


def test_each_public_challenge_publishes_its_ideas_and_the_numbers_match(client, challenges):
    open_one, voting = challenges
    draft = make_challenge("ideas", title="Reto en borrador")
    draft.unpublish()
    datasets = {dataset["identifier"]: dataset for dataset in _catalogue(client)["dataset"]}
    assert {
        "retos",
        "ideas",
        f"retos/{open_one.pk}/ideas",
        f"retos/{voting.pk}/ideas",
        "transparencia/autodiagnostico",
    } <= datasets.keys()
    assert f"retos/{draft.pk}/ideas" not in datasets

    dataset = datasets[f"retos/{open_one.pk}/ideas"]
    assert "Contratación abierta" in dataset["title"]
    assert dataset["landingPage"] == f"http://testserver{open_one.url}"
    by_type = {
        distribution["mediaType"]: distribution["downloadURL"] for distribution in dataset["distribution"]
    }
    rows = list(csv.DictReader(io.StringIO(client.get(_path(by_type[open_data.CSV])).content.decode())))
    api = client.get(_path(by_type[open_data.JSON])).json()
    assert len(rows) == api["count"] == 3  # the hidden idea is in neither
    assert {row["title"] for row in rows} == {idea["title"] for idea in api["results"]}


def test_modified_is_when_the_latest_idea_came_in(client, challenges):
    open_one, _ = challenges
    latest = open_one.ideas.exclude(status=IdeaStatus.HIDDEN).order_by("-created_at").first()
    datasets = {dataset["identifier"]: dataset for dataset in _catalogue(client)["dataset"]}
    modified = datetime.datetime.fromisoformat(datasets[f"retos/{open_one.pk}/ideas"]["modified"])
    assert modified == latest.created_at.replace(microsecond=0)


def test_the_publisher_is_the_entity_the_editors_name(client, challenges):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.entity_name = "Alcaldía de Bucaramanga - Laboratorio de Innovación Pública"
    identity.save()
    for dataset in _catalogue(client)["dataset"]:
        assert dataset["publisher"]["name"] == "Alcaldía de Bucaramanga - Laboratorio de Innovación Pública"


def test_datasets_other_apps_register_are_listed_with_their_optional_fields(client, monkeypatch):
    monkeypatch.setattr(open_data, "_providers", {})

    @open_data.register("observatory")
    def provider():
        yield open_data.Dataset(
            identifier="observatorio/indicador/tiempo-de-respuesta",
            title="Tiempo de respuesta a las PQRSD",
            description="Días hábiles promedio.",
            modified=datetime.date(2026, 10, 31),
            distributions=(open_data.Distribution("/salud/", open_data.JSON, "Serie (JSON)"),),
            keywords=("pqrsd",),
            theme=("Transparencia",),
            landing_page="/observatorio/",
            accrual_periodicity="R/P1M",
        )

    (dataset,) = _catalogue(client)["dataset"]
    assert dataset["modified"] == "2026-10-31"
    assert dataset["theme"] == ["Transparencia"]
    assert dataset["accrualPeriodicity"] == "R/P1M"
    assert dataset["landingPage"] == "http://testserver/observatorio/"
    assert dataset["distribution"] == [
        {
            "@type": "dcat:Distribution",
            "downloadURL": "http://testserver/salud/",
            "mediaType": "application/json",
            "format": "JSON",
            "title": "Serie (JSON)",
        }
    ]


def test_open_data_page_lists_the_datasets_for_people(client, challenges):
    open_one, _ = challenges
    response = client.get("/datos/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Datos abiertos</h1>" in html
    assert 'href="/datos/catalogo.json"' in html
    assert "Creative Commons Atribución 4.0" in html
    assert "Ideas del reto «Contratación abierta»" in html
    assert f'href="{open_one.url}ideas/csv/"' in html
    assert "Descargar CSV" in html and "Descargar JSON" in html and "Descargar Atom" in html


def test_the_catalogue_is_valid_json_in_spanish_without_escapes(client, challenges):
    body = client.get(CATALOGUE).content.decode()
    assert "Contratación abierta" in body
    json.loads(body)


def test_catalogue_queries_do_not_grow_with_challenges(client, challenges):
    for path in (CATALOGUE, "/datos/"):
        client.get(path)
    few = {path: count_queries(lambda path=path: client.get(path)) for path in (CATALOGUE, "/datos/")}
    for n in range(6):
        challenge = make_challenge("results", title=f"Reto cerrado {n}")
        IdeaFactory(challenge=challenge)
    for path in (CATALOGUE, "/datos/"):
        client.get(path)
    many = {path: count_queries(lambda path=path: client.get(path)) for path in (CATALOGUE, "/datos/")}
    assert many == few
    assert max(few.values()) <= 14  # one query more for each of the projects and the risk map
