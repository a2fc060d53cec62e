"""The home page answers "what can I do here today", from sections other apps register."""

import pytest
from django.utils import timezone

from reports import services as report_services
from reports.models import Report
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

DESCRIPTION = "El contratista cobró por una obra que no terminó en el parque del barrio."


def test_home_shows_open_challenges_with_days_left_and_their_action(client):
    ideas = make_challenge("ideas", title="Parques limpios")  # ideas close in 5 days
    make_challenge("voting", title="Buses a tiempo")
    make_challenge("closed", title="Reto cerrado")
    html = client.get("/").content.decode()
    section = html[html.index('id="home-challenges"') :]
    assert "Parques limpios" in section and "Buses a tiempo" in section and "Reto cerrado" not in section
    assert "Cierra en 4 días" in section or "Cierra en 5 días" in section
    assert f'href="{ideas.url}">Proponer una idea' in section and "Apoyar ideas" in section


def test_home_shows_live_and_upcoming_sessions(client):
    make_session("live", title="Debate en vivo sobre basuras")
    make_session("scheduled", title="Próximo debate de movilidad")
    make_session("closed", title="Debate del año pasado")
    html = client.get("/").content.decode()
    section = html[html.index('id="home-sessions"') :]
    assert (
        "En vivo" in section and "Debate en vivo sobre basuras" in section and "Entrar a la sala" in section
    )
    assert "Próximo debate de movilidad" in section and "Debate del año pasado" not in section


def test_home_shows_the_report_channel_and_headline_figures(client):
    challenge = make_challenge("voting")
    IdeaFactory(challenge=challenge, support_count=7)
    IdeaFactory(challenge=challenge, support_count=5)
    for _ in range(4):
        report_services.report_create(
            category="soborno", description=DESCRIPTION, entity="Secretaría de Salud"
        )
    today = timezone.localdate()
    on_time = list(Report.objects.values_list("pk", flat=True)[:3])
    Report.objects.filter(pk__in=on_time).update(responded_on=today, responded_in_term=True)
    Report.objects.exclude(pk__in=on_time).update(responded_on=today, responded_in_term=False)
    html = client.get("/").content.decode()
    assert 'href="/denuncias/">Hacer una denuncia' in html and "Consultar mi denuncia" in html
    figures = html[
        html.index('id="figures-title"') : html.index("</section>", html.index('id="figures-title"'))
    ]
    assert '2</span> <span class="home-figure__label">personas participando' in figures
    assert '2</span> <span class="home-figure__label">ideas propuestas' in figures
    assert '12</span> <span class="home-figure__label">apoyos a ideas' in figures
    assert '75 %</span> <span class="home-figure__label">denuncias respondidas a tiempo' in figures


def test_home_query_count_does_not_grow_with_rows(client):
    def home():
        assert client.get("/").status_code == 200

    challenge = make_challenge("ideas")
    make_session("live")
    IdeaFactory(challenge=challenge)
    home()
    few = count_queries(home)
    for _ in range(5):
        make_challenge("ideas")
        make_session("live")
        make_session("scheduled")
    IdeaFactory.create_batch(20, challenge=challenge)
    home()
    assert count_queries(home) == few
