"""The agenda in the Wagtail admin (/cms-admin/agenda/): editors and moderators create and edit
events; a debate session's event follows the session (its venue, capacity and stream are edited
here). Raising an event's capacity gives the new seats to the waiting list."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet

from agenda.models import Event

FORM_FIELDS = [
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


class EventForm(WagtailAdminModelForm):
    online_url = forms.URLField(
        label=_("enlace en línea o transmisión"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Event
        fields = FORM_FIELDS


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
    form_fields = FORM_FIELDS

    def get_form_class(self, for_update=False):
        return EventForm


@hooks.register("register_admin_viewset")
def register_agenda_viewset():
    return EventViewSet("agenda_events")
