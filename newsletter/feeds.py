"""RSS 2.0 and Atom feeds of the challenges, with absolute links from the site's address."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from challenges.selectors import visible_challenges
from core import page_cache
from core.urls import absolute


class ChallengesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "es-co"
    title = _("Retos del Laboratorio de Innovación de Bucaramanga")
    description = _("Retos públicos abiertos a ideas de la ciudadanía, las organizaciones y la academia.")
    subtitle = description

    def get_object(self, request, *args, **kwargs):
        page_cache.shows(request)  # challenges are pages: published, moved or removed bump `site`
        return super().get_object(request, *args, **kwargs)

    def link(self):
        return absolute("/retos/")

    def feed_url(self):
        return absolute("/retos/atom/" if self.feed_type is Atom1Feed else "/retos/rss/")

    def items(self):
        return visible_challenges().order_by("-ideas_open_at", "-pk")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute(item.url or "")

    def item_pubdate(self, item):
        return item.first_published_at or item.ideas_open_at

    def item_updateddate(self, item):
        return item.last_published_at


class ChallengesAtomFeed(ChallengesRssFeed):
    feed_type = Atom1Feed
