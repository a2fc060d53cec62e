"""Participants write Markdown; what reaches other people's browsers is sanitised."""

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.markdown import ALLOWED_TAGS, render_markdown


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_safe(html: str) -> None:
    for tag, attrs in _Elements(html).elements:
        assert tag in ALLOWED_TAGS, (tag, html)
        assert set(attrs) <= {"href", "title", "rel"}, (attrs, html)
        if "href" in attrs:
            assert attrs["href"].lower().startswith(("http://", "https://", "mailto:")), html


HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[datos](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![foto](https://rastreador.example/pixel.gif)",
    '<div onmouseover="alert(1)">pasa</div>',
    "<iframe src='https://malicioso.example'></iframe>",
    "<style>body{display:none}</style>",
    '<svg onload="alert(1)"></svg>',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_is_neutralised(text):
    html = render_markdown(text)
    assert_safe(html)


def test_ordinary_markdown_survives():
    html = render_markdown(
        "**Negrita**, *cursiva* y [un enlace](https://www.bucaramanga.gov.co).\n\n- uno\n- dos"
    )
    assert "<strong>Negrita</strong>" in html and "<em>cursiva</em>" in html
    assert (
        '<a href="https://www.bucaramanga.gov.co" rel="nofollow noopener noreferrer ugc">un enlace</a>'
        in html
    )
    assert "<li>uno</li>" in html


def test_html_written_by_a_person_is_shown_as_text():
    assert "&lt;b&gt;hola&lt;/b&gt;" in render_markdown("<b>hola</b>")


@given(st.text(max_size=300))
def test_no_text_produces_a_script_or_an_event_handler(text):
    assert_safe(render_markdown(text))


@given(st.text(alphabet="<>[]()!:=\"' ajvscriptonerdlfhm/*_-\n", max_size=200))
def test_markup_soup_stays_safe(text):
    assert_safe(render_markdown(text))
