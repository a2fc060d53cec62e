"""Projects and risks in the site search registry: found by their words, in bounded queries."""

import pytest

from core import search
from tests.observatory.risk_factories import make_risk
from tests.projects.factories import ProjectFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def _provider(type_: str):
    return next(t.provider for t in search.search_types() if t.type == type_)


def test_projects_are_searchable_and_unpublished_ones_are_not():
    ProjectFactory(title="Visor del presupuesto participativo")
    ProjectFactory(title="Visor oculto del presupuesto", published=False)
    hits = _provider("project")("presupuesto visor", 10)
    assert [hit.title for hit in hits] == ["Visor del presupuesto participativo"]
    assert hits[0].type == "project" and hits[0].url.startswith("/proyectos/")


def test_risks_are_searchable_by_code_and_words():
    make_risk("RC-07", title="Pago de nómina a personas que no trabajan")
    hits = _provider("risk")("nómina", 10)
    assert [(hit.type, hit.url) for hit in hits] == [("risk", "/observatorio/riesgos/RC-07/")]
    assert _provider("risk")("RC-07", 10)[0].title.startswith("RC-07")


def test_search_queries_are_bounded():
    for n in range(5):
        ProjectFactory(title=f"Proyecto de contratación {n}")
    assert count_queries(lambda: _provider("project")("contratación", 3)) == 1
    assert count_queries(lambda: _provider("risk")("contratos", 3)) == 1
