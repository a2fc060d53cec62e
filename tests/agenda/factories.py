"""Events of the agenda around now."""

import datetime

import factory
from django.utils import timezone

from agenda.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Taller de datos abiertos {n}")
    kind = "workshop"
    description = "Cómo leer los datos de la contratación municipal."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    venue = "Biblioteca Pública Gabriel Turbay"
    address = "Calle 30 # 26-117, Bucaramanga"
    accessibility = "Rampa de acceso y baño accesible en el primer piso."
    capacity = 2
