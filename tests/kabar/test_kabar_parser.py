"""Parsing fetched bytes: prolog checks, feed formats, hostile items, identity."""

import re
from datetime import datetime

import pytest

from kabarkim.kabar.parser import FeedError, check_prolog, parse_feed
from kabarkim.kabar.util import WIB

from .conftest import feed_bytes

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=WIB)
DANGER = re.compile(r"<script|\son\w+\s*=|javascript:|data:|vbscript:|<iframe|<svg|<style|<form", re.I)


def test_wordpress_rss():
    feed = parse_feed(feed_bytes("pemkab-bantul.rss"), "https://bantulkab.example/feed/", "berita", now=NOW)
    items = feed["items"]
    assert len(items) == 7
    first = items[0]
    assert first["title"].startswith("Bupati Bantul Resmikan Jembatan")
    assert first["guid"] == "https://bantulkab.example/?p=18342"
    assert first["key"] == "guid:https://bantulkab.example/?p=18342"
    # utm_* removed from entry.link too
    assert first["link"] == "https://bantulkab.example/berita/bupati-resmikan-jembatan-gantung-dlingo/"
    assert first["image"] == "https://bantulkab.example/wp-content/uploads/2025/11/jembatan-gantung-dlingo.jpg"
    assert "pixel.wp.com" not in first["content_html"] and "<img" not in first["content_html"]
    assert first["published"].isoformat() == "2025-11-13T10:10:00+07:00"
    assert first["tags"] == ["Pemerintahan", "Infrastruktur"]
    # "Sabtu, 18 Oktober 2025 09:00:00 WIB"
    kasongan = next(i for i in items if "Kasongan" in i["title"])
    assert kasongan["published"].isoformat() == "2025-10-18T09:00:00+07:00"
    # "Tue, 16 Sep 2025 08:00:00 WIB" is 08:00 WIB, not 08:00 UTC
    adminduk = next(i for i in items if "Adminduk" in i["title"])
    assert adminduk["published"].isoformat() == "2025-09-16T08:00:00+07:00"
    blk = next(i for i in items if "BLK" in i["title"])
    assert "https://bantulkab.example/blk/daftar" in blk["content_html"] and "utm_" not in blk["content_html"]


def test_youtube_media_group():
    feed = parse_feed(feed_bytes("bantul-tv.atom"), "https://www.youtube.com/feeds/videos.xml?channel_id=UCPtYgjmUhBel31iEl2hpChY", "video", now=NOW)
    v = feed["items"][0]
    assert v["video_id"] == "gCfrL1spNxn"
    assert v["views"] == 15842
    assert v["image"] == "https://i.ytimg.com/vi/gCfrL1spNxn/hqdefault.jpg"
    assert v["link"] == "https://www.youtube.com/watch?v=gCfrL1spNxn"
    assert v["description"].startswith("Ribuan warga memadati")
    assert "\n" in v["description"]  # paragraphs kept
    assert v["published"].isoformat() == "2025-07-20T14:30:00+07:00"
    assert v["key"] == "guid:yt:video:gCfrL1spNxn"


def test_blogspot_atom():
    feed = parse_feed(feed_bytes("kim-malangan-blog.atom"), "https://kimmalangan-contoh.blogspot.com/feeds/posts/default", "berita", now=NOW)
    items = feed["items"]
    assert len(items) == 4
    first = items[0]
    assert first["link"] == "https://kimmalangan-contoh.blogspot.com/2025/10/kerja-bakti-saluran-irigasi.html"
    assert first["published"].isoformat() == "2025-10-20T19:00:00+07:00"
    assert first["image"].startswith("https://blogger.googleusercontent.com/")
    assert first["guid"].startswith("tag:blogger.com,1999:blog-")


def test_hostile_items():
    feed = parse_feed(feed_bytes("hostile.rss"), "https://nakal.example/feed/", "berita", now=NOW)
    items = feed["items"]
    by_title = {i["title"]: i for i in items}
    for item in items:
        for field in ("content_html", "summary", "title", "link", "image"):
            value = item.get(field) or ""
            if field in ("summary", "title"):
                assert "<" not in value and ">" not in value or field == "title", value
            else:
                assert not DANGER.search(value), (field, value)
        assert item["link"] is None or item["link"].startswith(("http://", "https://"))
        assert item["image"] is None or item["image"].startswith("https://")
    first = items[0]
    assert first["title"] == "Judul Tebal"
    assert first["link"] is None  # javascript: entry.link dropped
    assert first["image"] == "https://nakal.example/x"  # javascript: thumbnail dropped; harmless <img src=x> kept
    assert first["published"].isoformat() == "2022-05-17T10:00:00+07:00"
    html = first["content_html"]
    assert "https://luar.example/halaman?id=7" in html
    assert "https://nakal.example/relatif/berita" in html  # made absolute
    assert "piksel.gif" not in html
    assert "Teks div" in html
    # dates: missing / odd / future -> None (archive falls back to first-seen)
    assert by_title["Item tanpa tanggal"]["published"] is None
    assert by_title["Item tanggal aneh"]["published"] is None
    assert by_title["Item tanggal masa depan"]["published"] is None
    assert by_title["Item WITA"]["published"].isoformat() == "2023-08-17T07:30:00+07:00"
    data_item = by_title["Tautan data"]
    assert data_item["link"] is None and data_item["image"] is None
    assert "Judul dengan entitas & tanda" in by_title  # markup in titles becomes text


def test_duplicate_guids_inside_one_feed():
    items = parse_feed(feed_bytes("hostile.rss"), "https://nakal.example/feed/", "berita", now=NOW)["items"]
    dup = [i for i in items if i["guid"] == "guid-ganda"]
    assert [i["link"] for i in dup] == ["https://nakal.example/ganda-1", "https://nakal.example/ganda-2"]
    assert len({i["key"] for i in items}) == len(items)


@pytest.mark.parametrize("body,reason", [
    (feed_bytes("entity-bomb.xml"), "DOCTYPE/ENTITY"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://x/rss.dtd"><rss/>', "DOCTYPE/ENTITY"),
    (b'<?xml version="1.0"?><!-- c --><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss/>', "DOCTYPE/ENTITY"),
    ("\ufeff<?xml version='1.0' encoding='utf-16'?><!DOCTYPE x []><rss/>".encode("utf-16"), "DOCTYPE/ENTITY"),
    (feed_bytes("page.html"), "halaman HTML"),
    (b"<html><body>hi</body></html>", "halaman HTML"),
    (b"", "kosong"),
    (b"   \n ", "kosong"),
    (b"{\"json\": true}", "bukan XML"),
])
def test_prolog_refusals(body, reason):
    with pytest.raises(FeedError, match=reason):
        check_prolog(body)
    with pytest.raises(FeedError):
        parse_feed(body, "https://x.example/feed", now=NOW)


def test_doctype_inside_cdata_is_fine():
    body = feed_bytes("pemkab-bantul.rss").replace(b"<p>Syarat:", b"<p>&lt;!DOCTYPE html&gt; Syarat:")
    assert len(parse_feed(body, "https://bantulkab.example/feed/", now=NOW)["items"]) == 7


@pytest.mark.parametrize("body,reason", [
    (feed_bytes("pemkab-bantul.rss")[:3000], "terpotong"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "tidak berisi item"),
    (b'<?xml version="1.0"?><catatan><isi>bukan feed</isi></catatan>', "bukan feed|tidak berisi item"),
])
def test_broken_feeds_fail(body, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(body, "https://x.example/feed", now=NOW)


def test_wrong_declared_encoding_still_parses():
    text = feed_bytes("pemkab-bantul.rss").decode("utf-8").replace("Jembatan Gantung", "Jembatan “Gantung” Café")
    body = text.encode("cp1252", "replace")  # declared UTF-8, really Windows-1252
    items = parse_feed(body, "https://bantulkab.example/feed/", headers={"content-type": "text/xml; charset=utf-8"}, now=NOW)["items"]
    assert len(items) == 7
    assert "Café" in items[0]["title"] and "“Gantung”" in items[0]["title"]
