"""Template helpers shared by every app's templates."""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

register = template.Library()

DESCRIPTION_WORDS = 40


@register.filter
def plain_excerpt(value, words: int = DESCRIPTION_WORDS) -> str:
    """Plain text of sanitised HTML, entities decoded, at most `words` words. The template
    escapes it again on output, once."""
    return _words(html.unescape(strip_tags(str(value or ""))), int(words))


def _words(text: str, words: int) -> str:
    return Truncator(" ".join(str(text or "").split())).words(words, truncate="…")
