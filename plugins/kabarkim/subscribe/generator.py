"""Feeds per KIM and per kapanewon, and the list of every feed for /langganan/ and OPML."""

from pathlib import Path

from pelican.generators import Generator

from .feeds import FeedPair, add_subscription_group, write_feed_pair
from .opml import opml_document


class SubscribeGenerator(Generator):
    def generate_context(self):
        s = self.settings
        add_subscription_group(self.context, "Seluruh situs", [
            FeedPair("Semua kabar", s["FEED_ALL_ATOM"].removesuffix(".atom.xml")),
        ], "Semua berita KIM dan kabar dari sumber resmi.")
        self.kim_feeds = [
            (kim, FeedPair(f"{kim.title}", f"feeds/kim/{kim.slug}", kim.url))
            for kim in self.context.get("kims", [])
        ]
        self.kapanewon_feeds = [
            (group, FeedPair(f"Kapanewon {group.name}", f"feeds/kapanewon/{group.slug}", group.url))
            for group in self.context.get("kapanewon_list", []) if group.kims
        ]
        add_subscription_group(self.context, "Per KIM", [f for _, f in self.kim_feeds],
                               "Kabar dari satu KIM saja. Semua sekaligus: berkas OPML di bawah.")
        add_subscription_group(self.context, "Per kapanewon", [f for _, f in self.kapanewon_feeds])
        add_subscription_group(self.context, "Per kategori", [
            FeedPair(f"Kategori {cat}", s["CATEGORY_FEED_ATOM"].format(slug=cat.slug).removesuffix(".atom.xml"), cat.url)
            for cat, _ in self.context.get("categories", [])
        ])
        add_subscription_group(self.context, "Per tag", [
            FeedPair(f"Tag #{tag}", s["TAG_FEED_ATOM"].format(slug=tag.slug).removesuffix(".atom.xml"), tag.url)
            for tag, _ in sorted(self.context.get("tags", []), key=lambda t: t[0].slug)
        ])
        self.context["OPML_PATH"] = "feeds/kim.opml"

    def generate_output(self, writer):
        for owner, feed in self.kim_feeds + self.kapanewon_feeds:
            write_feed_pair(writer, self.context, owner.articles, feed)
        opml = opml_document(f"KIM se-Kabupaten Bantul — {self.settings['SITENAME']}",
                             [f for _, f in self.kim_feeds], self.settings["FEED_DOMAIN"],
                             self.settings["SITEURL"])
        path = Path(self.output_path) / self.context["OPML_PATH"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(opml, "utf-8")
