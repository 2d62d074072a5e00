"""One function writes a pair of feeds; every stage that offers a feed calls it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FeedPair:
    """An Atom and an RSS feed of the same items, as listed on /langganan/."""

    title: str
    base: str  # output path without extension, e.g. feeds/kim/malangan
    page_url: str = ""  # the HTML page the feed follows, relative to SITEURL

    @property
    def atom(self) -> str:
        return f"{self.base}.atom.xml"

    @property
    def rss(self) -> str:
        return f"{self.base}.rss.xml"


def write_feed_pair(writer, context, items, feed: FeedPair) -> None:
    """Write Atom and RSS with full content and absolute links (FEED_DOMAIN).

    Pelican puts the site name before `feed.title` in the feed itself.
    """
    items = sorted(items, key=lambda item: item.date, reverse=True)
    for path, feed_type in ((feed.atom, "atom"), (feed.rss, "rss")):
        writer.write_feed(items, context, path=path, feed_type=feed_type, feed_title=feed.title)


def add_subscription_group(context, title: str, feeds: list[FeedPair], note: str = "") -> None:
    """List feeds on /langganan/; generators call this in generate_context."""
    context.setdefault("subscriptions", []).append({"title": title, "note": note, "feeds": feeds})
