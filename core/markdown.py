"""Markdown from participants, rendered to HTML that is safe to show (Markdown + nh3)."""

import markdown as markdown_lib
import nh3

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
