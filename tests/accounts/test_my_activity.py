"""Mis aportes: a signed-in person's own ideas, supports, comments, followed challenges and
debate sessions, and nobody else's."""

import pytest
from django.urls import reverse

from challenges.models import Follow
from core import activity
from core.markdown import render_markdown
from ideas.models import Comment, Idea, IdeaStatus, Support
from sessions.models import Attendance, Message
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

URL = "/cuenta/mis-aportes/"


def support(idea: Idea, user) -> Support:
    created = Support.objects.create(idea=idea, user=user, participant_type=user.participant_type)
    Idea.objects.filter(pk=idea.pk).update(support_count=idea.supports.count())
    return created


def comment(idea: Idea, user, body: str, **fields) -> Comment:
    created = Comment.objects.create(
        idea=idea, author=user, body=body, body_html=render_markdown(body), **fields
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=idea.comments.count())
    return created


def fill(user, other, n: int) -> None:
    """`n` of everything for `user`, each in its own challenge and session where it matters."""
    voting = make_challenge("voting", title=f"Reto en votación {n}")
    for i in range(n):
        mine = IdeaFactory(challenge=voting, author=user, title=f"Idea propia {i}")
        theirs = IdeaFactory(challenge=voting, author=other, title=f"Idea ajena {i}")
        support(theirs, user)
        comment(theirs, user, f"Comentario {i}")
        comment(mine, other, "De otra persona")
        Follow.objects.create(user=user, challenge=make_challenge("ideas", title=f"Seguido {n}-{i}"))
        session = make_session(title=f"Sesión {n}-{i}")
        Attendance.objects.create(session=session, user=user)


def test_the_url_is_under_the_account_urls():
    assert reverse("accounts:activity") == URL
    assert reverse("accounts:activity_section", args=["ideas"]) == URL + "ideas/"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (URL, URL + "ideas/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_the_account_menu_links_to_it(client_for, citizen):
    html = client_for(citizen).get(reverse("accounts:profile")).content.decode()
    assert f'href="{URL}"' in html and "Mis aportes" in html


def test_it_shows_the_persons_own_activity_and_nobody_elses(client_for, citizen, other_citizen):
    voting = make_challenge("voting", title="Contratación abierta")
    followed = make_challenge("ideas", title="Movilidad segura")
    not_followed = make_challenge("ideas", title="Reto que sigue otra persona")
    mine = IdeaFactory(challenge=voting, author=citizen, title="Mi tablero de contratos")
    support(mine, other_citizen)
    theirs = IdeaFactory(challenge=voting, author=other_citizen, title="Idea de Carlos")
    unsupported = IdeaFactory(challenge=voting, author=other_citizen, title="Idea que no apoyo")
    support(theirs, citizen)
    support(unsupported, other_citizen)
    comment(theirs, citizen, "Me parece **muy** útil & necesario")
    comment(mine, other_citizen, "Comentario de Carlos")
    Follow.objects.create(user=citizen, challenge=followed)
    Follow.objects.create(user=other_citizen, challenge=not_followed)
    session = make_session(title="Gobierno abierto")
    Message.objects.create(session=session, author=citizen, body="Hola", body_html="<p>Hola</p>")
    make_session(title="Sesión a la que no fui")

    response = client_for(citizen).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Mis aportes</h1>" in html
    # Her idea, with its status and supports; the idea she supports; her comment; the follow.
    assert "Mi tablero de contratos" in html and "Publicada" in html and "1 apoyo" in html
    assert "Idea de Carlos" in html and reverse("ideas:withdraw", args=[theirs.pk]) in html
    assert "Me parece muy útil &amp; necesario" in html
    assert "Movilidad segura" in html and reverse("challenges:unfollow", args=[followed.pk]) in html
    assert "Gobierno abierto" in html and "1 mensaje suyo" in html
    # Nobody else's.
    for other in ("Idea que no apoyo", "Comentario de Carlos", "Reto que sigue otra persona"):
        assert other not in html
    assert "Sesión a la que no fui" not in html


def test_a_hidden_comment_is_shown_to_its_author_marked_with_the_reason(client_for, citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    comment(idea, citizen, "Texto que moderación ocultó", hidden=True, hidden_reason="Lenguaje ofensivo")
    html = client_for(citizen).get(URL).content.decode()
    assert "Comentario ocultado por moderación." in html and "Lenguaje ofensivo" in html
    assert "Texto que moderación ocultó" in html


def test_a_hidden_idea_is_shown_to_its_author_with_its_status(client_for, citizen):
    IdeaFactory(
        challenge=make_challenge("ideas"),
        author=citizen,
        title="Idea ocultada",
        status=IdeaStatus.HIDDEN,
        hidden_reason="Expone datos personales",
    )
    html = client_for(citizen).get(URL).content.decode()
    assert "Idea ocultada" in html and "Oculta" in html and "Expone datos personales" in html


def test_withdrawing_a_support_from_the_page_uses_the_ideas_endpoint(client_for, citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"), author=other_citizen, title="Idea apoyada")
    support(idea, citizen)
    client = client_for(citizen)
    html = client.get(URL).content.decode()
    assert f'action="{reverse("ideas:withdraw", args=[idea.pk])}"' in html
    response = client.post(reverse("ideas:withdraw", args=[idea.pk]), {"next": URL})
    assert response.status_code == 302 and response["Location"] == URL
    assert not Support.objects.filter(idea=idea, user=citizen).exists()
    idea.refresh_from_db()
    assert idea.support_count == 0
    html = client.get(URL).content.decode()
    assert "Retiró su apoyo a esta idea." in html and "Idea apoyada" not in html


def test_a_support_outside_the_vote_is_listed_without_a_withdraw_button(client_for, citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("results"), author=other_citizen, title="Idea del pasado")
    support(idea, citizen)
    html = client_for(citizen).get(URL).content.decode()
    assert "Idea del pasado" in html
    assert reverse("ideas:withdraw", args=[idea.pk]) not in html
    assert "Los apoyos solo se pueden retirar durante la fase de votación del reto." in html


def test_unfollowing_from_the_page_uses_the_challenges_endpoint(client_for, citizen):
    challenge = make_challenge("ideas", title="Movilidad segura")
    Follow.objects.create(user=citizen, challenge=challenge)
    client = client_for(citizen)
    response = client.post(reverse("challenges:unfollow", args=[challenge.pk]), {"next": URL})
    assert response.status_code == 302 and response["Location"] == URL
    assert not Follow.objects.filter(user=citizen).exists()
    html = client.get(URL).content.decode()
    assert "Dejó de seguir el reto «Movilidad segura»." in html
    assert "Todavía no sigue ningún reto." in html


def test_each_section_shows_a_few_and_links_to_all_of_them(client_for, citizen, other_citizen):
    fill(citizen, other_citizen, activity.OVERVIEW_LIMIT + 2)
    client = client_for(citizen)
    html = client.get(URL).content.decode()
    assert html.count("Idea propia ") == activity.OVERVIEW_LIMIT
    for name in ("ideas", "apoyos", "comentarios", "retos", "sesiones"):
        assert f'href="{URL}{name}/"' in html
    full = client.get(URL + "ideas/").content.decode()
    assert full.count("Idea propia ") == activity.OVERVIEW_LIMIT + 2
    assert "Idea ajena" not in full


def test_an_unknown_section_is_not_found(client_for, citizen):
    assert client_for(citizen).get(URL + "otra-cosa/").status_code == 404


def test_the_query_count_does_not_grow_with_the_activity(
    client_for, citizen, other_citizen, django_assert_max_num_queries
):
    client = client_for(citizen)
    fill(citizen, other_citizen, 3)
    # Once first: publishing challenges renewed the cached menu, which the next page rebuilds.
    client.get(URL)
    few = count_queries(lambda: client.get(URL))
    few_section = count_queries(lambda: client.get(URL + "apoyos/"))
    fill(citizen, other_citizen, 30)
    client.get(URL)
    with django_assert_max_num_queries(few):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(few_section):
        assert client.get(URL + "apoyos/").status_code == 200


def test_the_page_is_never_stored_by_the_page_cache(client_for, citizen, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client = client_for(citizen)
    first = client.get(URL)
    assert first.status_code == 200 and first.get("X-Page-Cache") != "hit"
    assert client.get(URL).get("X-Page-Cache") != "hit"
    # Nor is it for another person who is signed in: each sees their own.
    other = UserFactory(display_name="Otra Persona")
    IdeaFactory(challenge=make_challenge("ideas"), author=other, title="Idea de la otra persona")
    client.force_login(other, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(URL).content.decode()
    assert "Idea de la otra persona" in html
