"""RSS and Atom feeds of the news, with absolute links from the site's address (SITE_URL)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.urls import absolute


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "es-co"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return absolute(obj.get_url(self.request))

    def feed_url(self, obj):
        return absolute(obj.get_url(self.request) + ("atom/" if self.feed_type is Atom1Feed else "rss/"))

    def description(self, obj):
        return obj.intro or obj.title

    subtitle = description

    def items(self, obj):
        return obj.news()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute(item.get_url(self.request))

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
