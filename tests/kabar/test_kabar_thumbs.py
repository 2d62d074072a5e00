"""Local thumbnails: `kim fetch` downloads each item's image once (real local HTTP
server), re-encodes it without metadata and stores it in the archive; bad images
never fail the item or the source."""

import asyncio
import io
import os
import re
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PIL import Image

from kabarkim.kabar import thumbs
from kabarkim.kabar.archive import Archive
from kabarkim.kabar.fetch import fetch_sources
from kabarkim.kabar.fetcher import FetchConfig
from kabarkim.kabar.util import WIB
from sitebuild import TEST_SITEURL

from .conftest import jpeg_with_metadata, png_bytes, write_sources

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=WIB)


def rss(items: list[tuple[str, str]]) -> str:
    """A feed whose items carry their image as an <enclosure>."""
    body = "".join(
        f"<item><title>Gambar {name}</title><link>https://kim.example/{name}/</link><guid>g-{name}</guid>"
        f"<pubDate>Thu, 13 Nov 2025 03:10:00 +0000</pubDate><description>Isi {name}.</description>"
        f'<enclosure url="{url}" type="image/jpeg" length="1"/></item>'
        for name, url in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title>'
            f"<link>https://kim.example/</link><description>d</description>{body}</channel></rss>")


@pytest.fixture
def image_feed(workdir, feed_server):
    srv = feed_server
    srv.serve("/img/foto.jpg", jpeg_with_metadata((1200, 800), orientation=6), content_type="image/jpeg")
    srv.serve("/img/raksasa.png", png_bytes((10000, 8000)), content_type="image/png")   # 80 MP, tiny file
    srv.serve("/img/palsu.jpg", b"<html><body>bukan gambar</body></html>", content_type="image/jpeg")
    srv.serve("/img/berat.jpg", os.urandom(4 * 1024 * 1024), content_type="image/jpeg")  # over the 3 MB cap
    items = [("foto", srv.url("/img/foto.jpg")), ("raksasa", srv.url("/img/raksasa.png")),
             ("palsu", srv.url("/img/palsu.jpg")), ("hilang", srv.url("/img/hilang.jpg")),
             ("berat", srv.url("/img/berat.jpg")), ("skrip", "javascript:alert(1)"),
             ("data", "data:image/png;base64,iVBORw0KGgo=")]
    feed_url = srv.serve("/blog.rss", rss(items), etag='"b1"')
    write_sources(workdir / "sumber.yaml", [{"name": "Blog Uji", "url": feed_url, "kind": "berita"}])
    return workdir


def fetch(workdir, now=NOW, **kw):
    return fetch_sources(workdir / "sumber.yaml", workdir / "kabar", config=FetchConfig(timeout=10.0, **kw), now=now,
                         include_kim_sources=False)


def by_name(workdir):
    items = Archive.load(workdir / "kabar").items["blog-uji"]
    return {i["title"].removeprefix("Gambar "): i for i in items}


def test_thumbnail_is_downloaded_reencoded_and_stripped(image_feed, feed_server):
    report = fetch(image_feed)
    rep = report.sources[0]
    assert rep.outcome == "ok" and rep.stats.new == 7       # no bad image fails an item or the source
    assert "gambar: 1 disimpan, 4 gagal" in rep.line()
    item = by_name(image_feed)["foto"]
    assert item["thumbnail"] == f"gambar/{item['id']}.jpg" and item["image"] == feed_server.url("/img/foto.jpg")
    path = image_feed / "kabar" / item["thumbnail"]
    data = path.read_bytes()
    # EXIF orientation 6 applied (1200x800 landscape -> 800x1200 portrait), then at most 640 px wide.
    assert (item["thumbnail_width"], item["thumbnail_height"]) == (640, 960)
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG" and img.size == (640, 960)
        assert not img.getexif() and not img.info.get("exif") and not img.info.get("icc_profile")
        assert "comment" not in img.info
        # the blue block (top-left before rotating 90 degrees clockwise) is now top-right
        r, g, b = img.getpixel((600, 20))
        assert b > 150 and r < 80
    for secret in (b"Exif", b"KameraRahasia", b"rahasia-komentar", b"ICC_PROFILE", b"GPS"):
        assert secret not in data
    ua = feed_server.requests_to("/img/foto.jpg")[0]["user-agent"]
    assert ua.startswith("KabarKIM/")


def test_bad_images_are_refused_without_failing_the_item(image_feed, feed_server):
    fetch(image_feed)
    items = by_name(image_feed)
    expected = {"raksasa": "terlalu besar", "palsu": "bukan gambar", "hilang": "HTTP 404", "berat": "lebih besar dari batas 3 MB"}
    for name, fragment in expected.items():
        item = items[name]
        assert "thumbnail" not in item and fragment in item["thumbnail_error"], (name, item.get("thumbnail_error"))
        assert item["image"].startswith("http://127.0.0.1:")       # the remote URL is kept for the record
        assert item["thumbnail_attempts"] == 1 and item["title"] == f"Gambar {name}"
    for name in ("skrip", "data"):                                   # never a URL to fetch at all
        assert not items[name].get("image") and "thumbnail" not in items[name]
    assert not list((image_feed / "kabar" / "gambar").glob("*.tmp*"))
    assert sorted(p.name for p in (image_feed / "kabar" / "gambar").iterdir()) == [f"{items['foto']['id']}.jpg"]


def test_failed_thumbnails_are_retried_a_bounded_number_of_times(image_feed, feed_server):
    fetch(image_feed)
    assert len(feed_server.requests_to("/img/hilang.jpg")) == 1
    # The image appears later: the next fetch (feed unchanged, 304) gets it.
    feed_server.serve("/img/hilang.jpg", jpeg_with_metadata((300, 200), orientation=1), content_type="image/jpeg")
    report = fetch(image_feed, now=NOW + timedelta(hours=1))
    assert report.sources[0].outcome == "304" and "gambar: 1 disimpan, 3 gagal" in report.sources[0].line()
    items = by_name(image_feed)
    assert items["hilang"]["thumbnail_width"] == 300 and "thumbnail_error" not in items["hilang"]
    for n in range(2, 6):
        fetch(image_feed, now=NOW + timedelta(hours=n))
    assert len(feed_server.requests_to("/img/palsu.jpg")) == thumbs.MAX_ATTEMPTS   # then it stops asking
    assert len(feed_server.requests_to("/img/foto.jpg")) == 1                    # downloaded once
    assert by_name(image_feed)["palsu"]["thumbnail_attempts"] == thumbs.MAX_ATTEMPTS


def test_thumbnails_can_be_switched_off(image_feed, feed_server):
    fetch(image_feed, thumbnails=False)
    assert not feed_server.requests_to("/img/foto.jpg")
    assert "thumbnail" not in by_name(image_feed)["foto"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "ftp://127.0.0.1/a.jpg",
                                 "file:///etc/passwd", "http://", "", None])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(thumbs.ThumbError) as exc:
        thumbs.check_url(url)
    assert exc.value.permanent


def test_redirect_to_a_bad_scheme_is_refused(feed_server):
    url = feed_server.serve("/pindah.jpg", b"", status=302, headers={"Location": "file:///etc/passwd"})

    async def go():
        async with httpx.AsyncClient(follow_redirects=True) as client:
            return await thumbs.download(client, url, FetchConfig())

    with pytest.raises(thumbs.ThumbError):
        asyncio.run(go())


@pytest.mark.parametrize("data,fragment", [
    (b"", "bukan gambar"),
    (b"GIF89a-potongan", "bukan gambar"),
    (png_bytes((9000, 9000)), "terlalu besar"),
    (jpeg_with_metadata((1200, 800))[:2000], "bukan gambar"),     # truncated
])
def test_make_thumbnail_refuses(data, fragment):
    with pytest.raises(thumbs.ThumbError) as exc:
        thumbs.make_thumbnail(data)
    assert fragment in str(exc.value)


def test_make_thumbnail_flattens_transparency_and_keeps_small_images():
    rgba = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    buf = io.BytesIO()
    rgba.save(buf, "PNG")
    thumb = thumbs.make_thumbnail(buf.getvalue())
    assert (thumb.width, thumb.height) == (200, 100)
    with Image.open(io.BytesIO(thumb.data)) as img:
        assert img.mode == "RGB" and img.getpixel((10, 10)) == (255, 255, 255)


def test_every_sample_item_has_a_local_thumbnail():
    root = Path(__file__).resolve().parents[2] / "content" / "kabar"
    archive = Archive.load(root)
    items = [i for its in archive.items.values() for i in its]
    assert items
    for item in items:
        assert item["thumbnail"] == f"gambar/{item['id']}.jpg", item["id"]
        with Image.open(root / item["thumbnail"]) as img:
            assert img.format == "JPEG" and img.size == (item["thumbnail_width"], item["thumbnail_height"])
            assert img.width <= thumbs.MAX_WIDTH and not img.getexif()
            if item["kind"] == "video":
                assert img.size == (640, 360)
        assert 5_000 < (root / item["thumbnail"]).stat().st_size < 40_000


@pytest.mark.slow
def test_sample_site_has_no_remote_img(built_site):
    remote = re.compile(r"^(?:https?:)?//", re.I)
    seen = 0
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", text):
            for src in re.findall(r'\s(?:src|srcset)="([^"]*)"', tag):
                for url in (u.strip().split(" ")[0] for u in src.split(",")):
                    assert not remote.match(url) or url.startswith(TEST_SITEURL + "/"), (page, url)
        seen += text.count("/kabar/gambar/")
        assert "i.ytimg.com" not in text, page
    assert seen
    assert len(list((built_site / "kabar" / "gambar").glob("k*.jpg"))) >= 20
