"""Bucaramanga's territories: the city, its 17 comunas and its 3 corregimientos.

One list for every app that places something in the city (reports, observations).
The codes are stable and appear in open data; the names are the official ones.
"""

from django.utils.translation import gettext_lazy as _

CITY = "bucaramanga"

COMUNAS = [
    ("comuna-1", "Comuna 1 Norte"),
    ("comuna-2", "Comuna 2 Nororiental"),
    ("comuna-3", "Comuna 3 San Francisco"),
    ("comuna-4", "Comuna 4 Occidental"),
    ("comuna-5", "Comuna 5 García Rovira"),
    ("comuna-6", "Comuna 6 La Concordia"),
    ("comuna-7", "Comuna 7 La Ciudadela"),
    ("comuna-8", "Comuna 8 Sur Occidente"),
    ("comuna-9", "Comuna 9 La Pedregosa"),
    ("comuna-10", "Comuna 10 Provenza"),
    ("comuna-11", "Comuna 11 Sur"),
    ("comuna-12", "Comuna 12 Cabecera del Llano"),
    ("comuna-13", "Comuna 13 Oriental"),
    ("comuna-14", "Comuna 14 Morrorico"),
    ("comuna-15", "Comuna 15 Centro"),
    ("comuna-16", "Comuna 16 Lagos del Cacique"),
    ("comuna-17", "Comuna 17 Mutis"),
]

CORREGIMIENTOS = [
    ("corregimiento-1", "Corregimiento 1"),
    ("corregimiento-2", "Corregimiento 2"),
    ("corregimiento-3", "Corregimiento 3"),
]

# For a model field's `choices`: the city first, then grouped as people look for them.
TERRITORY_CHOICES = [
    (CITY, _("Bucaramanga (toda la ciudad)")),
    (_("Comunas"), COMUNAS),
    (_("Corregimientos"), CORREGIMIENTOS),
]

TERRITORY_NAMES = {CITY: "Bucaramanga", **dict(COMUNAS), **dict(CORREGIMIENTOS)}


def territory_name(code: str) -> str:
    return TERRITORY_NAMES.get(code, code)
