"""Following an idea: by form and API, who may, what followers are told (once, never of their own
doing), Mis aportes, the personal data, and the page cache never showing anyone's follow state."""

import json

import pytest
from django.contrib.messages import get_messages
from django.test import Client, TestCase
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import Notification, NotificationKind
from accounts.services import account_delete, account_export
from ideas import services
from ideas.models import IdeaFollow, IdeaStatus
from projects.models import Milestone, Project
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

NOT_AUTHENTICATED = "Ingrese con su cuenta para participar."
NOT_VERIFIED = "Para participar, verifique su correo y autorice el tratamiento de sus datos personales."
ACTIVITY = "/cuenta/mis-aportes/"


@pytest.fixture
def idea(other_citizen):
    return IdeaFactory(
        challenge=make_challenge("ideas", title="Contratación abierta"),
        author=other_citizen,
        title="Tablero de contratos",
    )


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def api(user=None, **kwargs) -> APIClient:
    client = APIClient(**kwargs)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def follow_url(idea) -> str:
    return f"/api/v1/ideas/{idea.pk}/follow/"


# The idea's page ---------------------------------------------------------------------------


def test_follow_and_unfollow_from_the_idea_page(client_for, citizen, idea):
    client = client_for(citizen)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f'action="{reverse("ideas:follow", args=[idea.pk])}"' in page and "Seguir esta idea" in page

    response = client.post(reverse("ideas:follow", args=[idea.pk]))
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert _messages(response) == [
        "Ahora sigue la idea «Tablero de contratos». "
        "Le avisaremos de sus cambios de estado y sus comentarios."
    ]
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f'action="{reverse("ideas:unfollow", args=[idea.pk])}"' in page and "Dejar de seguir" in page
    assert "Usted sigue esta idea" in page

    response = client.post(reverse("ideas:follow", args=[idea.pk]))
    assert _messages(response)[-1] == "Usted ya sigue la idea «Tablero de contratos»."
    assert IdeaFollow.objects.filter(user=citizen, idea=idea).count() == 1

    response = client.post(reverse("ideas:unfollow", args=[idea.pk]))
    assert _messages(response)[-1] == "Dejó de seguir la idea «Tablero de contratos»."
    assert not IdeaFollow.objects.exists()
    response = client.post(reverse("ideas:unfollow", args=[idea.pk]))
    assert _messages(response)[-1] == "Usted no seguía la idea «Tablero de contratos»."
    assert "Seguir esta idea" in client.get(idea.get_absolute_url()).content.decode()


def test_the_form_goes_back_to_a_local_next_only(client_for, citizen, idea):
    client = client_for(citizen)
    response = client.post(reverse("ideas:follow", args=[idea.pk]), {"next": ACTIVITY})
    assert response["Location"] == ACTIVITY
    response = client.post(reverse("ideas:unfollow", args=[idea.pk]), {"next": "//malo.example/"})
    assert response["Location"] == idea.get_absolute_url()


def test_anonymous_visitors_see_a_sign_in_link_and_cannot_post(client, idea):
    page = client.get(idea.get_absolute_url()).content.decode()
    login = reverse("account_login")
    assert (
        f'href="{login}?next={idea.get_absolute_url()}"' in page and "Ingrese para seguir esta idea" in page
    )
    assert reverse("ideas:follow", args=[idea.pk]) not in page
    for name in ("ideas:follow", "ideas:unfollow"):
        response = client.post(reverse(name, args=[idea.pk]))
        assert response["Location"].startswith(login)
    assert not IdeaFollow.objects.exists()


def test_an_unverified_account_cannot_follow_but_may_unfollow(client_for, unverified_user, idea):
    client = client_for(unverified_user)
    response = client.post(reverse("ideas:follow", args=[idea.pk]))
    assert response.status_code == 302
    assert _messages(response) == [NOT_VERIFIED]
    assert not IdeaFollow.objects.exists()
    IdeaFollow.objects.create(user=unverified_user, idea=idea)
    client.post(reverse("ideas:unfollow", args=[idea.pk]))
    assert not IdeaFollow.objects.exists()


def test_follow_is_post_only_and_hidden_ideas_cannot_be_followed(client_for, citizen, idea):
    client = client_for(citizen)
    assert client.get(reverse("ideas:follow", args=[idea.pk])).status_code == 405
    idea.status = IdeaStatus.HIDDEN
    idea.save()
    response = client.post(reverse("ideas:follow", args=[idea.pk]))
    assert _messages(response) == ["Esta idea fue ocultada por moderación y no se puede seguir."]
    assert client.post(reverse("ideas:follow", args=[999_999])).status_code == 404
    assert not IdeaFollow.objects.exists()


# The API --------------------------------------------------------------------------------


def test_api_follow_is_idempotent_and_delete_unfollows(citizen, idea):
    client = api(citizen)
    response = client.post(follow_url(idea))
    assert response.status_code == 201 and response.json() == {"id": idea.pk, "following": True}
    response = client.post(follow_url(idea))
    assert response.status_code == 200 and response.json() == {"id": idea.pk, "following": True}
    assert IdeaFollow.objects.filter(user=citizen, idea=idea).count() == 1
    response = client.delete(follow_url(idea))
    assert response.status_code == 200 and response.json() == {"id": idea.pk, "following": False}
    assert client.delete(follow_url(idea)).status_code == 200
    assert not IdeaFollow.objects.exists()


def test_api_refusals_say_why_and_change_nothing(idea):
    response = api().post(follow_url(idea))
    assert response.status_code == 401 and response.json()["detail"] == NOT_AUTHENTICATED
    assert api().delete(follow_url(idea)).status_code == 401
    for user in (UserFactory(verified_email=False), UserFactory(consented=False)):
        response = api(user).post(follow_url(idea))
        assert response.status_code == 403
        assert response.json() == {"detail": NOT_VERIFIED, "code": "not_verified"}
    assert api(UserFactory()).post("/api/v1/ideas/999999/follow/").status_code == 404
    assert not IdeaFollow.objects.exists()


def test_api_refusals_in_english_for_english_clients(idea):
    response = api(UserFactory(verified_email=False)).post(follow_url(idea), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert response.json()["detail"] != NOT_VERIFIED


def test_api_needs_the_csrf_token(citizen, idea):
    response = api(citizen, enforce_csrf_checks=True).post(follow_url(idea))
    assert response.status_code == 403
    assert not IdeaFollow.objects.exists()


def test_hidden_ideas_are_not_found_by_the_api(citizen, idea):
    idea.status = IdeaStatus.HIDDEN
    idea.save()
    assert api(citizen).post(follow_url(idea)).status_code == 404


def test_the_schema_documents_both_operations():
    schema = api().get("/api/v1/schema/?format=json").json()
    operations = schema["paths"]["/api/v1/ideas/{id}/follow/"]
    assert set(operations) >= {"post", "delete"}
    assert {"200", "201", "401", "403", "404"} <= set(operations["post"]["responses"])


# Notifications --------------------------------------------------------------------------


def _follow(idea, *users):
    for user in users:
        services.idea_follow(user=user, idea=idea)


def test_followers_are_told_of_a_status_change_once_and_never_the_actor(
    mailoutbox, staff_user, citizen, other_citizen, idea
):
    idea.challenge.co_leads.clear()
    quiet = UserFactory(display_name="Sin correo", email_notifications=False)
    # The author follows her own idea, and so does the staff member who decides.
    _follow(idea, citizen, quiet, other_citizen, staff_user)
    UserFactory()  # not a follower
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.idea_change_status(idea=idea, by=staff_user, status="under_evaluation", reason="Cumple.")
    notices = Notification.objects.order_by("recipient_id")
    by_person = {n.recipient: n for n in notices}
    assert set(by_person) == {citizen, quiet, other_citizen}  # not the one who decided
    assert notices.count() == 3  # the author, following too, gets her own notice only
    assert by_person[other_citizen].kind == NotificationKind.IDEA_STATUS
    for follower in (citizen, quiet):
        notice = by_person[follower]
        assert notice.kind == NotificationKind.IDEA_FOLLOWED
        assert notice.message == (
            "La idea «Tablero de contratos», que usted sigue, ahora está «En evaluación». Motivo: Cumple."
        )
        assert notice.url == idea.get_absolute_url()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([citizen.email, other_citizen.email])


def test_followers_are_told_of_a_new_comment_but_not_the_commenter(citizen, other_citizen, idea):
    third = UserFactory(display_name="Marta Gómez")
    _follow(idea, citizen, other_citizen, third)
    comment = services.comment_create(author=citizen, idea=idea, body="Me parece útil.")
    notices = Notification.objects.filter(kind=NotificationKind.IDEA_FOLLOWED)
    assert sorted(n.recipient_id for n in notices) == sorted([other_citizen.pk, third.pk])
    assert {n.message for n in notices} == {
        "Diana Pabón comentó la idea «Tablero de contratos», que usted sigue."
    }
    assert {n.url for n in notices} == {f"{idea.get_absolute_url()}#comentario-{comment.pk}"}

    # A reply: the person answered, a follower too, gets the reply notice only.
    Notification.objects.all().delete()
    services.comment_create(author=third, idea=idea, body="Estoy de acuerdo.", parent=comment)
    assert [(n.recipient, n.kind) for n in Notification.objects.filter(recipient=citizen)] == [
        (citizen, NotificationKind.COMMENT_REPLY)
    ]
    assert list(Notification.objects.filter(recipient=other_citizen).values_list("kind", flat=True)) == [
        NotificationKind.IDEA_FOLLOWED
    ]
    assert not Notification.objects.filter(recipient=third).exists()


def test_deleted_and_former_followers_get_nothing(citizen, other_citizen, idea):
    _follow(idea, citizen, other_citizen)
    services.idea_unfollow(user=other_citizen, idea=idea)
    gone = UserFactory()
    _follow(idea, gone)
    account_delete(user=gone)
    services.comment_create(author=UserFactory(), idea=idea, body="Hola.")
    assert [n.recipient for n in Notification.objects.all()] == [citizen]


def test_the_fan_out_costs_the_same_queries_for_3_or_30_followers(
    staff_user, idea, django_assert_max_num_queries
):
    _follow(idea, *UserFactory.create_batch(3))
    few = count_queries(
        lambda: services.idea_change_status(
            idea=idea, by=staff_user, status="under_evaluation", reason="Uno."
        )
    )
    _follow(idea, *UserFactory.create_batch(27))
    with django_assert_max_num_queries(few):
        services.idea_change_status(idea=idea, by=staff_user, status="published", reason="Dos.")
    assert Notification.objects.filter(kind=NotificationKind.IDEA_FOLLOWED).count() == 3 + 30
    few = count_queries(lambda: services.comment_create(author=staff_user, idea=idea, body="Uno."))
    _follow(idea, *UserFactory.create_batch(30))
    with django_assert_max_num_queries(few):
        services.comment_create(author=staff_user, idea=idea, body="Dos.")


def test_followers_of_the_idea_hear_of_its_project_milestones_once(staff_user, citizen, other_citizen, idea):
    from projects import services as project_services
    from tests.projects.factories import ProjectFactory, milestone

    _follow(idea, citizen, other_citizen)  # the author follows too
    project = ProjectFactory(idea=idea, challenge=idea.challenge)
    project_services.milestone_complete(milestone=milestone(project, "Primer tablero", 50), user=staff_user)
    notices = Notification.objects.filter(kind=NotificationKind.PROJECT_MILESTONE)
    assert sorted(n.recipient_id for n in notices) == sorted([citizen.pk, other_citizen.pk])
    assert Project.objects.count() == 1 and Milestone.objects.filter(done_on__isnull=False).count() == 1


# Mis aportes and personal data ------------------------------------------------------------


def test_mis_aportes_lists_the_followed_ideas_with_an_unfollow_button(
    client_for, citizen, other_citizen, idea
):
    IdeaFactory(challenge=idea.challenge, title="Idea que sigue otra persona")
    IdeaFollow.objects.create(user=other_citizen, idea=IdeaFactory(challenge=idea.challenge, title="Ajena"))
    client = client_for(citizen)
    html = client.get(ACTIVITY).content.decode()
    assert "Ideas que sigo" in html and "Todavía no sigue ninguna idea." in html
    services.idea_follow(user=citizen, idea=idea)
    html = client.get(ACTIVITY).content.decode()
    assert "Tablero de contratos" in html and "Ajena" not in html
    assert f'action="{reverse("ideas:unfollow", args=[idea.pk])}"' in html
    assert "Tablero de contratos" in client.get(ACTIVITY + "ideas-que-sigo/").content.decode()
    response = client.post(reverse("ideas:unfollow", args=[idea.pk]), {"next": ACTIVITY})
    assert response["Location"] == ACTIVITY
    html = client.get(ACTIVITY).content.decode()
    assert "Dejó de seguir la idea «Tablero de contratos»." in html
    assert "Todavía no sigue ninguna idea." in html


def test_the_export_lists_the_follows_and_deleting_the_account_removes_them(citizen, idea):
    services.idea_follow(user=citizen, idea=idea)
    exported = json.loads(json.dumps(account_export(user=citizen), default=str))
    assert [(row["idea"], row["title"]) for row in exported["idea_follows"]] == [
        (idea.pk, "Tablero de contratos")
    ]
    account_delete(user=citizen)
    assert not IdeaFollow.objects.exists()


# The page cache ---------------------------------------------------------------------------


@pytest.fixture
def _site_identity(db):
    from wagtail.models import Site

    from cms.models import SiteIdentity

    SiteIdentity.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.usefixtures("_site_identity")
def test_the_cached_anonymous_page_never_shows_anyones_follow_state(settings, citizen, idea):
    settings.PAGE_CACHE_SECONDS = 300
    url = idea.get_absolute_url()
    follower = Client()
    follower.force_login(citizen, backend="django.contrib.auth.backends.ModelBackend")
    follower.post(reverse("ideas:follow", args=[idea.pk]))
    # The follower sees her state; her page is not stored for anyone.
    mine = follower.get(url)
    assert mine.get("X-Page-Cache") is None and "Dejar de seguir" in mine.content.decode()

    visitor = Client()
    first = visitor.get(url)
    second = Client().get(url)
    assert first.get("X-Page-Cache") == "miss" and second.get("X-Page-Cache") == "hit"
    for response in (first, second):
        html = response.content.decode()
        assert "Ingrese para seguir esta idea" in html
        assert "Dejar de seguir" not in html and "Usted sigue esta idea" not in html
        assert reverse("ideas:unfollow", args=[idea.pk]) not in html

    # With the anonymous page in the cache, a signed-in person still gets her own state.
    other = Client()
    other.force_login(UserFactory(), backend="django.contrib.auth.backends.ModelBackend")
    html = other.get(url).content.decode()
    assert "Seguir esta idea" in html and "Dejar de seguir" not in html
    assert "Dejar de seguir" in follower.get(url).content.decode()
