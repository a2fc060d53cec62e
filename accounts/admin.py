"""Django admin (staff only) for accounts and organisations."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import Consent, Membership, Notification, Organization, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "participant_type", "is_staff", "is_active", "deleted_at"]
    list_filter = ["participant_type", "is_staff", "is_active", "groups"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["deleted_at", "last_login", "date_joined"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Perfil"), {"fields": ("display_name", "participant_type")}),
        (
            _("Permisos"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Fechas"), {"fields": ("last_login", "date_joined", "deleted_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "display_name", "password1", "password2")}),
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user", "decided_by"]
    readonly_fields = ["requested_at", "decided_at"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "verified", "created_at"]
    list_filter = ["kind", "verified"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["verified_at", "verified_by", "created_at"]
    inlines = [MembershipInline]
    actions = ["verify"]

    @admin.action(description=_("Marcar como verificadas"))
    def verify(self, request, queryset):
        for organization in queryset:
            services.organization_verify(organization=organization, by=request.user)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "status", "requested_at", "decided_at"]
    list_filter = ["status", "role"]
    raw_id_fields = ["user", "organization", "decided_by"]
    search_fields = ["user__email", "organization__name"]


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "policy_version", "accepted_at"]
    list_filter = ["policy_version"]
    raw_id_fields = ["user"]

    def has_change_permission(self, request, obj=None):
        return False  # a consent is a record: it is given or not, never edited


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["recipient"]
