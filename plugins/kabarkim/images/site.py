"""Site side of the photo pipeline: which photos exist, their web URLs, <picture> markup.

A `Registry` maps a photo's content path (`kim/<kim>/gambar/<name>`, the form the
content reader stores in `image`/`photos`) to an `ImageSet` of processed variants
with their public URLs. Markup is made here once, in Python, and used by the
Jinja macro (partials/picture.html) and by the rewrite of images in Markdown bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from . import process as ip

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
OUTPUT_DIR = "gambar"  # output/gambar/<kim>/<stem>-<hash8>-<width>.<ext>
DEFAULT_SIZES = "(min-width: 44rem) 42rem, 100vw"


@dataclass
class ImageSet:
    path: str  # kim/<kim>/gambar/<name>
    processed: ip.Processed
    base_url: str  # SITEURL + "/gambar/<kim>/"
    stem: str

    def url(self, file: str) -> str:
        return self.base_url + ip.output_name(self.stem, self.processed.key, file)

    def srcset(self, fmt: str) -> str:
        return ", ".join(f"{self.url(v.file)} {v.width}w" for v in self.processed.of_format(fmt))

    @property
    def width(self) -> int:
        return self.processed.of_format("jpeg")[-1].width

    @property
    def height(self) -> int:
        return self.processed.of_format("jpeg")[-1].height

    def jpeg_url(self, max_width: int = 800) -> str:
        """The largest JPEG not wider than max_width (or the smallest one)."""
        jpegs = self.processed.of_format("jpeg")
        fitting = [v for v in jpegs if v.width <= max_width] or jpegs[:1]
        return self.url(fitting[-1].file)

    @property
    def src(self) -> str:
        return self.jpeg_url(800)

    @property
    def og_url(self) -> str:
        return self.url(self.processed.og.file)

    def picture(self, alt: str = "", sizes: str = DEFAULT_SIZES, hero: bool = False,
                css_class: str = "") -> Markup:
        """<picture> with a WebP source and a JPEG <img> (srcset, sizes, width/height).

        Below-the-fold images are lazy and decode async; the hero (first, visible)
        image is neither, and gets fetchpriority="high".
        """
        cls = f' class="{escape(css_class)}"' if css_class else ""
        loading = ' fetchpriority="high"' if hero else ' loading="lazy" decoding="async"'
        return Markup(
            f'<picture><source type="image/webp" srcset="{escape(self.srcset("webp"))}" '
            f'sizes="{escape(sizes)}">'
            f'<img{cls} src="{escape(self.src)}" srcset="{escape(self.srcset("jpeg"))}" '
            f'sizes="{escape(sizes)}" width="{self.width}" height="{self.height}" '
            f'alt="{escape(alt or "")}"{loading}></picture>'
        )


@dataclass
class Registry:
    site_url: str = ""
    images: dict[str, ImageSet] = field(default_factory=dict)
    cache_dir: Path | None = None

    def get(self, path) -> ImageSet | None:
        if not path:
            return None
        key = str(path).lstrip("/")
        if key.startswith("{static}/"):
            key = key[len("{static}/"):]
        return self.images.get(key)

    def publish(self, output_path: Path) -> int:
        """Copy every processed file into output/gambar/<kim>/; returns the file count."""
        count = 0
        for img in self.images.values():
            kim = PurePosixPath(img.path).parts[1]
            count += len(ip.publish(img.processed, self.cache_dir, Path(output_path) / OUTPUT_DIR / kim, img.stem))
        return count


def find_photos(content: Path) -> list[tuple[str, Path]]:
    """(content path, file) of every photo in content/kim/*/gambar/."""
    found = []
    for f in sorted(Path(content).glob("kim/*/gambar/*")):
        if f.is_file() and f.suffix.lower() in PHOTO_SUFFIXES:
            found.append((f.relative_to(content).as_posix(), f))
    return found


def build_registry(content: Path, site_url: str, cache_dir: Path, settings: ip.Settings = ip.Settings(),
                   workers: int | None = None) -> Registry:
    photos = find_photos(content)
    results = ip.process_many([f for _, f in photos], cache_dir, settings, workers=workers)
    reg = Registry(site_url=site_url.rstrip("/"), cache_dir=Path(cache_dir))
    for rel, f in photos:
        kim = PurePosixPath(rel).parts[1]
        reg.images[rel] = ImageSet(rel, results[f], f"{reg.site_url}/{OUTPUT_DIR}/{kim}/", _stem(f.stem))
    return reg


def _stem(stem: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-") or "foto"


# ----------------------------------------------------------- Markdown body images

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r'([a-zA-Z-]+)\s*=\s*"([^"]*)"')


def rewrite_body_images(html: str, registry: Registry, sizes: str = DEFAULT_SIZES) -> str:
    """Replace <img src="{static}/kim/<kim>/gambar/x.jpg" alt="…"> with responsive
    <picture> markup (lazy: body images are below the fold); unknown images stay."""
    if "<img" not in html:
        return html

    def repl(m: re.Match) -> str:
        attrs = {k.lower(): v for k, v in _ATTR.findall(m.group(0))}
        img = registry.get(_unescape(attrs.get("src", "")))
        if img is None:
            return m.group(0)
        return str(img.picture(_unescape(attrs.get("alt", "")), sizes))

    return _IMG.sub(repl, html)


def _unescape(value: str) -> str:
    from html import unescape
    return unescape(value)
