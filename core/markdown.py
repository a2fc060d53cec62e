"""Markdown from participants, rendered to HTML that is safe to show (Markdown + nh3)."""

import html as html_lib
import re

import markdown as markdown_lib
import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "h3",
    "h4",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML: no scripts, no event handlers, no javascript: or data: URLs,
    no images (nothing a participant writes makes the reader's browser fetch anything)."""
    # Participants write text, not HTML: escape raw HTML before Markdown sees it.
    html = markdown_lib.markdown(
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        extensions=["sane_lists", "nl2br"],
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
    )


# Where one block of text ends and the next begins: a space, so that words do not run together.
_BLOCK_BOUNDARY = re.compile(r"<(?:br|hr|/p|/li|/h[1-6]|/blockquote|/pre)\b[^>]*>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """The words of sanitised HTML as plain text, for excerpts and previews: no tags, entities
    decoded (`&amp;` is `&`), and none of the tags a participant typed as text either (their
    `<b>` is escaped in the HTML, so it would come back after decoding). Whitespace collapsed.
    The result is text: a template escapes it again, once."""
    text = strip_tags(_BLOCK_BOUNDARY.sub(" ", str(html or "")))
    text = strip_tags(html_lib.unescape(text))
    return " ".join(text.split())
