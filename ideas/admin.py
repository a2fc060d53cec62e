"""Django admin (staff only): ideas and their moderation records, read mostly."""

from django.contrib import admin

from ideas.models import Comment, Flag, Idea, ModerationLog


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "challenge", "status", "support_count", "comment_count", "created_at"]
    list_filter = ["status", "comuna"]
    search_fields = ["title"]
    raw_id_fields = ["author", "organization", "challenge", "image"]
    readonly_fields = ["support_count", "comment_count", "body_html"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["idea", "author", "created_at", "hidden"]
    list_filter = ["hidden"]
    raw_id_fields = ["idea", "parent", "author"]
    readonly_fields = ["body_html"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["reporter", "idea", "comment", "reason", "created_at", "resolution"]
    list_filter = ["reason", "resolution"]
    raw_id_fields = ["reporter", "idea", "comment", "resolved_by"]


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["action", "idea", "comment", "moderator", "created_at"]
    list_filter = ["action"]

    def has_change_permission(self, request, obj=None):
        return False  # the log is append-only

    def has_delete_permission(self, request, obj=None):
        return False
