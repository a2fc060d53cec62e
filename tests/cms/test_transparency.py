"""The transparency section: its page tree, what each page shows, the self-assessment and the demo tree."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import HomePage, StandardPage, TransparencyCategoryPage, TransparencyIndexPage
from cms.selectors import Status, transparency_checklist
from tests.cms.conftest import add_category, document
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

PARAGRAPH = ("paragraph", "<p>La misión del laboratorio.</p>")


class TestTransparencyTree(WagtailPageTestCase):
    def setUp(self):
        from tests.accounts.factories import UserFactory

        self.editor = UserFactory(groups=["editors"])
        self.client.force_login(self.editor, backend="django.contrib.auth.backends.ModelBackend")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(TransparencyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TransparencyIndexPage, {TransparencyCategoryPage})
        self.assertAllowedParentPageTypes(
            TransparencyCategoryPage, {TransparencyIndexPage, TransparencyCategoryPage}
        )
        self.assertAllowedSubpageTypes(TransparencyCategoryPage, {TransparencyCategoryPage})
        self.assertCanNotCreateAt(TransparencyCategoryPage, StandardPage)
        self.assertCanNotCreateAt(TransparencyCategoryPage, TransparencyIndexPage)

    def test_editors_create_the_index_and_a_category_with_a_dated_document(self):
        home = HomePage.objects.get()
        self.assertCanCreate(
            home,
            TransparencyIndexPage,
            nested_form_data(
                {"title": "Transparencia", "slug": "transparencia", "intro": "", "body": streamfield([])}
            ),
        )
        index = TransparencyIndexPage.objects.get()
        self.assertCanCreate(
            index,
            TransparencyCategoryPage,
            nested_form_data(
                {
                    "title": "Plan Anual de Adquisiciones",
                    "slug": "plan-anual-de-adquisiciones",
                    "number": "3.1",
                    "summary": "Lo que prevemos contratar este año.",
                    "body": streamfield([]),
                    "documents": streamfield(
                        [
                            (
                                "document",
                                {
                                    "title": "Plan Anual de Adquisiciones 2026",
                                    "published_on": "2026-01-30",
                                    "document": "",
                                    "url": "https://www.colombiacompra.gov.co/secop-ii",
                                    "description": "",
                                },
                            )
                        ]
                    ),
                    "not_applicable_reason": "",
                }
            ),
        )
        page = TransparencyCategoryPage.objects.get(slug="plan-anual-de-adquisiciones")
        assert page.documents[0].value["published_on"] == datetime.date(2026, 1, 30)

    def test_a_document_needs_a_file_or_a_link_and_a_date(self):
        index = TransparencyIndexPage(title="Transparencia", slug="transparencia")
        HomePage.objects.get().add_child(instance=index)
        url = reverse("wagtailadmin_pages:add", args=("cms", "transparencycategorypage", index.pk))
        data = nested_form_data(
            {
                "title": "Normativa",
                "slug": "normativa",
                "number": "2",
                "summary": "",
                "body": streamfield([]),
                "documents": streamfield(
                    [("document", {"title": "Ley 1712", "published_on": "", "document": "", "url": ""})]
                ),
                "not_applicable_reason": "",
            }
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Elija un documento o escriba un enlace." in html
        assert not TransparencyCategoryPage.objects.filter(slug="normativa").exists()


def test_the_section_is_in_the_main_menu(client, transparency_index):
    html = client.get("/").content.decode()
    assert '<a href="/transparencia/">Transparencia y acceso a la información pública</a>' in html


def test_index_lists_categories_with_their_subcategories(client, transparency_index):
    entity = add_category(transparency_index, "1", "Información de la entidad")
    add_category(entity, "1.1", "Misión, visión, funciones y deberes", body=[PARAGRAPH])
    add_category(entity, "1.2", "Borrador sin publicar", live=False)
    add_category(transparency_index, "2", "Normativa")

    html = client.get("/transparencia/").content.decode()
    assert html.index("Información de la entidad") < html.index("Misión, visión") < html.index("Normativa")
    assert "Borrador sin publicar" not in html
    assert 'href="/transparencia/autodiagnostico/"' in html
    assert "Última actualización:" in html


def test_category_page_shows_documents_with_dates_subcategories_and_last_update(client, transparency_index):
    contracting = add_category(
        transparency_index,
        "3",
        "Contratación",
        documents=[document("Plan Anual de Adquisiciones 2026", "2026-01-30")],
    )
    add_category(contracting, "3.1", "Plan Anual de Adquisiciones")

    response = client.get(contracting.url)
    html = response.content.decode()
    assert '<h1><span class="transparency-number">3</span> Contratación</h1>' in html
    assert '<a href="https://www.colombiacompra.gov.co/secop-ii">Plan Anual de Adquisiciones 2026</a>' in html
    assert '<time datetime="2026-01-30">30 de enero de 2026</time>' in html
    assert "Fecha de publicación" in html
    assert "3.1</span> Plan Anual de Adquisiciones" in html
    published = contracting.last_published_at
    assert f'<time datetime="{timezone.localtime(published).isoformat()}' in html
    assert 'aria-label="Ruta de navegación"' in html and 'href="/transparencia/"' in html


def test_an_empty_category_says_so_and_one_that_does_not_apply_says_why(client, transparency_index):
    empty = add_category(transparency_index, "9", "Obligación de reporte de información específica")
    exempt = add_category(
        transparency_index,
        "10",
        "Información tributaria",
        not_applicable="El laboratorio no recauda rentas ni liquida impuestos.",
    )
    assert "Esta información aún no está publicada." in client.get(empty.url).content.decode()
    html = client.get(exempt.url).content.decode()
    assert "Por qué esta información no aplica" in html
    assert "El laboratorio no recauda rentas ni liquida impuestos." in html
    assert "Esta información aún no está publicada." not in html


def test_categories_are_found_by_the_site_search(transparency_index):
    add_category(
        transparency_index,
        "3.1",
        "Plan Anual de Adquisiciones",
        documents=[document("Plan de compras 2026", "2026-01-30")],
    )
    found = TransparencyCategoryPage.objects.live().search("adquisiciones")
    assert [page.title for page in found] == ["Plan Anual de Adquisiciones"]


def _set_published(page, days_ago: int) -> None:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(last_published_at=moment)


def test_checklist_rates_each_category(transparency_index):
    entity = add_category(transparency_index, "1", "Información de la entidad")
    mission = add_category(entity, "1.1", "Misión", body=[PARAGRAPH])
    add_category(entity, "1.2", "Organigrama")
    old = add_category(transparency_index, "4.5", "Informes de empalme", body=[PARAGRAPH])
    _set_published(old, 400)
    add_category(transparency_index, "10", "Información tributaria", not_applicable="No recauda impuestos.")
    _set_published(mission, 95)

    checklist = transparency_checklist(transparency_index)
    rows = {row.page.number: row for row in checklist.rows}
    assert [row.page.number for row in checklist.rows] == ["1", "1.1", "1.2", "4.5", "10"]
    assert rows["1"].status == Status.GROUP and (
        rows["1"].subcategories_with_content,
        rows["1"].subcategories,
    ) == (
        1,
        2,
    )
    assert rows["1.1"].status == Status.CURRENT and rows["1.1"].level == 2 and rows["1.1"].age == "3\xa0meses"
    assert rows["1.2"].status == Status.EMPTY
    assert rows["4.5"].status == Status.STALE
    assert rows["10"].status == Status.NOT_APPLICABLE
    assert (
        checklist.total,
        checklist.current,
        checklist.stale,
        checklist.empty,
        checklist.not_applicable,
    ) == (
        4,
        1,
        1,
        1,
        1,
    )
    assert checklist.percent_with_content == 67  # 2 of the 3 that apply


def test_checklist_counts_documents_and_the_latest_date(transparency_index):
    add_category(
        transparency_index,
        "2.1",
        "Normativa de la entidad",
        documents=[document("Ley 1712 de 2014", "2014-03-06"), document("Resolución 1519", "2020-08-24")],
    )
    (row,) = transparency_checklist(transparency_index).rows
    assert (row.document_count, row.latest_document_on) == (2, datetime.date(2020, 8, 24))
    assert row.status == Status.CURRENT


def test_checklist_page_flags_what_is_missing_or_old(client, transparency_index):
    mission = add_category(transparency_index, "1.1", "Misión", body=[PARAGRAPH])
    _set_published(mission, 95)
    old = add_category(transparency_index, "4.5", "Informes de empalme", body=[PARAGRAPH])
    _set_published(old, 400)
    add_category(transparency_index, "9", "Obligación de reporte")

    response = client.get("/transparencia/autodiagnostico/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Autodiagnóstico de transparencia" in html
    assert "actualizado hace 3\xa0meses" in html
    assert "actualizado hace 1\xa0año" in html
    assert "Desactualizada: más de un año" in html
    assert "Sin publicar" in html
    assert "Al día" in html


def test_section_pages_cost_the_same_queries_however_many_categories(client, transparency_index):
    def grow(start: int, n: int) -> None:
        for number in range(start, start + n):
            parent = add_category(transparency_index, str(number), f"Categoría {number}", body=[PARAGRAPH])
            add_category(
                parent,
                f"{number}.1",
                f"Subcategoría {number}",
                documents=[document(f"Documento {number}", "2026-01-30")],
            )

    grow(1, 2)
    paths = ["/transparencia/", "/transparencia/autodiagnostico/"]
    for path in paths:
        client.get(path)
    few = {path: count_queries(lambda path=path: client.get(path)) for path in paths}
    grow(3, 12)
    for path in paths:
        client.get(path)  # publishing renews the cached menu: warm it again
    many = {path: count_queries(lambda path=path: client.get(path)) for path in paths}
    assert many == few
    assert max(few.values()) <= 12


def test_seed_demo_creates_the_standard_tree_and_every_state(client):
    call_command("seed_demo", "--allow-production", verbosity=0)
    index = TransparencyIndexPage.objects.get()
    top = TransparencyCategoryPage.objects.child_of(index).order_by("path")
    assert [page.number for page in top] == [str(n) for n in range(1, 11)]
    assert top[0].title == "Información de la entidad"
    assert top[9].title == "Información tributaria en entidades territoriales locales"
    statuses = {row.status for row in transparency_checklist(index).rows}
    assert statuses == {Status.CURRENT, Status.STALE, Status.EMPTY, Status.NOT_APPLICABLE, Status.GROUP}

    pages = TransparencyCategoryPage.objects.count()
    call_command("seed_demo", "--allow-production", verbosity=0)
    assert TransparencyCategoryPage.objects.count() == pages
    assert client.get("/transparencia/autodiagnostico/").status_code == 200


def test_checklist_downloads_as_csv_and_is_in_the_open_data_catalogue(client, transparency_index):
    mission = add_category(transparency_index, "1.1", "Misión", body=[PARAGRAPH])
    add_category(
        transparency_index,
        "2.1",
        "Normativa de la entidad",
        documents=[document("Ley 1712 de 2014", "2014-03-06")],
    )
    add_category(transparency_index, "9", "Obligación de reporte")

    html = client.get("/transparencia/autodiagnostico/").content.decode()
    assert 'href="/transparencia/autodiagnostico/csv/"' in html
    response = client.get("/transparencia/autodiagnostico/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["number"], row["status"], row["document_count"]) for row in rows] == [
        ("1.1", "current", "0"),
        ("2.1", "current", "1"),
        ("9", "empty", "0"),
    ]
    assert rows[1]["latest_document_on"] == "2014-03-06"
    assert rows[0]["url"] == f"http://testserver{mission.url}"
    assert datetime.datetime.fromisoformat(rows[0]["updated_at"]) == mission.last_published_at

    catalogue = client.get("/datos/catalogo.json").json()
    (dataset,) = [
        entry for entry in catalogue["dataset"] if entry["identifier"] == "transparencia/autodiagnostico"
    ]
    assert dataset["distribution"][0]["downloadURL"] == "http://testserver/transparencia/autodiagnostico/csv/"
    assert dataset["landingPage"] == "http://testserver/transparencia/autodiagnostico/"
