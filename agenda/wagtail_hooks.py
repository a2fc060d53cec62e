"""The agenda in the Wagtail admin (/cms-admin/agenda/): editors and moderators create and edit
events; a debate session's event follows the session (its venue, capacity and stream are edited
here). Raising an event's capacity gives the new seats to the waiting list."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from agenda.models import Event


class EventViewSet(ModelViewSet):
    model = Event
    icon = "date"
    menu_label = _("Agenda")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "agenda"
    list_display = [
        "title",
        "kind",
        "starts_at",
        "venue",
        "capacity",
        "registered_count",
        "public",
        "cancelled",
    ]
    list_filter = ["kind", "public", "cancelled"]
    search_fields = ["title", "venue"]
    form_fields = [
        "title",
        "kind",
        "description",
        "starts_at",
        "ends_at",
        "venue",
        "address",
        "accessibility",
        "online_url",
        "capacity",
        "office",
        "organization",
        "organizers",
        "debate_session",
        "public",
        "cancelled",
    ]


@hooks.register("register_admin_viewset")
def register_agenda_viewset():
    return EventViewSet("agenda_events")
