"""Catalog rules: products and programs (issue 5).

Pure functions, no Pelican: price parsing/formatting, discount, WhatsApp
normalisation and wa.me links, availability, categories, program times (WIB),
coordinates, URLs, and the `kim check` rules `check_product` / `check_program`.

Author-facing messages are Indonesian and say file, field, problem and fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")

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
PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
# Rough bounding box of Kabupaten Bantul (with a margin) for a plausibility warning.
BANTUL_BBOX = (-8.10, 110.10, -7.75, 110.55)  # lat_min, lon_min, lat_max, lon_max
DEFAULT_PROGRAM_HOURS = 2


class RuleError(ValueError):
    """A value breaks a catalog rule. `message` and `fix` are Indonesian."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Problem:
    """One finding of `kim check` (shape agreed with the content checks framework)."""

    file: str
    field: str
    message: str
    fix: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:  # pragma: no cover - display only
        label = "GALAT" if self.severity == "error" else "PERINGATAN"
        return f"{label} {self.file} [{self.field}]: {self.message} Perbaikan: {self.fix}"


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

_PHONE_JUNK = re.compile(r"[\s\-\.\(\)/]")


def normalize_whatsapp(value: Any) -> str:
    """Normalise an Indonesian mobile number to international digits "628…".

    Accepts "0812-2733-4455", "+62 812 2733 4455", "62812…", "812…"; raises
    RuleError for anything that is not an Indonesian mobile number.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads 081227334455 unquoted as an int and drops the leading 0.
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise RuleError("Nomor WhatsApp belum diisi.",
                        "Tulis nomor dalam tanda kutip, misalnya `whatsapp: \"081227334455\"`.")
    raw = value.strip()
    digits = _PHONE_JUNK.sub("", raw)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        raise RuleError(f"Nomor WhatsApp \"{raw}\" bukan nomor telepon (ada huruf atau tanda lain).",
                        "Tulis angka saja, misalnya `whatsapp: \"081227334455\"`.")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    if not digits.startswith("62"):
        raise RuleError(f"Nomor WhatsApp \"{raw}\" bukan nomor Indonesia.",
                        "Tulis nomor yang diawali 08 atau +62, misalnya `whatsapp: \"081227334455\"`.")
    if not digits.startswith("628"):
        raise RuleError(f"Nomor \"{raw}\" tampak seperti telepon rumah/kantor, bukan nomor HP WhatsApp.",
                        "Tulis nomor HP yang dipakai WhatsApp, diawali 08, misalnya \"081227334455\".")
    if not 11 <= len(digits) <= 14:
        raise RuleError(f"Nomor WhatsApp \"{raw}\" panjangnya tidak wajar ({len(digits) - 1} angka bila diawali 0).",
                        "Periksa lagi: nomor HP Indonesia 10 sampai 13 angka, misalnya \"081227334455\".")
    return digits


def normalize_phone(value: Any) -> str:
    """Normalise any Indonesian phone number (mobile or landline) to "62…"."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise RuleError("Nomor kontak kosong.", "Tulis nomor dalam tanda kutip, misalnya `contact: \"081227334455\"`.")
    raw = value.strip()
    digits = _PHONE_JUNK.sub("", raw).lstrip("+")
    if not digits.isdigit():
        raise RuleError(f"Nomor kontak \"{raw}\" bukan nomor telepon.",
                        "Tulis angka saja, misalnya `contact: \"081227334455\"`.")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    if not digits.startswith("62") or not 9 <= len(digits) <= 15:
        raise RuleError(f"Nomor kontak \"{raw}\" bukan nomor Indonesia yang wajar.",
                        "Tulis nomor yang diawali 0 atau +62, misalnya `contact: \"081227334455\"`.")
    return digits


def format_phone(digits: str) -> str:
    """"6281227334455" -> "0812-2733-4455" (for display)."""
    local = "0" + digits[2:] if digits.startswith("62") else digits
    head, rest = local[:4], local[4:]
    groups = [rest[i:i + 4] for i in range(0, len(rest), 4)]
    return "-".join([head, *groups]) if groups else head


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

_DT_TEXT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?\s*(?:WIB)?$", re.I)


def parse_wib(value: Any, field: str = "start") -> dt.datetime | dt.date:
    """Parse a front matter time as WIB.

    Returns an aware datetime (Asia/Jakarta) or, for a date without time, a date
    (an all-day program). Accepts what YAML gives (date/datetime) or text like
    "2026-12-12 09:00" / "2026-12-12T09:00" / "2026-12-12 09.00 WIB".
    """
    example = f"`{field}: 2026-12-12 09:00`"
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=WIB)
        return value.astimezone(WIB)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DT_TEXT.match(value.strip())
        if m:
            y, mo, d, h, mi, s = m.groups()
            try:
                if h is None:
                    return dt.date(int(y), int(mo), int(d))
                return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), tzinfo=WIB)
            except ValueError:
                pass
            raise RuleError(f"Waktu \"{value}\" bukan tanggal/jam yang ada.",
                            f"Periksa tanggal dan jam, misalnya {example} (WIB).")
    if value is None or value == "":
        raise RuleError("Waktu belum diisi.", f"Tambahkan misalnya {example} (WIB).")
    raise RuleError(f"Waktu \"{value}\" tidak dapat dibaca.",
                    f"Tulis tahun-bulan-tanggal jam:menit, misalnya {example} (WIB).")


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


def as_datetime(value: dt.datetime | dt.date, end: bool = False) -> dt.datetime:
    """Aware WIB datetime for sorting (a date counts as its start, or its end of day)."""
    if isinstance(value, dt.datetime):
        return value
    t = dt.time(23, 59, 59) if end else dt.time(0, 0)
    return dt.datetime.combine(value, t, WIB)


def is_upcoming(end: dt.datetime | dt.date, now: dt.datetime) -> bool:
    return as_datetime(end, end=True) >= now


# ---------------------------------------------------------------- coordinates, urls, photos

def parse_coordinates(value: Any) -> tuple[float, float] | None:
    """[lat, lon] -> (lat, lon) floats; None when absent."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        parts = [p for p in re.split(r"[,\s]+", value.strip().strip("[]")) if p]
        value = parts
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise RuleError("Koordinat harus dua angka: lintang dan bujur.",
                        "Tulis misalnya `coordinates: [-7.9705, 110.2769]` (lintang dulu, lalu bujur).")
    try:
        lat, lon = (float(v) for v in value)
    except (TypeError, ValueError):
        raise RuleError(f"Koordinat {value!r} bukan angka.",
                        "Tulis misalnya `coordinates: [-7.9705, 110.2769]`.") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        if -90 <= lon <= 90 and -180 <= lat <= 180:
            raise RuleError(f"Koordinat [{lat}, {lon}] terbalik: lintang harus di depan.",
                            f"Tukar urutannya: `coordinates: [{lon}, {lat}]`.")
        raise RuleError(f"Koordinat [{lat}, {lon}] di luar jangkauan bumi.",
                        "Salin koordinat dari Google Maps/OpenStreetMap, misalnya `[-7.9705, 110.2769]`.")
    return lat, lon


def in_bantul(coords: tuple[float, float]) -> bool:
    lat, lon = coords
    return BANTUL_BBOX[0] <= lat <= BANTUL_BBOX[2] and BANTUL_BBOX[1] <= lon <= BANTUL_BBOX[3]


def check_url(value: Any, field: str) -> str:
    """An absolute http(s) URL; anything else (javascript:, data:, relative) is refused."""
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"Tautan {field} kosong.", f"Isi dengan alamat lengkap yang diawali https://, atau hapus baris {field}.")
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise RuleError(f"Tautan \"{url}\" bukan alamat web lengkap (harus diawali https:// atau http://).",
                        f"Salin alamat lengkap dari peramban, misalnya `{field}: https://contoh.id/...`.")
    return url


def photo_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    raise RuleError("Daftar foto tidak dapat dibaca.", "Tulis misalnya `photos: [keripik-1.jpg, keripik-2.jpg]`.")


# ---------------------------------------------------------------- kim check rules

def _ctx_get(ctx: Any, name: str, default: Any = None) -> Any:
    if ctx is None:
        return default
    if isinstance(ctx, Mapping):
        return ctx.get(name, default)
    return getattr(ctx, name, default)


def _image_dir(ctx: Any) -> Path | None:
    d = _ctx_get(ctx, "image_dir") or _ctx_get(ctx, "gambar_dir")
    if d:
        return Path(d)
    path = _ctx_get(ctx, "path")
    if path:  # content/kim/<slug>/<kind>/<file>.md -> content/kim/<slug>/gambar
        return Path(path).parent.parent / "gambar"
    return None


class _Collector:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, field: str, message: str, fix: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, field, message, fix, severity))

    def run(self, field: str, fn, *args):
        try:
            return fn(*args)
        except RuleError as exc:
            self.add(field, exc.message, exc.fix)
            return None


def _check_photo_files(c: _Collector, field: str, names: Iterable[str], image_dir: Path | None) -> None:
    for name in names:
        if "/" in name or "\\" in name:
            c.add(field, f"Foto \"{name}\" ditulis dengan folder.",
                  "Tulis nama berkasnya saja (berkas ada di folder gambar/ milik KIM), misalnya `keripik-1.jpg`.")
            continue
        if Path(name).suffix.lower() not in PHOTO_EXTENSIONS:
            c.add(field, f"Berkas \"{name}\" bukan foto JPEG/PNG/WebP.",
                  "Gunakan foto berakhiran .jpg, .jpeg, .png, atau .webp.")
            continue
        if image_dir is not None and not (image_dir / name).is_file():
            existing = sorted(p.name for p in image_dir.glob("*")) if image_dir.is_dir() else []
            near = difflib.get_close_matches(name, existing, n=1, cutoff=0.6)
            hint = f"Mungkin maksudnya `{near[0]}`? " if near else ""
            c.add(field, f"Foto \"{name}\" tidak ada di folder {image_dir.as_posix()}/.",
                  hint + "Unggah foto ke folder gambar/ KIM ini atau perbaiki nama berkasnya (huruf besar/kecil berpengaruh).")


def _check_coordinates(c: _Collector, meta: Mapping) -> None:
    if "coordinates" not in meta:
        return
    coords = c.run("coordinates", parse_coordinates, meta.get("coordinates"))
    if coords and not in_bantul(coords):
        c.add("coordinates", f"Koordinat {list(coords)} berada di luar Kabupaten Bantul.",
              "Periksa lagi lintang/bujur di peta; lintang Bantul sekitar -7.8 s.d. -8.1, bujur 110.1 s.d. 110.5.",
              "warning")


def _require_text(c: _Collector, meta: Mapping, field: str, fix: str, severity: str = "error") -> None:
    v = meta.get(field)
    if not isinstance(v, str) or not v.strip():
        c.add(field, f"Kolom `{field}` belum diisi.", fix, severity)


def check_product(meta: Mapping[str, Any], ctx: Any = None) -> list[Problem]:
    """All catalog rules for one product's front matter.

    ctx may be a mapping or object with `path` (the .md file) and optionally
    `image_dir` (the KIM's gambar/ folder; derived from path otherwise).
    """
    file = str(_ctx_get(ctx, "path", "") or "")
    c = _Collector(file)
    _require_text(c, meta, "title", "Tambahkan nama produk, misalnya `title: Keripik Tempe Sagu`.")
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
        _check_photo_files(c, "photos", photos, _image_dir(ctx))
    _require_text(c, meta, "shop", "Tambahkan nama toko/penjual yang dilihat pembeli, misalnya `shop: Dapur Bu Sri`.")
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
    _check_coordinates(c, meta)
    if not meta.get("summary"):
        c.add("summary", "Ringkasan belum diisi (dipakai di daftar dan pratinjau WhatsApp).",
              "Tambahkan satu kalimat, misalnya `summary: Keripik tempe renyah buatan ibu-ibu Malangan.`",
              "warning")
    return c.problems


def check_program(meta: Mapping[str, Any], ctx: Any = None) -> list[Problem]:
    """All catalog rules for one program/event's front matter."""
    file = str(_ctx_get(ctx, "path", "") or "")
    c = _Collector(file)
    _require_text(c, meta, "title", "Tambahkan judul kegiatan, misalnya `title: Pelatihan Foto Produk UMKM`.")
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
    _require_text(c, meta, "place", "Tambahkan tempat kegiatan, misalnya `place: Balai Kalurahan Srigading`.")
    if meta.get("registration") not in (None, ""):
        c.run("registration", check_url, meta.get("registration"), "registration")
    if meta.get("contact") not in (None, ""):
        c.run("contact", normalize_phone, meta.get("contact"))
    if meta.get("image") not in (None, ""):
        names = c.run("image", photo_list, meta.get("image"))
        if names:
            _check_photo_files(c, "image", names, _image_dir(ctx))
    _check_coordinates(c, meta)
    if not meta.get("summary"):
        c.add("summary", "Ringkasan belum diisi (dipakai di daftar dan pratinjau WhatsApp).",
              "Tambahkan satu kalimat, misalnya `summary: Belajar memotret produk dengan ponsel.`",
              "warning")
    return c.problems
