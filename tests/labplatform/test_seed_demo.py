"""`seed_demo`: the demo accounts of every role, organisations and pages; safe to run twice."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Membership, Organization, User
from accounts.selectors import user_is_verified
from cms.models import NewsPage, StandardPage
from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())


def test_seed_refuses_to_run_on_a_production_site():
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def _counts():
    return (
        User.objects.count(),
        Organization.objects.count(),
        Membership.objects.count(),
        NewsPage.objects.count(),
        StandardPage.objects.count(),
    )


def test_seed_is_idempotent():
    seed()
    first = _counts()
    seed()
    assert _counts() == first
    assert {a.email for a in DEMO_ACCOUNTS} <= set(User.objects.values_list("email", flat=True))
    assert first[1] >= 5 and first[3] >= 4


def test_seed_has_challenges_in_the_ideas_voting_and_results_phases():
    from challenges.models import ChallengePage
    from ideas.models import Comment, Evaluation, Idea, Support

    seed()
    phases = sorted(challenge.phase for challenge in ChallengePage.objects.live())
    assert phases == ["ideas", "results", "voting"]
    assert Idea.objects.count() >= 30
    assert Support.objects.exists() and Comment.objects.filter(parent__isnull=False).exists()
    assert Evaluation.objects.exists()
    assert Idea.objects.filter(status="selected").exists()
    for idea in Idea.objects.all():
        assert idea.support_count == idea.supports.count()
        assert idea.comment_count == idea.comments.count()


def test_every_demo_account_logs_in_and_has_its_role(client):
    seed()
    for account in DEMO_ACCOUNTS:
        response = client.post(reverse("account_login"), {"login": account.email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, account.email
        user = User.objects.get(email=account.email)
        assert user_is_verified(user)
        assert set(user.groups.values_list("name", flat=True)) == set(account.groups)
        client.post(reverse("account_logout"))
    roles = {a.role for a in DEMO_ACCOUNTS}
    assert {"editora (CMS)", "moderador", "gestora de denuncias", "ciudadana"} <= roles
    university = User.objects.get(email="investigadora@laboratorio.example")
    guild = User.objects.get(email="gremio@laboratorio.example")
    assert university.memberships.get().organization.kind == "university"
    assert guild.memberships.get().organization.kind == "guild"
    assert university.memberships.get().status == "approved"


def test_seeded_site_pages_answer(client):
    seed()
    for url in [
        "/",
        "/noticias/",
        "/el-laboratorio/",
        "/terminos-de-uso/",
        "/accesibilidad/",
        "/organizaciones/",
    ]:
        assert client.get(url).status_code == 200, url
    html = client.get("/").content.decode()
    assert "El laboratorio" in html  # in the main menu
    assert "El observatorio publica sus primeros indicadores" in html  # the latest news


def test_the_banner_lists_every_account():
    from demo.accounts import accounts_banner

    banner = accounts_banner("http://127.0.0.1:8000")
    assert DEMO_PASSWORD in banner
    assert all(account.email in banner for account in DEMO_ACCOUNTS)
