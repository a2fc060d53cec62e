"""An idea's page and the forms people use: propose, support, comment, decide, evaluate."""

import pytest
from django.urls import reverse

from ideas import services
from ideas.models import Comment, Evaluation, Idea, Support
from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def _messages(client, response) -> str:
    return client.get(response["Location"]).content.decode()


def test_propose_shows_similar_ideas_before_publishing(client_for, citizen):
    challenge = make_challenge("ideas")
    IdeaFactory(challenge=challenge, title="Tablero de contratos por comuna")
    client = client_for(citizen)
    url = challenge.url + "proponer/"
    assert client.get(url).status_code == 200
    data = {"title": "Un tablero con los contratos", "body": "Publicar **todo**."}
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ideas parecidas que ya están en este reto" in html and "Tablero de contratos por comuna" in html
    assert Idea.objects.count() == 1
    response = client.post(url, {**data, "confirmed": "1"})
    idea = Idea.objects.get(title="Un tablero con los contratos")
    assert response["Location"] == idea.get_absolute_url()
    assert idea.author == citizen and idea.body_html == "<p>Publicar <strong>todo</strong>.</p>"


def test_propose_without_similar_ideas_publishes_at_once(client_for, citizen):
    challenge = make_challenge("ideas")
    response = client_for(citizen).post(challenge.url + "proponer/", {"title": "Algo nuevo", "body": "Texto"})
    assert response.status_code == 302 and Idea.objects.get().title == "Algo nuevo"


def test_propose_outside_the_ideas_phase_says_why(client_for, citizen):
    challenge = make_challenge("voting")
    client = client_for(citizen)
    response = client.get(challenge.url + "proponer/")
    assert "solo es posible en «recepción de ideas»" in _messages(client, response)
    client.post(challenge.url + "proponer/", {"title": "X", "body": "Y", "confirmed": "1"})
    assert not Idea.objects.exists()


def test_propose_with_bad_input_keeps_the_form_and_creates_nothing(client_for, citizen):
    challenge = make_challenge("ideas")
    response = client_for(citizen).post(challenge.url + "proponer/", {"title": "", "body": "x" * 10_001})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Idea.objects.exists()


def test_propose_on_behalf_of_my_organization(client_for, citizen, organization):
    MembershipFactory(user=citizen, organization=organization, status="approved")
    other = OrganizationFactory(name="Otra", slug="otra")
    challenge = make_challenge("ideas")
    client = client_for(citizen)
    assert "A título personal" in client.get(challenge.url + "proponer/").content.decode()
    client.post(challenge.url + "proponer/", {"title": "T", "body": "B", "organization": other.pk})
    assert not Idea.objects.exists()  # not a member of that one: the form refuses the choice
    client.post(challenge.url + "proponer/", {"title": "T", "body": "B", "organization": organization.pk})
    assert Idea.objects.get().organization == organization


def test_anonymous_visitors_are_asked_to_log_in_to_propose(client):
    challenge = make_challenge("ideas")
    response = client.get(challenge.url + "proponer/")
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_support_and_withdraw_through_the_page(client_for, citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    client = client_for(citizen)
    assert "Apoyar esta idea" in client.get(idea.get_absolute_url()).content.decode()
    response = client.post(reverse("ideas:support", args=[idea.pk]))
    page = _messages(client, response)
    assert "Usted apoya esta idea." in page and "Retirar mi apoyo" in page
    client.post(reverse("ideas:withdraw", args=[idea.pk]))
    assert not Support.objects.exists()


def test_support_outside_voting_is_refused_with_its_reason(client_for, citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    client = client_for(citizen)
    response = client.post(reverse("ideas:support", args=[idea.pk]))
    assert "solo es posible en «votación»" in _messages(client, response)
    assert not Support.objects.exists()


def test_support_needs_a_login_and_a_post(client):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    assert reverse("account_login") in client.post(reverse("ideas:support", args=[idea.pk]))["Location"]
    user = UserFactory()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("ideas:support", args=[idea.pk])).status_code == 405
    assert not Support.objects.exists()


def test_threaded_comments_and_the_edited_mark(client_for, citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    client = client_for(citizen)
    client.post(reverse("ideas:comment", args=[idea.pk]), {"body": "¿Quién lo *financia*?"})
    question = Comment.objects.get()
    client_for(other_citizen).post(
        reverse("ideas:comment", args=[idea.pk]), {"body": "La Alcaldía", "parent": question.pk}
    )
    client_for(citizen).post(
        reverse("ideas:comment_edit", args=[question.pk]), {"body": "¿Quién lo financia y cómo?"}
    )
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "¿Quién lo financia y cómo?" in html and "editado" in html
    assert html.index("¿Quién lo financia") < html.index("La Alcaldía")
    assert 'class="replies"' in html


def test_empty_comment_is_refused(client_for, citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    client = client_for(citizen)
    response = client.post(reverse("ideas:comment", args=[idea.pk]), {"body": "  "})
    assert "Escriba su comentario" in _messages(client, response)
    assert not Comment.objects.exists()


def test_only_the_author_edits_a_comment(client_for, citizen, other_citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    comment = services.comment_create(author=citizen, idea=idea, body="Original")
    response = client_for(other_citizen).post(
        reverse("ideas:comment_edit", args=[comment.pk]), {"body": "Cambiado"}
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Original"


def test_co_leads_decide_the_status_and_others_cannot(client_for, citizen, organization):
    challenge = make_challenge("evaluation", co_leads=[organization])
    idea = IdeaFactory(challenge=challenge)
    url = reverse("ideas:change_status", args=[idea.pk])
    data = {"status": "selected", "reason": "Mejor puntaje del jurado."}
    assert client_for(citizen).post(url, data).status_code == 403
    idea.refresh_from_db()
    assert idea.status == "published"
    co_lead = UserFactory()
    MembershipFactory(user=co_lead, organization=organization, status="approved")
    client_for(co_lead).post(url, data)
    idea.refresh_from_db()
    assert idea.status == "selected"
    assert "Mejor puntaje del jurado." in client_for(co_lead).get(idea.get_absolute_url()).content.decode()


def test_co_leads_evaluate_and_scores_stay_private(client_for, citizen, organization):
    challenge = make_challenge(
        "evaluation", co_leads=[organization], criteria=[("Impacto", 2), ("Viabilidad", 1)]
    )
    idea = IdeaFactory(challenge=challenge)
    url = reverse("ideas:evaluate", args=[idea.pk])
    assert client_for(citizen).get(url).status_code == 403
    co_lead = UserFactory()
    MembershipFactory(user=co_lead, organization=organization, status="approved")
    client = client_for(co_lead)
    impact, feasibility = challenge.criteria.order_by("sort_order", "pk")
    response = client.post(url, {f"score_{impact.pk}": "5", f"score_{feasibility.pk}": "9"})
    assert response.status_code == 200 and not Evaluation.objects.exists()  # 9 is not a score
    client.post(
        url, {f"score_{impact.pk}": "5", f"score_{feasibility.pk}": "3", f"comment_{impact.pk}": "Clara"}
    )
    assert sorted(Evaluation.objects.values_list("score", flat=True)) == [3, 5]
    assert "Clara" not in client_for(citizen).get(idea.get_absolute_url()).content.decode()


def test_hidden_idea_shows_the_notice_not_the_text(client):
    idea = IdeaFactory(
        challenge=make_challenge("ideas"), status="hidden", hidden_reason="Datos personales de terceros"
    )
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Esta idea fue ocultada por moderación." in html and "Datos personales de terceros" in html
    assert idea.body_html not in html


def test_a_deleted_author_is_shown_as_anonymous(client, citizen):
    from accounts.services import account_delete

    idea = IdeaFactory(challenge=make_challenge("ideas"), author=citizen)
    services.comment_create(author=citizen, idea=idea, body="Mi comentario")
    account_delete(user=citizen)
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Diana Pabón" not in html
    assert html.count("participante anónimo") >= 2
    assert idea.title in html and "Mi comentario" in html


def test_idea_page_queries_do_not_grow_with_comments(client_for, citizen):
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    client = client_for(citizen)
    client.get(idea.get_absolute_url())
    for n in range(3):
        services.comment_create(author=UserFactory(), idea=idea, body=f"Comentario {n}")
    few = count_queries(lambda: client.get(idea.get_absolute_url()))
    parents = list(idea.comments.all())
    for n in range(40):
        services.comment_create(author=UserFactory(), idea=idea, body=f"Respuesta {n}", parent=parents[n % 3])
    many = count_queries(lambda: client.get(idea.get_absolute_url()))
    assert many == few <= 25


def test_unknown_idea_is_404(client):
    assert client.get(reverse("ideas:detail", args=[99999])).status_code == 404
