"""Loading observations from a CSV file: a preview first, line-by-line errors, all or nothing."""

from decimal import Decimal

import pytest

from observatory import services
from observatory.models import Observation
from tests.observatory.factories import IndicatorFactory, observe

pytestmark = pytest.mark.django_db

GOOD = (
    "periodo,territorio,valor,nota\n"
    "2023,bucaramanga,61.0,\n"
    "2024,,57.3,\n"
    "2025-Q1,comuna-12,52.75,Preliminar\n"
    "2025-07,Comuna 15 Centro,-0.5,\n"
)


def upload(client, slug: str, text: str | bytes, name: str = "datos.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        f"/observatorio/gestion/{slug}/cargar/", {"file": SimpleUploadedFile(name, data, "text/csv")}
    )


def confirm(client, slug: str):
    return client.post(f"/observatorio/gestion/{slug}/cargar/", {"action": "confirm"})


def test_parse_a_good_file():
    parsed = services.observations_parse_csv(GOOD.encode("utf-8"))
    assert parsed.ok, parsed.errors
    assert [(row.period, row.territory, row.value, row.note) for row in parsed.rows] == [
        ("2023", "bucaramanga", Decimal("61.0"), ""),
        ("2024", "bucaramanga", Decimal("57.3"), ""),
        ("2025-Q1", "comuna-12", Decimal("52.75"), "Preliminar"),
        ("2025-07", "comuna-15", Decimal("-0.5"), ""),
    ]


def test_english_headers_a_bom_and_semicolons_are_read_too():
    text = "\ufeffperiod;territory;value\n2025;comuna-1;12\n"
    parsed = services.observations_parse_csv(text.encode("utf-8"))
    assert parsed.ok
    assert parsed.rows[0].territory == "comuna-1"


def test_editor_previews_then_confirms_and_the_page_shows_the_values(client_for, editor, indicator):
    observe(indicator, "2023", "70.5")
    client = client_for(editor)

    preview = upload(client, indicator.slug, GOOD)
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "Vista previa" in text
    assert "nuevas, 3; actualizadas, 1; sin cambios, 0" in text
    assert "Reemplaza 70,5" in text
    assert Observation.objects.get(indicator=indicator, period="2023").value == Decimal("70.5")  # not yet

    done = confirm(client, indicator.slug)
    assert done.status_code == 302 and done.url == indicator.get_absolute_url()
    saved = {(o.period, o.territory): o.value for o in Observation.objects.filter(indicator=indicator)}
    assert saved == {
        ("2023", "bucaramanga"): Decimal("61"),
        ("2024", "bucaramanga"): Decimal("57.3"),
        ("2025-Q1", "comuna-12"): Decimal("52.75"),
        ("2025-07", "comuna-15"): Decimal("-0.5"),
    }
    page = client.get(done.url)
    assert "Nuevas: 3; actualizadas: 1; sin cambios: 0" in page.content.decode()
    assert "57,3" in page.content.decode()

    # Confirming twice saves nothing more: the pending file is gone.
    again = confirm(client, indicator.slug)
    assert again.status_code == 302
    assert Observation.objects.filter(indicator=indicator).count() == 4


def test_uploading_the_same_file_again_changes_nothing(client_for, editor, indicator):
    client = client_for(editor)
    upload(client, indicator.slug, GOOD)
    confirm(client, indicator.slug)
    preview = upload(client, indicator.slug, GOOD)
    assert "nuevas, 0; actualizadas, 0; sin cambios, 4" in preview.content.decode()


BAD_LINES = [
    ("2025-13,bucaramanga,10\n", "«2025-13» no es un periodo válido"),
    ("2025-Q5,bucaramanga,10\n", "«2025-Q5» no es un periodo válido"),
    ("enero 2025,bucaramanga,10\n", "no es un periodo válido"),
    (",bucaramanga,10\n", "Falta el periodo"),
    ('2025,bucaramanga,"1,234.5"\n', "«1,234.5» no es un número válido"),
    ("2025,bucaramanga,45\u00a0%\n", "no es un número válido"),
    ("2025,bucaramanga,cuarenta\n", "«cuarenta» no es un número válido"),
    ("2025,bucaramanga,1.23456\n", "«1.23456» no es un número válido"),
    ("2025,bucaramanga,\n", "Falta el valor"),
    ("2025,comuna-18,10\n", "el territorio «comuna-18» no existe"),
    ("2025,Floridablanca,10\n", "el territorio «Floridablanca» no existe"),
    ("2024,bucaramanga,10\n", "repite el periodo 2024 y el territorio «Bucaramanga» de la línea 2"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES)
def test_each_bad_line_is_named_and_nothing_is_saved(client_for, editor, indicator, line, message):
    observe(indicator, "2020", "80")
    before = list(Observation.objects.values_list("period", "territory", "value"))
    text = "periodo,territorio,valor\n2024,bucaramanga,50\n" + line + "2026,comuna-3,12\n"
    response = upload(client_for(editor), indicator.slug, text)
    assert response.status_code == 400
    body = response.content.decode()
    assert "no se guardó nada" in body
    assert "Línea 3:" in body
    assert message.lower() in body.replace("&#x27;", "'").replace("&quot;", '"').lower()
    assert list(Observation.objects.values_list("period", "territory", "value")) == before
    # Nothing waits for confirmation either.
    assert confirm(client_for(editor), indicator.slug).status_code == 302
    assert list(Observation.objects.values_list("period", "territory", "value")) == before


def test_every_error_of_the_file_is_listed_with_its_line(indicator):
    text = "periodo,territorio,valor\n2024,bucaramanga,50\n2024-1,bucaramanga,x\n2025,nowhere,1\n"
    parsed = services.observations_parse_csv(text.encode("utf-8"))
    assert [line for line, _message in parsed.errors] == [3, 4]
    assert (
        "no es un periodo válido" in parsed.errors[0][1] and "no es un número válido" in parsed.errors[0][1]
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("periodo,territorio,valor\n2025,bucaramanga,10\n".encode("utf-16"), "no está en UTF-8"),
        (
            "periodo;territorio;valor\n2025;Bucaramanga;10\n2025;Comuna 2 Nororiental;5\n".encode(
                "cp1252"
            ).replace(b"Nororiental", b"Nororiental\xe9"),
            "no está en UTF-8",
        ),
        (b"periodo,territorio,nota\n2025,bucaramanga,hola\n", "Falta la columna «valor (value)»"),
        (b"fecha,valor\n2025,10\n", "Falta la columna «periodo (period)»"),
        (b"", "El archivo está vacío"),
        (b"periodo,valor\n", "no trae ninguna medición"),
    ],
)
def test_bad_files_are_refused_whole(client_for, editor, indicator, data, message):
    response = upload(client_for(editor), indicator.slug, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Observation.objects.exists()


def test_a_file_over_the_size_limit_is_refused(indicator):
    data = b"periodo,valor\n" + b"2025,1\n" * (services.MAX_FILE_BYTES // 7 + 1)
    parsed = services.observations_parse_csv(data)
    assert not parsed.ok and "2 MB" in parsed.errors[0][1]


def test_the_import_service_saves_checked_rows(editor, indicator):
    good = services.observations_parse_csv(b"periodo,valor\n2024,1\n2025,2\n").rows
    services.observations_import(indicator=indicator, rows=good, by=editor)
    assert indicator.observations.count() == 2


@pytest.mark.parametrize("who", ["anonymous", "citizen", "moderator"])
def test_only_editors_and_staff_load_observations(client, client_for, citizen, moderator, indicator, who):
    if who != "anonymous":
        client = client_for({"citizen": citizen, "moderator": moderator}[who])
    assert client.get("/observatorio/gestion/").status_code in (302, 403)
    response = upload(client, indicator.slug, GOOD)
    assert response.status_code in (302, 403)
    if who != "anonymous":
        assert response.status_code == 403
        manual = client.post(
            f"/observatorio/gestion/{indicator.slug}/medicion/",
            {"period": "2025", "territory": "bucaramanga", "value": "10"},
        )
        assert manual.status_code == 403
    assert not Observation.objects.exists()
    with pytest.raises(services.Refused):
        services.observations_import(
            indicator=indicator,
            rows=services.observations_parse_csv(GOOD.encode()).rows,
            by=citizen,
        )


def test_staff_may_load_too(client_for, staff_user, indicator):
    client = client_for(staff_user)
    assert client.get("/observatorio/gestion/").status_code == 200
    upload(client, indicator.slug, GOOD)
    confirm(client, indicator.slug)
    assert indicator.observations.count() == 4


def test_one_observation_by_hand_in_spanish_notation(client_for, editor, indicator):
    client = client_for(editor)
    response = client.post(
        f"/observatorio/gestion/{indicator.slug}/medicion/",
        {"period": "2025-q2", "territory": "comuna-4", "value": "1234,5", "note": "Dato de SECOP"},
    )
    assert response.status_code == 302
    saved = indicator.observations.get()
    assert (saved.period, saved.territory, saved.value, saved.note) == (
        "2025-Q2",
        "comuna-4",
        Decimal("1234.5"),
        "Dato de SECOP",
    )
    bad = client.post(
        f"/observatorio/gestion/{indicator.slug}/medicion/",
        {"period": "2025-Q9", "territory": "comuna-4", "value": "1"},
    )
    assert bad.status_code == 400
    assert "no es un periodo válido" in bad.content.decode()
    assert indicator.observations.count() == 1


def test_computed_indicators_are_not_loaded_by_hand(client_for, editor):
    computed = IndicatorFactory(computed=True)
    response = upload(client_for(editor), computed.slug, GOOD)
    assert response.status_code == 302
    assert not computed.observations.exists()


def test_an_editor_deletes_a_wrong_observation(client_for, editor, citizen, indicator):
    observe(indicator, "2025", "10", territory="comuna-7")
    observe(indicator, "2025", "12")
    page = client_for(citizen).post(
        f"/observatorio/gestion/{indicator.slug}/eliminar/", {"period": "2025", "territory": "comuna-7"}
    )
    assert page.status_code == 403 and indicator.observations.count() == 2
    client = client_for(editor)
    assert (
        "Mediciones cargadas"
        in client.get(f"/observatorio/gestion/{indicator.slug}/cargar/").content.decode()
    )
    response = client.post(
        f"/observatorio/gestion/{indicator.slug}/eliminar/", {"period": "2025", "territory": "comuna-7"}
    )
    assert response.status_code == 302
    assert list(indicator.observations.values_list("territory", flat=True)) == ["bucaramanga"]
    again = client.post(
        f"/observatorio/gestion/{indicator.slug}/eliminar/",
        {"period": "2025", "territory": "comuna-7"},
        follow=True,
    )
    assert "Esa medición ya no existe" in again.content.decode()
