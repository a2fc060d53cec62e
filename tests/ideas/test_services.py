"""The participation loop's rules, each role in each phase, through the services."""

import pytest

from core.refusals import Refused
from ideas import services
from ideas.models import Idea, IdeaStatus, IdeaStatusChange, Support
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.challenges.factories import PHASE_OFFSETS, make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

ALL_PHASES = list(PHASE_OFFSETS)


def _refusal(func, **kwargs) -> Refused:
    with pytest.raises(Refused) as error:
        func(**kwargs)
    return error.value


# Proposing ----------------------------------------------------------------------------


@pytest.mark.parametrize("phase", ALL_PHASES)
def test_propose_only_in_the_ideas_phase(phase, citizen):
    challenge = make_challenge(phase)
    kwargs = {
        "author": citizen,
        "challenge": challenge,
        "title": "Tablero de contratos",
        "body": "Con **datos**.",
    }
    if phase == "ideas":
        idea = services.idea_create(**kwargs)
        assert idea.status == IdeaStatus.PUBLISHED
        assert idea.body_html == "<p>Con <strong>datos</strong>.</p>"
        assert idea.status_changes.get().status_to == IdeaStatus.PUBLISHED
    else:
        refusal = _refusal(services.idea_create, **kwargs)
        assert refusal.code == "wrong_phase"
        assert "solo es posible en «recepción de ideas»" in refusal.message
        assert not Idea.objects.exists()


@pytest.mark.parametrize("kind", ["unverified", "no_consent", "inactive"])
def test_unverified_accounts_cannot_propose(kind):
    user = {
        "unverified": lambda: UserFactory(verified_email=False),
        "no_consent": lambda: UserFactory(consented=False),
        "inactive": lambda: UserFactory(is_active=False),
    }[kind]()
    refusal = _refusal(
        services.idea_create, author=user, challenge=make_challenge("ideas"), title="Título", body="Texto"
    )
    assert refusal.code == "not_verified"
    assert not Idea.objects.exists()


def test_propose_on_behalf_of_an_organization_needs_an_approved_membership(citizen, organization):
    challenge = make_challenge("ideas")
    kwargs = {
        "author": citizen,
        "challenge": challenge,
        "title": "Título",
        "body": "Texto",
        "organization": organization,
    }
    assert _refusal(services.idea_create, **kwargs).code == "not_a_member"
    MembershipFactory(user=citizen, organization=organization, status="pending")
    assert _refusal(services.idea_create, **kwargs).code == "not_a_member"
    citizen.memberships.update(status="approved")
    assert services.idea_create(**kwargs).organization == organization


@pytest.mark.parametrize(
    ("title", "body", "message"), [("  ", "Texto", "título"), ("Título", "  ", "Describa")]
)
def test_empty_title_or_body_is_refused(citizen, title, body, message):
    refusal = _refusal(
        services.idea_create, author=citizen, challenge=make_challenge(), title=title, body=body
    )
    assert refusal.status == 400 and message in refusal.message
    assert not Idea.objects.exists()


# Supporting ---------------------------------------------------------------------------


@pytest.mark.parametrize("phase", ALL_PHASES)
def test_support_and_withdraw_only_while_voting(phase, citizen):
    idea = IdeaFactory(challenge=make_challenge(phase))
    if phase == "voting":
        idea, changed = services.idea_support(user=citizen, idea=idea)
        assert changed and idea.support_count == 1
        support = Support.objects.get()
        assert support.participant_type == "citizen"
        idea, changed = services.idea_withdraw_support(user=citizen, idea=idea)
        assert changed and idea.support_count == 0 and not Support.objects.exists()
    else:
        assert _refusal(services.idea_support, user=citizen, idea=idea).code == "wrong_phase"
        assert _refusal(services.idea_withdraw_support, user=citizen, idea=idea).code == "wrong_phase"
        idea.refresh_from_db()
        assert idea.support_count == 0 and not Support.objects.exists()


def test_supporting_twice_changes_nothing(citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    services.idea_support(user=citizen, idea=idea)
    idea, changed = services.idea_support(user=citizen, idea=idea)
    assert not changed and idea.support_count == 1 and Support.objects.count() == 1
    idea, changed = services.idea_withdraw_support(user=citizen, idea=idea)
    idea, changed = services.idea_withdraw_support(user=citizen, idea=idea)
    assert not changed and idea.support_count == 0


def test_the_support_limit_of_a_challenge(citizen):
    challenge = make_challenge("voting", support_limit=2)
    ideas = [IdeaFactory(challenge=challenge) for _ in range(3)]
    other_challenge_idea = IdeaFactory(challenge=make_challenge("voting", support_limit=2))
    services.idea_support(user=citizen, idea=ideas[0])
    services.idea_support(user=citizen, idea=ideas[1])
    services.idea_support(user=citizen, idea=other_challenge_idea)  # another challenge: its own limit
    refusal = _refusal(services.idea_support, user=citizen, idea=ideas[2])
    assert refusal.code == "support_limit" and refusal.status == 409
    assert "Ya usó sus 2 apoyos" in refusal.message
    ideas[2].refresh_from_db()
    assert ideas[2].support_count == 0
    services.idea_withdraw_support(user=citizen, idea=ideas[0])
    _idea, changed = services.idea_support(user=citizen, idea=ideas[2])
    assert changed


def test_unverified_and_hidden(citizen):
    idea = IdeaFactory(challenge=make_challenge("voting"))
    assert (
        _refusal(services.idea_support, user=UserFactory(verified_email=False), idea=idea).code
        == "not_verified"
    )
    idea.status = IdeaStatus.HIDDEN
    idea.save()
    assert _refusal(services.idea_support, user=citizen, idea=idea).code == "hidden"


def test_supports_of_a_deleted_account_still_count(citizen):
    from accounts.services import account_delete

    idea = IdeaFactory(challenge=make_challenge("voting"))
    services.idea_support(user=citizen, idea=idea)
    account_delete(user=citizen)
    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.filter(idea=idea).count()
    assert idea.supports.get().user.public_name == "participante anónimo"


# Comments ----------------------------------------------------------------------------


@pytest.mark.parametrize("phase", ALL_PHASES)
def test_comments_are_open_between_the_opening_and_the_closing(phase, citizen):
    idea = IdeaFactory(challenge=make_challenge(phase))
    if phase in {"upcoming", "closed"}:
        assert (
            _refusal(services.comment_create, author=citizen, idea=idea, body="Buena idea").code
            == "wrong_phase"
        )
        assert not idea.comments.exists()
    else:
        comment = services.comment_create(author=citizen, idea=idea, body="Buena idea")
        reply = services.comment_create(author=citizen, idea=idea, body="Respondo", parent=comment)
        idea.refresh_from_db()
        assert idea.comment_count == 2 and reply.parent == comment


def test_a_reply_must_belong_to_the_same_idea(citizen):
    challenge = make_challenge("ideas")
    first, second = IdeaFactory(challenge=challenge), IdeaFactory(challenge=challenge)
    comment = services.comment_create(author=citizen, idea=first, body="Hola")
    refusal = _refusal(services.comment_create, author=citizen, idea=second, body="Hola", parent=comment)
    assert refusal.status == 400
    assert second.comments.count() == 0


def test_authors_edit_within_the_window_and_it_shows(citizen, other_citizen):
    from django.utils import timezone

    idea = IdeaFactory(challenge=make_challenge("ideas"))
    comment = services.comment_create(author=citizen, idea=idea, body="Primera versión")
    assert (
        _refusal(services.comment_edit, author=other_citizen, comment=comment, body="x").code == "not_author"
    )
    comment = services.comment_edit(author=citizen, comment=comment, body="Segunda *versión*")
    assert comment.edited_at is not None and comment.body_html == "<p>Segunda <em>versión</em></p>"
    comment.created_at = timezone.now() - services.COMMENT_EDIT_WINDOW - timezone.timedelta(seconds=1)
    comment.save()
    assert (
        _refusal(services.comment_edit, author=citizen, comment=comment, body="Tercera").code == "edit_window"
    )
    comment.refresh_from_db()
    assert comment.body == "Segunda *versión*"


# Status and evaluation ------------------------------------------------------------------


def test_status_history_with_public_reasons(staff_user):
    idea = IdeaFactory(challenge=make_challenge("evaluation"))
    services.idea_change_status(
        idea=idea, by=staff_user, status="under_evaluation", reason="Pasa a evaluación."
    )
    services.idea_change_status(idea=idea, by=staff_user, status="selected", reason="Mejor puntaje.")
    services.idea_change_status(
        idea=idea, by=staff_user, status="in_implementation", reason="Contrato firmado."
    )
    history = list(
        IdeaStatusChange.objects.filter(idea=idea).values_list("status_from", "status_to", "reason")
    )
    assert history == [
        ("published", "under_evaluation", "Pasa a evaluación."),
        ("under_evaluation", "selected", "Mejor puntaje."),
        ("selected", "in_implementation", "Contrato firmado."),
    ]


@pytest.mark.parametrize(
    ("status", "reason", "code"), [("implemented", "Ya", "invalid_status"), ("selected", " ", "invalid")]
)
def test_bad_status_changes_are_refused_and_change_nothing(staff_user, status, reason, code):
    idea = IdeaFactory(challenge=make_challenge("evaluation"))
    assert (
        _refusal(services.idea_change_status, idea=idea, by=staff_user, status=status, reason=reason).code
        == code
    )
    idea.refresh_from_db()
    assert idea.status == "published" and not idea.status_changes.exists()


def test_evaluation_scores_one_to_five_per_criterion(staff_user):
    challenge = make_challenge("evaluation", criteria=[("Impacto", 3), ("Viabilidad", 1)])
    idea = IdeaFactory(challenge=challenge)
    impact = challenge.criteria.get(name="Impacto")
    services.evaluation_save(evaluator=staff_user, idea=idea, criterion=impact, score=4)
    services.evaluation_save(evaluator=staff_user, idea=idea, criterion=impact, score=5, comment="Muy buena")
    assert idea.evaluations.get().score == 5
    for bad in (0, 6, "5"):
        assert (
            _refusal(
                services.evaluation_save, evaluator=staff_user, idea=idea, criterion=impact, score=bad
            ).status
            == 400
        )
    other = make_challenge("evaluation", criteria=[("Otro", 1)]).criteria.get()
    assert (
        _refusal(services.evaluation_save, evaluator=staff_user, idea=idea, criterion=other, score=3).status
        == 400
    )


def test_no_evaluation_while_ideas_are_coming_in(staff_user):
    challenge = make_challenge("ideas", criteria=[("Impacto", 1)])
    idea = IdeaFactory(challenge=challenge)
    refusal = _refusal(
        services.evaluation_save, evaluator=staff_user, idea=idea, criterion=challenge.criteria.get(), score=3
    )
    assert refusal.code == "wrong_phase"


def test_nobody_proposes_on_behalf_of_an_unverified_organization(citizen):
    from accounts.models import Organization

    unverified = Organization.objects.create(name="Gremio sin verificar", slug="gsv", kind="guild")
    MembershipFactory(user=citizen, organization=unverified, status="approved")
    refusal = _refusal(
        services.idea_create,
        author=citizen,
        challenge=make_challenge("ideas"),
        title="T",
        body="B",
        organization=unverified,
    )
    assert refusal.code == "organization_not_verified" and "aún no ha sido verificada" in refusal.message
    assert not Idea.objects.exists()
