"""The observatory in the Wagtail admin (/cms-admin/): editors maintain indicators with their targets,
the plans with their components and activities, and each follow-up cut with the activities' progress.
Observations are loaded from the public side (/observatorio/gestion/), with a preview."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from observatory.models import Activity, FollowUp, Indicator, Plan, Risk, RiskFollowUp


class IndicatorViewSet(ModelViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicadores")
    url_prefix = "observatorio/indicadores"
    list_display = ["name", "slug", "theme", "unit", "published", "computed"]
    list_filter = ["theme", "published", "computed"]
    search_fields = ["name", "slug"]
    add_to_admin_menu = False


class PlanViewSet(ModelViewSet):
    model = Plan
    icon = "list-ul"
    menu_label = _("Planes anticorrupción")
    url_prefix = "observatorio/planes"
    list_display = ["year", "title", "published"]
    add_to_admin_menu = False


class ActivityViewSet(ModelViewSet):
    model = Activity
    icon = "tasks"
    menu_label = _("Actividades del plan")
    url_prefix = "observatorio/actividades"
    list_display = ["code", "description", "component", "responsible_office", "due_date"]
    list_filter = ["component__plan__year"]
    search_fields = ["description", "responsible_office__name"]
    add_to_admin_menu = False


class FollowUpViewSet(ModelViewSet):
    model = FollowUp
    icon = "date"
    menu_label = _("Seguimientos del plan")
    url_prefix = "observatorio/seguimientos"
    list_display = ["plan", "cut", "published_on"]
    add_to_admin_menu = False


class RiskViewSet(ModelViewSet):
    model = Risk
    icon = "warning"
    menu_label = _("Mapa de riesgos de corrupción")
    url_prefix = "observatorio/riesgos"
    list_display = ["code", "title", "process", "office", "inherent_level", "residual_level", "published"]
    list_filter = ["process", "office", "published"]
    search_fields = ["code", "title", "description"]
    add_to_admin_menu = False


class RiskFollowUpCreateView(CreateView):
    def save_instance(self):
        self.form.instance.author = self.request.user
        return super().save_instance()


class RiskFollowUpViewSet(ModelViewSet):
    """The control office (supervisors) records each risk's follow-up at the legal cuts."""

    model = RiskFollowUp
    icon = "doc-full"
    menu_label = _("Seguimiento de riesgos")
    url_prefix = "observatorio/seguimiento-riesgos"
    add_view_class = RiskFollowUpCreateView
    list_display = ["risk", "cut_on", "progress"]
    list_filter = ["cut_on"]
    add_to_admin_menu = False


class ObservatoryGroup(ModelViewSetGroup):
    menu_label = _("Observatorio")
    menu_icon = "table"
    menu_order = 250
    items = (
        IndicatorViewSet,
        PlanViewSet,
        ActivityViewSet,
        FollowUpViewSet,
        RiskViewSet,
        RiskFollowUpViewSet,
    )


@hooks.register("register_admin_viewset")
def register_observatory_viewsets():
    return ObservatoryGroup()


class LoadObservationsItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("observatory.manage_observatory")


@hooks.register("register_admin_menu_item")
def register_load_observations():
    return LoadObservationsItem(
        _("Cargar mediciones"), reverse("observatory:manage"), icon_name="upload", order=251
    )
