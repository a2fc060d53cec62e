"""The observatory's public pages: the home with latest values and trends, an indicator with its chart
(one series per territory on request), its table and methodology; query counts that do not grow."""

import pytest
from django.conf import settings
from django.urls import reverse

from core import sections
from tests.observatory.factories import IndicatorFactory, observe, target
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_the_observatory_is_in_the_main_menu(client):
    assert ("observatory:home", 40) in [(s.url_name, s.order) for s in sections.sections()]
    assert reverse("observatory:home") == "/observatorio/"


def test_home_shows_latest_value_and_trend_in_words(client, indicator):
    observe(indicator, "2024", "57.3")
    observe(indicator, "2025", "52.8")
    observe(indicator, "2025", "99", territory="comuna-3")  # not the city's
    ita = IndicatorFactory(name="Índice de transparencia (ITA)", unit="puntos", higher_is_better=True)
    observe(ita, "2024", "92")
    observe(ita, "2025", "88")
    empty = IndicatorFactory(name="Sin datos aún")
    hidden = IndicatorFactory(name="Borrador", published=False)

    page = client.get("/observatorio/").content.decode()
    assert "52,8" in page and "Baja frente a 2024" in page
    # Lower is better for direct contracting: a fall is an improvement, said in words.
    contracting = page[page.index("Contratos por contratación directa") :]
    assert "mejora" in contracting[: contracting.index("</li>")]
    ita_card = page[page.index("Índice de transparencia (ITA)") :]
    assert "empeora" in ita_card[: ita_card.index("</li>")]
    assert empty.name in page and "Aún sin mediciones" in page
    assert hidden.name not in page


def test_home_query_count_does_not_grow_with_indicators(client, indicator):
    observe(indicator, "2025", "1")
    client.get("/observatorio/")
    few = count_queries(lambda: client.get("/observatorio/"))
    for n in range(15):
        extra = IndicatorFactory(theme=["transparencia", "contratacion", "atencion"][n % 3])
        for year in range(2010, 2026):
            observe(extra, str(year), year - 2000 + n)
    many = count_queries(lambda: client.get("/observatorio/"))
    assert many == few <= 6


def test_indicator_page_chart_table_methodology_and_downloads(client, indicator):
    observe(indicator, "2023", "61")
    observe(indicator, "2024", "57.3")
    observe(indicator, "2025", "52.8")
    observe(indicator, "2025", "40", territory="comuna-12")
    target(indicator, "2025", "50")
    page = client.get(indicator.get_absolute_url()).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<desc" in svg
    assert svg.count("<circle") == 3  # the city only, by default
    assert 'data-period="2025" data-value="50"' in svg  # the target
    assert "De 61 % en 2023 a 52,8 % en 2025".lower() in page.lower()
    assert "Meta para 2025: 50 %" in page
    assert "<table" in page and "61" in page
    assert "Metodología" in page and indicator.methodology in page
    assert "/observatorio/contratacion-directa/datos.csv" in page
    assert "/observatorio/contratacion-directa/datos.json" in page
    assert "style=" not in page and "<script>" not in page


def test_one_series_per_territory_on_request(client, indicator):
    for territory, value in [
        ("bucaramanga", 50),
        ("comuna-12", 40),
        ("comuna-3", 60),
        ("corregimiento-1", 70),
    ]:
        observe(indicator, "2024", value, territory=territory)
        observe(indicator, "2025", value + 1, territory=territory)
    page = client.get(
        indicator.get_absolute_url(), {"territorio": ["comuna-12", "comuna-3"]}
    ).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'data-series="Comuna 12 Cabecera del Llano"' in svg
    assert 'data-series="Comuna 3 San Francisco"' in svg
    assert 'data-series="Bucaramanga"' not in svg
    assert 'value="comuna-12" id="territorio-comuna-12" checked' in page
    everything = client.get(indicator.get_absolute_url(), {"territorio": "todos"}).content.decode()
    svg = everything[everything.index("<svg") : everything.index("</svg>")]
    assert svg.count('class="chart__series ') == 4
    unknown = client.get(indicator.get_absolute_url(), {"territorio": "marte"}).content.decode()
    assert 'data-series="Bucaramanga"' in unknown


def test_indicator_page_query_count_does_not_grow(client, indicator):
    observe(indicator, "2000", "1")
    client.get(indicator.get_absolute_url())
    few = count_queries(lambda: client.get(indicator.get_absolute_url(), {"territorio": "todos"}))
    for year in range(2001, 2026):
        for territory in ["bucaramanga", "comuna-1", "comuna-2", "comuna-3"]:
            observe(indicator, str(year), year % 17, territory=territory)
        target(indicator, str(year), 10)
    many = count_queries(lambda: client.get(indicator.get_absolute_url(), {"territorio": "todos"}))
    assert many == few <= 6


def test_unknown_and_unpublished_indicators_are_404(client):
    hidden = IndicatorFactory(published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(f"/observatorio/{hidden.slug}/datos.csv").status_code == 404
    assert client.get("/observatorio/no-existe/").status_code == 404


def test_pages_speak_english_too(client, indicator):
    observe(indicator, "2025", "1234.5")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # chosen in the language switcher
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert "1,234.5" in page


def test_editors_see_the_load_link(client_for, editor, citizen, indicator):
    assert "Cargar mediciones" in client_for(editor).get(indicator.get_absolute_url()).content.decode()
    assert "Cargar mediciones" not in client_for(citizen).get(indicator.get_absolute_url()).content.decode()


def test_every_page_answers_in_both_languages(client, client_for, editor, indicator):
    import datetime

    from tests.observatory.factories import PlanFactory, activity, component, follow_up, progress

    observe(indicator, "2025-Q3", "12.5")
    plan = PlanFactory(year=2026)
    cut = follow_up(plan, "april", published_on=datetime.date(2026, 5, 10))
    progress(cut, activity(component(plan, 1), "1.1", due=datetime.date(2026, 3, 1)), 40)
    editor_client = client_for(editor)
    for language in ("es-co", "en"):
        for path in [
            "/observatorio/",
            indicator.get_absolute_url(),
            "/observatorio/plan-anticorrupcion/2026/",
            "/observatorio/gestion/",
            f"/observatorio/gestion/{indicator.slug}/cargar/",
        ]:
            editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            response = editor_client.get(path)
            assert response.status_code == 200, (language, path)
    english = editor_client.get("/observatorio/plan-anticorrupcion/2026/")
    assert english.content.decode().count("40") >= 1


def test_indicator_page_leads_with_its_headline_figures(client, indicator):
    observe(indicator, "2023", "61")
    observe(indicator, "2024", "57.3")
    observe(indicator, "2025", "52.8")
    observe(indicator, "2026", "1", territory="comuna-12")  # not the city's
    target(indicator, "2024", "55")
    target(indicator, "2026", "45")
    page = client.get(indicator.get_absolute_url()).content.decode()
    figures = page[page.index('<ul class="kpis"') : page.index("</ul>", page.index('<ul class="kpis"'))]
    assert "52,8 %" in figures and "Bucaramanga, 2025: el último valor medido" in figures
    # Lower is better: a fall of 4.5 percentage points is an improvement, said in words.
    assert "\u22124,5" in figures and "puntos porcentuales" in figures
    assert "Baja frente a 2024" in figures and "mejora" in figures
    assert "45 %" in figures and "meta para 2026" in figures  # the next target, not a past one
    assert "periodos medidos desde 2023" in figures
    assert figures.index("52,8") < page.index("<svg")  # before the chart


def test_an_indicator_without_city_values_has_no_headline(client, indicator):
    observe(indicator, "2025", "40", territory="comuna-12")
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert 'class="kpis"' not in page


def _participation_series(months: list[str]) -> None:
    from accounts.models import ParticipantType
    from observatory.participation import participants_slug

    for n, participant_type in enumerate(ParticipantType.values):
        series = IndicatorFactory(
            slug=participants_slug(participant_type), computed=True, theme="participacion", unit="cuentas"
        )
        for month in months:
            observe(series, month, n)


def test_home_shows_verified_accounts_by_participant_type(client):
    from django.utils import timezone

    this_month = timezone.localdate().strftime("%Y-%m")
    _participation_series(["2019-01", this_month])
    page = client.get("/observatorio/").content.decode()
    section = page[page.index('id="por-tipo"') :]
    assert "30 cuentas verificadas participan en el laboratorio" in section  # 2 × (0 + 1 + … + 5)
    chart = section[section.index('role="img"') : section.index("</table>")]
    assert 'aria-label="Gráfica: cuentas verificadas por tipo de participante"' in chart
    assert "Universidad: 2;" in chart  # the text alternative
    table = section[section.index("<table") : section.index("</table>")]
    university = table[table.index("Universidad") :]
    assert [cell.split("<")[0] for cell in university.split('<td class="num">')[1:3]] == ["2", "1"]
    assert '/observatorio/participantes-nuevos-universidades/"' in table


def test_an_unpublished_or_hand_loaded_series_stays_off_the_participation_figures(client):
    _participation_series(["2026-01"])
    from observatory.models import Indicator

    Indicator.objects.filter(slug="participantes-nuevos-empresas").update(published=False)
    Indicator.objects.filter(slug="participantes-nuevos-gremios").update(computed=False)
    page = client.get("/observatorio/").content.decode()
    section = page[page.index('id="por-tipo"') :]
    assert "Empresa" not in section and "Gremio" not in section
    assert "Universidad" in section


def test_home_without_participation_series_has_no_such_section(client, indicator):
    assert 'id="por-tipo"' not in client.get("/observatorio/").content.decode()


def test_home_query_count_does_not_grow_with_participation_months(client):
    _participation_series(["2025-01"])
    client.get("/observatorio/")
    few = count_queries(lambda: client.get("/observatorio/"))
    from observatory.models import Indicator

    for series in Indicator.objects.filter(computed=True):
        for month in range(2, 13):
            observe(series, f"2025-{month:02d}", month)
    assert count_queries(lambda: client.get("/observatorio/")) == few <= 7
