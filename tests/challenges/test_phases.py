"""The phase of a challenge, computed from its dates in America/Bogota."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from challenges.models import ChallengePage, Phase

BOGOTA = zoneinfo.ZoneInfo("America/Bogota")

pytestmark = pytest.mark.django_db  # a page instance looks up its default locale


def _challenge(**overrides):
    dates = {
        "ideas_open_at": datetime.datetime(2026, 3, 1, 0, 0, tzinfo=BOGOTA),
        "ideas_close_at": datetime.datetime(2026, 3, 31, 23, 59, tzinfo=BOGOTA),
        "voting_open_at": datetime.datetime(2026, 4, 6, 8, 0, tzinfo=BOGOTA),
        "voting_close_at": datetime.datetime(2026, 4, 20, 18, 0, tzinfo=BOGOTA),
        "results_at": datetime.datetime(2026, 5, 4, 9, 0, tzinfo=BOGOTA),
        "closed_at": datetime.datetime(2026, 12, 31, 23, 59, tzinfo=BOGOTA),
    }
    return ChallengePage(title="Reto", slug="reto", summary="Resumen", **{**dates, **overrides})


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        ((2026, 2, 28, 23, 59), Phase.UPCOMING),
        ((2026, 3, 1, 0, 0), Phase.IDEAS),
        ((2026, 3, 31, 23, 58), Phase.IDEAS),
        ((2026, 3, 31, 23, 59), Phase.EVALUATION),  # ideas closed, vote not yet open: review
        ((2026, 4, 6, 8, 0), Phase.VOTING),
        ((2026, 4, 20, 17, 59), Phase.VOTING),
        ((2026, 4, 20, 18, 0), Phase.EVALUATION),
        ((2026, 5, 4, 9, 0), Phase.RESULTS),
        ((2027, 1, 1, 0, 0), Phase.CLOSED),
    ],
)
def test_phase_at(moment, phase):
    assert _challenge().phase_at(datetime.datetime(*moment, tzinfo=BOGOTA)) == phase


def test_bogota_midnight_is_not_utc_midnight():
    # 1 March 00:00 in Bogotá is 05:00 UTC: at 04:59 UTC ideas are not open yet.
    moment = datetime.datetime(2026, 3, 1, 4, 59, tzinfo=datetime.UTC)
    assert _challenge().phase_at(moment) == Phase.UPCOMING


def test_without_a_closing_date_results_stay_up():
    assert _challenge(closed_at=None).phase_at(datetime.datetime(2030, 1, 1, tzinfo=BOGOTA)) == Phase.RESULTS


def test_next_milestone_for_the_countdown():
    challenge = _challenge()
    phase, at = challenge.next_milestone(datetime.datetime(2026, 4, 10, tzinfo=BOGOTA))
    assert phase == Phase.EVALUATION and at == challenge.voting_close_at


def test_dates_out_of_order_are_refused_with_the_field_named():
    challenge = _challenge(voting_open_at=datetime.datetime(2026, 3, 15, tzinfo=BOGOTA))
    with pytest.raises(ValidationError) as error:
        challenge.clean()
    assert "voting_open_at" in error.value.message_dict
    assert "no puede ser anterior" in error.value.message_dict["voting_open_at"][0]
