"""Images (issue 5): phone photos -> responsive, metadata-free web images.

Pelican wiring (plain functions in process.py/site.py do the work):
- get_generators (start of every run, also under --autoreload): process every photo in content/kim/*/gambar/ (cached, in parallel) and
  build the registry, so generators can use image URLs and sizes in generate_context;
- generator_init: Jinja globals `picture()`, `image_set()`, `og_image_url()`;
- static_generator_finalized: the original photos (with GPS EXIF) are never copied;
- all_generators_finalized: Markdown body images become <picture>; files published
  to output/gambar/<kim>/.

Settings (all optional): IMAGES_CACHE_DIR (default ./.cache/images), IMAGES_WORKERS
(default: CPU count), IMAGES_WIDTHS, IMAGES_JPEG_QUALITY, IMAGES_WEBP_QUALITY.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from . import process as ip
from .site import DEFAULT_SIZES, PHOTO_SUFFIXES, Registry, build_registry, rewrite_body_images

logger = logging.getLogger(__name__)

_state: dict[str, Registry] = {"registry": Registry()}


def registry() -> Registry:
    return _state["registry"]


def _settings(s) -> ip.Settings:
    base = ip.Settings()
    return ip.Settings(
        widths=tuple(s.get("IMAGES_WIDTHS", base.widths)),
        jpeg_quality=s.get("IMAGES_JPEG_QUALITY", base.jpeg_quality),
        webp_quality=s.get("IMAGES_WEBP_QUALITY", base.webp_quality),
    )


def process_photos(pelican) -> None:
    s = pelican.settings
    cache = Path(s.get("IMAGES_CACHE_DIR") or Path.cwd() / ".cache" / "images")
    reg = build_registry(Path(s["PATH"]), s["SITEURL"], cache, _settings(s), workers=s.get("IMAGES_WORKERS"))
    hits = sum(1 for i in reg.images.values() if i.processed.cache_hit)
    logger.info("Foto: %d diproses, %d dari cache (%s)", len(reg.images) - hits, hits, cache)
    _state["registry"] = reg


def picture(path, alt: str = "", sizes: str = DEFAULT_SIZES, hero: bool = False, css_class: str = "") -> Markup:
    img = registry().get(path)
    return img.picture(alt, sizes, hero, css_class) if img else Markup("")


def image_set(path):
    return registry().get(path)


def og_image(path) -> str:
    img = registry().get(path)
    return img.og_url if img else ""


def add_globals(generator) -> None:
    generator.env.globals.update(picture=picture, image_set=image_set, og_image_url=og_image)


def _is_photo(rel: str) -> bool:
    parts = Path(rel).parts
    return len(parts) == 4 and parts[0] == "kim" and parts[2] == "gambar" and Path(rel).suffix.lower() in PHOTO_SUFFIXES


def drop_originals(generator) -> None:
    """Original phone photos carry GPS/camera EXIF and weigh megabytes: never publish them."""
    # in place: the generator's context["staticfiles"] is the same list
    generator.staticfiles[:] = [sf for sf in generator.staticfiles
                                if not _is_photo(getattr(sf, "relative_source_path", "") or "")]


def _contents(generators):
    for g in generators:
        for attr in ("articles", "translations", "drafts", "hidden_articles", "pages",
                     "hidden_pages", "draft_pages", "items"):
            yield from getattr(g, attr, None) or []


def finish(generators) -> None:
    reg = registry()
    for item in _contents(generators):
        html = getattr(item, "_content", None)
        if html and "<img" in html:
            item._content = rewrite_body_images(html, reg)
    output = next((g.output_path for g in generators if getattr(g, "output_path", None)), None)
    if output:
        n = reg.publish(Path(output))
        logger.info("Foto: %d berkas ditulis ke %s/gambar/", n, output)


def register():
    signals.get_generators.connect(process_photos)  # start of every run, as in kabarkim.content
    signals.generator_init.connect(add_globals)
    signals.static_generator_finalized.connect(drop_originals)
    signals.all_generators_finalized.connect(finish)
