"""Projects in the Wagtail admin (/cms-admin/): editors keep each project with its milestones;
every save dates what changed in the project's public timeline."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from projects import services
from projects.models import Project


class ProjectCreateView(CreateView):
    @transaction.atomic
    def save_instance(self):
        project = super().save_instance()
        services.project_changes_record(
            project=project, before=services.project_snapshot(None), user=self.request.user
        )
        return project


class ProjectEditView(EditView):
    @transaction.atomic
    def save_instance(self):
        before = services.project_snapshot(self.object)
        project = super().save_instance()
        services.project_changes_record(project=project, before=before, user=self.request.user)
        return project


class ProjectViewSet(ModelViewSet):
    model = Project
    icon = "tasks"
    menu_label = _("Proyectos")
    menu_order = 260
    url_prefix = "proyectos"
    add_to_admin_menu = True
    add_view_class = ProjectCreateView
    edit_view_class = ProjectEditView
    list_display = ["title", "office", "status", "starts_on", "ends_on", "published"]
    list_filter = ["status", "office", "published"]
    search_fields = ["title", "summary"]


@hooks.register("register_admin_viewset")
def register_project_viewset():
    return ProjectViewSet("project_admin")
