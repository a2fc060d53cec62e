"""An Atom feed of the new ideas of a challenge."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from ideas.selectors import public_ideas


class IdeasAtomFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, challenge):
        super().__init__()
        self.challenge = challenge

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.challenge

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_url(self.request)

    def subtitle(self, obj):
        return obj.summary

    def items(self, obj):
        return public_ideas(challenge=obj, ordering="-created")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_author_name(self, item):
        return item.author.public_name

    def item_pubdate(self, item):
        return item.created_at
