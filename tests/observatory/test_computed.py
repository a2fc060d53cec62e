"""The participation indicators the platform computes from its own data, per month."""

import datetime
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from core.indicators import computed_indicators
from ideas.models import Idea, IdeaStatus, Support
from observatory.models import Indicator
from observatory.services import computed_indicators_update
from observatory.tasks import update_computed_indicators
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db
BOGOTA = ZoneInfo("America/Bogota")


def at(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=BOGOTA)


def series(slug: str) -> dict[str, Decimal]:
    indicator = Indicator.objects.get(slug=slug)
    assert {o.territory for o in indicator.observations.all()} <= {"bucaramanga"}
    return {o.period: o.value for o in indicator.observations.all()}


def this_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


@pytest.fixture
def participation(db):
    """Ideas and supports on known dates; an account joins each month."""
    challenge = make_challenge("voting")
    author = UserFactory(participant_type="citizen")
    User.objects.filter(pk=author.pk).update(date_joined=at(2026, 1, 10))
    ideas = {}
    for label, when, status in [
        ("enero-1", at(2026, 1, 5), IdeaStatus.PUBLISHED),
        ("enero-2", at(2026, 1, 31, 22), IdeaStatus.PUBLISHED),  # 22:00 in Bogotá is February in UTC
        ("marzo", at(2026, 3, 2), IdeaStatus.SELECTED),
        ("oculta", at(2026, 3, 3), IdeaStatus.HIDDEN),
    ]:
        idea = IdeaFactory(challenge=challenge, author=author, status=status)
        Idea.objects.filter(pk=idea.pk).update(created_at=when)
        ideas[label] = idea
    supporters = []
    for month, kind in [(1, "university"), (3, "guild"), (3, "citizen")]:
        user = UserFactory(participant_type=kind)
        User.objects.filter(pk=user.pk).update(date_joined=at(2026, month, 15))
        supporters.append(user)
    unverified = UserFactory(participant_type="citizen", verified_email=False)
    User.objects.filter(pk=unverified.pk).update(date_joined=at(2026, 3, 1))
    no_consent = UserFactory(participant_type="citizen", consented=False)
    User.objects.filter(pk=no_consent.pk).update(date_joined=at(2026, 3, 1))
    for user, idea, when in [
        (supporters[0], ideas["enero-1"], at(2026, 1, 20)),
        (supporters[1], ideas["enero-1"], at(2026, 3, 20)),
        (supporters[2], ideas["marzo"], at(2026, 3, 21)),
        (supporters[2], ideas["oculta"], at(2026, 3, 22)),
    ]:
        support = Support.objects.create(user=user, idea=idea, participant_type=user.participant_type)
        Support.objects.filter(pk=support.pk).update(created_at=when)
    return ideas


def test_my_participation_indicators_are_registered():
    slugs = {indicator.slug for indicator in computed_indicators()}
    assert {
        "ideas-propuestas",
        "apoyos",
        "participantes-nuevos-ciudadanos",
        "participantes-nuevos-universidades",
        "participantes-nuevos-gremios",
        "participantes-nuevos-sociedad-civil",
        "participantes-nuevos-entidades-publicas",
        "participantes-nuevos-empresas",
    } <= slugs


@pytest.mark.usefixtures("participation")
def test_ideas_supports_and_participants_per_month():
    computed_indicators_update()

    ideas = series("ideas-propuestas")
    assert ideas["2026-01"] == 2  # the one at 22:00 on 31 January counts in January (Bogotá time)
    assert ideas["2026-02"] == 0  # a month without ideas is 0, not missing
    assert ideas["2026-03"] == 1  # the hidden idea does not count
    assert this_month() in ideas

    supports = series("apoyos")
    assert (supports["2026-01"], supports["2026-02"], supports["2026-03"]) == (1, 0, 2)

    citizens = series("participantes-nuevos-ciudadanos")
    assert (citizens["2026-01"], citizens["2026-03"]) == (1, 1)  # unverified and unconsented left out
    assert series("participantes-nuevos-universidades")["2026-01"] == 1
    assert series("participantes-nuevos-gremios")["2026-03"] == 1
    assert set(series("participantes-nuevos-empresas").values()) == {0}

    indicator = Indicator.objects.get(slug="ideas-propuestas")
    assert indicator.computed and indicator.periodicity == "monthly"
    assert indicator.name == "Ideas propuestas por mes"


def test_recomputing_is_idempotent_and_follows_the_data(participation):
    computed_indicators_update()
    before = {i.slug: series(i.slug) for i in Indicator.objects.filter(computed=True)}
    computed_indicators_update()
    assert {i.slug: series(i.slug) for i in Indicator.objects.filter(computed=True)} == before
    assert Indicator.objects.filter(slug="ideas-propuestas").count() == 1

    Idea.objects.filter(pk=participation["marzo"].pk).update(status=IdeaStatus.HIDDEN)
    Support.objects.filter(idea=participation["enero-1"], created_at__month=1).delete()
    computed_indicators_update()
    assert series("ideas-propuestas")["2026-03"] == 0
    assert series("apoyos")["2026-01"] == 0
    assert series("apoyos")["2026-03"] == 1  # the support to the now hidden idea no longer counts


@pytest.mark.usefixtures("participation")
def test_the_command_and_the_task_do_the_same():
    out = StringIO()
    call_command("update_computed_indicators", stdout=out)
    assert "Indicadores calculados" in out.getvalue()
    first = series("apoyos")
    result = update_computed_indicators.enqueue()  # the immediate backend in tests
    assert result.return_value["indicators"] >= 8
    assert series("apoyos") == first


def test_without_any_data_the_indicators_exist_and_are_empty():
    computed_indicators_update()
    assert Indicator.objects.get(slug="ideas-propuestas").observations.count() == 0


def test_an_editors_indicator_with_the_same_slug_is_left_alone():
    from tests.observatory.factories import IndicatorFactory, observe

    mine = IndicatorFactory(slug="apoyos", name="Apoyos ciudadanos (encuesta)")
    observe(mine, "2025", "40", territory="comuna-3")
    computed_indicators_update()
    mine.refresh_from_db()
    assert not mine.computed and mine.name == "Apoyos ciudadanos (encuesta)"
    assert mine.observations.count() == 1


@pytest.mark.usefixtures("participation")
def test_the_old_english_slugs_redirect_permanently(client):
    computed_indicators_update()
    for old, new in [
        ("participantes-nuevos-citizen", "participantes-nuevos-ciudadanos"),
        ("participantes-nuevos-civil-society", "participantes-nuevos-sociedad-civil"),
    ]:
        for path, location in [
            (f"/observatorio/{old}/", f"/observatorio/{new}/"),
            (f"/observatorio/{old}/?territorio=todos", f"/observatorio/{new}/?territorio=todos"),
            (f"/observatorio/{old}/datos.csv", f"/observatorio/{new}/datos.csv"),
            (f"/observatorio/{old}/datos.json", f"/observatorio/{new}/datos.json"),
            (f"/api/v1/indicators/{old}/", f"/api/v1/indicators/{new}/"),
        ]:
            response = client.get(path)
            assert response.status_code == 301, path
            assert response["Location"] == location
            assert client.get(location).status_code == 200
    assert client.get("/observatorio/participantes-nuevos-nobody/").status_code == 404


def test_an_editors_indicator_on_an_old_slug_is_not_redirected(client):
    from tests.observatory.factories import IndicatorFactory, observe

    mine = IndicatorFactory(slug="participantes-nuevos-company")
    observe(mine, "2025", "3")
    assert client.get("/observatorio/participantes-nuevos-company/").status_code == 200


def test_the_migration_renames_the_computed_series():
    import importlib

    from django.apps import apps

    from tests.observatory.factories import IndicatorFactory, observe

    migration = importlib.import_module("observatory.migrations.0006_participation_slugs_in_spanish")
    citizens = IndicatorFactory(slug="participantes-nuevos-citizen", computed=True)
    observe(citizens, "2026-01", "4")
    IndicatorFactory(slug="participantes-nuevos-guild", computed=False)  # an editor's: left alone
    migration.forwards(apps, None)
    citizens.refresh_from_db()
    assert citizens.slug == "participantes-nuevos-ciudadanos" and citizens.observations.count() == 1
    assert Indicator.objects.filter(slug="participantes-nuevos-guild").exists()
    migration.backwards(apps, None)
    citizens.refresh_from_db()
    assert citizens.slug == "participantes-nuevos-citizen"
