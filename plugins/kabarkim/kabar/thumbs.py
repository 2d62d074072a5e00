"""Local thumbnails of imported items (so the site never hotlinks a source's image).

During ``kim fetch``, every archived item with an ``image`` URL (for videos the
``i.ytimg.com`` thumbnail the parser derives) and no local thumbnail yet is
downloaded once, with the feed fetcher's rules (http/https only, total
deadline, byte cap counted after decompression, our User-Agent), opened with
Pillow (non-images refused, decompression-bomb guard), turned upright by its
EXIF orientation, scaled to at most ``MAX_WIDTH`` px wide and re-encoded as a
JPEG with no metadata at all (no EXIF/GPS, no ICC, no comments). It is stored
as ``<archive>/gambar/<item-id>.jpg`` (atomic write) and recorded in the item:

    thumbnail: gambar/<id>.jpg, thumbnail_width, thumbnail_height,
    thumbnail_source (the URL it came from)

A failed download never fails the item or its source: the item keeps its
remote ``image`` URL (for the record only; the site never uses it), gets
``thumbnail_error`` and ``thumbnail_attempts``, and is tried again on later
fetches, at most ``MAX_ATTEMPTS`` times per image URL.
"""

from __future__ import annotations

import asyncio
import io
import re
import warnings
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from PIL import Image, ImageOps, UnidentifiedImageError

from .fetcher import MAX_REDIRECTS, TooLarge, _fmt_mb, _Inflater
from .util import atomic_write_bytes

THUMB_DIR = "gambar"
MAX_WIDTH = 640
JPEG_QUALITY = 80
MAX_ATTEMPTS = 3
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 3 * 1024 * 1024
MAX_PIXELS = 40_000_000          # larger images are refused before decoding (bomb guard)
MAX_PER_RUN = 200                # downloads per fetch run (an old archive catches up over a few runs)
CONCURRENCY = 8
ID_RE = re.compile(r"^k[0-9a-f]{11}$")

# When not None, only these hosts are contacted (the test suite sets it to the
# loopback address so no test can reach the internet).
ALLOWED_HOSTS: set[str] | None = None


class ThumbError(Exception):
    """Why a thumbnail could not be made; message is Indonesian (for the report).

    ``permanent``: trying again cannot help (an address that is not http/https),
    so the item is not retried on later fetches.
    """

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


@dataclass
class Thumb:
    data: bytes
    width: int
    height: int


def thumb_path(item_id: str) -> str:
    """Archive-relative path of an item's thumbnail."""
    if not ID_RE.match(item_id or ""):
        raise ValueError(f"bad item id {item_id!r}")
    return f"{THUMB_DIR}/{item_id}.jpg"


def check_url(url: str | None) -> str:
    if not url or not isinstance(url, str):
        raise ThumbError("tidak ada alamat gambar", permanent=True)
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise ThumbError("alamat gambar tidak sah", permanent=True) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ThumbError(f"alamat gambar ditolak (hanya http/https): {url[:60]}", permanent=True)
    if ALLOWED_HOSTS is not None and parts.hostname not in ALLOWED_HOSTS:
        raise ThumbError(f"host gambar {parts.hostname} tidak diizinkan", permanent=True)
    return url.strip()


def make_thumbnail(data: bytes, max_width: int = MAX_WIDTH, max_pixels: int = MAX_PIXELS) -> Thumb:
    """Bytes of any image Pillow reads -> clean JPEG (upright, <= max_width, no metadata)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                w, h = img.size
                if w <= 0 or h <= 0 or w * h > max_pixels:
                    raise ThumbError(f"gambar terlalu besar ({w}×{h} piksel)")
                img.draft("RGB", (max_width, max_width * 4))  # JPEG: decode at a smaller scale
                img.load()
                img = ImageOps.exif_transpose(img)
                if img.mode in ("RGBA", "LA", "P", "PA") or "transparency" in img.info:
                    rgba = img.convert("RGBA")
                    img = Image.new("RGB", rgba.size, (255, 255, 255))
                    img.paste(rgba, mask=rgba.getchannel("A"))
                else:
                    img = img.convert("RGB")
                if img.width > max_width:
                    height = max(1, round(img.height * max_width / img.width))
                    img = img.resize((max_width, height), Image.Resampling.LANCZOS)
                # A fresh image carries no info/EXIF/ICC from the original.
                clean = Image.new("RGB", img.size)
                clean.paste(img)
    except ThumbError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ThumbError("gambar terlalu besar (bom dekompresi)") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, zlib.error) as exc:
        raise ThumbError(f"bukan gambar yang bisa dibaca ({type(exc).__name__})") from None
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Thumb(out.getvalue(), clean.width, clean.height)


async def download(client: httpx.AsyncClient, url: str, cfg) -> bytes:
    """GET an image with the feed fetcher's rules; raises ThumbError."""
    url = check_url(url)
    cap = getattr(cfg, "image_max_bytes", DEFAULT_MAX_BYTES)
    timeout = getattr(cfg, "image_timeout", DEFAULT_TIMEOUT)
    headers = {"User-Agent": cfg.user_agent, "Accept": "image/avif,image/webp,image/jpeg,image/png,image/*;q=0.8",
               "Accept-Encoding": "gzip, deflate"}
    try:
        async with asyncio.timeout(timeout):
            async with client.stream("GET", url, headers=headers) as resp:
                if resp.status_code >= 300:
                    raise ThumbError(f"HTTP {resp.status_code}")
                for hop in (*resp.history, resp):
                    check_url(str(hop.url))  # a redirect must not leave http(s)/allowed hosts
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap and not resp.headers.get("content-encoding"):
                    raise TooLarge()
                if resp.is_stream_consumed:  # httpx.MockTransport
                    if len(resp.content) > cap:
                        raise TooLarge()
                    return resp.content
                inflater = _Inflater(resp.headers.get("content-encoding", ""), cap)
                async for chunk in resp.aiter_raw():
                    inflater.feed(chunk)
                return inflater.finish()
    except TimeoutError:
        raise ThumbError(f"melewati batas waktu {timeout:g} dtk") from None
    except TooLarge:
        raise ThumbError(f"lebih besar dari batas {_fmt_mb(cap)}") from None
    except httpx.TooManyRedirects:
        raise ThumbError("terlalu banyak pengalihan") from None
    except httpx.HTTPError as exc:
        raise ThumbError(f"gagal mengambil: {type(exc).__name__}") from None
    except (zlib.error, ValueError) as exc:
        raise ThumbError(f"isi terkompresi rusak: {exc}") from None


def wants_thumbnail(item: dict) -> bool:
    """An item with an image URL whose local thumbnail is missing or for another URL."""
    url = item.get("image")
    if not url or not ID_RE.match(item.get("id") or ""):
        return False
    if item.get("thumbnail") and item.get("thumbnail_source") == url:
        return False
    return int(item.get("thumbnail_attempts") or 0) < MAX_ATTEMPTS


def store(archive_root, item: dict, thumb: Thumb, source_url: str | None) -> None:
    rel = thumb_path(item["id"])
    atomic_write_bytes(archive_root / rel, thumb.data)
    item["thumbnail"] = rel
    item["thumbnail_width"] = thumb.width
    item["thumbnail_height"] = thumb.height
    item["thumbnail_source"] = source_url
    for key in ("thumbnail_error", "thumbnail_attempts"):
        item.pop(key, None)


@dataclass
class ThumbStats:
    saved: int = 0
    failed: int = 0
    first_error: str | None = None

    def note(self) -> str:
        if not (self.saved or self.failed):
            return ""
        text = f"gambar: {self.saved} disimpan"
        if self.failed:
            text += f", {self.failed} gagal ({self.first_error}; alamat asli tetap dicatat, dicoba lagi nanti)"
        return text


async def _run(archive, jobs: list[tuple[str, dict]], cfg) -> dict[str, ThumbStats]:
    stats: dict[str, ThumbStats] = {}
    sem = asyncio.Semaphore(CONCURRENCY)
    async with httpx.AsyncClient(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                                 timeout=httpx.Timeout(getattr(cfg, "image_timeout", DEFAULT_TIMEOUT)),
                                 transport=cfg.transport, trust_env=True) as client:
        async def one(sid: str, item: dict) -> None:
            url = item["image"]
            st = stats.setdefault(sid, ThumbStats())
            async with sem:
                try:
                    data = await download(client, url, cfg)
                    thumb = await asyncio.to_thread(make_thumbnail, data)
                except ThumbError as exc:
                    attempts = int(item.get("thumbnail_attempts") or 0) + 1
                    item["thumbnail_attempts"] = MAX_ATTEMPTS if exc.permanent else attempts
                    item["thumbnail_error"] = str(exc)
                    st.failed += 1
                    st.first_error = st.first_error or str(exc)
                else:
                    store(archive.root, item, thumb, url)
                    st.saved += 1
            archive.mark_dirty(sid)

        await asyncio.gather(*(one(sid, it) for sid, it in jobs))
    return stats


def fetch_thumbnails(archive, source_ids, cfg) -> dict[str, ThumbStats]:
    """Download missing thumbnails of the given sources' items; never raises for one image."""
    jobs = []
    for sid in source_ids:
        for item in archive.items.get(sid, []):
            if wants_thumbnail(item) and not archive.tombstones.hides(item):
                jobs.append((sid, item))
    jobs = jobs[:MAX_PER_RUN]
    if not jobs:
        return {}
    return asyncio.run(_run(archive, jobs, cfg))
