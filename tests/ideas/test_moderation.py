"""Flags and moderation: who may report and decide, every refusal, hidden content, the log."""

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.urls import reverse

from accounts.models import Notification, NotificationKind
from core.markdown import render_markdown
from core.refusals import Refused
from ideas import services
from ideas.models import (
    Comment,
    Flag,
    FlagResolution,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    ModerationAction,
    ModerationLog,
)
from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def co_lead_org():
    return OrganizationFactory(name="Universidad Industrial de Santander", slug="uis", kind="university")


@pytest.fixture
def challenge(co_lead_org):
    return make_challenge("voting", co_leads=[co_lead_org])


@pytest.fixture
def author():
    return UserFactory(display_name="Autora de la idea")


@pytest.fixture
def idea(challenge, author):
    return IdeaFactory(challenge=challenge, author=author, title="Tablero de contratos")


def make_comment(idea, author=None, body="Un comentario con datos: 300 123 4567", parent=None) -> Comment:
    return Comment.objects.create(
        idea=idea,
        author=author or UserFactory(display_name="Comentarista"),
        body=body,
        body_html=render_markdown(body),
        parent=parent,
    )


@pytest.fixture
def comment(idea):
    return make_comment(idea)


def make_actor(role, co_lead_org):
    """The people of the permission matrix, by role."""
    if role == "moderator":
        return UserFactory(groups=["moderators"])
    if role == "staff":
        return UserFactory(is_staff=True)
    if role == "editor":
        return UserFactory(groups=["editors"])
    if role == "co_lead":
        user = UserFactory()
        MembershipFactory(user=user, organization=co_lead_org, status="approved")
        return user
    if role == "pending_co_lead":
        user = UserFactory()
        MembershipFactory(user=user, organization=co_lead_org, status="pending")
        return user
    if role == "other_co_lead":
        other_org = OrganizationFactory(name="Cámara de Comercio", slug="camara")
        make_challenge("ideas", co_leads=[other_org])
        user = UserFactory()
        MembershipFactory(user=user, organization=other_org, status="approved")
        return user
    return UserFactory()  # citizen


MAY_MODERATE = ["moderator", "staff", "co_lead"]
MAY_NOT_MODERATE = ["other_co_lead", "pending_co_lead", "editor", "citizen"]


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _refusal(func, **kwargs) -> Refused:
    with pytest.raises(Refused) as error:
        func(**kwargs)
    return error.value


def _snapshot():
    """Everything moderation may change, to assert that a refusal changed nothing."""
    return (
        list(Idea.objects.order_by("pk").values_list("pk", "status", "hidden_reason", "body")),
        list(Comment.objects.order_by("pk").values_list("pk", "hidden", "hidden_reason", "body")),
        list(Flag.objects.order_by("pk").values_list("pk", "resolved_at", "resolution")),
        ModerationLog.objects.count(),
        IdeaStatusChange.objects.count(),
        Notification.objects.count(),
    )


# Reporting ------------------------------------------------------------------------------


def test_anonymous_visitors_must_log_in_to_report(client, idea, comment):
    for url in [reverse("ideas:flag_idea", args=[idea.pk]), reverse("ideas:flag_comment", args=[comment.pk])]:
        response = client.post(url, {"reason": "spam"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not Flag.objects.exists()


def test_the_report_form_is_a_page_of_its_own(client_for, citizen, idea, comment):
    client = client_for(citizen)
    response = client.get(reverse("ideas:flag_idea", args=[idea.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reportar una idea" in html and "Tablero de contratos" in html
    assert "<legend" in html and "¿Por qué reporta este contenido?" in html
    assert 'for="id_detail"' in html
    response = client.get(reverse("ideas:flag_comment", args=[comment.pk]))
    assert response.status_code == 200 and "Reportar un comentario" in response.content.decode()


@pytest.mark.parametrize("user_kind", ["citizen", "unverified"])
def test_any_logged_in_account_can_report_an_idea(client_for, idea, user_kind):
    reporter = UserFactory(verified_email=user_kind != "unverified")
    response = client_for(reporter).post(
        reverse("ideas:flag_idea", args=[idea.pk]), {"reason": "offensive", "detail": "Insulta a un edil."}
    )
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert "Gracias. Su reporte llegó al equipo de moderación" in _messages(response)[0]
    flag = Flag.objects.get()
    assert (flag.reporter, flag.idea, flag.comment, flag.reason, flag.detail) == (
        reporter,
        idea,
        None,
        "offensive",
        "Insulta a un edil.",
    )
    assert flag.is_open


def test_report_a_comment_goes_back_to_the_comment(client_for, citizen, comment):
    response = client_for(citizen).post(
        reverse("ideas:flag_comment", args=[comment.pk]), {"reason": "personal_data"}
    )
    assert response["Location"] == f"{comment.idea.get_absolute_url()}#comentario-{comment.pk}"
    assert Flag.objects.get().comment == comment


def test_report_goes_back_only_to_a_local_next(client_for, citizen, idea):
    client = client_for(citizen)
    response = client.post(
        reverse("ideas:flag_idea", args=[idea.pk]), {"reason": "spam", "next": "https://malo.example/"}
    )
    assert response["Location"] == idea.get_absolute_url()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Elija el motivo del reporte."),
        ({"reason": "nonsense"}, "Escoja una opción válida"),
        ({"reason": "other", "detail": "  "}, "Cuéntenos brevemente por qué reporta este contenido."),
        ({"reason": "spam", "detail": "x" * 1001}, "1000"),
    ],
)
def test_bad_report_forms_are_shown_again_with_the_error(client_for, citizen, idea, data, message):
    response = client_for(citizen).post(reverse("ideas:flag_idea", args=[idea.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Flag.objects.exists()


def test_reporting_twice_while_open_is_refused(client_for, citizen, idea):
    client = client_for(citizen)
    url = reverse("ideas:flag_idea", args=[idea.pk])
    client.post(url, {"reason": "spam"})
    response = client.post(url, {"reason": "offensive"})
    assert _messages(response)[-1:] == [
        "Usted ya reportó este contenido. El equipo de moderación lo revisará."
    ]
    assert Flag.objects.count() == 1


@pytest.mark.parametrize(
    ("case", "code", "message"),
    [
        ("twice", "already_flagged", "Usted ya reportó este contenido. El equipo de moderación lo revisará."),
        ("own", "own_content", "No puede reportar su propio contenido."),
        ("hidden_idea", "already_hidden", "Este contenido ya fue ocultado por moderación."),
        ("hidden_comment", "already_hidden", "Este contenido ya fue ocultado por moderación."),
        ("bad_reason", "invalid", "Elija el motivo del reporte."),
        ("other_without_detail", "invalid", "Cuéntenos brevemente por qué reporta este contenido."),
        ("long_detail", "invalid", "El detalle no puede pasar de 1000 caracteres."),
        ("no_target", "invalid", "Indique una idea o un comentario, uno solo."),
        ("two_targets", "invalid", "Indique una idea o un comentario, uno solo."),
        ("inactive", "inactive", "Su cuenta no está activa."),
        ("anonymous", "not_authenticated", "Ingrese con su cuenta para reportar contenido."),
    ],
)
def test_flag_create_refusals(case, code, message, citizen, idea, comment, author):
    from django.contrib.auth.models import AnonymousUser

    kwargs = {"reporter": citizen, "idea": idea, "reason": "spam"}
    if case == "twice":
        services.flag_create(**kwargs)
    elif case == "own":
        kwargs["reporter"] = author
    elif case == "hidden_idea":
        Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.HIDDEN, hidden_reason="Spam")
        idea.refresh_from_db()
    elif case == "hidden_comment":
        Comment.objects.filter(pk=comment.pk).update(hidden=True, hidden_reason="Spam")
        comment.refresh_from_db()
        kwargs = {"reporter": citizen, "comment": comment, "reason": "spam"}
    elif case == "bad_reason":
        kwargs["reason"] = "nonsense"
    elif case == "other_without_detail":
        kwargs.update(reason="other", detail="   ")
    elif case == "long_detail":
        kwargs["detail"] = "x" * 1001
    elif case == "no_target":
        del kwargs["idea"]
    elif case == "two_targets":
        kwargs["comment"] = comment
    elif case == "inactive":
        kwargs["reporter"] = UserFactory(is_active=False)
    elif case == "anonymous":
        kwargs["reporter"] = AnonymousUser()
    before = _snapshot()
    refusal = _refusal(services.flag_create, **kwargs)
    assert (refusal.code, refusal.message) == (code, message)
    assert _snapshot() == before


def test_a_resolved_report_may_be_made_again(citizen, moderator, idea):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    services.flag_dismiss(moderator=moderator, flag=flag)
    again = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    assert again.pk != flag.pk and Flag.objects.count() == 2


def test_the_database_keeps_one_open_flag_per_person_and_one_target(citizen, idea, comment):
    Flag.objects.create(reporter=citizen, idea=idea, reason="spam")
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(reporter=citizen, idea=idea, reason="offensive")
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(reporter=citizen, idea=idea, comment=comment, reason="spam")
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(reporter=citizen, reason="spam")
    assert Flag.objects.count() == 1


# Who may moderate -----------------------------------------------------------------------


@pytest.mark.parametrize("target", ["idea", "comment"])
@pytest.mark.parametrize("role", MAY_MODERATE)
def test_moderators_staff_and_co_leads_of_the_challenge_may_hide(
    client_for, role, target, co_lead_org, citizen, idea, comment
):
    content = idea if target == "idea" else comment
    flag = services.flag_create(reporter=citizen, reason="offensive", **{target: content})
    moderator = make_actor(role, co_lead_org)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for(moderator).post(
            reverse("ideas:moderation_decide", args=[flag.pk]),
            {"decision": "hide", "reason": "Lenguaje ofensivo."},
        )
    assert response.status_code == 302 and response["Location"] == reverse("ideas:moderation_queue")
    assert _messages(response)[0].startswith("Contenido ocultado.")
    content.refresh_from_db()
    if target == "idea":
        assert content.status == IdeaStatus.HIDDEN and content.hidden_reason == "Lenguaje ofensivo."
    else:
        assert content.hidden and content.hidden_reason == "Lenguaje ofensivo."
    log = ModerationLog.objects.get()
    assert (log.action, log.moderator, log.target, log.flag, log.reason) == (
        ModerationAction.HIDE,
        moderator,
        content,
        flag,
        "Lenguaje ofensivo.",
    )


@pytest.mark.parametrize("decision", ["hide", "dismiss"])
@pytest.mark.parametrize("target", ["idea", "comment"])
@pytest.mark.parametrize("role", MAY_NOT_MODERATE)
def test_others_may_not_moderate(client_for, role, target, decision, co_lead_org, citizen, idea, comment):
    content = idea if target == "idea" else comment
    flag = services.flag_create(reporter=citizen, reason="offensive", **{target: content})
    actor = make_actor(role, co_lead_org)
    before = _snapshot()
    response = client_for(actor).post(
        reverse("ideas:moderation_decide", args=[flag.pk]), {"decision": decision, "reason": "Fuera de tema."}
    )
    assert response.status_code == 403
    assert _snapshot() == before


def test_anonymous_visitors_cannot_moderate(client, citizen, idea):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    before = _snapshot()
    response = client.post(
        reverse("ideas:moderation_decide", args=[flag.pk]), {"decision": "hide", "reason": "x"}
    )
    assert response.status_code == 302 and "next=" in response["Location"]
    assert client.get(reverse("ideas:moderation_queue")).status_code == 302
    assert client.get(reverse("ideas:moderation_log")).status_code == 302
    assert _snapshot() == before


def test_decide_is_post_only(client_for, moderator, citizen, idea):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    assert client_for(moderator).get(reverse("ideas:moderation_decide", args=[flag.pk])).status_code == 405


# The queue ------------------------------------------------------------------------------


@pytest.fixture
def flags_in_two_challenges(co_lead_org, challenge, idea, comment, citizen, other_citizen):
    other_challenge = make_challenge("ideas", co_leads=[OrganizationFactory(name="Fenalco", slug="fenalco")])
    elsewhere = IdeaFactory(challenge=other_challenge, title="Idea de otro reto")
    services.flag_create(reporter=citizen, idea=idea, reason="spam")
    services.flag_create(
        reporter=other_citizen, idea=idea, reason="other", detail="Es publicidad de una tienda."
    )
    services.flag_create(reporter=citizen, comment=comment, reason="personal_data")
    services.flag_create(reporter=citizen, idea=elsewhere, reason="off_topic")
    return elsewhere


@pytest.mark.parametrize("role", ["moderator", "staff"])
def test_moderators_and_staff_see_every_open_flag_grouped_by_content(
    client_for, role, co_lead_org, flags_in_two_challenges
):
    response = client_for(make_actor(role, co_lead_org)).get(reverse("ideas:moderation_queue"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tablero de contratos" in html and "Idea de otro reto" in html
    assert "Un comentario con datos" in html
    assert "Es publicidad de una tienda." in html
    assert "3 contenidos con reportes abiertos" in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert 'for="motivo-' in html


def test_co_leads_see_only_their_challenges(client_for, co_lead_org, flags_in_two_challenges):
    html = (
        client_for(make_actor("co_lead", co_lead_org)).get(reverse("ideas:moderation_queue")).content.decode()
    )
    assert "Tablero de contratos" in html and "Un comentario con datos" in html
    assert "Idea de otro reto" not in html
    assert "2 contenidos con reportes abiertos" in html


def test_co_leads_of_another_challenge_see_theirs_only(client_for, co_lead_org, flags_in_two_challenges):
    html = (
        client_for(make_actor("other_co_lead", co_lead_org))
        .get(reverse("ideas:moderation_queue"))
        .content.decode()
    )
    assert "Tablero de contratos" not in html and "Idea de otro reto" not in html
    assert "No hay reportes abiertos." in html


@pytest.mark.parametrize("role", ["editor", "citizen", "pending_co_lead"])
def test_others_get_403_on_the_queue_and_the_log(client_for, role, co_lead_org, flags_in_two_challenges):
    client = client_for(make_actor(role, co_lead_org))
    assert client.get(reverse("ideas:moderation_queue")).status_code == 403
    assert client.get(reverse("ideas:moderation_log")).status_code == 403


def test_resolved_flags_leave_the_queue(client_for, moderator, citizen, idea):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    services.flag_dismiss(moderator=moderator, flag=flag, reason="No es spam.")
    html = client_for(moderator).get(reverse("ideas:moderation_queue")).content.decode()
    assert "No hay reportes abiertos." in html


# Decisions ------------------------------------------------------------------------------


def test_hiding_an_idea_resolves_every_open_flag_keeps_the_content_and_its_history(
    client_for, moderator, citizen, other_citizen, idea
):
    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.UNDER_EVALUATION)
    first = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    services.flag_create(reporter=other_citizen, idea=idea, reason="offensive")
    client = client_for(moderator)
    client.post(
        reverse("ideas:moderation_decide", args=[first.pk]),
        {"decision": "hide", "reason": "Publicidad comercial."},
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.HIDDEN and idea.body.startswith("Publicar cada contrato")
    assert set(Flag.objects.values_list("resolution", flat=True)) == {FlagResolution.HIDDEN}
    assert set(Flag.objects.values_list("resolved_by", flat=True)) == {moderator.pk}
    assert ModerationLog.objects.get().previous_status == IdeaStatus.UNDER_EVALUATION
    change = idea.status_changes.last()
    assert (change.status_from, change.status_to, change.reason) == (
        IdeaStatus.UNDER_EVALUATION,
        IdeaStatus.HIDDEN,
        "Publicidad comercial.",
    )
    # The idea's page shows the notice with the public reason instead of the content.
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Publicidad comercial." in html and "ocultada por moderación" in html
    assert "comuna por comuna" not in html


def test_a_hidden_comment_shows_its_notice_and_is_not_deleted(client_for, moderator, citizen, idea, comment):
    flag = services.flag_create(reporter=citizen, comment=comment, reason="personal_data")
    client_for(moderator).post(
        reverse("ideas:moderation_decide", args=[flag.pk]),
        {"decision": "hide", "reason": "Publicaba un número de teléfono."},
    )
    comment.refresh_from_db()
    assert comment.hidden and comment.body == "Un comentario con datos: 300 123 4567"
    html = client_for(citizen).get(idea.get_absolute_url()).content.decode()
    assert "Publicaba un número de teléfono." in html
    assert "300 123 4567" not in html
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED


def test_dismissing_keeps_the_content_and_resolves_its_open_flags(
    client_for, moderator, citizen, other_citizen, idea, comment
):
    first = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    services.flag_create(reporter=other_citizen, idea=idea, reason="spam")
    on_comment = services.flag_create(reporter=citizen, comment=comment, reason="spam")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for(moderator).post(
            reverse("ideas:moderation_decide", args=[first.pk]),
            {"decision": "dismiss", "reason": "Es una idea real."},
        )
    assert _messages(response) == ["Reporte descartado: el contenido sigue visible."]
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED and not idea.hidden_reason
    assert set(idea.flags.values_list("resolution", flat=True)) == {FlagResolution.DISMISSED}
    on_comment.refresh_from_db()
    assert on_comment.is_open
    log = ModerationLog.objects.get()
    assert (log.action, log.idea, log.flag, log.reason) == (
        ModerationAction.DISMISS,
        idea,
        first,
        "Es una idea real.",
    )
    # Nothing to tell the author: their content did not change.
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("case", "data", "message"),
    [
        (
            "no_reason",
            {"decision": "hide", "reason": "  "},
            "Explique públicamente por qué oculta este contenido.",
        ),
        (
            "long_reason",
            {"decision": "hide", "reason": "x" * 301},
            "El motivo no puede pasar de 300 caracteres.",
        ),
        (
            "long_dismiss",
            {"decision": "dismiss", "reason": "x" * 301},
            "El motivo no puede pasar de 300 caracteres.",
        ),
        (
            "bad_decision",
            {"decision": "delete", "reason": "x"},
            "Elija ocultar el contenido o descartar el reporte.",
        ),
        ("resolved", {"decision": "hide", "reason": "Spam."}, "Este reporte ya fue resuelto."),
        ("resolved_dismiss", {"decision": "dismiss"}, "Este reporte ya fue resuelto."),
    ],
)
def test_decision_refusals_change_nothing(client_for, moderator, citizen, idea, case, data, message):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    if case.startswith("resolved"):
        services.flag_dismiss(moderator=moderator, flag=flag)
    before = _snapshot()
    response = client_for(moderator).post(reverse("ideas:moderation_decide", args=[flag.pk]), data)
    assert response.status_code == 302
    assert _messages(response) == [message]
    assert _snapshot() == before


@pytest.mark.parametrize("target", ["idea", "comment"])
def test_hiding_twice_is_refused(moderator, idea, comment, target):
    content = {"idea": idea} if target == "idea" else {"comment": comment}
    services.content_hide(moderator=moderator, reason="Spam.", **content)
    before = _snapshot()
    refusal = _refusal(services.content_hide, moderator=moderator, reason="Otra vez.", **content)
    assert (refusal.code, refusal.message, refusal.status) == (
        "already_hidden",
        "Este contenido ya está oculto.",
        409,
    )
    assert _snapshot() == before


def test_hide_needs_exactly_one_target(moderator, idea, comment):
    for kwargs in [{}, {"idea": idea, "comment": comment}]:
        refusal = _refusal(services.content_hide, moderator=moderator, reason="Spam.", **kwargs)
        assert refusal.message == "Indique una idea o un comentario, uno solo."
    assert not ModerationLog.objects.exists()


def test_the_log_is_append_only(moderator, idea):
    log = services.content_hide(moderator=moderator, idea=idea, reason="Spam.")
    log.reason = "Otro motivo"
    with pytest.raises(ValueError, match="append-only"):
        log.save()
    assert ModerationLog.objects.get().reason == "Spam."


# Undo a mistake -------------------------------------------------------------------------


def test_unhide_restores_the_previous_status_and_is_logged(client_for, moderator, idea, author):
    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.SELECTED)
    hide = services.content_hide(moderator=moderator, idea=idea, reason="Parecía spam.")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for(moderator).post(
            reverse("ideas:moderation_unhide", args=[hide.pk]), {"reason": "Fue un error: no es spam."}
        )
    assert response["Location"] == reverse("ideas:moderation_log")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SELECTED and idea.hidden_reason == ""
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == ["hide", "unhide"]
    notices = list(
        Notification.objects.filter(recipient=author).order_by("pk").values_list("message", flat=True)
    )
    assert notices == [
        "Su idea «Tablero de contratos» fue ocultada por moderación. Motivo: Parecía spam.",
        "Su idea «Tablero de contratos» se volvió a mostrar. Motivo: Fue un error: no es spam.",
    ]


def test_unhide_a_comment(moderator, comment):
    services.content_hide(moderator=moderator, comment=comment, reason="Spam.")
    services.content_unhide(moderator=moderator, comment=comment, reason="Error.")
    comment.refresh_from_db()
    assert not comment.hidden and comment.hidden_reason == ""


def test_an_idea_hidden_elsewhere_comes_back_with_its_previous_status(moderator, idea):
    IdeaStatusChange.objects.create(
        idea=idea, status_from=IdeaStatus.NOT_SELECTED, status_to=IdeaStatus.HIDDEN, reason="Spam"
    )
    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.HIDDEN)
    services.content_unhide(moderator=moderator, idea=idea, reason="Error.")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NOT_SELECTED


@pytest.mark.parametrize(
    ("case", "reason", "message"),
    [
        ("visible", "Error.", "Este contenido no está oculto."),
        ("no_reason", " ", "Explique públicamente por qué vuelve a mostrar este contenido."),
    ],
)
def test_unhide_refusals(moderator, idea, case, reason, message):
    if case != "visible":
        services.content_hide(moderator=moderator, idea=idea, reason="Spam.")
    before = _snapshot()
    assert _refusal(services.content_unhide, moderator=moderator, idea=idea, reason=reason).message == message
    assert _snapshot() == before


@pytest.mark.parametrize("role", MAY_NOT_MODERATE)
def test_others_may_not_unhide(client_for, role, co_lead_org, moderator, idea):
    hide = services.content_hide(moderator=moderator, idea=idea, reason="Spam.")
    before = _snapshot()
    response = client_for(make_actor(role, co_lead_org)).post(
        reverse("ideas:moderation_unhide", args=[hide.pk]), {"reason": "Porque sí."}
    )
    assert response.status_code == 403
    assert _snapshot() == before


def test_only_a_hide_can_be_undone(client_for, moderator, citizen, idea):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    dismiss = services.flag_dismiss(moderator=moderator, flag=flag)
    before = _snapshot()
    response = client_for(moderator).post(
        reverse("ideas:moderation_unhide", args=[dismiss.pk]), {"reason": "x"}
    )
    assert _messages(response) == ["Solo se puede deshacer una decisión de ocultar."]
    assert _snapshot() == before


# The log --------------------------------------------------------------------------------


def test_the_log_records_every_decision(client_for, moderator, citizen, idea, comment):
    flag = services.flag_create(reporter=citizen, idea=idea, reason="spam")
    services.flag_dismiss(moderator=moderator, flag=flag, reason="No es spam.")
    services.content_hide(moderator=moderator, comment=comment, reason="Datos personales.")
    services.content_hide(moderator=moderator, idea=idea, reason="Contenido repetido.")
    services.content_unhide(moderator=moderator, idea=idea, reason="Error de moderación.")
    assert list(ModerationLog.objects.values_list("action", flat=True)) == [
        "unhide",
        "hide",
        "hide",
        "dismiss",
    ]
    response = client_for(moderator).get(reverse("ideas:moderation_log"))
    html = response.content.decode()
    for text in [
        "No es spam.",
        "Datos personales.",
        "Contenido repetido.",
        "Error de moderación.",
        "Andrés Moderador",
    ]:
        assert text in html
    assert '<th scope="col">' in html
    # Only what is still hidden can be shown again: the comment.
    assert html.count('name="reason"') == 1 and 'for="deshacer-' in html


def test_co_leads_see_the_log_of_their_challenges_only(client_for, co_lead_org, moderator, idea):
    services.content_hide(moderator=moderator, idea=idea, reason="Contenido repetido.")
    elsewhere = IdeaFactory(challenge=make_challenge("ideas"))
    services.content_hide(moderator=moderator, idea=elsewhere, reason="Fuera del reto.")
    html = (
        client_for(make_actor("co_lead", co_lead_org)).get(reverse("ideas:moderation_log")).content.decode()
    )
    assert "Contenido repetido." in html and "Fuera del reto." not in html


# Telling the author ---------------------------------------------------------------------


@pytest.mark.parametrize("email_on", [True, False])
def test_the_author_is_told_of_a_hide_by_e_mail_only_if_allowed(mailoutbox, moderator, comment, email_on):
    comment.author.email_notifications = email_on
    comment.author.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.content_hide(moderator=moderator, comment=comment, reason="Datos personales.")
    notice = Notification.objects.get(recipient=comment.author)
    assert notice.kind == NotificationKind.MODERATION
    assert notice.message == (
        "Su comentario en la idea «Tablero de contratos» fue ocultado por moderación. "
        "Motivo: Datos personales."
    )
    assert notice.url == f"{comment.idea.get_absolute_url()}#comentario-{comment.pk}"
    assert len(mailoutbox) == (1 if email_on else 0)
    if email_on:
        assert mailoutbox[0].to == [comment.author.email]
        assert "Datos personales." in mailoutbox[0].body


def test_moderating_ones_own_content_tells_nobody(moderator, challenge):
    own = IdeaFactory(challenge=challenge, author=moderator)
    services.content_hide(moderator=moderator, idea=own, reason="Me equivoqué de reto.")
    assert not Notification.objects.exists()


def test_the_queue_and_the_log_cost_the_same_queries_for_more_content(client_for, moderator, challenge):
    from tests.utils import count_queries

    def add(n):
        for _ in range(n):
            idea = IdeaFactory(challenge=challenge)
            comment = make_comment(idea)
            services.flag_create(reporter=UserFactory(), idea=idea, reason="spam")
            services.flag_create(reporter=UserFactory(), comment=comment, reason="spam")
            services.content_hide(moderator=moderator, comment=make_comment(idea), reason="Spam.")

    client = client_for(moderator)
    add(1)
    client.get(reverse("ideas:moderation_queue"))  # the site navigation's cache fills on the first page
    queue, log = (
        count_queries(lambda: client.get(reverse("ideas:moderation_queue"))),
        count_queries(lambda: client.get(reverse("ideas:moderation_log"))),
    )
    add(8)
    assert count_queries(lambda: client.get(reverse("ideas:moderation_queue"))) == queue
    assert count_queries(lambda: client.get(reverse("ideas:moderation_log"))) == log
