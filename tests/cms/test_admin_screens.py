"""The admin screens that staff use open without errors for our custom user model."""

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    user = User.objects.create_superuser(email="admin@correo.example", password="x", display_name="Admin")
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/cms-admin/",
        "/cms-admin/pages/",
        "/cms-admin/users/",
        "/cms-admin/users/new/",
        "/cms-admin/groups/",
        "/cms-admin/documents/",
        "/cms-admin/settings/cms/siteidentity/",
        "/django-admin/accounts/user/",
        "/django-admin/accounts/user/add/",
        "/django-admin/accounts/organization/",
        "/django-admin/accounts/membership/",
        "/django-admin/accounts/consent/",
    ],
)
def test_admin_screen_opens(client, superuser, url):
    client.force_login(superuser, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(url, follow=True)
    assert response.status_code == 200, url


def test_wagtail_admin_creates_a_user_with_our_fields(client, superuser):
    client.force_login(superuser, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        "/cms-admin/users/new/",
        {
            "email": "nuevo.editor@correo.example",
            "display_name": "Nuevo Editor",
            "participant_type": "public_entity",
            "password1": "Clave-Segura-Santander-1",
            "password2": "Clave-Segura-Santander-1",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="nuevo.editor@correo.example")
    assert (user.display_name, user.participant_type) == ("Nuevo Editor", "public_entity")


def test_superuser_creation_command(db):
    user = User.objects.create_superuser(email="Raiz@Correo.example", password="x")
    assert user.is_staff and user.is_superuser and user.email == "Raiz@correo.example"
    assert reverse("admin:index") == "/django-admin/"
