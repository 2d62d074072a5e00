"""JSON-LD, iCalendar, map GeoJSON and open data builders (no Pelican)."""

import datetime as dt
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from kabarkim.catalog import geo, ics, jsonld, model, opendata, rules
from kabarkim.content.jsonld import script_json

SITE = "https://kabarkim.example.id"
KIM = model.KimRef("malangan", "KIM Malangan", "Sanden", "sanden", "Srigading", "kim/malangan/")

PRODUCT = {
    "title": "Keripik Tempe Sagu", "date": dt.date(2026, 2, 10), "category": "Kuliner", "price": 15000,
    "unit": "bungkus 250 gram", "discount": 10, "photos": ["keripik-1.jpg", "keripik-2.jpg"],
    "shop": "Dapur Bu Sri", "whatsapp": "0812-2733-4455",
    "bos": "https://bos.bantulkab.go.id/produk/keripik-tempe-sagu",
    "marketplaces": [{"name": "Shopee", "url": "https://shopee.co.id/keripik"}],
    "availability": "pre-order", "coordinates": [-7.9712, 110.2771], "summary": "Renyah.",
}
PROGRAMS = [
    {"title": "Pelatihan Foto Produk", "start": "2026-12-12 09:00", "end": "2026-12-12 12:00",
     "place": "Balai Kalurahan Srigading", "summary": "Belajar memotret; gratis, ya!", "date": "2026-11-01",
     "coordinates": [-7.9701, 110.2745], "registration": "https://forms.example.id/x"},
    {"title": "Pameran UMKM", "start": dt.date(2026, 12, 20), "end": dt.date(2026, 12, 21),
     "place": "Lapangan Srigading"},
    {"title": "Posyandu", "start": dt.datetime(2025, 5, 1, 8, 0), "end": dt.datetime(2025, 5, 1, 10, 0),
     "place": "Balai Padukuhan", "contact": "081227334455"},
]


@pytest.fixture
def product():
    return model.product_from_meta(PRODUCT, "keripik-tempe-sagu", KIM, SITE)


@pytest.fixture
def programs():
    slugs = ["pelatihan-foto", "pameran-umkm", "posyandu"]
    return [model.program_from_meta(m, s, KIM, SITE) for m, s in zip(PROGRAMS, slugs)]


def test_product_model(product):
    assert product.price_text == "Rp 15.000" and product.final_price_text == "Rp 13.500"
    assert product.whatsapp == "6281227334455" and product.category_slug == "kuliner"
    assert product.abs_url == f"{SITE}/produk/keripik-tempe-sagu/"
    link = urlsplit(product.order_url)
    assert link.netloc == "wa.me" and link.path == "/6281227334455"
    text = parse_qs(link.query)["text"][0]
    assert "Keripik Tempe Sagu" in text and product.abs_url in text


def test_product_jsonld(product):
    data = json.loads(script_json(jsonld.product_jsonld(product, [f"{SITE}/gambar/a.jpg"])))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Product"
    assert data["name"] == "Keripik Tempe Sagu" and data["image"] and data["description"]
    offer = data["offers"]
    assert offer["@type"] == "Offer" and offer["priceCurrency"] == "IDR" and offer["price"] == "13500"
    assert offer["availability"] == "https://schema.org/PreOrder"
    assert offer["url"] == product.abs_url


def test_product_contact_seller_has_no_price():
    p = model.product_from_meta({**PRODUCT, "price": "hubungi penjual", "availability": "habis"}, "x", KIM, SITE)
    offer = jsonld.product_jsonld(p)["offers"]
    assert "price" not in offer and offer["availability"] == "https://schema.org/OutOfStock"
    assert p.final_price_text == "Hubungi penjual" and "Hubungi" not in p.order_url


def test_script_json_cannot_close_script():
    s = script_json({"name": "</script><script>alert(1)</script> & co"})
    assert "</" not in s and "<" not in s and json.loads(s)["name"].startswith("</script>")


def test_event_jsonld(programs):
    data = json.loads(script_json(jsonld.event_jsonld(programs[0], [], SITE)))
    for key in ("name", "startDate", "endDate", "location", "organizer", "eventStatus", "eventAttendanceMode"):
        assert data[key], key
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-12T09:00:00+07:00" and data["endDate"] == "2026-12-12T12:00:00+07:00"
    assert data["location"]["@type"] == "Place" and data["location"]["geo"]["latitude"] == -7.9701
    assert data["organizer"] == {"@type": "Organization", "name": "KIM Malangan", "url": f"{SITE}/kim/malangan/"}
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    allday = jsonld.event_jsonld(programs[1])
    assert allday["startDate"] == "2026-12-20" and allday["endDate"] == "2026-12-21"


def test_ics_parses_with_timezone_and_stable_uids(programs):
    one = ics.build_calendar(programs, SITE, "Agenda KIM")
    two = ics.build_calendar(list(reversed(programs)), SITE, "Agenda KIM")
    assert one == two  # deterministic: order and DTSTAMP come from content only
    assert b"\r\n" in one and all(len(line) <= 75 for line in one.split(b"\r\n"))
    cal = Calendar.from_ical(one)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    tzs = cal.walk("VTIMEZONE")
    assert [str(t["TZID"]) for t in tzs] == ["Asia/Jakarta"]
    events = cal.walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == sorted(
        f"{s}@kabarkim.example.id" for s in ("pelatihan-foto", "pameran-umkm", "posyandu"))
    for e in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert prop in e, prop
    first = next(e for e in events if str(e["UID"]).startswith("pelatihan-foto"))
    start = first.decoded("DTSTART")
    assert start == dt.datetime(2026, 12, 12, 9, tzinfo=rules.WIB)
    assert first["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert first.decoded("DTSTAMP") == dt.datetime(2026, 10, 31, 17, tzinfo=dt.timezone.utc)
    allday = next(e for e in events if str(e["UID"]).startswith("pameran"))
    assert allday.decoded("DTSTART") == dt.date(2026, 12, 20)
    assert allday.decoded("DTEND") == dt.date(2026, 12, 22)  # exclusive end
    assert "Belajar memotret; gratis, ya!" in str(first["DESCRIPTION"])


def test_ics_single_program_and_all_day_only_still_has_vtimezone(programs):
    cal = Calendar.from_ical(ics.build_calendar([programs[1]], SITE, "Pameran"))
    assert cal.walk("VTIMEZONE") and len(cal.walk("VEVENT")) == 1


def test_google_calendar_link(programs):
    url = ics.google_calendar_url(programs[0])
    q = parse_qs(urlsplit(url).query)
    assert url.startswith("https://calendar.google.com/calendar/render?")
    assert q["action"] == ["TEMPLATE"] and q["text"] == ["Pelatihan Foto Produk"]
    assert q["dates"] == ["20261212T020000Z/20261212T050000Z"] and q["ctz"] == ["Asia/Jakarta"]
    assert parse_qs(urlsplit(ics.google_calendar_url(programs[1])).query)["dates"] == ["20261220/20261222"]


def test_split_programs(programs):
    now = dt.datetime(2026, 6, 1, tzinfo=rules.WIB)
    up, past = model.split_programs(programs, now)
    assert [p.slug for p in up] == ["pelatihan-foto", "pameran-umkm"] and [p.slug for p in past] == ["posyandu"]


def test_geojson(product, programs):
    kims = [{"slug": "malangan", "name": "KIM Malangan", "url": "kim/malangan/",
             "coordinates": [-7.9705, 110.2769], "wifi": True, "wifi_location": "Balai"},
            {"slug": "tanpa-peta", "name": "KIM Tanpa Peta", "url": "kim/tanpa-peta/"}]
    fc = geo.feature_collection(kims, [product], programs, SITE)
    assert fc["type"] == "FeatureCollection"
    kinds = [f["properties"]["kind"] for f in fc["features"]]
    assert kinds == ["kim", "produk", "program"]  # only things with coordinates
    kim = fc["features"][0]
    assert kim["geometry"]["coordinates"] == [110.2769, -7.9705]  # [lon, lat]
    assert kim["properties"]["wifi"] is True


def test_open_data(product, programs):
    data = json.loads(opendata.dumps(opendata.products_json([product], SITE,
                                                           lambda kim, name: {"url": f"{SITE}/g/{name}"})))
    assert data["schema_version"] == 1 and data["count"] == 1
    item = data["items"][0]
    assert item["price"] == 15000 and item["final_price"] == 13500 and item["currency"] == "IDR"
    assert item["whatsapp"] == "6281227334455" and item["kim"]["slug"] == "malangan"
    assert item["coordinates"] == {"lat": -7.9712, "lon": 110.2771} and len(item["photos"]) == 2
    prog = opendata.programs_json(programs, SITE, ics_url=lambda e: f"{SITE}/program/{e.slug}.ics")
    assert [i["slug"] for i in prog["items"]] == ["posyandu", "pelatihan-foto", "pameran-umkm"]
    assert prog["items"][1]["start"] == "2026-12-12T09:00:00+07:00"
    kims = opendata.kims_json([{"slug": "malangan", "name": "KIM Malangan", "url": "kim/malangan/", "wifi": True}],
                              SITE, {"malangan": {"products": 1, "programs": 3}})
    assert kims["items"][0]["wifi"]["available"] is True and kims["items"][0]["programs"] == 3
