"""Table-driven tests for catalog rules (prices, WhatsApp, dates, categories, ...)."""

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from kabarkim.catalog import rules
from kabarkim.content import fields
from kabarkim.content.fields import WIB, RuleError


@pytest.mark.parametrize("value, expected", [
    (15000, 15000),
    ("15000", 15000),
    ("15.000", 15000),
    ("Rp 15.000", 15000),
    ("Rp15.000,-", 15000),
    ("rp. 1.250.000", 1250000),
    ("hubungi penjual", None),
    ("Hubungi Penjual", None),
])
def test_parse_price_ok(value, expected):
    assert rules.parse_price(value) == expected


@pytest.mark.parametrize("value, needle", [
    (15.0, "pecahan"),          # YAML reads `price: 15.000` as 15.0
    (0, "tidak masuk akal"),
    (-500, "tidak masuk akal"),
    ("lima belas ribu", "bukan angka"),
    ("15,5", "bukan angka"),
    (None, "belum diisi"),
    (True, "bukan ya/tidak"),
    ([15000], "tidak dikenali"),
])
def test_parse_price_bad(value, needle):
    with pytest.raises(RuleError) as e:
        rules.parse_price(value)
    assert needle in e.value.message
    assert "price:" in e.value.fix


@pytest.mark.parametrize("amount, text", [
    (25000, "Rp 25.000"), (500, "Rp 500"), (1250000, "Rp 1.250.000"), (None, "Hubungi penjual"),
])
def test_format_rupiah(amount, text):
    assert rules.format_rupiah(amount) == text


@pytest.mark.parametrize("price, pct, out", [
    (15000, 10, 13500), (15000, None, 15000), (9999, 15, 8499), (10000, 90, 1000), (3, 50, 2),
])
def test_discounted_price(price, pct, out):
    assert rules.discounted_price(price, pct) == out


@pytest.mark.parametrize("value, ok", [
    (10, 10), ("10%", 10), ("25", 25), (None, None), (0, None), (1, 1), (90, 90),
])
def test_parse_discount_ok(value, ok):
    assert rules.parse_discount(value) == ok


@pytest.mark.parametrize("value", [91, 100, -5, "sepuluh", 10.5])
def test_parse_discount_bad(value):
    with pytest.raises(RuleError):
        rules.parse_discount(value)


@pytest.mark.parametrize("raw, digits", [
    ("081227334455", "6281227334455"),
    ("0812-2733-4455", "6281227334455"),
    ("0812 2733 4455", "6281227334455"),
    ("+62 812-2733-4455", "6281227334455"),
    ("62812 2733 4455", "6281227334455"),
    ("(0812) 2733.4455", "6281227334455"),
    ("81227334455", "6281227334455"),
    (81227334455, "6281227334455"),     # YAML int: leading 0 lost
    ("0857 1234 567", "628571234567"),
])
def test_normalize_whatsapp_ok(raw, digits):
    assert fields.normalize_whatsapp(raw) == digits


@pytest.mark.parametrize("raw, needle", [
    ("0812-ABCD-4455", "bukan nomor telepon"),
    ("nomor saya", "bukan nomor telepon"),
    ("", "belum diisi"),
    (None, "belum diisi"),
    ("+1 202 555 0100", "bukan nomor Indonesia"),
    ("0274 367 111", "telepon rumah"),
    ("0812", "panjangnya tidak wajar"),
    ("0812 2733 4455 6677", "panjangnya tidak wajar"),
])
def test_normalize_whatsapp_bad(raw, needle):
    with pytest.raises(RuleError) as e:
        fields.normalize_whatsapp(raw)
    assert needle in e.value.message
    assert e.value.fix


def test_format_phone():
    assert fields.format_phone("6281227334455") == "0812-2733-4455"


def test_wa_link_prefilled_message_is_encoded():
    url = "https://kabarkim.example.id/produk/keripik-tempe-sagu/"
    msg = rules.order_message("Keripik Tempe & Sagu", url, "Rp 13.500", "bungkus 250 gram")
    link = rules.wa_link("6281227334455", msg)
    parts = urlsplit(link)
    assert parts.scheme == "https" and parts.netloc == "wa.me" and parts.path == "/6281227334455"
    assert " " not in link and "&" not in parts.query.split("=", 1)[1]
    text = parse_qs(parts.query)["text"][0]
    assert "Keripik Tempe & Sagu" in text and url in text and "Rp 13.500" in text
    assert unquote(parts.query[len("text="):]) == msg


@pytest.mark.parametrize("value, name", [
    ("Kuliner", "Kuliner"), ("kuliner", "Kuliner"), ("Batik & Fesyen", "Batik & Fesyen"),
    ("batik  &  fesyen", "Batik & Fesyen"), ("batik-fesyen", "Batik & Fesyen"), ("LAINNYA", "Lainnya"),
])
def test_parse_category_ok(value, name):
    assert rules.parse_category(value) == name


@pytest.mark.parametrize("value, hint", [
    ("Kulinar", "Kuliner"), ("Makanan", None), ("", None), (None, None),
])
def test_parse_category_bad(value, hint):
    with pytest.raises(RuleError) as e:
        rules.parse_category(value)
    assert "Kuliner" in e.value.fix  # lists the allowed set
    if hint:
        assert f"category: {hint}" in e.value.fix


def test_category_slugs_unique_and_urlsafe():
    slugs = list(rules.CATEGORIES.values())
    assert len(set(slugs)) == 9
    assert rules.CATEGORIES["Batik & Fesyen"] == "batik-fesyen"
    assert all(s.replace("-", "").isalnum() and s == s.lower() for s in slugs)


@pytest.mark.parametrize("value, out", [
    ("tersedia", "tersedia"), ("Habis", "habis"), ("pre-order", "pre-order"), ("Pre Order", "pre-order"),
    ("preorder", "pre-order"), (None, "tersedia"),
])
def test_availability_ok(value, out):
    assert rules.parse_availability(value) == out


@pytest.mark.parametrize("value", ["ada", "sold out", "kosong"])
def test_availability_bad(value):
    with pytest.raises(RuleError):
        rules.parse_availability(value)


@pytest.mark.parametrize("start, end, s, e", [
    ("2026-12-12 09:00", "2026-12-12 12:00",
     dt.datetime(2026, 12, 12, 9, tzinfo=WIB), dt.datetime(2026, 12, 12, 12, tzinfo=WIB)),
    (dt.datetime(2026, 12, 12, 9), dt.datetime(2026, 12, 12, 9),  # YAML naive -> WIB; equal is fine
     dt.datetime(2026, 12, 12, 9, tzinfo=WIB), dt.datetime(2026, 12, 12, 9, tzinfo=WIB)),
    ("2026-12-12T09.00 WIB", None,
     dt.datetime(2026, 12, 12, 9, tzinfo=WIB), dt.datetime(2026, 12, 12, 11, tzinfo=WIB)),
    (dt.date(2026, 12, 14), dt.date(2026, 12, 15), dt.date(2026, 12, 14), dt.date(2026, 12, 15)),
    (dt.datetime(2026, 12, 12, 2, tzinfo=dt.timezone.utc), None,  # aware UTC converted to WIB
     dt.datetime(2026, 12, 12, 9, tzinfo=WIB), dt.datetime(2026, 12, 12, 11, tzinfo=WIB)),
])
def test_program_times_ok(start, end, s, e):
    got_s, got_e = rules.program_times(start, end)
    assert got_s == s and got_e == e
    if isinstance(got_s, dt.datetime):
        assert got_s.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize("start, end, needle", [
    ("2026-12-12 12:00", "2026-12-12 09:00", "lebih awal"),
    ("2026-12-12", "2026-12-11", "lebih awal"),
    ("2026-13-12 09:00", None, "bukan tanggal"),
    ("12/12/2026", None, "tidak dapat dibaca"),
    (None, None, "belum diisi"),
])
def test_program_times_bad(start, end, needle):
    with pytest.raises(RuleError) as e:
        rules.program_times(start, end)
    assert needle in e.value.message


@pytest.mark.parametrize("value, out", [
    ([-7.9705, 110.2769], (-7.9705, 110.2769)), ("-7.9705, 110.2769", (-7.9705, 110.2769)),
    (None, None), ([], None),
])
def test_coordinates_ok(value, out):
    assert fields.parse_coordinates(value) == out


@pytest.mark.parametrize("value, needle", [
    ([110.2769, -7.9705, 3], "dua angka"), (["x", "y"], "bukan angka"),
    ([110.2769, -7.9705], "terbalik"), ([-7.9, 200], "di luar jangkauan"), ([200, 300], "di luar jangkauan"),
])
def test_coordinates_bad(value, needle):
    with pytest.raises(RuleError) as e:
        fields.parse_coordinates(value)
    assert needle in e.value.message


@pytest.mark.parametrize("url, ok", [
    ("https://bos.bantulkab.go.id/produk/x", True), ("http://contoh.id", True),
    ("javascript:alert(1)", False), ("data:text/html,x", False), ("www.shopee.co.id/x", False),
    ("/produk/x", False), ("ftp://x.id/a", False),
])
def test_check_url(url, ok):
    if ok:
        assert fields.check_url(url, "bos") == url
    else:
        with pytest.raises(RuleError):
            fields.check_url(url, "bos")
