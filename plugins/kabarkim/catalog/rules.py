"""Catalog rules: products and programs (issue 5).

Pure functions, no Pelican: price parsing/formatting, discount, wa.me links,
availability, categories, program times (WIB), and the `kim check` rules
`check_product` / `check_program`. Field rules shared with other kinds (WhatsApp,
coordinates, URLs, photos) live in kabarkim.content.fields.

Author-facing messages are Indonesian and say file, field, problem and fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Mapping
from urllib.parse import quote

from kabarkim.content.fields import (
    RuleError, Problem, WIB, normalize_whatsapp, normalize_phone, parse_wib, as_datetime, check_url, photo_list, Collector, check_photo_files, check_coordinates, require_text, _ctx_get, _image_dir,
)


CONTACT_SELLER = "hubungi penjual"

# Documented product categories (name -> slug), in display order.
CATEGORIES: dict[str, str] = {
    "Kuliner": "kuliner",
    "Kerajinan": "kerajinan",
    "Batik & Fesyen": "batik-fesyen",
    "Pertanian": "pertanian",
    "Peternakan": "peternakan",
    "Perikanan": "perikanan",
    "Wisata": "wisata",
    "Jasa": "jasa",
    "Lainnya": "lainnya",
}

# availability value -> (Indonesian label, schema.org ItemAvailability URL)
AVAILABILITY: dict[str, tuple[str, str]] = {
    "tersedia": ("Tersedia", "https://schema.org/InStock"),
    "habis": ("Habis", "https://schema.org/OutOfStock"),
    "pre-order": ("Pre-order", "https://schema.org/PreOrder"),
}
DEFAULT_AVAILABILITY = "tersedia"

MAX_PHOTOS = 6
DEFAULT_PROGRAM_HOURS = 2






# ---------------------------------------------------------------- prices

_PRICE_TEXT = re.compile(r"^\s*(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?\s*$", re.I)


def parse_price(value: Any) -> int | None:
    """Return the price in whole Rupiah, or None for "hubungi penjual".

    Accepts an integer (the documented form) and, leniently, text such as
    "15000", "15.000" or "Rp 15.000". Raises RuleError otherwise. A YAML float
    (``price: 15.000`` is read by YAML as 15.0!) is refused with a hint.
    """
    if isinstance(value, bool):
        raise RuleError("Harga harus berupa angka Rupiah, bukan ya/tidak.",
                        "Tulis misalnya `price: 15000` atau `price: hubungi penjual`.")
    if isinstance(value, int):
        if value <= 0:
            raise RuleError(f"Harga {value} tidak masuk akal (harus lebih dari 0).",
                            "Tulis harga dalam Rupiah, misalnya `price: 15000`, "
                            "atau `price: hubungi penjual`.")
        return value
    if isinstance(value, float):
        raise RuleError(
            f"Harga {value!r} terbaca sebagai pecahan: titik ribuan membuat angka salah "
            f"(15.000 dibaca 15).",
            "Tulis angka tanpa titik atau koma, misalnya `price: 15000`.")
    if isinstance(value, str):
        text = value.strip()
        if text.lower() == CONTACT_SELLER:
            return None
        m = _PRICE_TEXT.match(text)
        if m:
            return parse_price(int(m.group(1).replace(".", "")))
        raise RuleError(f"Harga \"{text}\" bukan angka Rupiah.",
                        "Tulis angka saja tanpa titik, misalnya `price: 15000`, "
                        "atau tulis `price: hubungi penjual`.")
    if value is None:
        raise RuleError("Harga belum diisi.",
                        "Tambahkan `price: 15000` (Rupiah) atau `price: hubungi penjual`.")
    raise RuleError(f"Harga {value!r} tidak dikenali.",
                    "Tulis misalnya `price: 15000` atau `price: hubungi penjual`.")


def format_rupiah(amount: int | None) -> str:
    """25000 -> "Rp 25.000"; None -> "Hubungi penjual"."""
    if amount is None:
        return "Hubungi penjual"
    return "Rp " + f"{int(amount):,}".replace(",", ".")


def parse_discount(value: Any) -> int | None:
    """Discount percent 1..90, or None when absent."""
    if value is None or value == "" or value == 0:
        return None
    if isinstance(value, str):
        s = value.strip().rstrip("%").strip()
        if s.isdigit():
            value = int(s)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleError(f"Diskon {value!r} bukan angka persen.",
                        "Tulis angka persen tanpa tanda %, misalnya `discount: 10`, "
                        "atau hapus baris discount.")
    if not 1 <= value <= 90:
        raise RuleError(f"Diskon {value}% di luar batas 1 sampai 90 persen.",
                        "Tulis diskon antara 1 dan 90, misalnya `discount: 10`.")
    return value


def discounted_price(price: int, percent: int | None) -> int:
    """Price after a percent discount, rounded half up to whole Rupiah."""
    if not percent:
        return price
    return (price * (100 - percent) + 50) // 100


# ---------------------------------------------------------------- WhatsApp









def order_message(title: str, url: str, price_text: str | None = None, unit: str | None = None) -> str:
    """The prefilled WhatsApp message for a product."""
    what = title
    if price_text and price_text != format_rupiah(None):
        what += f" ({price_text}" + (f" / {unit}" if unit else "") + ")"
    return f"Halo, saya ingin memesan {what}. Apakah masih tersedia?\n{url}"


def wa_link(number: str, message: str | None = None) -> str:
    """https://wa.me/<digits>?text=<URL-encoded message>."""
    link = f"https://wa.me/{number}"
    if message:
        link += "?text=" + quote(message, safe="")
    return link


# ---------------------------------------------------------------- categories, availability

def slugify_category(name: str) -> str:
    return CATEGORIES[name]


def parse_category(value: Any) -> str:
    """Return the canonical category name (case-insensitive match)."""
    if not isinstance(value, str) or not value.strip():
        raise RuleError("Kategori belum diisi.",
                        "Pilih salah satu: " + ", ".join(CATEGORIES) + ".")
    text = " ".join(value.split())
    for name in CATEGORIES:
        if name.lower() == text.lower() or CATEGORIES[name] == text.lower():
            return name
    near = difflib.get_close_matches(text.title(), list(CATEGORIES), n=1, cutoff=0.6)
    hint = f"Mungkin maksudnya `category: {near[0]}`? " if near else ""
    raise RuleError(f"Kategori \"{text}\" tidak dikenal.",
                    hint + "Pilih salah satu: " + ", ".join(CATEGORIES) + ".")


def parse_availability(value: Any) -> str:
    if value is None or value == "":
        return DEFAULT_AVAILABILITY
    text = str(value).strip().lower().replace(" ", "-").replace("_", "-")
    if text in ("preorder", "po"):
        text = "pre-order"
    if text in AVAILABILITY:
        return text
    raise RuleError(f"Ketersediaan \"{value}\" tidak dikenal.",
                    "Tulis salah satu: tersedia, habis, atau pre-order.")


# ---------------------------------------------------------------- dates (WIB)





def program_times(start: Any, end: Any = None) -> tuple[dt.datetime | dt.date, dt.datetime | dt.date]:
    """Return (start, end) in WIB; end defaults to start (+2 h for timed programs).

    Both are either aware datetimes or dates (all-day; end inclusive).
    Raises RuleError when end is before start.
    """
    s = parse_wib(start, "start")
    if end is None or end == "":
        e = s + dt.timedelta(hours=DEFAULT_PROGRAM_HOURS) if isinstance(s, dt.datetime) else s
        return s, e
    e = parse_wib(end, "end")
    if isinstance(s, dt.datetime) != isinstance(e, dt.datetime):
        # mixed: promote the date to a datetime (start of day / end of day)
        if isinstance(s, dt.datetime):
            e = dt.datetime.combine(e, dt.time(23, 59), WIB)
        else:
            s = dt.datetime.combine(s, dt.time(0, 0), WIB)
    if e < s:
        raise RuleError("Waktu selesai (end) lebih awal daripada waktu mulai (start).",
                        "Periksa tanggal dan jam: `end` harus sama atau sesudah `start`.")
    return s, e




def is_upcoming(end: dt.datetime | dt.date, now: dt.datetime) -> bool:
    return as_datetime(end, end=True) >= now


# ---------------------------------------------------------------- coordinates, urls, photos









# ---------------------------------------------------------------- kim check rules













def check_product(meta: Mapping[str, Any], ctx: Any = None) -> list[Problem]:
    """All catalog rules for one product's front matter.

    ctx may be a mapping or object with `path` (the .md file) and optionally
    `image_dir` (the KIM's gambar/ folder; derived from path otherwise).
    """
    file = str(_ctx_get(ctx, "path", "") or "")
    c = Collector(file)
    require_text(c, meta, "title", "Tambahkan nama produk, misalnya `title: Keripik Tempe Sagu`.")
    if not meta.get("date"):
        c.add("date", "Tanggal produk belum diisi (dipakai untuk urutan terbaru).",
              "Tambahkan misalnya `date: 2026-02-10`.")
    elif "date" in meta:
        c.run("date", parse_wib, meta.get("date"), "date")
    if "category" not in meta:
        c.add("category", "Kategori belum diisi.", "Pilih salah satu: " + ", ".join(CATEGORIES) + ".")
    else:
        c.run("category", parse_category, meta.get("category"))
    price = c.run("price", parse_price, meta.get("price"))
    if meta.get("discount") not in (None, "", 0):
        d = c.run("discount", parse_discount, meta.get("discount"))
        if d and "price" in meta and price is None and not any(p.field == "price" for p in c.problems):
            c.add("discount", "Diskon tidak bisa dipakai bila harga \"hubungi penjual\".",
                  "Isi harga dalam Rupiah, atau hapus baris discount.")
    photos = c.run("photos", photo_list, meta.get("photos"))
    if photos is not None:
        if not photos:
            c.add("photos", "Produk belum punya foto.",
                  "Tambahkan 1 sampai 6 foto, misalnya `photos: [keripik-1.jpg]`, dan unggah berkasnya ke folder gambar/.")
        elif len(photos) > MAX_PHOTOS:
            c.add("photos", f"Terlalu banyak foto ({len(photos)}); paling banyak {MAX_PHOTOS}.",
                  f"Pilih {MAX_PHOTOS} foto terbaik dan hapus sisanya dari daftar photos.")
        if len(set(photos)) != len(photos):
            c.add("photos", "Ada foto yang ditulis dua kali.", "Hapus nama foto yang sama dari daftar photos.", "warning")
        check_photo_files(c, "photos", photos, _image_dir(ctx))
    require_text(c, meta, "shop", "Tambahkan nama toko/penjual yang dilihat pembeli, misalnya `shop: Dapur Bu Sri`.")
    if "whatsapp" not in meta:
        c.add("whatsapp", "Nomor WhatsApp penjual belum diisi (tombol \"Pesan via WhatsApp\" memerlukannya).",
              "Tambahkan misalnya `whatsapp: \"081227334455\"`.")
    else:
        c.run("whatsapp", normalize_whatsapp, meta.get("whatsapp"))
    if "availability" in meta:
        c.run("availability", parse_availability, meta.get("availability"))
    if meta.get("bos") not in (None, ""):
        c.run("bos", check_url, meta.get("bos"), "bos")
    mk = meta.get("marketplaces")
    if mk not in (None, "", []):
        if not isinstance(mk, list):
            c.add("marketplaces", "Daftar marketplace tidak dapat dibaca.",
                  "Tulis setiap toko sebagai `- name: Shopee` dan `url: https://...` di bawah `marketplaces:`.")
        else:
            for i, item in enumerate(mk, 1):
                f = f"marketplaces[{i}]"
                if not isinstance(item, Mapping) or not item.get("name"):
                    c.add(f, "Marketplace tanpa nama.", "Tulis `- name: Shopee` lalu `url: https://...`.")
                    continue
                c.run(f, check_url, item.get("url"), f"{f}.url")
    if "unit" in meta and meta.get("unit") is not None and not isinstance(meta.get("unit"), str):
        c.add("unit", "Satuan harus berupa teks.", "Tulis misalnya `unit: bungkus 250 gram`.")
    check_coordinates(c, meta)
    if not meta.get("summary"):
        c.add("summary", "Ringkasan belum diisi (dipakai di daftar dan pratinjau WhatsApp).",
              "Tambahkan satu kalimat, misalnya `summary: Keripik tempe renyah buatan ibu-ibu Malangan.`",
              "warning")
    return c.problems


def check_program(meta: Mapping[str, Any], ctx: Any = None) -> list[Problem]:
    """All catalog rules for one program/event's front matter."""
    file = str(_ctx_get(ctx, "path", "") or "")
    c = Collector(file)
    require_text(c, meta, "title", "Tambahkan judul kegiatan, misalnya `title: Pelatihan Foto Produk UMKM`.")
    if "start" not in meta:
        c.add("start", "Waktu mulai belum diisi.", "Tambahkan misalnya `start: 2026-12-12 09:00` (WIB).")
    else:
        start = c.run("start", parse_wib, meta.get("start"), "start")
        if meta.get("end") not in (None, ""):
            end = c.run("end", parse_wib, meta.get("end"), "end")
            if start is not None and end is not None:
                c.run("end", program_times, meta.get("start"), meta.get("end"))
        else:
            c.add("end", "Waktu selesai belum diisi; dianggap 2 jam setelah mulai.",
                  "Tambahkan misalnya `end: 2026-12-12 12:00` (WIB).", "warning")
    require_text(c, meta, "place", "Tambahkan tempat kegiatan, misalnya `place: Balai Kalurahan Srigading`.")
    if meta.get("registration") not in (None, ""):
        c.run("registration", check_url, meta.get("registration"), "registration")
    if meta.get("contact") not in (None, ""):
        c.run("contact", normalize_phone, meta.get("contact"))
    if meta.get("image") not in (None, ""):
        names = c.run("image", photo_list, meta.get("image"))
        if names:
            check_photo_files(c, "image", names, _image_dir(ctx))
    check_coordinates(c, meta)
    if not meta.get("summary"):
        c.add("summary", "Ringkasan belum diisi (dipakai di daftar dan pratinjau WhatsApp).",
              "Tambahkan satu kalimat, misalnya `summary: Belajar memotret produk dengan ponsel.`",
              "warning")
    return c.problems
