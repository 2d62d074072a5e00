"""The sample site, built once: pages, links, KIM directory, feeds, sitemap."""

import json
from xml.etree import ElementTree as ET

import feedparser
import pytest

from sitebuild import TEST_SITEURL
from foundation.sitewalk import internal_target, links, pages, parse, url_of

pytestmark = pytest.mark.slow


def test_every_page_is_indonesian_with_one_h1_and_main(built_site):
    for page in pages(built_site):
        tree = parse(page)
        assert tree.get("lang") == "id", page
        assert len(tree.findall(".//main")) == 1, page
        assert len(tree.findall(".//h1")) >= 1, page


def test_no_broken_internal_link(built_site):
    broken = []
    for page in pages(built_site):
        for href in links(parse(page)):
            target = internal_target(built_site, page, href)
            if target is not None and not target.exists():
                broken.append((page.relative_to(built_site).as_posix(), href))
    assert broken == []


def test_every_story_reachable_from_its_kim_page(built_site):
    stories = {url_of(built_site, p) for p in (built_site / "berita").glob("*/index.html")}
    assert len(stories) >= 30
    reachable = set()
    for kim_page in (built_site / "kim").glob("*/**/index.html"):
        reachable |= {h for h in links(parse(kim_page)) if h.startswith(TEST_SITEURL + "/berita/")}
    assert stories - reachable == set()


def test_directory_lists_every_kim_by_kapanewon_with_wifi(built_site):
    tree = parse(built_site / "kim" / "index.html")
    profiles = sorted(p.parent.name for p in (built_site / "kim").glob("*/index.html"))
    listed = sorted(a.get("href").rstrip("/").rsplit("/", 1)[1] for a in tree.cssselect(".kim-item > a"))
    assert listed == profiles and len(profiles) >= 10
    assert len(tree.cssselect(".kapanewon-group")) == 17
    assert tree.cssselect(".wifi.yes") and tree.cssselect(".wifi.no")


def test_story_page_has_credit_date_share_and_structured_data(built_site):
    page = next((built_site / "berita").glob("*/index.html"))
    tree = parse(page)
    html = page.read_text("utf-8")
    assert tree.cssselect(".byline a[href^='%s/kim/']" % TEST_SITEURL)
    assert any(m in html for m in (" Januari ", " Februari ", " Maret ", " April ", " Mei ", " Juni ", " Juli ",
                                   " Agustus ", " September ", " Oktober ", " November ", " Desember "))
    shares = [a.get("href") for a in tree.cssselect(".share a")]
    assert [s.split("/")[2] for s in shares] == ["wa.me", "www.facebook.com", "t.me", "x.com"]
    data = json.loads(tree.cssselect("script[type='application/ld+json']")[0].text)
    assert data["@type"] == "NewsArticle" and data["headline"] and data["datePublished"]
    assert tree.cssselect("link[rel=canonical]")[0].get("href") == url_of(built_site, page)
    og = tree.cssselect("meta[property='og:image']")[0].get("content")
    assert og.startswith(TEST_SITEURL) and og.lower().endswith((".jpg", ".jpeg"))


def test_feeds_parse_with_unique_ids_and_absolute_links(built_site):
    feeds = sorted(built_site.glob("feeds/**/*.xml"))
    kinds = {f.parent.name for f in feeds}
    assert {"kim", "kapanewon", "kategori", "tag"} <= kinds
    for feed_file in feeds:
        ET.parse(feed_file)  # well-formed XML
        feed = feedparser.parse(feed_file.read_bytes())
        assert not feed.bozo, (feed_file, feed.get("bozo_exception"))
        ids = [e.id for e in feed.entries]
        assert ids and len(ids) == len(set(ids)), feed_file
        for entry in feed.entries:
            assert entry.link.startswith(TEST_SITEURL + "/"), (feed_file, entry.link)
            assert entry.get("content") or entry.get("summary"), feed_file
            for href in links(parse_fragment(entry)):
                assert href.startswith(("https://", "http://", "mailto:")), (feed_file, href)


def parse_fragment(entry):
    import lxml.html
    body = (entry.get("content") or [{"value": entry.get("summary", "")}])[0]["value"]
    return lxml.html.fromstring(f"<div>{body}</div>")


def test_whole_site_feed_has_full_content(built_site):
    feed = feedparser.parse((built_site / "feeds/semua.atom.xml").read_bytes())
    assert len(feed.entries) >= 20
    assert max(len(e.content[0].value) for e in feed.entries if "content" in e) > 1000


def test_langganan_and_opml_list_every_kim_feed(built_site):
    kims = sorted(p.parent.name for p in (built_site / "kim").glob("*/index.html"))
    opml = ET.parse(built_site / "feeds/kim.opml").getroot()
    urls = sorted(o.get("xmlUrl") for o in opml.iter("outline"))
    assert urls == sorted(f"{TEST_SITEURL}/feeds/kim/{k}.atom.xml" for k in kims)
    langganan = (built_site / "langganan/index.html").read_text("utf-8")
    for kim in kims:
        assert f"/feeds/kim/{kim}.rss.xml" in langganan


def test_feed_autodiscovery_on_kim_pages(built_site):
    tree = parse(built_site / "kim" / "malangan" / "index.html")
    hrefs = [l.get("href") for l in tree.cssselect("link[rel=alternate]")]
    assert f"{TEST_SITEURL}/feeds/kim/malangan.atom.xml" in hrefs
    assert f"{TEST_SITEURL}/feeds/semua.rss.xml" in hrefs


def test_sitemap_and_robots(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [l.text for l in ET.parse(built_site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    stories = {url_of(built_site, p) for p in (built_site / "berita").glob("*/index.html")}
    assert stories <= set(locs)
    assert all(loc.startswith(TEST_SITEURL + "/") for loc in locs)
    assert f"Sitemap: {TEST_SITEURL}/sitemap.xml" in (built_site / "robots.txt").read_text()


def test_lists_paginate_in_folders(built_site):
    second = built_site / "page" / "2" / "index.html"
    assert second.is_file()
    assert [p.name for p in built_site.rglob("*[0-9].html")] == ["404.html"]


def test_sitemap_leaves_out_pages_canonical_elsewhere(built_site):
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    kabar_pages = list((built_site / "kabar").glob("*/index.html"))
    assert kabar_pages
    assert "/kabar/" + kabar_pages[0].parent.name + "/" not in sitemap
    assert "/sumber/" not in sitemap


def test_each_feed_has_its_own_id_and_self_link(built_site):
    ids = {}
    for feed_file in built_site.glob("feeds/**/*.atom.xml"):
        root = ET.parse(feed_file).getroot()
        ns = {"a": "http://www.w3.org/2005/Atom"}
        self_link = root.find("a:link[@rel='self']", ns).get("href")
        assert self_link == f"{TEST_SITEURL}/{feed_file.relative_to(built_site).as_posix()}"
        ids[root.find("a:id", ns).text] = feed_file
    assert len(ids) == len(list(built_site.glob("feeds/**/*.atom.xml")))


def test_home_summarises_the_directory(built_site):
    kims = list((built_site / "kim").glob("*/index.html"))
    wifi = sum(1 for k in kims if parse(k).cssselect(".facts .wifi.yes"))
    text = " ".join(parse(built_site / "index.html").text_content().split())
    assert f"{len(kims)} KIM di " in text and f"{wifi} di antaranya membuka titik wifi publik" in text
