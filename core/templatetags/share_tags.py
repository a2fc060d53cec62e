"""Sharing a page: its Open Graph and Twitter card tags, its canonical link, the share links.

Every absolute link is built from SITE_URL (core.urls), never from the request's Host, so that
a page stored by the page cache is the same whoever asked for it first.

- `{% page_meta %}` in the base template's head; a page that knows better passes its own
  `title`, `description` (plain text) or `description_html` (sanitised HTML), `image` (a Wagtail
  image) or `type` (`{% page_meta title=idea.title description_html=idea.body_html
  type="article" %}` in a `page_meta` block). The defaults come from
  the Wagtail page being rendered, if any: its SEO title or title, its search description or
  summary, its `image`.
- `{% share_links title %}`: WhatsApp, X, Facebook and "Copiar enlace" for the current page
  (or `path=`), plain links that open a new tab; static/js/share.js copies without leaving.
- `{{ html|plain_excerpt:30 }}`: the plain text of sanitised HTML, cut at a word boundary.
"""

from urllib.parse import quote, urlencode

from django import template
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.markdown import plain_text
from core.urls import absolute

register = template.Library()

DESCRIPTION_WORDS = 40
# The size the social networks show large (1.91:1); smaller images are not upscaled.
IMAGE_SPEC = "fill-1200x630-c50"


@register.filter
def plain_excerpt(value, words: int = DESCRIPTION_WORDS) -> str:
    """Plain text of sanitised HTML (core.markdown.plain_text), at most `words` words, cut at a
    word boundary with an ellipsis. The template escapes it again on output, once."""
    return _words(plain_text(value), int(words))


def _words(text: str, words: int) -> str:
    return Truncator(" ".join(str(text or "").split())).words(words, truncate="…")


def _image(image) -> dict:
    """The absolute URL and size of a rendition of a Wagtail image that the social networks
    can show (not SVG); empty when there is none."""
    if image is None or not hasattr(image, "get_rendition"):
        return {}
    is_svg = getattr(image, "is_svg", None)
    if callable(is_svg) and is_svg():
        return {}
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except OSError:  # the file is missing or unreadable (Wagtail's SourceImageIOError): no image
        return {}
    return {"url": absolute(rendition.url), "width": rendition.width, "height": rendition.height}


def _page_defaults(page) -> dict:
    if page is None or not hasattr(page, "title"):
        return {}
    description = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
    if not description and getattr(page, "intro", ""):
        description = page.intro
    return {
        "title": getattr(page, "seo_title", "") or page.title,
        "description": description,
        "image": getattr(page, "image", None),
    }


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context, title=None, description=None, description_html=None, image=None, type=None):
    request = context.get("request")
    defaults = _page_defaults(context.get("page"))
    site_name = _("Laboratorio de Innovación Pública de Bucaramanga")
    title = title or defaults.get("title") or site_name
    if description_html:
        description = plain_excerpt(description_html, DESCRIPTION_WORDS)
    else:
        description = _words(description or defaults.get("description", ""), DESCRIPTION_WORDS)
    return {
        "canonical_url": absolute(request.path) if request is not None else "",
        "title": title,
        "description": description,
        "image": _image(image if image is not None else defaults.get("image"))
        or _image(context.get("meta_fallback_image")),
        "type": type or "website",
        "site_name": site_name,
    }


def share_urls(url: str, title: str) -> dict[str, str]:
    """The share links of the networks people use in Colombia, for an absolute `url`."""
    return {
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{title} {url}".strip()}, quote_via=quote),
        "x": "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title}, quote_via=quote),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}, quote_via=quote),
    }


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, title: str = "", path: str | None = None):
    request = context.get("request")
    url = absolute(path if path is not None else (request.path if request is not None else "/"))
    title = str(title)
    return {"url": url, "title": title, "links": share_urls(url, title)}
