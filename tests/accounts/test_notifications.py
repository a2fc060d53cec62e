"""Notifications: the inbox, e-mail only when allowed, the triggers, the bell, the preference."""

import datetime

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification, NotificationKind
from accounts.notifications import notify
from core.markdown import render_markdown
from ideas import services
from ideas.models import Comment, IdeaStatus
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def _notify(recipient, message="Su idea cambió de estado.", url="/ideas/1/"):
    return notify(recipient=recipient, kind=NotificationKind.IDEA_STATUS, message=message, url=url)


# The service ----------------------------------------------------------------------------


def test_notify_stores_the_notice_and_e_mails_it_after_commit(mailoutbox, citizen, settings):
    settings.SITE_URL = "https://laboratorio.example"
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        notice = _notify(citizen, message="Su idea «Tablero» ahora está «Seleccionada».")
        assert mailoutbox == []  # not before the commit
    assert len(callbacks) == 1
    assert Notification.objects.get() == notice and notice.read_at is None
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [citizen.email]
    assert email.subject == "Nuevo aviso: Cambio de estado de su idea"
    assert "Hola, Diana Pabón:" in email.body
    assert "Su idea «Tablero» ahora está «Seleccionada»." in email.body  # not HTML-escaped
    assert "https://laboratorio.example/ideas/1/" in email.body
    assert "https://laboratorio.example/cuenta/perfil/" in email.body


def test_no_e_mail_when_the_person_turned_it_off(mailoutbox, citizen):
    citizen.email_notifications = False
    citizen.save()
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        _notify(citizen)
    assert Notification.objects.filter(recipient=citizen).count() == 1
    assert callbacks == [] and mailoutbox == []


def test_the_preference_is_checked_again_when_the_e_mail_goes(mailoutbox, citizen):
    with TestCase.captureOnCommitCallbacks(execute=True):
        _notify(citizen)
        citizen.email_notifications = False
        citizen.save()
    assert mailoutbox == []


def test_deleted_and_inactive_accounts_get_nothing(mailoutbox, citizen, other_citizen):
    from accounts.services import account_delete

    account_delete(user=citizen)
    other_citizen.is_active = False
    other_citizen.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert _notify(citizen) is None
        assert _notify(other_citizen) is None
    assert not Notification.objects.exists() and mailoutbox == []


def test_nothing_is_e_mailed_if_the_action_rolls_back(mailoutbox, citizen):
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        _notify(citizen)
    assert len(callbacks) == 1 and mailoutbox == []


# Triggers -------------------------------------------------------------------------------


@pytest.fixture
def idea():
    author = UserFactory(display_name="Autora")
    return IdeaFactory(challenge=make_challenge("evaluation"), author=author, title="Tablero de contratos")


@pytest.mark.parametrize("email_on", [True, False])
def test_a_status_change_tells_the_author(mailoutbox, idea, staff_user, email_on):
    idea.author.email_notifications = email_on
    idea.author.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.idea_change_status(
            idea=idea, by=staff_user, status=IdeaStatus.SELECTED, reason="Cumple todos los criterios."
        )
    notice = Notification.objects.get(recipient=idea.author)
    assert notice.kind == NotificationKind.IDEA_STATUS
    assert notice.message == (
        "Su idea «Tablero de contratos» ahora está «Seleccionada». Motivo: Cumple todos los criterios."
    )
    assert notice.url == idea.get_absolute_url()
    assert [m.to for m in mailoutbox] == ([[idea.author.email]] if email_on else [])


def test_a_refused_status_change_tells_nobody(mailoutbox, idea, staff_user):
    with pytest.raises(services.Refused), TestCase.captureOnCommitCallbacks(execute=True):
        services.idea_change_status(idea=idea, by=staff_user, status=IdeaStatus.IMPLEMENTED, reason="Ya.")
    assert not Notification.objects.exists() and mailoutbox == []


def test_the_notice_is_in_spanish_whatever_the_actor_speaks(idea, staff_user):
    from django.utils import translation

    with translation.override("en"):
        services.idea_change_status(idea=idea, by=staff_user, status=IdeaStatus.SELECTED, reason="Bien.")
    assert "ahora está «Seleccionada»" in Notification.objects.get().message


def _comment(idea, author, parent=None):
    return Comment.objects.create(
        idea=idea, author=author, parent=parent, body="Primer comentario", body_html=render_markdown("x")
    )


def test_a_reply_tells_the_author_of_the_comment(mailoutbox, idea, citizen, other_citizen):
    parent = _comment(idea, citizen)
    with TestCase.captureOnCommitCallbacks(execute=True):
        reply = services.comment_create(
            author=other_citizen, idea=idea, body="Estoy de acuerdo.", parent=parent
        )
    notice = Notification.objects.get()
    assert notice.recipient == citizen and notice.kind == NotificationKind.COMMENT_REPLY
    assert notice.message == "Carlos Ardila respondió a su comentario en la idea «Tablero de contratos»."
    assert notice.url == f"{idea.get_absolute_url()}#comentario-{reply.pk}"
    assert [m.to for m in mailoutbox] == [[citizen.email]]


def test_no_notice_for_replying_to_oneself_or_for_a_top_level_comment(mailoutbox, idea, citizen):
    parent = _comment(idea, citizen)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.comment_create(author=citizen, idea=idea, body="Y además…", parent=parent)
        services.comment_create(author=UserFactory(), idea=idea, body="Un comentario nuevo.")
    assert not Notification.objects.exists() and mailoutbox == []


# The inbox ------------------------------------------------------------------------------


def test_the_inbox_needs_an_account(client):
    response = client.get(reverse("accounts:notifications"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert client.post(reverse("accounts:notifications_read")).status_code == 302


def test_the_inbox_lists_ones_own_notices_newest_first_and_marks_nothing(client_for, citizen, other_citizen):
    old = _notify(citizen, message="Aviso antiguo")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    _notify(citizen, message="Aviso reciente")
    _notify(other_citizen, message="Aviso de otra persona")
    response = client_for(citizen).get(reverse("accounts:notifications"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Aviso reciente") < html.index("Aviso antiguo")
    assert "Aviso de otra persona" not in html
    assert "Tiene 2 avisos sin leer." in html
    assert 'href="/ideas/1/"' in html
    assert Notification.objects.filter(read_at__isnull=True).count() == 3


def test_the_inbox_is_paginated(client_for, citizen):
    for number in range(25):
        _notify(citizen, message=f"Aviso número {number:02d}")
    client = client_for(citizen)
    first = client.get(reverse("accounts:notifications")).content.decode()
    assert first.count("Aviso número") == 20 and "Página 1 de 2" in first
    second = client.get(reverse("accounts:notifications"), {"pagina": 2}).content.decode()
    assert second.count("Aviso número") == 5


def test_mark_all_read_is_a_post_and_only_touches_ones_own(client_for, citizen, other_citizen):
    _notify(citizen)
    _notify(citizen)
    _notify(other_citizen)
    client = client_for(citizen)
    assert client.get(reverse("accounts:notifications_read")).status_code == 405
    response = client.post(reverse("accounts:notifications_read"))
    assert response["Location"] == reverse("accounts:notifications")
    assert not citizen.notifications.filter(read_at__isnull=True).exists()
    assert other_citizen.notifications.get().read_at is None
    response = client.post(reverse("accounts:notifications_read"), follow=True)
    assert "No tenía avisos sin leer." in response.content.decode()


# The bell -------------------------------------------------------------------------------


def _notification_queries(context) -> list[str]:
    return [q["sql"] for q in context.captured_queries if "accounts_notification" in q["sql"]]


def test_the_bell_shows_the_unread_count_with_one_count_query(client_for, citizen):
    for _ in range(3):
        _notify(citizen)
    Notification.objects.create(recipient=citizen, kind="moderation", message="Leído", read_at=timezone.now())
    client = client_for(citizen)
    with CaptureQueriesContext(connection) as context:
        html = client.get(reverse("privacy_policy")).content.decode()
    assert 'Avisos (3<span class="visually-hidden"> sin leer</span>)' in html
    assert f'href="{reverse("accounts:notifications")}"' in html
    queries = _notification_queries(context)
    assert len(queries) == 1 and "COUNT" in queries[0].upper()


def test_the_bell_without_unread_notices_shows_no_count(client_for, citizen):
    html = client_for(citizen).get(reverse("privacy_policy")).content.decode()
    assert ">Avisos</a>" in html


def test_anonymous_visitors_get_no_bell_and_no_query(client):
    with CaptureQueriesContext(connection) as context:
        html = client.get(reverse("privacy_policy")).content.decode()
    assert "Avisos" not in html
    assert _notification_queries(context) == []


# The preference -------------------------------------------------------------------------


def test_the_profile_form_has_the_e_mail_preference(client_for, citizen):
    client = client_for(citizen)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="email_notifications"' in html and "Recibir avisos por correo" in html
    box = html[html.rindex("<input", 0, html.index('name="email_notifications"')) :].split(">", 1)[0]
    assert "checked" in box
    data = {"display_name": "Diana Pabón", "participant_type": "citizen"}
    client.post(reverse("accounts:profile"), data)  # an unchecked box is not sent
    citizen.refresh_from_db()
    assert citizen.email_notifications is False
    client.post(reverse("accounts:profile"), {**data, "email_notifications": "on"})
    citizen.refresh_from_db()
    assert citizen.email_notifications is True


def test_new_accounts_get_e_mail_by_default():
    assert UserFactory().email_notifications is True
