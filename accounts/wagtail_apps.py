"""Wagtail's users app, configured with our user screens (see accounts.wagtail_users)."""

from wagtail.users.apps import WagtailUsersAppConfig


class LabWagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.wagtail_users.UserViewSet"
