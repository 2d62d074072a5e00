"""`kim check` rules for products and programs: file, field, Indonesian message and fix."""

import pytest

from kabarkim.catalog.rules import check_product, check_program

GOOD_PRODUCT = {
    "title": "Keripik Tempe Sagu", "date": "2026-02-10", "category": "Kuliner", "price": 15000,
    "unit": "bungkus 250 gram", "photos": ["keripik-1.jpg"], "shop": "Dapur Bu Sri",
    "whatsapp": "0812-2733-4455", "availability": "tersedia", "summary": "Renyah.",
}
GOOD_PROGRAM = {
    "title": "Pelatihan", "start": "2026-12-12 09:00", "end": "2026-12-12 12:00",
    "place": "Balai Kalurahan Srigading", "summary": "Belajar.", "image": "keripik-1.jpg",
}


@pytest.fixture
def ctx(tmp_path):
    kim = tmp_path / "content" / "kim" / "malangan"
    (kim / "gambar").mkdir(parents=True)
    (kim / "gambar" / "keripik-1.jpg").write_bytes(b"jpeg")
    (kim / "produk").mkdir()
    return {"path": str(kim / "produk" / "keripik.md")}


def _errors(problems):
    return {(p.field, p.severity) for p in problems}


def test_good_product_and_program_pass(ctx):
    assert check_product(GOOD_PRODUCT, ctx) == []
    assert check_program(GOOD_PROGRAM, ctx) == []


@pytest.mark.parametrize("change, field, needle", [
    ({"price": "lima belas ribu"}, "price", "bukan angka"),
    ({"price": 15.0}, "price", "pecahan"),
    ({"price": None}, "price", "belum diisi"),
    ({"whatsapp": "0812-ABCD-4455"}, "whatsapp", "bukan nomor telepon"),
    ({"whatsapp": None}, "whatsapp", "belum diisi"),
    ({"category": "Makanan"}, "category", "tidak dikenal"),
    ({"availability": "ada"}, "availability", "tidak dikenal"),
    ({"photos": ["tidak-ada.jpg"]}, "photos", "tidak ada di folder"),
    ({"photos": ["Keripik-1.jpg"]}, "photos", "tidak ada di folder"),
    ({"photos": []}, "photos", "belum punya foto"),
    ({"photos": ["keripik-1.jpg"] * 7}, "photos", "Terlalu banyak foto"),
    ({"photos": ["dokumen.pdf"]}, "photos", "bukan foto"),
    ({"photos": ["../lain/keripik-1.jpg"]}, "photos", "dengan folder"),
    ({"discount": 95}, "discount", "di luar batas"),
    ({"price": "hubungi penjual", "discount": 10}, "discount", "hubungi penjual"),
    ({"bos": "javascript:alert(1)"}, "bos", "bukan alamat web"),
    ({"marketplaces": [{"name": "Shopee", "url": "shopee.co.id/x"}]}, "marketplaces[1]", "bukan alamat web"),
    ({"marketplaces": [{"url": "https://shopee.co.id/x"}]}, "marketplaces[1]", "tanpa nama"),
    ({"coordinates": [110.27, -7.97]}, "coordinates", "terbalik"),
    ({"coordinates": "dekat masjid"}, "coordinates", "bukan angka"), ({"coordinates": [1, 2, 3]}, "coordinates", "dua angka"),
    ({"title": ""}, "title", "belum diisi"),
    ({"shop": None}, "shop", "belum diisi"),
    ({"date": None}, "date", "belum diisi"),
])
def test_product_errors(ctx, change, field, needle):
    problems = check_product({**GOOD_PRODUCT, **change}, ctx)
    hits = [p for p in problems if p.field == field and p.severity == "error"]
    assert hits, problems
    assert needle in hits[0].message
    assert hits[0].fix and hits[0].file.endswith("keripik.md")


def test_missing_photo_suggests_near_name(ctx):
    [p] = check_product({**GOOD_PRODUCT, "photos": ["keripik1.jpg"]}, ctx)
    assert "keripik-1.jpg" in p.fix


@pytest.mark.parametrize("change, field, severity", [
    ({"summary": None}, "summary", "warning"),
    ({"coordinates": [-6.2, 106.8]}, "coordinates", "warning"),  # Jakarta: outside Bantul
    ({"photos": ["keripik-1.jpg", "keripik-1.jpg"]}, "photos", "warning"),
])
def test_product_warnings(ctx, change, field, severity):
    assert (field, severity) in _errors(check_product({**GOOD_PRODUCT, **change}, ctx))


@pytest.mark.parametrize("change, field, needle", [
    ({"end": "2026-12-12 08:00"}, "end", "lebih awal"),
    ({"start": "12 Desember 2026"}, "start", "tidak dapat dibaca"),
    ({"start": "2026-02-30 09:00"}, "start", "bukan tanggal"),
    ({"place": ""}, "place", "belum diisi"),
    ({"registration": "forms.example.id"}, "registration", "bukan alamat web"),
    ({"contact": "hubungi pak RT"}, "contact", "bukan nomor"),
    ({"image": "hilang.jpg"}, "image", "tidak ada di folder"),
])
def test_program_errors(ctx, change, field, needle):
    problems = check_program({**GOOD_PROGRAM, **change}, ctx)
    hits = [p for p in problems if p.field == field and p.severity == "error"]
    assert hits, problems
    assert needle in hits[0].message and hits[0].fix


def test_program_missing_start_and_end(ctx):
    meta = {k: v for k, v in GOOD_PROGRAM.items() if k not in ("start", "end")}
    assert ("start", "error") in _errors(check_program(meta, ctx))
    no_end = {k: v for k, v in GOOD_PROGRAM.items() if k != "end"}
    assert _errors(check_program(no_end, ctx)) == {("end", "warning")}


def test_kim_check_reports_broken_product_and_program(sample_content):
    """End to end through the content checks framework (what `kim check` and the build run)."""
    from kabarkim.content.checks import check_content, errors

    kim = sample_content / "kim" / "malangan"
    (kim / "produk" / "rusak.md").write_text(
        "---\ntitle: Produk Rusak\ndate: 2026-01-01\ncategory: Makanan\nprice: lima belas ribu\n"
        "photos: [tidak-ada.jpg]\nshop: Toko\nwhatsapp: \"0812-ABCD\"\navailability: ada\n---\nIsi.\n", "utf-8")
    (kim / "program" / "terbalik.md").write_text(
        "---\ntitle: Acara Terbalik\nstart: 2026-12-12 12:00\nend: 2026-12-12 09:00\nplace: Balai\n---\nIsi.\n",
        "utf-8")
    found = {(p.file.rsplit("/", 1)[-1], p.field) for p in errors(check_content(sample_content, {}))}
    for field in ("category", "price", "photos", "whatsapp", "availability"):
        assert ("rusak.md", field) in found, field
    assert ("terbalik.md", "end") in found
