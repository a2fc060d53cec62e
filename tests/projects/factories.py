"""Offices and projects with weighted milestones."""

import datetime

import factory
from django.utils import timezone

from accounts.models import Office
from projects.models import Milestone, Project, Status


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Secretaría de Infraestructura {n}")
    slug = factory.Sequence(lambda n: f"infraestructura-{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Proyecto {n}: tablero de contratos por comuna")
    summary = "Publicar cada contrato de obra con su avance y sus pagos."
    office = factory.SubFactory(OfficeFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=120))
    status = Status.IN_PROGRESS
    budget = 150_000_000


def milestone(project: Project, title: str, weight: int, *, done: bool = False, **fields) -> Milestone:
    today = timezone.localdate()
    return Milestone.objects.create(
        project=project,
        title=title,
        weight=weight,
        due_on=fields.pop("due_on", today + datetime.timedelta(days=30)),
        done_on=fields.pop("done_on", today - datetime.timedelta(days=1) if done else None),
        **fields,
    )
