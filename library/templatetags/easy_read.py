"""`{% easy_read_link "reports" %}`: the link from a key page to its easy-read version (and its
sign-language video), when an editor has published one."""

from django import template

from library.selectors import easy_read_page

register = template.Library()


@register.inclusion_tag("library/includes/easy_read_link.html")
def easy_read_link(about: str) -> dict:
    return {"easy_read": easy_read_page(about)}
