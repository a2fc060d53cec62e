"""What a challenge's page and each of its ideas' pages say in each phase, with the dates that
matter then, written in Bogotá time and the Colombian format."""

import re

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def local(moment) -> str:
    # The page's own format: "4 de mayo de 2026 a las 09:00", in America/Bogota.
    with translation.override("es-co"):
        return date_filter(timezone.localtime(moment), "DATETIME_FORMAT")


def notice(html: str) -> str:
    found = re.search(r'<p class="phase-notice" data-phase-notice="(\w+)">(.*?)</p>', html, re.S)
    assert found, "no phase notice"
    return found.group(1) + ": " + " ".join(found.group(2).split())


# phase: (what the challenge's page says, what an idea's page says) with the dates they name.
EXPECTED = {
    "upcoming": (
        ["la recepción de ideas abre el {ideas_open_at}."],
        [
            "la recepción de ideas abre el {ideas_open_at}.",
            "Los apoyos se reciben durante la votación, del {voting_open_at} al {voting_close_at}.",
        ],
    ),
    "ideas": (
        ["Puede proponer ideas hasta el {ideas_close_at}."],
        ["Los apoyos se reciben durante la votación, del {voting_open_at} al {voting_close_at}."],
    ),
    "evaluation_before_voting": (
        ["las entidades co-líderes revisan las ideas recibidas. La votación abre el {voting_open_at}."],
        ["las entidades co-líderes revisan las ideas recibidas. La votación abre el {voting_open_at}."],
    ),
    "voting": (
        ["Puede apoyar ideas hasta el {voting_close_at}."],
        ["Puede apoyar esta idea hasta el {voting_close_at}."],
    ),
    "evaluation": (
        ["el jurado está evaluando las ideas. Los resultados se publicarán el {results_at}."],
        ["el jurado está evaluando las ideas. Los resultados se publicarán el {results_at}."],
    ),
    "results": (
        ["Los resultados de este reto se publicaron el {results_at}.", '<a href="#results-title">'],
        [
            "Los resultados de este reto se publicaron el {results_at}.",
            '#results-title">Ver los resultados</a>',
        ],
    ),
    "closed": (
        ["Este reto cerró el {closed_at}. Sus resultados siguen publicados.", '<a href="#results-title">'],
        ["Este reto cerró el {closed_at}.", '#results-title">Ver los resultados</a>'],
    ),
}
NEVER_ON_THE_IDEA = {
    # Once the vote is over, the idea's page no longer invites anyone to support it.
    "evaluation": ["Puede apoyar", "Los apoyos se reciben"],
    "results": ["Puede apoyar", "Los apoyos se reciben", "Apoyar esta idea"],
    "closed": ["Puede apoyar", "Los apoyos se reciben", "Apoyar esta idea"],
}


@pytest.mark.parametrize("phase", list(EXPECTED))
def test_each_phase_says_what_it_means_on_the_challenge_and_the_idea(client, phase):
    challenge = make_challenge(phase)
    idea = IdeaFactory(challenge=challenge, title="Tablero de contratos")
    dates = {
        name: local(getattr(challenge, name)) if getattr(challenge, name) else ""
        for name in (
            "ideas_open_at",
            "ideas_close_at",
            "voting_open_at",
            "voting_close_at",
            "results_at",
            "closed_at",
        )
    }
    on_challenge, on_idea = EXPECTED[phase]
    shown = phase.removesuffix("_before_voting")
    challenge_notice = notice(client.get(challenge.url).content.decode())
    idea_html = client.get(idea.get_absolute_url()).content.decode()
    idea_notice = notice(idea_html)
    assert challenge_notice.startswith(f"{shown}: ") and idea_notice.startswith(f"{shown}: ")
    for text in on_challenge:
        assert text.format(**dates) in challenge_notice
    for text in on_idea:
        assert text.format(**dates) in idea_notice
    if phase in {"results", "closed"}:
        assert f'href="{challenge.url}#results-title"' in idea_notice
    for text in NEVER_ON_THE_IDEA.get(phase, []):
        assert text not in idea_html
    assert "Los apoyos se reciben durante la fase de votación." not in idea_html


def test_dates_are_in_bogota_time():
    import datetime
    import zoneinfo

    # 03:00 UTC on 5 May is 22:00 on 4 May in Bogotá.
    moment = datetime.datetime(2026, 5, 5, 3, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert local(moment) == "4 de mayo de 2026 a las 22:00"
