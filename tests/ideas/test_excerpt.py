"""The excerpt of an idea on its card: plain words, cut at a word boundary with an ellipsis."""

import re

import pytest

from core.markdown import render_markdown
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

BODY = (
    "# Un tablero abierto\n\n"
    "Publicar **cada contrato** con su _avance_ y un [enlace](https://secop.gov.co/contrato) "
    "al expediente.\n\n"
    "- Niños & niñas\n- <b>sin</b> `código`\n\n" + " ".join(f"palabra{n}" for n in range(60))
)


def _excerpt(html: str) -> str:
    return re.search(r'<p class="idea-card__excerpt">(.*?)</p>', html, re.DOTALL).group(1)


def test_the_card_excerpt_is_plain_text_cut_at_a_word_with_an_ellipsis(client):
    challenge = make_challenge("ideas")
    IdeaFactory(challenge=challenge, body=BODY, body_html=render_markdown(BODY))
    excerpt = _excerpt(client.get(challenge.url).content.decode())
    assert excerpt.startswith(
        "Un tablero abierto Publicar cada contrato con su avance y un enlace al expediente."
    )
    # No Markdown syntax, no tag (rendered or typed), entities decoded then escaped once.
    for syntax in ("**", "_avance_", "#", "[enlace]", "](", "https://", "<", "&lt;", "&amp;amp;", "`"):
        assert syntax not in excerpt, syntax
    assert "Niños &amp; niñas sin código" in excerpt
    # 32 words, the last one whole, then the ellipsis.
    words = excerpt.split()
    assert len(words) == 32 and re.fullmatch(r"palabra\d+…", words[-1])


def test_a_short_body_is_shown_whole_without_ellipsis(client):
    challenge = make_challenge("ideas")
    IdeaFactory(
        challenge=challenge, body="Corta y **clara**.", body_html=render_markdown("Corta y **clara**.")
    )
    assert _excerpt(client.get(challenge.url).content.decode()) == "Corta y clara."
