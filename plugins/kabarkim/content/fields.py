"""Field rules every content kind shares: the Problem record, Indonesian messages, and
validators for WhatsApp numbers, WIB times, coordinates, URLs and photos.

`kim check` rules per kind (content/rules.py, catalog/rules.py) are built from these.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from kabarkim.dates import WIB


PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}


# Rough bounding box of Kabupaten Bantul (with a margin) for a plausibility warning.
BANTUL_BBOX = (-8.10, 110.10, -7.75, 110.55)  # lat_min, lon_min, lat_max, lon_max


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


_PHONE_JUNK = re.compile(r"[\s\-\.\(\)/]")


def _indonesian_digits(value: Any, label: str, key: str) -> tuple[str, str]:
    """(the number as written, its digits with Indonesia's 62 prefix), or RuleError."""
    example = f'`{key}: "081227334455"`'
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads 081227334455 unquoted as an int and drops the leading 0.
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"Nomor {label} belum diisi.", f"Tulis nomor dalam tanda kutip, misalnya {example}.")
    raw = value.strip()
    digits = _PHONE_JUNK.sub("", raw).removeprefix("+")
    if not digits.isdigit():
        raise RuleError(f"Nomor {label} \"{raw}\" bukan nomor telepon (ada huruf atau tanda lain).",
                        f"Tulis angka saja, misalnya {example}.")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    return raw, digits


def normalize_whatsapp(value: Any) -> str:
    """Normalise an Indonesian mobile number to international digits "628…".

    Accepts "0812-2733-4455", "+62 812 2733 4455", "62812…", "812…"; raises
    RuleError for anything that is not an Indonesian mobile number.
    """
    raw, digits = _indonesian_digits(value, "WhatsApp", "whatsapp")
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
    raw, digits = _indonesian_digits(value, "kontak", "contact")
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


def as_datetime(value: dt.datetime | dt.date, end: bool = False) -> dt.datetime:
    """Aware WIB datetime for sorting (a date counts as its start, or its end of day)."""
    if isinstance(value, dt.datetime):
        return value
    t = dt.time(23, 59, 59) if end else dt.time(0, 0)
    return dt.datetime.combine(value, t, WIB)


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


class Collector:
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


def check_photo_files(c: Collector, field: str, names: Iterable[str], image_dir: Path | None) -> None:
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
            c.add(field, f"Foto \"{name}\" tidak ada di folder {_shown_dir(image_dir)}.",
                  hint + "Unggah foto ke folder gambar/ KIM ini atau perbaiki nama berkasnya (huruf besar/kecil berpengaruh).")


def check_coordinates(c: Collector, meta: Mapping) -> None:
    if "coordinates" not in meta:
        return
    coords = c.run("coordinates", parse_coordinates, meta.get("coordinates"))
    if coords and not in_bantul(coords):
        c.add("coordinates", f"Koordinat {list(coords)} berada di luar Kabupaten Bantul.",
              "Periksa lagi lintang/bujur di peta; lintang Bantul sekitar -7.8 s.d. -8.1, bujur 110.1 s.d. 110.5.",
              "warning")


def require_text(c: Collector, meta: Mapping, field: str, fix: str, severity: str = "error") -> None:
    v = meta.get(field)
    if not isinstance(v, str) or not v.strip():
        c.add(field, f"Kolom `{field}` belum diisi.", fix, severity)



def _shown_dir(image_dir: Path) -> str:
    """content/kim/<kim>/gambar/ rather than an absolute path the author never sees."""
    parts = image_dir.parts
    return "content/" + "/".join(parts[-3:]) + "/" if len(parts) >= 3 else image_dir.as_posix()
