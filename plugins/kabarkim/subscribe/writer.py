"""Pelican's writer, with each feed identified by its own URL.

Pelican gives every feed the site root as its Atom <id>, so a reader following two of
our feeds would see one feed twice.
"""

from pelican.writers import Writer


class FeedWriter(Writer):
    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        feed.feed["id"] = self.feed_url
        return feed
