"""Following a challenge, and the command that tells followers about phase changes."""

import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import TestCase
from django.urls import include, path, reverse
from django.utils import timezone

from accounts.models import Notification, NotificationKind
from challenges import services
from challenges.models import ChallengePage, Follow, PhaseNotice
from core.refusals import Refused
from labplatform import urls as root_urls
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge


def _with_follow_urls() -> list:
    """The site's URLs, plus challenges.urls until labplatform/urls.py includes it."""
    if any(getattr(pattern, "namespace", None) == "challenges" for pattern in root_urls.urlpatterns):
        return root_urls.urlpatterns
    return [path("", include("challenges.urls")), *root_urls.urlpatterns]


urlpatterns = _with_follow_urls()
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def challenge():
    return make_challenge("ideas", title="Contratación abierta")


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# Follow and unfollow --------------------------------------------------------------------


def test_follow_and_unfollow(client_for, citizen, challenge):
    client = client_for(citizen)
    response = client.post(reverse("challenges:follow", args=[challenge.pk]))
    assert response.status_code == 302 and response["Location"] == challenge.url
    assert _messages(response) == [
        "Ahora sigue el reto «Contratación abierta». Le avisaremos cuando cambie de fase."
    ]
    assert Follow.objects.filter(user=citizen, challenge=challenge).count() == 1
    response = client.post(reverse("challenges:follow", args=[challenge.pk]))
    assert _messages(response)[-1] == "Usted ya sigue el reto «Contratación abierta»."
    assert Follow.objects.count() == 1
    response = client.post(reverse("challenges:unfollow", args=[challenge.pk]))
    assert _messages(response)[-1] == "Dejó de seguir el reto «Contratación abierta»."
    assert not Follow.objects.exists()
    response = client.post(reverse("challenges:unfollow", args=[challenge.pk]))
    assert _messages(response)[-1] == "Usted no seguía el reto «Contratación abierta»."


def test_follow_goes_back_to_a_local_next_only(client_for, citizen, challenge):
    client = client_for(citizen)
    response = client.post(reverse("challenges:follow", args=[challenge.pk]), {"next": "/ideas/1/"})
    assert response["Location"] == "/ideas/1/"
    response = client.post(reverse("challenges:unfollow", args=[challenge.pk]), {"next": "//malo.example/"})
    assert response["Location"] == challenge.url


def test_following_needs_a_verified_account(client_for, unverified_user, challenge):
    response = client_for(unverified_user).post(reverse("challenges:follow", args=[challenge.pk]))
    assert response.status_code == 302
    assert _messages(response) == [
        "Para participar, verifique su correo y autorice el tratamiento de sus datos personales."
    ]
    assert not Follow.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, challenge):
    for name in ["challenges:follow", "challenges:unfollow"]:
        response = client.post(reverse(name, args=[challenge.pk]))
        assert response["Location"].startswith(reverse("account_login"))
    assert not Follow.objects.exists()


def test_follow_is_post_only_and_unpublished_challenges_are_404(client_for, citizen, challenge):
    client = client_for(citizen)
    assert client.get(reverse("challenges:follow", args=[challenge.pk])).status_code == 405
    challenge.unpublish()
    assert client.post(reverse("challenges:follow", args=[challenge.pk])).status_code == 404
    assert not Follow.objects.exists()


def test_the_service_refuses_anonymous_and_unpublished(citizen, challenge):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Refused) as error:
        services.challenge_follow(user=AnonymousUser(), challenge=challenge)
    assert error.value.code == "not_authenticated"
    ChallengePage.objects.filter(pk=challenge.pk).update(live=False)
    challenge.refresh_from_db()
    with pytest.raises(Refused) as error:
        services.challenge_follow(user=citizen, challenge=challenge)
    assert error.value.message == "Este reto no está publicado."


def test_an_unverified_account_may_still_unfollow(unverified_user, challenge):
    Follow.objects.create(user=unverified_user, challenge=challenge)
    assert services.challenge_unfollow(user=unverified_user, challenge=challenge) is True
    assert not Follow.objects.exists()


# Phase changes --------------------------------------------------------------------------


def _run() -> str:
    out = io.StringIO()
    call_command("notify_phase_changes", stdout=out)
    return out.getvalue()


def _close_ideas(challenge):
    """Move the challenge from `ideas` to `evaluation` (its idea window ends a minute ago)."""
    ChallengePage.objects.filter(pk=challenge.pk).update(
        ideas_close_at=timezone.now() - datetime.timedelta(minutes=1)
    )


def _open_voting(challenge):
    ChallengePage.objects.filter(pk=challenge.pk).update(
        voting_open_at=timezone.now() - datetime.timedelta(seconds=30)
    )


def test_followers_are_told_once_per_phase_change(mailoutbox, challenge, citizen, other_citizen):
    services.challenge_follow(user=citizen, challenge=challenge)
    quiet = UserFactory(display_name="Sin correo", email_notifications=False)
    services.challenge_follow(user=quiet, challenge=challenge)
    UserFactory()  # not a follower
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert "avisos creados: 0" in _run()  # nothing changed yet
    assert not Notification.objects.exists()

    _close_ideas(challenge)
    with TestCase.captureOnCommitCallbacks(execute=True):
        output = _run()
    assert output.strip() == "Retos que cambiaron de fase: 1; avisos creados: 2."
    notices = Notification.objects.order_by("recipient_id")
    assert [n.recipient for n in notices] == [citizen, quiet]
    assert {n.kind for n in notices} == {NotificationKind.CHALLENGE_PHASE}
    assert {n.message for n in notices} == {"El reto «Contratación abierta» pasó a la fase «Evaluación»."}
    assert {n.url for n in notices} == {challenge.url}
    assert [m.to for m in mailoutbox] == [[citizen.email]]  # the quiet one turned e-mail off
    assert PhaseNotice.objects.get(challenge=challenge).phase == "evaluation"

    # Cron runs again: nothing new.
    with TestCase.captureOnCommitCallbacks(execute=True):
        for _ in range(3):
            _run()
    assert Notification.objects.count() == 2 and len(mailoutbox) == 1

    # The next change is told once more.
    _open_voting(challenge)
    with TestCase.captureOnCommitCallbacks(execute=True):
        _run()
        _run()
    assert Notification.objects.count() == 4
    assert Notification.objects.filter(message__contains="«Votación»").count() == 2


def test_a_challenge_seen_for_the_first_time_is_only_remembered(challenge, citizen):
    Follow.objects.create(user=citizen, challenge=challenge)  # without the service: no baseline yet
    assert not PhaseNotice.objects.exists()
    _run()
    assert PhaseNotice.objects.get(challenge=challenge).phase == "ideas"
    assert not Notification.objects.exists()
    _close_ideas(challenge)
    _run()
    assert Notification.objects.filter(recipient=citizen).count() == 1


def test_following_remembers_the_current_phase(citizen, challenge):
    _close_ideas(challenge)  # before anyone ran the command
    challenge.refresh_from_db()
    services.challenge_follow(user=citizen, challenge=challenge)
    _run()
    assert not Notification.objects.exists()  # what was already so when following is not news


def test_deleted_followers_get_nothing(challenge, citizen):
    from accounts.services import account_delete

    services.challenge_follow(user=citizen, challenge=challenge)
    account_delete(user=citizen)
    _close_ideas(challenge)
    assert "avisos creados: 0" in _run()
    assert not Notification.objects.exists()


def test_unpublished_challenges_are_left_alone(challenge, citizen):
    services.challenge_follow(user=citizen, challenge=challenge)
    challenge.unpublish()
    _close_ideas(challenge)
    _run()
    assert not Notification.objects.exists()


def test_a_change_already_announced_by_another_run_is_not_repeated(challenge, citizen):
    services.challenge_follow(user=citizen, challenge=challenge)
    _close_ideas(challenge)
    # Another worker swapped the phase first, between our read and our update.
    PhaseNotice.objects.filter(challenge=challenge).update(phase="evaluation")
    assert services.phase_changes_notify() == (0, 0)
    assert not Notification.objects.exists()
