"""The CMS: home, standard and news pages, feeds and site settings (Wagtail)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Contenidos")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from cms import (
            bootstrap,  # noqa: F401  (registers the going-live steps)
            cache,
            open_data,  # noqa: F401  (registers the datasets)
            views,  # noqa: F401  (renders the transparency pages)
        )
        from cms.navigation import invalidate_navigation

        cache.connect()

        # The cached menu and footer change whenever a page does.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate_navigation, dispatch_uid=f"cms.navigation.{signal}")
        post_delete.connect(
            invalidate_navigation, sender="wagtailcore.Page", dispatch_uid="cms.navigation.delete"
        )
