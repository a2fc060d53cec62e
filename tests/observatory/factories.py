"""Indicators, observations and plans, made directly."""

import datetime
from decimal import Decimal

import factory

from accounts.models import Office
from core.territories import CITY
from observatory.models import Activity, Component, FollowUp, Indicator, Observation, Plan, Progress, Target
from observatory.periods import period_start


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicador {n} de transparencia")
    slug = factory.Sequence(lambda n: f"indicador-{n}")
    unit = "%"
    source = "SECOP II"
    methodology = "Contratos directos dividido por el total de contratos."


def observe(indicator: Indicator, period: str, value, territory: str = CITY, note: str = "") -> Observation:
    return Observation.objects.create(
        indicator=indicator,
        period=period,
        period_start=period_start(period),
        territory=territory,
        value=Decimal(str(value)),
        note=note,
    )


def target(indicator: Indicator, period: str, value) -> Target:
    return Target.objects.create(indicator=indicator, period=period, value=Decimal(str(value)))


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ["year"]

    year = 2026
    title = factory.LazyAttribute(lambda o: f"Plan Anticorrupción y de Atención al Ciudadano {o.year}")


def component(plan: Plan, number: int, name: str = "") -> Component:
    return Component.objects.create(plan=plan, number=number, name=name or f"Componente {number}")


def activity(
    component_: Component, code: str, due: datetime.date, start: datetime.date | None = None
) -> Activity:
    return Activity.objects.create(
        component=component_,
        code=code,
        description=f"Actividad {code}",
        goal="Informe publicado",
        indicator="Informes publicados / 1",
        responsible_office=Office.objects.get_or_create(
            slug="planeacion", defaults={"name": "Secretaría de Planeación"}
        )[0],
        start_date=start or due.replace(month=1, day=1),
        due_date=due,
    )


def follow_up(plan: Plan, cut: str, published_on: datetime.date | None = None) -> FollowUp:
    return FollowUp.objects.create(plan=plan, cut=cut, published_on=published_on)


def progress(follow_up_: FollowUp, activity_: Activity, percent: int, **fields) -> Progress:
    return Progress.objects.create(follow_up=follow_up_, activity=activity_, percent=percent, **fields)
