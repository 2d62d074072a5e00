"""The built site: fetch (local server) -> archive -> Pelican build -> HTML and feeds.

Assertions are on the written pages and feeds, not only on the archive.
"""

import html
import re
import shutil
from datetime import datetime, timedelta

import pytest

from kabarkim.kabar.archive import Archive
from kabarkim.kabar.fetch import fetch_sources
from kabarkim.kabar.fetcher import FetchConfig
from kabarkim.kabar.generator import format_views, item_category, item_content, item_to_metadata
from kabarkim.kabar.util import WIB
from sitebuild import CONTENT, TEST_SITEURL, build_site

from .conftest import FeedServer, RewriteHosts, feed_bytes, jpeg_with_metadata, png_bytes, write_sources

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=WIB)
ON_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)
DATA_URL = re.compile(r"(?:href|src|srcset|action|poster)\s*=\s*[\"']?\s*data:", re.I)
TOMBSTONED = "https://bantulkab.example/berita/harga-cabai-bawang-merah-turun/"
THUMB_VIDEO = "gCfrL1spNxn"                   # its YouTube thumbnail is served locally
NO_THUMB_VIDEO = "UMFxFkM_R5K"                # its thumbnail answers 404: placeholder
REGENCY_IMAGE = "/wp-content/uploads/2025/11/jembatan-gantung-dlingo.jpg"


def pemkab_with_one_item() -> bytes:
    full = feed_bytes("pemkab-bantul.rss").decode()
    head, _, rest = full.partition("<item>")
    return (head + "<item>" + rest.split("</item>")[0] + "</item></channel></rss>").encode()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kabar-site")
    content = tmp / "content"
    shutil.copytree(CONTENT, content)
    shutil.rmtree(content / "kabar", ignore_errors=True)
    server = FeedServer()
    server.thread.start()
    try:
        write_sources(content / "sumber.yaml", [
            {"name": "Pemkab Bantul", "url": server.serve("/wp.rss", feed_bytes("pemkab-bantul.rss")), "kind": "berita"},
            {"name": "Bantul TV", "url": server.serve("/yt.atom", feed_bytes("bantul-tv.atom")), "kind": "video"},
            {"name": "Sumber Nakal", "url": server.serve("/nakal.rss", feed_bytes("hostile.rss")), "kind": "berita",
             "kim": "malangan", "category": "Budaya"},
        ])
        # Image URLs on i.ytimg.com and bantulkab.example go to the local server (never the internet).
        server.serve(f"/vi/{THUMB_VIDEO}/hqdefault.jpg", jpeg_with_metadata((480, 360), orientation=1),
                     content_type="image/jpeg")
        server.serve(REGENCY_IMAGE, png_bytes((1024, 683), "RGB"), content_type="image/png")
        from kabarkim.kabar import thumbs

        mp = pytest.MonkeyPatch()
        mp.setattr(thumbs, "ALLOWED_HOSTS", {"127.0.0.1", "i.ytimg.com", "bantulkab.example"})
        cfg = FetchConfig(timeout=15.0,  # generous: a loaded CI box must not fail it
                          transport=RewriteHosts(server.port, {"i.ytimg.com", "bantulkab.example"}))
        first = fetch_sources(content / "sumber.yaml", content / "kabar", config=cfg, now=NOW, include_kim_sources=False)
        assert [r.outcome for r in first.sources] == ["ok", "ok", "ok"]
        # The regency feed now lists a single item: the other six vanish remotely.
        server.serve("/wp.rss", pemkab_with_one_item())
        second = fetch_sources(content / "sumber.yaml", content / "kabar", config=cfg, now=NOW + timedelta(hours=1),
                               include_kim_sources=False)  # the sample KIMs' real-looking URLs: never fetched in tests
        assert second.sources[0].outcome == "ok" and second.sources[0].stats.unchanged == 1
    finally:
        mp.undo()
        server.httpd.shutdown()
        server.httpd.server_close()
    (content / "kabar" / "tombstones.yaml").write_text(f"- link: {TOMBSTONED}\n  reason: uji\n", encoding="utf-8")
    archive = Archive.load(content / "kabar")
    output = build_site(content, tmp / "output", SEARCH_INDEX=False)
    return output, archive


def pages(output, suffixes=(".html", ".xml")):
    return [p for p in output.rglob("*") if p.is_file() and p.suffix in suffixes]


@pytest.mark.slow
def test_no_hostile_markup_survives_in_any_page_or_feed(site):
    output, _ = site
    checked = 0
    for path in pages(output):
        text = path.read_text(encoding="utf-8")
        views = [text]
        if path.suffix == ".xml":
            views.append(html.unescape(text))  # feed content is escaped HTML
        for view in views:
            rel = path.relative_to(output)
            assert "alert(" not in view and "msgbox(" not in view, rel
            assert "javascript:" not in view.lower(), rel
            assert "vbscript:" not in view.lower(), rel
            assert not ON_HANDLER.search(view), (rel, ON_HANDLER.search(view).group(0)[:120])
            assert not DATA_URL.search(view), rel
            assert "<iframe" not in view.lower(), rel  # videos embed only on click
        checked += 1
    assert checked > 50


@pytest.mark.slow
def test_hostile_items_are_on_the_site_as_text(site):
    output, archive = site
    nakal = {i["title"]: i for i in archive.items["sumber-nakal"]}
    page = output / "kabar" / nakal["Judul Tebal"]["slug"] / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "<h1>Judul Tebal</h1>" in text
    assert "Kabar dari Sumber Nakal" in text
    assert "Baca selengkapnya" not in text  # its javascript: link was dropped, so no link at all
    entity = (output / "kabar" / nakal["Judul dengan entitas & tanda"]["slug"] / "index.html").read_text(encoding="utf-8")
    assert "<h1>Judul dengan entitas &amp; tanda</h1>" in entity
    undated = (output / "kabar" / nakal["Item tanpa tanggal"]["slug"] / "index.html").read_text(encoding="utf-8")
    assert "tanggal pertama kali diambil" in undated
    # owned by KIM malangan: on its page and in its feed
    assert nakal["Item WITA"]["title"] in (output / "kim" / "malangan" / "index.html").read_text(encoding="utf-8") \
        or (output / "kim" / "malangan" / "page" / "2" / "index.html").exists()
    kim_feed = (output / "feeds" / "kim" / "malangan.atom.xml").read_text(encoding="utf-8")
    assert f"{TEST_SITEURL}/kabar/{nakal['Item WITA']['slug']}/" in kim_feed


@pytest.mark.slow
def test_regency_news_page(site):
    output, archive = site
    item = next(i for i in archive.items["pemkab-bantul"] if "Festival Gerabah" in i["title"])
    text = (output / "kabar" / item["slug"] / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{item["link"]}">' in text
    assert f'href="{item["link"]}" rel="nofollow noopener">Baca selengkapnya di Pemkab Bantul' in text
    assert "Kabar dari Pemkab Bantul" in text and "bukan oleh KIM" in text
    assert "Sabtu, 18 Oktober 2025" in text
    assert 'href="https://kabarkim.example/kategori/budaya/"' in text  # category from the feed's categories
    assert "Oleh " not in text  # never a KIM byline


@pytest.mark.slow
def test_vanished_items_stay_and_tombstoned_item_is_gone(site):
    output, archive = site
    assert len(archive.items["pemkab-bantul"]) == 7  # fetch kept all 7 though the feed now lists 1
    visible = [i for i in archive.visible_items() if i["source"] == "pemkab-bantul"]
    assert len(visible) == 6
    for item in visible:
        assert (output / "kabar" / item["slug"] / "index.html").exists(), item["title"]
    gone = next(i for i in archive.items["pemkab-bantul"] if i["link"] == TOMBSTONED)
    assert not (output / "kabar" / gone["slug"]).exists()
    for path in pages(output):
        text = path.read_text(encoding="utf-8")
        assert gone["slug"] not in text and gone["title"] not in text, path


@pytest.mark.slow
def test_imported_items_in_lists_and_feeds(site):
    output, archive = site
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'class="card card-kabar"' in home and 'class="card card-video"' in home
    feed = (output / "feeds" / "semua.atom.xml").read_text(encoding="utf-8")
    assert f"{TEST_SITEURL}/video/" in feed and f"{TEST_SITEURL}/kabar/" in feed
    assert "Baca selengkapnya di Pemkab Bantul" in html.unescape(feed)
    budaya = (output / "kategori" / "budaya" / "index.html").read_text(encoding="utf-8")
    assert "card-kabar" in budaya


@pytest.mark.slow
def test_video_gallery_and_light_embed(site):
    output, archive = site
    gallery = (output / "video" / "index.html").read_text(encoding="utf-8")
    for video in archive.items["bantul-tv"]:
        assert f"/video/{video['slug']}/" in gallery
    video = next(i for i in archive.items["bantul-tv"] if i["video_id"] == "gCfrL1spNxn")
    page = (output / "video" / video["slug"] / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.youtube.com/watch?v=gCfrL1spNxn" data-video-id="gCfrL1spNxn"' in page
    thumb = f"{TEST_SITEURL}/kabar/gambar/{video['id']}.jpg"
    assert f'<img src="{thumb}" alt="Cuplikan video: {html.escape(video["title"])}" width="480" height="360" loading="lazy"' in page
    assert f'data-pf-image="{thumb}"' in page and f'<meta property="og:image" content="{thumb}">' in page
    assert "15.842 kali ditonton" in page and "Minggu, 20 Juli 2025" in page
    assert re.search(r'<script src="[^"]+/js/video\.js" defer></script>', page)
    js = (output / "tema" / "js" / "video.js").read_text(encoding="utf-8")
    assert "youtube-nocookie.com/embed/" in js


@pytest.mark.slow
def test_source_health_page_is_not_indexed(site):
    output, _ = site
    page = (output / "sumber" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex' in page
    assert "data-pagefind-body" not in page
    assert "Pemkab Bantul" in page and "Sumber Nakal" in page
    assert "/sumber/" not in (output / "sitemap.xml").read_text(encoding="utf-8")


# ---- plain functions (no Pelican) ----------------------------------------

def _item(**kw):
    base = {"id": "kabc", "slug": "judul-abc", "title": "Judul", "kind": "berita", "source": "s", "source_name": "S <b>",
            "summary": "Ringkas <script>", "link": "https://a.example/x?a=1&b=2", "published": "2025-01-02T03:04:05+07:00",
            "date_source": "feed", "tags": []}
    base.update(kw)
    return base


@pytest.mark.parametrize("item,expected", [
    (_item(category="Wisata", tags=["Budaya"]), "Wisata"),
    (_item(tags=["Infrastruktur", "kesehatan"]), "Kesehatan"),
    (_item(tags=["lain"]), "Berita"),
])
def test_item_category(item, expected):
    cats = ["Berita", "Ekonomi", "Pertanian", "Wisata", "Budaya", "Kesehatan", "Pendidikan", "Pemerintahan"]
    assert item_category(item, cats, "Berita") == expected


def test_item_content_escapes_text():
    body = item_content(_item())
    assert body == ('<p>Ringkas &lt;script&gt;</p><p><a href="https://a.example/x?a=1&amp;b=2">'
                    "Baca selengkapnya di S &lt;b&gt;</a></p>")
    video = item_content(_item(kind="video", description="Baris 1\nBaris <2>\n\nParagraf 2"))
    assert video.startswith("<p>Baris 1<br>Baris &lt;2&gt;</p><p>Paragraf 2</p>")


def test_item_metadata():
    settings = {"STORY_CATEGORIES": ["Berita"], "KABAR_DEFAULT_CATEGORY": "Berita"}
    from pelican.settings import DEFAULT_CONFIG
    meta = item_to_metadata(_item(kind="video", video_id="gCfrL1spNxn", views=1234567), {**DEFAULT_CONFIG, **settings})
    assert (meta["url"], meta["save_as"], meta["template"], meta["kind"]) == (
        "video/judul-abc/", "video/judul-abc/index.html", "video", "video")
    assert meta["views_text"] == "1.234.567" and meta["summary"] == "Ringkas &lt;script&gt;"
    assert meta["date"].isoformat() == "2025-01-02T03:04:05+07:00"
    assert format_views(None) is None and format_views(999) == "999"


@pytest.mark.slow
def test_thumbnails_are_local_and_remote_images_never_used(site):
    output, archive = site
    items = [i for its in archive.items.values() for i in its]
    remote = {i["image"] for i in items if i.get("image")}
    assert any("i.ytimg.com" in u for u in remote) and any(REGENCY_IMAGE in u for u in remote)
    for path in pages(output, (".html", ".xml", ".json")):
        text = html.unescape(path.read_text(encoding="utf-8", errors="replace"))
        assert "i.ytimg.com" not in text, path
        for url in remote:
            assert url not in text, (path, url)
    # The regency item's image was fetched, re-encoded (<= 640 px) and published locally.
    regency = next(i for i in archive.items["pemkab-bantul"] if i.get("image", "") and REGENCY_IMAGE in i["image"])
    assert (regency["thumbnail"], regency["thumbnail_width"], regency["thumbnail_height"]) == (
        f"gambar/{regency['id']}.jpg", 640, 427)
    assert (output / "kabar" / "gambar" / f"{regency['id']}.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
    page = (output / "kabar" / regency["slug"] / "index.html").read_text(encoding="utf-8")
    assert f'<img src="{TEST_SITEURL}/kabar/gambar/{regency["id"]}.jpg" alt="" loading="lazy" decoding="async" width="640" height="427">' in page
    # A video whose thumbnail could not be fetched: a dark box with the title, no <img>.
    video = next(i for i in archive.items["bantul-tv"] if i["video_id"] == NO_THUMB_VIDEO)
    assert "thumbnail" not in video and video["thumbnail_error"] == "HTTP 404" and video["image"]
    page = (output / "video" / video["slug"] / "index.html").read_text(encoding="utf-8")
    embed = page.split('class="video-embed"', 1)[1].split("</div>", 1)[0]
    assert "<img" not in embed and "thumb-placeholder-video" in embed and html.escape(video["title"]) in embed
    assert "data-pf-image" not in page
