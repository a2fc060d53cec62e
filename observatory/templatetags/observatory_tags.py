"""Template filters of the observatory pages."""

from django import template

from observatory.formatting import format_number
from observatory.formatting import plain as plain_number
from observatory.periods import period_label

register = template.Library()


@register.filter
def num(value) -> str:
    """A number in the page's language (1.234,5 in Spanish)."""
    return format_number(value)


@register.filter
def signed(value) -> str:
    """A change in the page's language with its sign: +3,2, −4,5 (a minus sign), 0."""
    if value is None:
        return ""
    if value > 0:
        return f"+{format_number(value)}"
    if value < 0:
        return f"\u2212{format_number(-value)}"
    return format_number(value)


@register.filter
def plain(value) -> str:
    """A number as machines read it (1234.5), for data attributes."""
    return plain_number(value)


@register.filter
def period(value: str) -> str:
    return period_label(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
