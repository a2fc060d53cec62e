"""What bumps the page cache in the CMS: a page published, unpublished, moved or deleted, and
the site's identity settings, change the menu and footer of every page (`site`); so does a
document or an image edited, replaced or deleted in the admin (pages, library resources,
projects' evidence and consultations link to them by title and address)."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import page_cache


def site_changed(**kwargs) -> None:
    page_cache.bump(page_cache.SITE)


def connect() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from cms.models import SiteIdentity

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(site_changed, dispatch_uid=f"cms.cache.{signal}")
    post_delete.connect(site_changed, sender="wagtailcore.Page", dispatch_uid="cms.cache.delete")
    page_cache.watch(SiteIdentity, lambda identity: [page_cache.SITE])
    for model in (get_document_model(), get_image_model()):
        page_cache.watch(model, lambda item: [page_cache.SITE])
