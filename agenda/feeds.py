"""RSS 2.0 and Atom feeds of the agenda, with absolute links from the site's address."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from agenda.cache import AGENDA
from agenda.selectors import next_event_end, upcoming_events
from core import page_cache
from core.urls import absolute


class AgendaRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "es-co"
    title = _("Agenda del Laboratorio de Innovación de Bucaramanga")
    description = _("Sesiones de debate, talleres, formaciones y reuniones abiertas a la ciudadanía.")
    subtitle = description

    def get_object(self, request, *args, **kwargs):
        page_cache.shows(request, AGENDA, until=next_event_end)
        return super().get_object(request, *args, **kwargs)

    def link(self):
        return absolute("/agenda/")

    def feed_url(self):
        return absolute("/agenda/atom/" if self.feed_type is Atom1Feed else "/agenda/rss/")

    def items(self):
        return upcoming_events(50)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class AgendaAtomFeed(AgendaRssFeed):
    feed_type = Atom1Feed
