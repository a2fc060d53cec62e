"""Ideas, supports and comments through the JSON API: every role in every phase, every refusal
with its message and nothing changed, the list's shape, order and query bound."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from ideas.models import Comment, Idea, IdeaStatusChange, Support
from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.challenges.factories import PHASE_OFFSETS, make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

IDEAS = "/api/v1/ideas/"
ALL_PHASES = list(PHASE_OFFSETS)
COMMENT_PHASES = {"ideas", "evaluation_before_voting", "voting", "evaluation", "results"}
ROLES = ["anonymous", "unverified", "no_consent", "verified"]

NOT_AUTHENTICATED = "Ingrese con su cuenta para participar."
NOT_VERIFIED = "Para participar, verifique su correo y autorice el tratamiento de sus datos personales."


def api(user=None, **kwargs) -> APIClient:
    client = APIClient(**kwargs)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def make_user(role):
    return {
        "anonymous": lambda: None,
        "unverified": lambda: UserFactory(verified_email=False),
        "no_consent": lambda: UserFactory(consented=False),
        "verified": lambda: UserFactory(),
    }[role]()


def detail(idea) -> str:
    return f"{IDEAS}{idea.pk}/"


def support_url(idea) -> str:
    return f"{IDEAS}{idea.pk}/support/"


def comments_url(idea) -> str:
    return f"{IDEAS}{idea.pk}/comments/"


def bogota(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat()


def snapshot() -> tuple:
    """Everything the writes could change."""
    return (
        list(Idea.objects.order_by("pk").values_list("pk", "support_count", "comment_count", "status")),
        list(Support.objects.order_by("pk").values_list("pk", "idea_id", "user_id")),
        list(Comment.objects.order_by("pk").values_list("pk", "body")),
        IdeaStatusChange.objects.count(),
    )


def assert_refused(response, status: int, detail: str, code: str | None = None) -> None:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["detail"] == detail
    if code is not None:
        assert body["code"] == code


# Listing ------------------------------------------------------------------------------


def test_an_idea_with_every_field_of_the_contract(citizen, organization):
    challenge = make_challenge("voting")
    author = UserFactory(display_name="Marcela Rueda")
    idea = IdeaFactory(
        challenge=challenge,
        author=author,
        organization=organization,
        title="Tablero de contratos",
        body="Con **datos** <script>alert(1)</script>",
        support_count=3,
        comment_count=2,
        comuna="comuna-13",
    )
    plain = IdeaFactory(challenge=challenge, author=author)

    response = api().get(IDEAS, {"challenge": challenge.pk})

    assert response.status_code == 200
    results = {item["id"]: item for item in response.json()["results"]}
    assert results[idea.pk] == {
        "id": idea.pk,
        "challenge": challenge.pk,
        "title": "Tablero de contratos",
        "body_html": idea.body_html,
        "author": "Marcela Rueda",
        "organization": "Universidad Industrial de Santander",
        "status": "published",
        "support_count": 3,
        "comment_count": 2,
        "supported_by_me": False,
        "created_at": bogota(idea.created_at),
        "comuna": "comuna-13",
        "comuna_name": "Comuna 13 Oriental",
    }
    assert "<script>" not in results[idea.pk]["body_html"]
    assert "<strong>datos</strong>" in results[idea.pk]["body_html"]
    assert results[idea.pk]["created_at"].endswith("-05:00")
    assert results[plain.pk]["organization"] is None


def test_a_deleted_account_shows_its_public_name(citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"), author=citizen)
    citizen.deleted_at = timezone.now()
    citizen.save()
    assert api().get(detail(idea)).json()["author"] == citizen.public_name != "Diana Pabón"


def test_hidden_ideas_are_not_listed_and_their_detail_is_404():
    challenge = make_challenge("voting")
    shown = IdeaFactory(challenge=challenge)
    selected = IdeaFactory(challenge=challenge, status="selected")
    hidden = IdeaFactory(challenge=challenge, status="hidden")
    client = api()
    listed = [item["id"] for item in client.get(IDEAS).json()["results"]]
    assert sorted(listed) == sorted([shown.pk, selected.pk])
    assert client.get(detail(shown)).json()["id"] == shown.pk
    assert client.get(detail(selected)).json()["status"] == "selected"
    response = client.get(detail(hidden))
    assert response.status_code == 404
    assert response.json() == {"detail": "No encontrado."}
    assert client.get(support_url(hidden)).status_code == 405  # GET is not a method of support
    assert client.get(comments_url(hidden)).status_code == 404
    assert client.get(f"{IDEAS}no-es-un-numero/").status_code == 404


def test_ideas_of_drafts_and_private_challenges_are_not_public():
    from wagtail.models import PageViewRestriction

    public = IdeaFactory(challenge=make_challenge("voting"))
    draft = make_challenge("voting")
    in_draft = IdeaFactory(challenge=draft)
    draft.unpublish()
    private = make_challenge("voting")
    in_private = IdeaFactory(challenge=private)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secreto")

    client = api()
    assert [item["id"] for item in client.get(IDEAS).json()["results"]] == [public.pk]
    for idea in (in_draft, in_private):
        assert client.get(detail(idea)).status_code == 404
        assert client.get(comments_url(idea)).status_code == 404
    response = client.get(IDEAS, {"challenge": private.pk})
    assert response.status_code == 400


def test_filter_by_challenge(citizen):
    challenge, other = make_challenge("voting"), make_challenge("voting")
    mine = IdeaFactory(challenge=challenge, author=citizen)
    IdeaFactory(challenge=other, author=citizen)
    response = api().get(IDEAS, {"challenge": challenge.pk})
    assert [item["id"] for item in response.json()["results"]] == [mine.pk]
    assert response.json()["count"] == 1


def test_an_unknown_challenge_is_a_field_error_in_spanish():
    response = api().get(IDEAS, {"challenge": 999999})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Revise los datos enviados.",
        "challenge": ["Escoja una opción válida. Esa opción no está entre las disponibles."],
    }


def _ideas_for_ordering(author):
    challenge = make_challenge("voting")
    now = timezone.now()
    specs = {"old": (5, 0, 3), "new": (1, 1, 0), "middle": (9, 2, 1)}  # supports, age rank, comments
    ideas = {}
    for name, (supports, rank, comments) in specs.items():
        idea = IdeaFactory(challenge=challenge, author=author, support_count=supports, comment_count=comments)
        Idea.objects.filter(pk=idea.pk).update(created_at=now - datetime.timedelta(days=10 - 3 * rank))
        ideas[name] = idea.pk
    return challenge, ideas


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (None, ["middle", "old", "new"]),
        ("-supports", ["middle", "old", "new"]),
        ("supports", ["new", "old", "middle"]),
        ("-created", ["middle", "new", "old"]),
        ("created", ["old", "new", "middle"]),
        ("-comments", ["old", "middle", "new"]),
    ],
)
def test_orderings(citizen, ordering, expected):
    challenge, ideas = _ideas_for_ordering(citizen)
    params = {"challenge": challenge.pk} | ({"ordering": ordering} if ordering else {})
    response = api().get(IDEAS, params)
    assert [item["id"] for item in response.json()["results"]] == [ideas[name] for name in expected]


def test_an_unknown_ordering_is_a_400_in_spanish_or_english():
    response = api().get(IDEAS, {"ordering": "-votes"})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Revise los datos enviados.",
        "ordering": ["Escoja una opción válida. -votes no es una de las opciones disponibles."],
    }
    english = api().get(IDEAS, {"ordering": "-votes"}, headers={"accept-language": "en"})
    assert english.status_code == 400
    assert english.json() == {
        "detail": "Check the data you sent.",
        "ordering": ["Select a valid choice. -votes is not one of the available choices."],
    }


def test_supported_by_me(citizen, other_citizen):
    challenge = make_challenge("voting")
    supported, other = IdeaFactory(challenge=challenge), IdeaFactory(challenge=challenge)
    Support.objects.create(idea=supported, user=citizen, participant_type="citizen")

    def flags(client):
        return {item["id"]: item["supported_by_me"] for item in client.get(IDEAS).json()["results"]}

    assert flags(api(citizen)) == {supported.pk: True, other.pk: False}
    assert flags(api(other_citizen)) == {supported.pk: False, other.pk: False}
    assert flags(api()) == {supported.pk: False, other.pk: False}
    assert api(citizen).get(detail(supported)).json()["supported_by_me"] is True
    assert api().get(detail(supported)).json()["supported_by_me"] is False


def test_the_list_is_paginated(citizen):
    challenge = make_challenge("voting")
    for _ in range(53):
        IdeaFactory(challenge=challenge, author=citizen)
    client = api()
    first = client.get(IDEAS, {"challenge": challenge.pk, "ordering": "-created"}).json()
    assert set(first) == {"count", "next", "previous", "results"}
    assert first["count"] == 53 and len(first["results"]) == 50 and first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/ideas/?")
    assert "page=2" in first["next"] and "ordering=-created" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 3 and second["next"] is None and second["previous"] is not None
    seen = {item["id"] for item in first["results"] + second["results"]}
    assert len(seen) == 53
    assert client.get(IDEAS, {"page": 9}).json() == {"detail": "Página inválida."}


def _ideas_with_supports(challenge, count: int, supporter) -> None:
    author = UserFactory()
    organization = OrganizationFactory()
    for number in range(count):
        idea = IdeaFactory(challenge=challenge, author=author, organization=organization)
        if number % 2:
            Support.objects.create(idea=idea, user=supporter, participant_type="citizen")


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_list_costs_the_same_queries_for_10_or_60_ideas(citizen, logged_in):
    challenge = make_challenge("voting")
    client = api(citizen if logged_in else None)
    url = f"{IDEAS}?challenge={challenge.pk}&ordering=-supports"
    _ideas_with_supports(challenge, 10, citizen)
    client.get(url)  # warm the caches any earlier request would have warmed
    few = count_queries(lambda: client.get(url))
    _ideas_with_supports(challenge, 50, citizen)
    response = client.get(url)
    assert response.json()["count"] == 60
    many = count_queries(lambda: client.get(url))
    assert many == few, (few, many)
    assert few <= (8 if logged_in else 6)


# Proposing ----------------------------------------------------------------------------


def test_a_verified_account_proposes_an_idea(citizen):
    challenge = make_challenge("ideas")
    response = api(citizen).post(
        IDEAS,
        {"challenge": challenge.pk, "title": "  Tablero de contratos ", "body": "Con **datos**."},
        format="json",
    )
    assert response.status_code == 201, response.content
    idea = Idea.objects.get()
    assert response["Location"] == f"http://testserver{detail(idea)}"
    assert response.json() == {
        "id": idea.pk,
        "challenge": challenge.pk,
        "title": "Tablero de contratos",
        "body_html": "<p>Con <strong>datos</strong>.</p>",
        "author": "Diana Pabón",
        "organization": None,
        "status": "published",
        "support_count": 0,
        "comment_count": 0,
        "supported_by_me": False,
        "created_at": bogota(idea.created_at),
        "comuna": "",
        "comuna_name": "",
    }
    assert (idea.author, idea.challenge_id, idea.body) == (citizen, challenge.pk, "Con **datos**.")
    assert idea.status_changes.get().status_to == "published"


def test_propose_on_behalf_of_an_organization(citizen, organization):
    challenge = make_challenge("ideas")
    payload = {"challenge": challenge.pk, "title": "Título", "body": "Texto", "organization": organization.pk}
    before = snapshot()
    refused = api(citizen).post(IDEAS, payload, format="json")
    assert_refused(
        refused,
        403,
        "Solo los miembros aprobados pueden proponer en nombre de «Universidad Industrial de Santander».",
        "not_a_member",
    )
    assert snapshot() == before
    MembershipFactory(user=citizen, organization=organization, status="approved")
    response = api(citizen).post(IDEAS, payload, format="json")
    assert response.status_code == 201
    assert response.json()["organization"] == "Universidad Industrial de Santander"
    assert (
        api(citizen).post(IDEAS, payload | {"organization": None}, format="json").json()["organization"]
        is None
    )


@pytest.mark.parametrize("phase", ALL_PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_propose_in_each_phase(role, phase):
    challenge = make_challenge(phase)
    user = make_user(role)
    before = snapshot()
    response = api(user).post(
        IDEAS, {"challenge": challenge.pk, "title": "Título", "body": "Texto"}, format="json"
    )
    if role == "anonymous":
        assert_refused(response, 401, NOT_AUTHENTICATED, "not_authenticated")
        assert response["WWW-Authenticate"]
    elif role != "verified":
        assert_refused(response, 403, NOT_VERIFIED, "not_verified")
    elif phase == "ideas":
        assert response.status_code == 201
        assert Idea.objects.get().author == user
        return
    else:
        assert response.status_code == 403
        assert response.json()["code"] == "wrong_phase"
    assert snapshot() == before


def test_the_wrong_phase_message(citizen):
    challenge = make_challenge("voting")
    response = api(citizen).post(
        IDEAS, {"challenge": challenge.pk, "title": "Título", "body": "Texto"}, format="json"
    )
    assert_refused(
        response,
        403,
        "No se puede proponer ideas: el reto está en la fase «votación» "
        "y esto solo es posible en «recepción de ideas».",
        "wrong_phase",
    )
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({}, {"challenge", "title", "body"}),
        ({"title": "Título", "body": "Texto"}, {"challenge"}),
        ({"challenge": "CHALLENGE", "body": "Texto"}, {"title"}),
        ({"challenge": "CHALLENGE", "title": "Título"}, {"body"}),
        ({"challenge": "CHALLENGE", "title": "   ", "body": "Texto"}, {"title"}),
        ({"challenge": "CHALLENGE", "title": "Título", "body": " \n "}, {"body"}),
        ({"challenge": "CHALLENGE", "title": "x" * 141, "body": "Texto"}, {"title"}),
        ({"challenge": "CHALLENGE", "title": "Título", "body": "x" * 10_001}, {"body"}),
        ({"challenge": 999999, "title": "Título", "body": "Texto"}, {"challenge"}),
        (
            {"challenge": "CHALLENGE", "title": "Título", "body": "Texto", "organization": 999999},
            {"organization"},
        ),
    ],
)
def test_bad_input_gets_field_errors_and_changes_nothing(citizen, payload, errors):
    challenge = make_challenge("ideas")
    payload = {key: challenge.pk if value == "CHALLENGE" else value for key, value in payload.items()}
    before = snapshot()
    response = api(citizen).post(IDEAS, payload, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"detail", *errors}
    assert snapshot() == before


def test_field_errors_in_spanish_by_default_and_in_english_on_request(citizen):
    challenge = make_challenge("ideas")
    payload = {"challenge": challenge.pk, "title": "   "}
    spanish = api(citizen).post(IDEAS, payload, format="json")
    assert spanish.json() == {
        "detail": "Revise los datos enviados.",
        "title": ["Este campo no puede estar en blanco."],
        "body": ["Este campo es obligatorio."],
    }
    english = api(citizen).post(IDEAS, payload, format="json", headers={"accept-language": "en"})
    assert english.json() == {
        "detail": "Check the data you sent.",
        "title": ["This field may not be blank."],
        "body": ["This field is required."],
    }


def test_a_challenge_that_is_not_public_cannot_receive_ideas(citizen):
    challenge = make_challenge("ideas")
    challenge.unpublish()
    response = api(citizen).post(IDEAS, {"challenge": challenge.pk, "title": "T", "body": "B"}, format="json")
    assert response.status_code == 400 and set(response.json()) == {"detail", "challenge"}
    assert not Idea.objects.exists()


def test_csrf_is_enforced_for_a_logged_in_session(citizen):
    challenge = make_challenge("ideas")
    payload = {"challenge": challenge.pk, "title": "Título", "body": "Texto"}
    client = api(citizen, enforce_csrf_checks=True)

    refused = client.post(IDEAS, payload, format="json")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("CSRF Failed")
    assert client.post(support_url(IdeaFactory(challenge=challenge)), format="json").status_code == 403
    assert not Idea.objects.filter(title="Título").exists()

    token = "a" * 32
    client.cookies["csrftoken"] = token
    accepted = client.post(IDEAS, payload, format="json", headers={"x-csrftoken": token})
    assert accepted.status_code == 201
    # Reading needs no token.
    assert client.get(IDEAS).status_code == 200


# Supporting ---------------------------------------------------------------------------


def test_support_is_idempotent_and_can_be_withdrawn(citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"), support_count=0)
    client = api(citizen)

    first = client.post(support_url(idea))
    assert first.status_code == 201
    assert first.json() == {"id": idea.pk, "support_count": 1, "supported_by_me": True}
    again = client.post(support_url(idea))
    assert again.status_code == 200
    assert again.json() == {"id": idea.pk, "support_count": 1, "supported_by_me": True}
    assert Support.objects.filter(idea=idea, user=citizen).count() == 1
    assert client.get(detail(idea)).json()["supported_by_me"] is True

    withdrawn = client.delete(support_url(idea))
    assert withdrawn.status_code == 200
    assert withdrawn.json() == {"id": idea.pk, "support_count": 0, "supported_by_me": False}
    assert not Support.objects.exists()
    assert client.delete(support_url(idea)).json() == {
        "id": idea.pk,
        "support_count": 0,
        "supported_by_me": False,
    }
    assert client.get(detail(idea)).json()["supported_by_me"] is False


def test_supports_of_others_are_counted(citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    api(other_citizen).post(support_url(idea))
    response = api(citizen).post(support_url(idea))
    assert response.json() == {"id": idea.pk, "support_count": 2, "supported_by_me": True}


@pytest.mark.parametrize("phase", ALL_PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_support_in_each_phase(role, phase):
    idea = IdeaFactory(challenge=make_challenge(phase))
    user = make_user(role)
    before = snapshot()
    response = api(user).post(support_url(idea))
    if role == "anonymous":
        assert_refused(response, 401, NOT_AUTHENTICATED, "not_authenticated")
    elif role != "verified":
        assert_refused(response, 403, NOT_VERIFIED, "not_verified")
    elif phase == "voting":
        assert response.status_code == 201
        assert Support.objects.get().user == user
        return
    else:
        assert response.status_code == 403 and response.json()["code"] == "wrong_phase"
    assert snapshot() == before


@pytest.mark.parametrize("phase", ALL_PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_withdraw_in_each_phase(role, phase):
    idea = IdeaFactory(challenge=make_challenge(phase), support_count=1)
    user = make_user(role)
    Support.objects.create(idea=idea, user=user or UserFactory(), participant_type="citizen")
    before = snapshot()
    response = api(user).delete(support_url(idea))
    if role == "anonymous":
        assert_refused(response, 401, NOT_AUTHENTICATED, "not_authenticated")
    elif role != "verified":
        assert_refused(response, 403, NOT_VERIFIED, "not_verified")
    elif phase == "voting":
        assert response.json() == {"id": idea.pk, "support_count": 0, "supported_by_me": False}
        assert not Support.objects.exists()
        return
    else:
        assert response.status_code == 403 and response.json()["code"] == "wrong_phase"
    assert snapshot() == before


def test_the_wrong_phase_messages_for_supports(citizen):
    idea = IdeaFactory(challenge=make_challenge("results"))
    Support.objects.create(idea=idea, user=citizen, participant_type="citizen")
    before = snapshot()
    client = api(citizen)
    assert_refused(
        client.post(support_url(idea)),
        403,
        "No se puede apoyar ideas: el reto está en la fase «resultados» "
        "y esto solo es posible en «votación».",
        "wrong_phase",
    )
    assert_refused(
        client.delete(support_url(idea)),
        403,
        "No se puede retirar apoyos: el reto está en la fase «resultados» "
        "y esto solo es posible en «votación».",
        "wrong_phase",
    )
    assert snapshot() == before


def test_over_the_limit_is_a_409_and_changes_nothing(citizen):
    challenge = make_challenge("voting", support_limit=2)
    first, second, third = (IdeaFactory(challenge=challenge) for _ in range(3))
    client = api(citizen)
    assert client.post(support_url(first)).status_code == 201
    assert client.post(support_url(second)).status_code == 201
    before = snapshot()
    assert_refused(
        client.post(support_url(third)),
        409,
        "Ya usó sus 2 apoyos en este reto: retire uno para apoyar otra idea.",
        "support_limit",
    )
    assert snapshot() == before
    # Supporting one already supported is still fine at the limit; withdrawing frees one.
    assert client.post(support_url(first)).status_code == 200
    client.delete(support_url(first))
    assert client.post(support_url(third)).status_code == 201


def test_hidden_or_missing_ideas_cannot_be_supported(citizen):
    hidden = IdeaFactory(challenge=make_challenge("voting"), status="hidden")
    client = api(citizen)
    before = snapshot()
    assert client.post(support_url(hidden)).status_code == 404
    assert client.delete(support_url(hidden)).status_code == 404
    assert client.post(f"{IDEAS}999999/support/").json() == {"detail": "No encontrado."}
    assert snapshot() == before


# Comments -----------------------------------------------------------------------------


def test_comments_are_public_paginated_and_hidden_ones_keep_their_place(citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    first = Comment.objects.create(
        idea=idea, author=citizen, body="Buena idea", body_html="<p>Buena idea</p>"
    )
    hidden = Comment.objects.create(
        idea=idea, author=other_citizen, body="Insulto", body_html="<p>Insulto</p>", hidden=True
    )
    reply = Comment.objects.create(
        idea=idea, parent=first, author=other_citizen, body="Gracias", body_html="<p>Gracias</p>"
    )
    IdeaFactory(challenge=idea.challenge)  # another idea's thread stays out

    response = api().get(comments_url(idea))

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 3 and data["next"] is None
    assert data["results"] == [
        {
            "id": first.pk,
            "parent": None,
            "author": "Diana Pabón",
            "body_html": "<p>Buena idea</p>",
            "created_at": bogota(first.created_at),
            "hidden": False,
        },
        {
            "id": hidden.pk,
            "parent": None,
            "author": "Carlos Ardila",
            "body_html": "",
            "created_at": bogota(hidden.created_at),
            "hidden": True,
        },
        {
            "id": reply.pk,
            "parent": first.pk,
            "author": "Carlos Ardila",
            "body_html": "<p>Gracias</p>",
            "created_at": bogota(reply.created_at),
            "hidden": False,
        },
    ]
    assert "Insulto" not in response.content.decode()


def test_a_verified_account_comments_and_replies(citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    response = api(citizen).post(comments_url(idea), {"body": "¿Y los **datos** abiertos?"}, format="json")
    assert response.status_code == 201, response.content
    comment = Comment.objects.get()
    assert response.json() == {
        "id": comment.pk,
        "parent": None,
        "author": "Diana Pabón",
        "body_html": "<p>¿Y los <strong>datos</strong> abiertos?</p>",
        "created_at": bogota(comment.created_at),
        "hidden": False,
    }
    reply = api(other_citizen).post(comments_url(idea), {"body": "Sí", "parent": comment.pk}, format="json")
    assert reply.status_code == 201
    assert reply.json()["parent"] == comment.pk
    assert Comment.objects.get(pk=reply.json()["id"]).parent == comment
    assert api().get(detail(idea)).json()["comment_count"] == 2


@pytest.mark.parametrize("phase", ALL_PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_comment_in_each_phase(role, phase):
    idea = IdeaFactory(challenge=make_challenge(phase))
    user = make_user(role)
    before = snapshot()
    response = api(user).post(comments_url(idea), {"body": "Opino que sí."}, format="json")
    if role == "anonymous":
        assert_refused(response, 401, NOT_AUTHENTICATED, "not_authenticated")
    elif role != "verified":
        assert_refused(response, 403, NOT_VERIFIED, "not_verified")
    elif phase in COMMENT_PHASES:
        assert response.status_code == 201
        assert Comment.objects.get().author == user
        return
    else:
        assert_refused(response, 403, "Los comentarios de este reto están cerrados.", "wrong_phase")
    assert snapshot() == before


def test_bad_comments_are_refused_and_change_nothing(citizen):
    challenge = make_challenge("voting")
    idea, other = IdeaFactory(challenge=challenge), IdeaFactory(challenge=challenge)
    elsewhere = Comment.objects.create(idea=other, author=citizen, body="Otro", body_html="<p>Otro</p>")
    hidden_idea = IdeaFactory(challenge=challenge, status="hidden")
    client = api(citizen)
    before = snapshot()

    assert_refused(
        client.post(comments_url(idea), {"body": "Respuesta", "parent": elsewhere.pk}, format="json"),
        400,
        "Solo puede responder a comentarios de esta misma idea.",
        "invalid",
    )
    blank = client.post(comments_url(idea), {"body": "  "}, format="json")
    assert blank.status_code == 400 and blank.json() == {
        "detail": "Revise los datos enviados.",
        "body": ["Este campo no puede estar en blanco."],
    }
    too_long = client.post(comments_url(idea), {"body": "x" * 3001}, format="json")
    assert too_long.status_code == 400 and set(too_long.json()) == {"detail", "body"}
    no_parent = client.post(comments_url(idea), {"body": "Hola", "parent": 999999}, format="json")
    assert no_parent.status_code == 400 and set(no_parent.json()) == {"detail", "parent"}
    assert client.post(comments_url(hidden_idea), {"body": "Hola"}, format="json").status_code == 404
    assert snapshot() == before


def test_the_comment_list_costs_the_same_queries_for_10_or_60_comments(citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    client = api()

    def add(count):
        for _ in range(count):
            Comment.objects.create(idea=idea, author=UserFactory(), body="Sí", body_html="<p>Sí</p>")

    add(10)
    client.get(comments_url(idea))
    few = count_queries(lambda: client.get(comments_url(idea)))
    add(50)
    assert client.get(comments_url(idea)).json()["count"] == 60
    assert count_queries(lambda: client.get(comments_url(idea))) == few


# Languages ----------------------------------------------------------------------------


def test_refusals_come_in_the_language_of_the_request(citizen):
    challenge = make_challenge("voting")
    response = api(citizen).post(
        IDEAS,
        {"challenge": challenge.pk, "title": "Título", "body": "Texto"},
        format="json",
        headers={"accept-language": "en"},
    )
    assert response.status_code == 403
    assert response["Content-Language"] == "en"


def test_the_wrong_phase_message_in_english(citizen):
    challenge = make_challenge("voting")
    response = api(citizen).post(
        IDEAS,
        {"challenge": challenge.pk, "title": "Título", "body": "Texto"},
        format="json",
        headers={"accept-language": "en"},
    )
    assert response.status_code == 403
    assert response.json()["detail"].startswith("You cannot propose ideas")


# Documentation ------------------------------------------------------------------------


def test_the_schema_documents_the_participation_endpoints():
    schema = api().get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    assert set(paths["/api/v1/ideas/"]) == {"get", "post"}
    assert set(paths["/api/v1/ideas/{id}/support/"]) == {"post", "delete"}
    assert set(paths["/api/v1/ideas/{id}/comments/"]) == {"get", "post"}
    assert "/api/v1/challenges/{id}/" in paths
    support = paths["/api/v1/ideas/{id}/support/"]["post"]
    assert {"200", "201", "401", "403", "404", "409"} <= set(support["responses"])
    orderings = next(p for p in paths["/api/v1/ideas/"]["get"]["parameters"] if p["name"] == "ordering")
    assert set(orderings["schema"]["enum"]) == {"-supports", "supports", "-created", "created", "-comments"}
    idea = schema["components"]["schemas"]["Idea"]["properties"]
    assert {
        "id",
        "challenge",
        "title",
        "body_html",
        "author",
        "organization",
        "status",
        "support_count",
        "comment_count",
        "supported_by_me",
        "created_at",
    } <= set(idea)
    assert api().get("/api/v1/docs/").status_code == 200


def test_the_schema_builds_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
