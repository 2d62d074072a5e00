"""Phone photos -> responsive web images (Pillow, no Pelican).

For each source photo: EXIF orientation applied, colours converted to sRGB,
ALL metadata dropped (EXIF incl. GPS and camera, XMP, comments, ICC after
conversion), then resized to several widths (never upscaled) as WebP plus a
JPEG fallback, and an og:image JPEG 1200x630 (centre crop) under 300 KB.

Results are cached under a key made of the source bytes' SHA-256 and the
settings, in `<cache_dir>/<key[:2]>/<key>/`; a rebuild finds them and does no
image work. Output is deterministic (same input + settings -> same bytes).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from PIL import Image, ImageCms, ImageOps

PIPELINE_VERSION = 1  # bump when the processing itself changes
Image.MAX_IMAGE_PIXELS = 80_000_000  # a 48 MP phone photo is fine; refuse decompression bombs


@dataclass(frozen=True)
class Settings:
    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    jpeg_quality: int = 76
    webp_quality: int = 72
    webp_method: int = 4
    og_size: tuple[int, int] = (1200, 630)
    og_max_bytes: int = 300_000
    og_qualities: tuple[int, ...] = (82, 76, 70, 62, 54, 46)

    def fingerprint(self) -> str:
        data = json.dumps({"v": PIPELINE_VERSION, **asdict(self)}, sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


@dataclass
class Variant:
    width: int
    height: int
    format: str  # "webp" | "jpeg" | "og"
    file: str  # file name inside the cache entry
    bytes: int


@dataclass
class Processed:
    key: str
    width: int  # oriented source size
    height: int
    variants: list[Variant] = field(default_factory=list)
    og: Variant | None = None
    cache_hit: bool = False

    def of_format(self, fmt: str) -> list[Variant]:
        return [v for v in self.variants if v.format == fmt]

    @property
    def largest_jpeg(self) -> Variant:
        return self.of_format("jpeg")[-1]

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("cache_hit")
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Processed":
        return cls(key=d["key"], width=d["width"], height=d["height"],
                   variants=[Variant(**v) for v in d["variants"]],
                   og=Variant(**d["og"]) if d.get("og") else None)


class ImageError(Exception):
    """A source photo could not be processed (message in Indonesian)."""


def source_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def cache_key(path: Path, settings: Settings) -> str:
    return hashlib.sha256(f"{source_hash(path)}:{settings.fingerprint()}".encode()).hexdigest()


def entry_dir(cache_dir: Path, key: str) -> Path:
    return Path(cache_dir) / key[:2] / key


def target_widths(src_width: int, widths: Iterable[int]) -> list[int]:
    """Widths to make for a source of src_width: never upscale; the source's own
    width is added when it is clearly wider than the largest smaller step."""
    widths = sorted(set(widths))
    out = [w for w in widths if w <= src_width]
    if src_width < widths[-1] and (not out or src_width > out[-1] * 1.15):
        out.append(src_width)
    return out


_SWAPPING_ORIENTATIONS = {5, 6, 7, 8}


def _open_oriented(path: Path, need_width: int) -> Image.Image:
    """Open, decode at reduced DCT scale when possible, apply EXIF orientation,
    convert to sRGB RGB(A), and drop every bit of metadata."""
    try:
        img = Image.open(path)
    except Exception as exc:  # noqa: BLE001 - report any decoder failure
        raise ImageError(f"Berkas {path} bukan gambar yang bisa dibaca ({exc}).") from exc
    orientation = img.getexif().get(0x0112, 1)
    if img.format == "JPEG":
        # JPEG DCT scaling: decode at 1/2, 1/4, 1/8 when the result is still wide enough.
        w, h = img.size
        if orientation in _SWAPPING_ORIENTATIONS:
            img.draft("RGB", (1, min(need_width, h)))
        else:
            img.draft("RGB", (min(need_width, w), 1))
    img.load()
    icc = img.info.get("icc_profile")
    img = ImageOps.exif_transpose(img)  # also removes the orientation tag
    if img.mode in ("P", "LA", "PA"):
        img = img.convert("RGBA")
    if img.mode not in ("RGB", "RGBA"):
        img = img.convert("RGB")  # CMYK, L, I;16 ...
    if icc:
        try:
            src_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if "srgb" not in (ImageCms.getProfileDescription(src_profile) or "").lower():
                img = ImageCms.profileToProfile(img, src_profile, ImageCms.createProfile("sRGB"),
                                                outputMode=img.mode)
        except Exception:  # noqa: BLE001 - a broken profile: keep pixels as they are
            pass
    img.info = {}  # EXIF (GPS, camera), XMP, ICC, comments: all gone
    return img


def _flatten(img: Image.Image) -> Image.Image:
    if img.mode == "RGBA":
        bg = Image.new("RGB", img.size, (255, 255, 255))
        bg.paste(img, mask=img.getchannel("A"))
        return bg
    return img


def _resize(img: Image.Image, width: int) -> Image.Image:
    if width == img.width:
        out = img.copy()
    else:
        height = max(1, round(img.height * width / img.width))
        out = img.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out.info = {}
    return out


def _save_jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    _flatten(img).save(buf, "JPEG", quality=quality, optimize=True, progressive=True, subsampling="4:2:0")
    return buf.getvalue()


def _save_webp(img: Image.Image, settings: Settings) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "WEBP", quality=settings.webp_quality, method=settings.webp_method)
    return buf.getvalue()


def make_og(img: Image.Image, settings: Settings) -> bytes:
    """1200x630 centre crop (upscaled only if the photo is smaller), JPEG under the byte cap."""
    og = ImageOps.fit(_flatten(img), settings.og_size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    og.info = {}
    data = b""
    for q in settings.og_qualities:
        data = _save_jpeg(og, q)
        if len(data) <= settings.og_max_bytes:
            break
    return data


def _process_into(src: Path, dest: Path, key: str, settings: Settings) -> Processed:
    img = _open_oriented(src, max(max(settings.widths), settings.og_size[0]))
    result = Processed(key=key, width=img.width, height=img.height)
    # true oriented size (before any draft reduction) for honest metadata is not
    # needed: variants below are what the site serves.
    for w in target_widths(img.width, settings.widths):
        small = _resize(img, w)
        for fmt, ext, data in (("webp", "webp", _save_webp(small, settings)),
                               ("jpeg", "jpg", _save_jpeg(small, settings.jpeg_quality))):
            name = f"{w}.{ext}"
            (dest / name).write_bytes(data)
            result.variants.append(Variant(w, small.height, fmt, name, len(data)))
    og = make_og(img, settings)
    (dest / "og.jpg").write_bytes(og)
    result.og = Variant(settings.og_size[0], settings.og_size[1], "og", "og.jpg", len(og))
    result.variants.sort(key=lambda v: (v.format, v.width))
    return result


def load_cached(cache_dir: Path, key: str) -> Processed | None:
    meta = entry_dir(cache_dir, key) / "meta.json"
    if not meta.is_file():
        return None
    try:
        p = Processed.from_json(json.loads(meta.read_text()))
    except (ValueError, KeyError, TypeError):
        return None
    p.cache_hit = True
    return p


def process_image(src: Path | str, cache_dir: Path | str, settings: Settings = Settings(),
                  key: str | None = None) -> Processed:
    """Process one photo into the cache (or return the cached result)."""
    src, cache_dir = Path(src), Path(cache_dir)
    key = key or cache_key(src, settings)
    cached = load_cached(cache_dir, key)
    if cached:
        return cached
    final = entry_dir(cache_dir, key)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=final.parent))
    try:
        result = _process_into(src, tmp, key, settings)
        (tmp / "meta.json").write_text(json.dumps(result.to_json(), sort_keys=True))
        try:
            os.rename(tmp, final)  # atomic publish of the whole entry
        except OSError:  # a parallel build won the race: use its entry
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _worker(args: tuple[str, str, Settings, str]) -> Processed:
    src, cache_dir, settings, key = args
    return process_image(src, cache_dir, settings, key)


def process_many(sources: Iterable[Path | str], cache_dir: Path | str, settings: Settings = Settings(),
                 workers: int | None = None) -> dict[Path, Processed]:
    """Process many photos; cache hits are resolved here, misses in a process pool."""
    cache_dir = Path(cache_dir)
    results: dict[Path, Processed] = {}
    todo: list[tuple[Path, str]] = []
    for s in sorted({Path(s) for s in sources}):
        key = cache_key(s, settings)
        cached = load_cached(cache_dir, key)
        if cached:
            results[s] = cached
        else:
            todo.append((s, key))
    workers = workers if workers is not None else min(len(todo), os.cpu_count() or 1)
    if len(todo) <= 1 or workers <= 1:
        for s, key in todo:
            results[s] = process_image(s, cache_dir, settings, key)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            args = [(str(s), str(cache_dir), settings, key) for s, key in todo]
            for (s, _), res in zip(todo, pool.map(_worker, args, chunksize=1)):
                results[s] = res
    return results


def publish(processed: Processed, cache_dir: Path | str, out_dir: Path | str, stem: str) -> dict[str, Path]:
    """Copy (hard-link when possible) a cached entry's files into out_dir as
    `<stem>-<key8>-<file>`; returns {cache file name: output path}."""
    src_dir = entry_dir(Path(cache_dir), processed.key)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    names = [v.file for v in processed.variants] + ([processed.og.file] if processed.og else [])
    for name in names:
        target = out_dir / output_name(stem, processed.key, name)
        if not target.exists():
            try:
                os.link(src_dir / name, target)
            except OSError:
                shutil.copyfile(src_dir / name, target)
        written[name] = target
    return written


def output_name(stem: str, key: str, file: str) -> str:
    """"panen-padi", key, "800.webp" -> "panen-padi-1a2b3c4d-800.webp" (content-hashed, cacheable forever)."""
    return f"{stem}-{key[:8]}-{file}"
