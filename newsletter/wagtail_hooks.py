"""The newsletter in the Wagtail admin (/cms-admin/boletin/): editors compose editions (an
introduction; the news, open challenges, upcoming events and results are added when it is
sent), preview them, send a test to themselves and send; subscribers and the per-person log
of deliveries are read-only."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from newsletter.models import Delivery, Edition, Subscriber


class EditionEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        pk = self.object.pk
        buttons += [
            Button(
                _("Vista previa"), url=reverse("newsletter:preview", args=[pk]), icon_name="view", priority=1
            ),
            Button(
                _("Enviar una prueba"),
                url=reverse("newsletter:test_send", args=[pk]),
                icon_name="mail",
                priority=2,
            ),
            Button(
                _("Enviar a las personas suscritas"),
                url=reverse("newsletter:send", args=[pk]),
                icon_name="mail",
                priority=3,
            ),
        ]
        return buttons


class EditionViewSet(ModelViewSet):
    model = Edition
    icon = "mail"
    menu_label = _("Ediciones")
    url_prefix = "boletin/ediciones"
    edit_view_class = EditionEditView
    list_display = ["subject", "status", "created_at", "sent_at"]
    form_fields = [
        "subject",
        "intro",
        "include_news",
        "include_challenges",
        "include_events",
        "include_results",
    ]
    add_to_admin_menu = False


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Personas suscritas")
    url_prefix = "boletin/suscritas"
    list_display = ["email", "status", "requested_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    form_fields = ["email"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "list-ul"
    menu_label = _("Envíos por persona")
    url_prefix = "boletin/envios"
    list_display = ["edition", "subscriber", "status", "sent_at", "error"]
    list_filter = ["edition", "status"]
    form_fields = ["status"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class NewsletterGroup(ModelViewSetGroup):
    menu_label = _("Boletín")
    menu_icon = "mail"
    menu_order = 270
    items = (
        EditionViewSet("newsletter_editions"),
        SubscriberViewSet("newsletter_subscribers"),
        DeliveryViewSet("newsletter_deliveries"),
    )


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return NewsletterGroup()
