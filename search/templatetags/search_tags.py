from django import template

from search.selectors import excerpt, highlight

register = template.Library()


@register.simple_tag
def highlighted(text: str, query: str, whole: bool = False):
    """The hit's text (an excerpt around the match unless `whole`) with the query words marked."""
    return highlight(text if whole else excerpt(text, query), query)
