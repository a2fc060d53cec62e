"""The bell in the header: how many notices a logged-in person has not read (one COUNT)."""

from django import template

from accounts.notifications import unread_count

register = template.Library()


@register.simple_tag
def unread_notification_count(user) -> int:
    """Call it only for logged-in people: anonymous visitors cost no query."""
    return unread_count(user)
