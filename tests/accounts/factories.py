"""Factories for accounts: a user is verified (e-mail and current consent) unless told otherwise.

`UserFactory(verified_email=False)` or `UserFactory(consented=False)` make the other kinds.
"""

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group

from accounts.models import Consent, Membership, Organization, User

PASSWORD = "clave-de-prueba-2026"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persona{n}@correo.example")
    display_name = factory.Faker("name", locale="es_CO")
    participant_type = "citizen"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=obj, email=obj.email, primary=True, verified=extracted is not False
            )

    @factory.post_generation
    def consented(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            Consent.objects.create(user=obj, policy_version=settings.PRIVACY_POLICY_VERSION)

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        for name in extracted or []:
            obj.groups.add(Group.objects.get_or_create(name=name)[0])


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Organización {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    kind = "civil_society"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.PENDING
