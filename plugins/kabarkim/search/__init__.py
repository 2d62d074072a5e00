"""Search (issue 4): index the written site with Pagefind after Pelican has finished.

Pelican setting (pelicanconf.py):

    PLUGINS = [..., "kabarkim.search"]
    SEARCH_INDEX = True            # False (or `pelican -e SEARCH_INDEX=false`) for fast builds
    # optional:
    SEARCH_LANGUAGE = "id"         # forced: Snowball Indonesian stemming (petani -> tani)
    SEARCH_OUTPUT_SUBDIR = "pagefind"
    SEARCH_TIMEOUT = 900           # seconds

What is indexed is decided by templates: a page is indexed when it marks its main
content with `data-pagefind-body`; filters (jenis, kim, kapanewon, kategori), the date
sort and result metadata come from the `search_meta` macro in
theme/templates/partials/search_meta.html. A new content type is indexed by calling
that macro from its template; this code does not change.

A failed index run raises SearchIndexError, which makes `pelican` exit non-zero.
"""

from __future__ import annotations

import logging

from .indexer import (  # noqa: F401 - re-exported
    DEFAULT_LANGUAGE,
    DEFAULT_SUBDIR,
    DEFAULT_TIMEOUT,
    IndexResult,
    SearchIndexError,
    index_site,
)

log = logging.getLogger(__name__)

FILTER_KEYS = ("jenis", "kim", "kapanewon", "kategori")
JENIS = ("Berita", "Produk", "Program", "Video", "Kabar", "KIM")


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no", "off", "tidak")
    return bool(value)


def index_output(output_path, settings) -> IndexResult | None:
    """Index `output_path` according to Pelican-style `settings` (a dict)."""
    if not _truthy(settings.get("SEARCH_INDEX", True)):
        log.info("Pencarian: SEARCH_INDEX mati, indeks Pagefind tidak dibuat.")
        return None
    result = index_site(
        output_path,
        language=settings.get("SEARCH_LANGUAGE", DEFAULT_LANGUAGE),
        subdir=settings.get("SEARCH_OUTPUT_SUBDIR", DEFAULT_SUBDIR),
        timeout=float(settings.get("SEARCH_TIMEOUT", DEFAULT_TIMEOUT)),
    )
    for w in result.warnings:
        log.warning("Pencarian: %s", w)
    log.info(
        "Pencarian: %d halaman, %d kata, %d filter diindeks dalam %.1f s -> %s",
        result.pages,
        result.words,
        result.filters,
        result.seconds,
        result.bundle,
    )
    return result


def on_finalized(pelican) -> IndexResult | None:
    """Pelican `finalized` handler: the whole site is written to pelican.output_path."""
    return index_output(pelican.output_path, pelican.settings)


def register():
    from pelican import signals

    signals.finalized.connect(on_finalized)
