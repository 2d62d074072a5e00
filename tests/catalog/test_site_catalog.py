"""The built sample site: catalog, agenda, map, open data and photos (issue 5)."""

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from icalendar import Calendar
from lxml import html as lhtml
from PIL import Image

from kabarkim.catalog import rules

pytestmark = pytest.mark.slow
SITE = "https://kabarkim.example"


def page(site: Path, url: str):
    path = site / url.removeprefix(SITE + "/").lstrip("/")
    if path.suffix != ".html":
        path = path / "index.html"
    return lhtml.fromstring(path.read_bytes())


def local(site: Path, url: str) -> Path:
    return site / urlsplit(url).path.lstrip("/")


def jsonld(doc, type_):
    found = [json.loads(s.text) for s in doc.xpath('//script[@type="application/ld+json"]')]
    return [d for d in found if d.get("@type") == type_]


@pytest.fixture(scope="module")
def products(built_site):
    return json.loads((built_site / "data/produk.json").read_text())["items"]


@pytest.fixture(scope="module")
def programs(built_site):
    return json.loads((built_site / "data/program.json").read_text())["items"]


def test_sample_has_enough_products_and_programs(products, programs):
    assert len(products) >= 25 and len(programs) >= 10


def test_every_product_page(built_site, products):
    for item in products:
        doc = page(built_site, item["url"])
        assert doc.xpath("//h1")[0].text_content().strip() == item["title"]
        price = doc.xpath('//p[@class="harga"]//strong')[0].text_content()
        assert price == item["price_text"]
        if item["price"] is not None:
            assert re.fullmatch(r"Rp \d{1,3}(\.\d{3})*", price)
        # "Pesan via WhatsApp": wa.me/<62…>?text=<message naming the product and its URL>
        [wa] = doc.xpath('//a[contains(@class, "tombol-wa")]')
        assert wa.text_content().strip() in ("Pesan via WhatsApp", "Tanyakan via WhatsApp")
        link = urlsplit(wa.get("href"))
        assert link.scheme == "https" and link.netloc == "wa.me"
        assert re.fullmatch(r"/628\d{8,11}", link.path)
        text = parse_qs(link.query)["text"][0]
        assert item["title"] in text and item["url"] in text
        assert doc.xpath('//p[contains(@class, "stok")]')[0].text_content() in ("Tersedia", "Habis", "Pre-order")
        if item["bos_url"]:
            assert doc.xpath(f'//a[@href="{item["bos_url"]}"]')
        assert doc.xpath('//nav[@class="share"]//a[contains(@href, "wa.me/?text=")]')
        [ld] = jsonld(doc, "Product")
        assert ld["name"] == item["title"] and ld["image"] and ld["url"] == item["url"]
        offer = ld["offers"]
        assert offer["@type"] == "Offer" and offer["priceCurrency"] == "IDR"
        assert offer["availability"] == rules.AVAILABILITY[item["availability"]][1]
        if item["final_price"] is not None:
            assert offer["price"] == str(item["final_price"])
        og = doc.xpath('//meta[@property="og:image"]/@content')[0]
        assert og.endswith("-og.jpg"), og
        assert len(doc.xpath('//figure[@class="galeri-foto"]//img')) == len(item["photos"])


def test_catalog_pages_per_category_kapanewon_kim(built_site, products):
    index = page(built_site, "produk/")
    listed = {a.get("href") for a in index.xpath('//h3[@class="card-title"]/a')}
    newest = sorted(products, key=lambda p: p["date"], reverse=True)
    first_page = index.xpath('//h3[@class="card-title"]/a/@href')
    assert first_page[0] == newest[0]["url"]  # newest first
    assert listed <= {p["url"] for p in products}
    for p in products:
        for url in (f"produk/kategori/{p['category_slug']}/",
                    f"produk/kapanewon/{rules_slug(p['kim']['kapanewon'])}/",
                    f"produk/kim/{p['kim']['slug']}/"):
            doc = page(built_site, url)
            hrefs = set(doc.xpath('//h3[@class="card-title"]/a/@href'))
            pages = sorted(built_site.joinpath(url).glob("page/*/index.html"))
            for extra in pages:
                hrefs |= set(page(built_site, str(extra.relative_to(built_site))).xpath('//h3[@class="card-title"]/a/@href'))
            assert p["url"] in hrefs, (url, p["slug"])
    # facets are plain links (no JavaScript needed) and mark the current page
    doc = page(built_site, "produk/kategori/kuliner/")
    assert doc.xpath('//nav[@class="facets"]//a[@aria-current="page"]')[0].get("href").endswith("/produk/kategori/kuliner/")
    # autodiscovery of the product feed
    assert doc.xpath('//link[@rel="alternate" and @type="application/atom+xml" and contains(@href, "/feeds/produk/")]')


def rules_slug(kapanewon: str) -> str:
    from kabarkim import wilayah
    return wilayah.kapanewon_slug(kapanewon)


def test_program_pages_jsonld_and_calendar_links(built_site, programs):
    for item in programs:
        doc = page(built_site, item["url"])
        [ld] = jsonld(doc, "Event")
        for key in ("name", "startDate", "endDate", "location", "organizer", "eventStatus", "eventAttendanceMode"):
            assert ld[key], key
        assert ld["startDate"] == item["start"] and ld["location"]["name"]
        gcal = doc.xpath('//a[starts-with(@href, "https://calendar.google.com/calendar/render?")]/@href')[0]
        assert parse_qs(urlsplit(gcal).query)["action"] == ["TEMPLATE"]
        ics_href = doc.xpath('//a[contains(@href, ".ics")]/@href')[0]
        cal = Calendar.from_ical(local(built_site, ics_href).read_bytes())
        [ev] = cal.walk("VEVENT")
        assert str(ev["UID"]) == f"{item['slug']}@kabarkim.example"


def test_program_index_upcoming_then_past(built_site, programs):
    doc = page(built_site, "program/")
    upcoming = doc.xpath('//section[@aria-labelledby="judul-akan-datang"]//h3/a/@href')
    past = doc.xpath('//section[@aria-labelledby="judul-sudah-lewat"]//h3/a/@href')
    assert len(upcoming) + len(past) == len(programs)  # which side depends on the build date
    start = {p["url"]: p["start"] for p in programs}
    assert [start[u] for u in upcoming] == sorted(start[u] for u in upcoming)
    assert [start[u] for u in past] == sorted((start[u] for u in past), reverse=True)
    if upcoming and past:
        assert max(start[u] for u in past) <= min(start[u] for u in upcoming)


def test_ics_files_parse_with_timezone_and_stable_uids(built_site, programs):
    all_ics = built_site / "program/semua.ics"
    cal = Calendar.from_ical(all_ics.read_bytes())
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == len(programs)
    assert set(uids) == {f"{p['slug']}@kabarkim.example" for p in programs}
    per_kim = sorted((built_site / "program/kim").glob("*.ics"))
    assert per_kim
    total = 0
    for f in per_kim:
        c = Calendar.from_ical(f.read_bytes())
        assert c.walk("VTIMEZONE")
        total += len(c.walk("VEVENT"))
    assert total == len(programs)


def test_ics_is_reproducible(built_site, tmp_path):
    from sitebuild import CONTENT, build_site
    other = build_site(CONTENT, tmp_path / "again")
    for rel in ("program/semua.ics", "data/produk.json", "data/program.json", "peta/peta.geojson"):
        assert (other / rel).read_bytes() == (built_site / rel).read_bytes(), rel


def test_map_page_and_geojson(built_site):
    doc = page(built_site, "peta/")
    assert doc.xpath('//script[contains(@src, "/vendor/leaflet/leaflet.js")]')
    assert doc.xpath('//link[contains(@href, "/vendor/leaflet/leaflet.css")]')
    assert not doc.xpath('//script[contains(@src, "unpkg") or contains(@src, "cdn")]')
    data = json.loads(doc.xpath('//script[@id="peta-data"]')[0].text)
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"kim", "produk", "program"}
    assert any(f["properties"].get("wifi") for f in data["features"])
    # the plain list (no JavaScript) has every point
    assert len(doc.xpath('//ul[@class="peta-daftar"]/li')) == len(data["features"])
    assert doc.xpath('//li[contains(@class, "titik-wifi")]')
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -8.2 < lat < -7.7 and 110.0 < lon < 110.6
    assert (built_site / "tema/vendor/leaflet/leaflet.js").is_file()
    assert (built_site / "tema/vendor/leaflet/images/marker-icon.png").is_file()


def test_kim_profile_has_products_programs_and_map(built_site, products):
    slug = products[0]["kim"]["slug"]
    doc = page(built_site, f"kim/{slug}/")
    assert products[0]["url"] in doc.xpath('//section[@aria-labelledby="judul-produk-kim"]//a/@href')
    assert doc.xpath('//div[@data-peta="peta-kim-data"]')
    home = page(built_site, "")
    assert home.xpath('//section[@aria-labelledby="judul-produk-terbaru"]//h3/a')


def test_open_data_schema(built_site, products, programs):
    for name in ("kim", "produk", "program"):
        data = json.loads((built_site / f"data/{name}.json").read_text())
        assert data["schema_version"] == 1 and data["kind"] == name and data["count"] == len(data["items"])
    p = products[0]
    for key in ("slug", "url", "title", "category", "price", "final_price", "currency", "whatsapp",
                "availability", "photos", "kim"):
        assert key in p
    assert all(x["url"].endswith(".jpg") for x in p["photos"])
    assert (built_site / "data/index.html").is_file()


def test_feeds_of_products_and_programs(built_site):
    for kind in ("produk", "program"):
        for ext in ("atom", "rss"):
            feed = feedparser.parse((built_site / f"feeds/{kind}/semua.{ext}.xml").read_bytes())
            assert not feed.bozo, feed.bozo_exception
            assert feed.entries and all(e.link.startswith(SITE + "/") for e in feed.entries)
    lg = page(built_site, "langganan/")
    hrefs = lg.xpath("//a/@href")
    assert f"{SITE}/feeds/produk/semua.atom.xml" in hrefs and f"{SITE}/feeds/program/semua.rss.xml" in hrefs
    assert any(re.search(r"/feeds/produk/[a-z0-9-]+\.atom\.xml$", h) and "semua" not in h for h in hrefs)
    agenda = page(built_site, "program/")
    assert agenda.xpath('//link[@rel="alternate" and contains(@href, "/feeds/program/semua.atom.xml")]')


def _all_imgs(built_site):
    for f in sorted(built_site.rglob("*.html")):
        if "/tema/" in f.as_posix():
            continue
        doc = lhtml.fromstring(f.read_bytes())
        for img in doc.xpath("//main//img"):
            yield f, img


def is_kim_photo(url: str) -> bool:
    """A processed KIM photo (output gambar/<kim>/…), not an imported item's thumbnail."""
    return urlsplit(url).path.startswith("/gambar/")


def test_images_are_responsive(built_site):
    seen = 0
    for f, img in _all_imgs(built_site):
        src = img.get("src", "")
        if not is_kim_photo(src):
            continue  # imported items' thumbnails are single-size by design (kabar/gambar/)
        seen += 1
        assert img.get("width") and img.get("height") and img.get("srcset") and img.get("sizes"), (f, src)
        # (libxml2 does not know <source> is void and nests the <img> in it: look upwards)
        [pic] = img.xpath("ancestor::picture")
        assert pic.xpath('.//source[@type="image/webp"]/@srcset'), f
        assert local(built_site, src).is_file(), src
        for cand in img.get("srcset").split(", "):
            assert local(built_site, cand.split(" ")[0]).is_file(), cand
    assert seen > 50
    # hero image eager, below-the-fold lazy
    doc = page(built_site, "produk/ikan-pari-asap/") if (built_site / "produk/ikan-pari-asap").exists() else None
    if doc is not None:
        imgs = doc.xpath("//main//img")
        assert imgs[0].get("loading") is None and imgs[0].get("fetchpriority") == "high"
        assert all(i.get("loading") == "lazy" for i in imgs[1:])


def test_story_body_images_are_responsive(built_site):
    bodies = [lhtml.fromstring(f.read_bytes()) for f in built_site.glob("berita/*/index.html")]
    body_imgs = [i for d in bodies for i in d.xpath('//div[@class="prose"]//img')]
    assert body_imgs
    assert all(i.xpath("ancestor::picture") and i.get("loading") == "lazy" for i in body_imgs)


def test_og_images_are_small_jpegs(built_site):
    ogs = set()
    for f in sorted(built_site.rglob("index.html")):
        doc = lhtml.fromstring(f.read_bytes())
        ogs.update(doc.xpath('//meta[@property="og:image"]/@content'))
    assert len(ogs) > 30
    for url in ogs:
        path = local(built_site, url)
        assert path.stat().st_size < 300_000, url
        with Image.open(path) as im:
            assert im.format == "JPEG", url
            if is_kim_photo(url):
                assert im.size == (1200, 630), url


def test_no_gps_exif_and_no_original_photos(built_site):
    jpegs = [p for p in built_site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png")]
    assert len(jpegs) > 100
    for p in jpegs:
        with Image.open(p) as im:
            exif = im.getexif()
            assert not exif.get_ifd(0x8825), p  # GPS
            assert 0x8825 not in exif and 0x010F not in exif and 0x0110 not in exif, p  # GPS, Make, Model
    assert not list(built_site.glob("kim/*/gambar/*"))
