"""Debate sessions appear in the agenda: each one keeps an event in step with it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from agenda.models import Event
from agenda.services import debate_event_sync, event_seats_fill
from sessions.models import DebateSession


@receiver(post_save, sender=DebateSession, dispatch_uid="agenda_debate_event_sync")
def _sync_debate_event(sender, instance, raw=False, **kwargs):
    if not raw:
        debate_event_sync(instance)


@receiver(post_save, sender=Event, dispatch_uid="agenda_fill_new_seats")
def _fill_new_seats(sender, instance, raw=False, created=False, **kwargs):
    """An editor raised the capacity: the first on the waiting list take the new seats."""
    if raw or created or instance.capacity is None or instance.cancelled:
        return
    if (
        instance.registered_count < instance.capacity
        and instance.registrations.filter(status="waitlisted").exists()
    ):
        event_seats_fill(event=instance)
