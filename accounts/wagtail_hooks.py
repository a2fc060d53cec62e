"""The offices (dependencias) in the Wagtail admin: editors keep the list other apps use."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import Office


class OfficeViewSet(ModelViewSet):
    model = Office
    icon = "group"
    menu_label = _("Dependencias")
    menu_order = 250
    url_prefix = "dependencias"
    add_to_admin_menu = True
    list_display = ["name", "acronym", "email", "active"]
    list_filter = ["active"]
    search_fields = ["name", "acronym"]
    form_fields = ["name", "slug", "acronym", "email", "members", "active"]


@hooks.register("register_admin_viewset")
def register_office_viewset():
    return OfficeViewSet("offices")
