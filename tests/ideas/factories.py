"""Ideas, made directly (the services are tested on their own)."""

import factory

from core.markdown import render_markdown
from ideas.models import Idea
from tests.accounts.factories import UserFactory


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea {n}: tablero de contratos en línea")
    body = "Publicar cada contrato con su avance y sus pagos, **comuna por comuna**."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
