"""Django admin (staff only): schedule debate sessions; the room records are read mostly."""

from django.contrib import admin
from django.db import transaction

from sessions import services
from sessions.models import DebateSession, Message, Minutes, SessionEvent, SessionStatus


@admin.register(DebateSession)
class DebateSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "starts_at", "ends_at", "public", "access", "moderated"]
    list_filter = ["status", "access", "moderated"]
    search_fields = ["title"]
    raw_id_fields = ["challenge"]
    filter_horizontal = ["moderators", "invited_organizations"]
    # The status changes in the room, where each change is recorded and broadcast.
    readonly_fields = ["status", "seq", "announcement"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            transaction.on_commit(lambda: services.notify_scheduled(form.instance))
        elif "starts_at" in form.changed_data and form.instance.status == SessionStatus.SCHEDULED:
            # Moved: whoever follows the session (or its challenge) is told its new date.
            transaction.on_commit(lambda: services.notify_rescheduled(form.instance, by=request.user))


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["session", "author", "kind", "status", "upvote_count", "created_at"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["session", "author"]
    readonly_fields = ["body_html", "upvote_count"]


@admin.register(SessionEvent)
class SessionEventAdmin(admin.ModelAdmin):
    list_display = ["session", "seq", "type", "actor", "by_moderator", "created_at"]
    list_filter = ["type", "by_moderator"]
    raw_id_fields = ["session", "actor"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # append-only

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["session", "status", "generated_at", "published_at"]
    raw_id_fields = ["session", "published_by"]
