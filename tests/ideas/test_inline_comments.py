"""Commenting and replying without leaving the page: the same form, sent by fetch, gets the new
comment's HTML (or the reason it was refused, in Spanish); a plain post still redirects."""

import pytest
from django.urls import reverse

from ideas.models import Comment
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db
JSON = {"Accept": "application/json"}


@pytest.fixture
def idea():
    return IdeaFactory(challenge=make_challenge("ideas"), title="Tablero de contratos")


def url(idea) -> str:
    return reverse("ideas:comment", args=[idea.pk])


def test_the_idea_page_marks_the_form_and_the_reply_links_for_the_script(client_for, citizen, idea):
    Comment.objects.create(idea=idea, author=citizen, body="Primero", body_html="<p>Primero</p>")
    html = client_for(citizen).get(idea.get_absolute_url()).content.decode()
    assert 'id="comentar" novalidate data-inline-comment>' in html
    assert "data-comments>" in html
    reply = Comment.objects.get()
    assert f'data-reply-to="{reply.pk}" data-reply-label="Su respuesta a ' in html
    assert '<script src="/static/js/site.js"></script>' in html


def test_fetch_gets_the_new_comment_and_the_count(client_for, citizen, other_citizen, idea):
    response = client_for(citizen).post(url(idea), {"body": "¿Quién lo *financia*?"}, headers=JSON)
    assert response.status_code == 201
    data = response.json()
    comment = Comment.objects.get()
    assert data["id"] == data["thread"] == comment.pk
    assert data["message"] == "Su comentario quedó publicado."
    assert data["count_text"] == "1 comentario"
    assert data["html"].startswith(f'<li><article class="comment" id="comentario-{comment.pk}"')
    assert "<em>financia</em>" in data["html"] and data["html"].endswith("</li>")

    # A reply, and a reply to the reply: both sit in the first comment's thread.
    client = client_for(other_citizen)
    reply = client.post(url(idea), {"body": "La Alcaldía", "parent": comment.pk}, headers=JSON).json()
    again = client.post(url(idea), {"body": "¿Seguro?", "parent": reply["id"]}, headers=JSON).json()
    assert reply["thread"] == again["thread"] == comment.pk
    assert again["count_text"] == "3 comentarios"
    assert Comment.objects.get(pk=again["id"]).parent_id == reply["id"]


def test_a_plain_post_still_redirects_to_the_new_comment(client_for, citizen, idea):
    response = client_for(citizen).post(url(idea), {"body": "Sin JavaScript"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#comentario-{comment.pk}"


def test_anonymous_visitors_are_refused(client, idea):
    refused = client.post(url(idea), {"body": "Hola"}, headers=JSON)
    assert refused.status_code == 403 and refused.json() == {"detail": "Ingrese para comentar."}
    plain = client.post(url(idea), {"body": "Hola"})
    assert plain.status_code == 302 and plain["Location"].startswith(reverse("account_login"))
    assert not Comment.objects.exists()


def test_the_same_rules_as_the_form(client_for, unverified_user, citizen):
    closed = IdeaFactory(challenge=make_challenge("closed"))
    refused = client_for(citizen).post(url(closed), {"body": "Tarde"}, headers=JSON)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Los comentarios de este reto están cerrados."
    open_idea = IdeaFactory(challenge=make_challenge("ideas"))
    unverified = client_for(unverified_user).post(url(open_idea), {"body": "Hola"}, headers=JSON)
    assert unverified.status_code == 403 and unverified.json()["detail"]
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"body": "   "}, "Escriba su comentario (máximo 3000 caracteres)."),
        ({"body": "x" * 3001}, "Escriba su comentario (máximo 3000 caracteres)."),
        ({}, "Escriba su comentario (máximo 3000 caracteres)."),
        (
            {"body": "Hola", "parent": "no-es-un-número"},
            "Solo puede responder a comentarios de esta misma idea.",
        ),
    ],
)
def test_an_invalid_body_is_rejected_with_a_message(client_for, citizen, idea, body, message):
    refused = client_for(citizen).post(url(idea), body, headers=JSON)
    assert refused.status_code == 400 and refused.json() == {"detail": message}
    assert not Comment.objects.exists()


def test_a_reply_to_another_ideas_comment_is_rejected(client_for, citizen, idea):
    elsewhere = IdeaFactory(challenge=idea.challenge)
    theirs = Comment.objects.create(idea=elsewhere, author=citizen, body="Otra", body_html="<p>Otra</p>")
    refused = client_for(citizen).post(url(idea), {"body": "Hola", "parent": theirs.pk}, headers=JSON)
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Solo puede responder a comentarios de esta misma idea."
    assert Comment.objects.count() == 1
