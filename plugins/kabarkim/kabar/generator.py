"""Site side of kabar: archived items -> Pelican articles, /video/ and /sumber/.

Reads the archive (never the network). At ``article_generator_pretaxonomy``
every visible (not tombstoned) item becomes a Pelican ``Article`` with
``kind`` "kabar" (news from a source) or "video", so it appears on the home
page, in categories, on the owning KIM's pages (``kim`` metadata) and in the
subscriber feeds; its page is /kabar/<slug>/ or /video/<slug>/ (templates
kabar.html and video.html). ``KabarGenerator`` writes the /video/ gallery
(video_index.html, paginated) and the operator's source-health page
/sumber/ (sumber.html, noindex).

Settings (all optional):
  KABAR_ARCHIVE        archive folder (default: <PATH>/kabar)
  KABAR_DEFAULT_CATEGORY  category of items whose source has none and whose
                       feed categories match none of STORY_CATEGORIES ("Berita")
  PAGINATED_TEMPLATES["video_index"]  videos per gallery page (default 24)
"""

from __future__ import annotations

import html
import logging
import re
import shutil
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator
from pelican.urlwrappers import Author, Category

from .archive import Archive, item_datetime
from .thumbs import THUMB_DIR, thumb_path
from .util import WIB

logger = logging.getLogger(__name__)

KIND_URLS = {"kabar": "kabar", "video": "video"}


def archive_path(settings) -> Path:
    configured = settings.get("KABAR_ARCHIVE")
    if configured:
        return Path(configured)
    return Path(settings["PATH"]) / "kabar"


def format_views(n) -> str | None:
    """15842 -> '15.842' (Indonesian thousands separator)."""
    if n is None:
        return None
    return f"{int(n):,}".replace(",", ".")


def _paragraphs(text: str) -> str:
    """Plain text with blank lines -> escaped <p> paragraphs (line breaks kept)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    return "".join("<p>" + "<br>".join(html.escape(line) for line in b.splitlines()) + "</p>" for b in blocks)


def item_category(item: dict, categories: list[str], default: str) -> str:
    if item.get("category"):
        return item["category"]
    lowered = {c.lower(): c for c in categories}
    for tag in item.get("tags") or []:
        if str(tag).lower() in lowered:
            return lowered[str(tag).lower()]
    return default


def item_content(item: dict) -> str:
    """HTML body used in subscriber feeds: summary/description + link to the original."""
    source = html.escape(item.get("source_name") or "sumber aslinya")
    if item.get("kind") == "video":
        body = _paragraphs(item.get("description") or item.get("summary") or "")
        if item.get("link"):
            body += f'<p><a href="{html.escape(item["link"])}">Tonton di YouTube ({source})</a></p>'
        return body
    body = f"<p>{html.escape(item.get('summary') or '')}</p>" if item.get("summary") else ""
    if item.get("link"):
        body += f'<p><a href="{html.escape(item["link"])}">Baca selengkapnya di {source}</a></p>'
    return body


def item_to_metadata(item: dict, settings) -> dict:
    """Metadata for one Pelican Article (plain dict, testable without Pelican)."""
    kind = "video" if item.get("kind") == "video" else "kabar"
    base = KIND_URLS[kind]
    slug = item["slug"]
    published = item_datetime(item) or item_datetime(item, "first_seen")
    categories = list(settings.get("STORY_CATEGORIES") or [])
    category = item_category(item, categories, settings.get("KABAR_DEFAULT_CATEGORY", "Berita"))
    source_name = item.get("source_name") or item.get("source") or "Sumber luar"
    meta = {
        "title": item.get("title") or "(tanpa judul)",
        "slug": slug,
        "date": published.astimezone(WIB),
        "category": Category(category, settings),
        "author": Author(source_name, settings),
        "authors": [Author(source_name, settings)],
        # Pelican treats summary as HTML: the archive has plain text.
        "summary": html.escape(item.get("summary") or ""),
        "url": f"{base}/{slug}/",
        "save_as": f"{base}/{slug}/index.html",
        "template": kind,
        "status": "published",
        "kind": kind,
        "kabar_id": item["id"],
        "source_id": item.get("source"),
        "source_name": source_name,
        "original_url": item.get("link"),
        # Only the local copy made by `kim fetch` (thumbs.py) is ever shown; the
        # remote `image` URL stays in the archive for the record.
        "thumbnail_url": None,
        "date_is_first_seen": item.get("date_source") == "first_seen",
        "example": bool(item.get("example")),
    }
    thumb = local_thumbnail(item, settings)
    if thumb:
        meta.update({"thumbnail_url": f"{KABAR_THUMB_URL}/{thumb.name}",
                     "thumbnail_width": item.get("thumbnail_width"),
                     "thumbnail_height": item.get("thumbnail_height")})
    if item.get("kim"):
        meta["kim"] = item["kim"]
    if item.get("updated"):
        updated = item_datetime(item, "updated")
        if updated and updated > published:
            meta["modified"] = updated
    if kind == "video":
        meta.update({
            "video_id": item.get("video_id"),
            "views": item.get("views"),
            "views_text": format_views(item.get("views")),
            "description_html": _paragraphs(item.get("description") or item.get("summary") or ""),
        })
    return meta


KABAR_THUMB_URL = "kabar/gambar"   # output folder of the thumbnails (copied by KabarGenerator)


def local_thumbnail(item: dict, settings) -> Path | None:
    """The item's thumbnail file in the archive, when it exists and is well-formed."""
    rel = item.get("thumbnail")
    try:
        expected = thumb_path(item.get("id") or "")
    except ValueError:
        return None
    if rel != expected or not item.get("thumbnail_width") or not item.get("thumbnail_height"):
        return None
    path = archive_path(settings) / rel
    return path if path.is_file() else None


def copy_thumbnails(articles, settings, output_path) -> int:
    """Copy the thumbnails of the published items into <output>/kabar/gambar/."""
    dest = Path(output_path) / KABAR_THUMB_URL
    n = 0
    for article in articles:
        url = getattr(article, "thumbnail_url", None)
        if not url:
            continue
        src = archive_path(settings) / THUMB_DIR / Path(url).name
        target = dest / src.name
        dest.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, target)
        n += 1
    return n


def load_items(settings) -> list[dict]:
    root = archive_path(settings)
    if not root.exists():
        return []
    archive = Archive.load(root)  # ArchiveError stops the build with a clear message
    return [i for i in archive.visible_items() if i.get("slug") and i.get("id")]


def make_articles(items: list[dict], settings, context=None) -> list[Article]:
    articles = []
    seen = set()
    for item in items:
        meta = item_to_metadata(item, settings)
        if meta["url"] in seen:  # never two pages on one URL
            logger.warning("kabar: item %s dilewati, alamat %s sudah dipakai", item.get("id"), meta["url"])
            continue
        seen.add(meta["url"])
        article = Article(item_content(item), metadata=meta, settings=settings,
                          source_path=str(archive_path(settings) / "items" / f"{item.get('source')}.json"),
                          context=context)
        articles.append(article)
    return articles


def add_archived_items(generator) -> None:
    """article_generator_pretaxonomy: inject archived items as articles."""
    from pelican.utils import order_content

    items = load_items(generator.settings)
    if not items:
        return
    imported = make_articles(items, generator.settings, generator.context)
    generator.articles = order_content(generator.articles + imported, generator.settings["ARTICLE_ORDER_BY"])
    generator.context["kabar_items"] = imported
    logger.info("kabar: %d item dari arsip %s", len(imported), archive_path(generator.settings))


def source_health(settings) -> list[dict]:
    """Rows for /sumber/: one per source in state.json, failing ones first."""
    root = archive_path(settings)
    if not (root / "state.json").exists():
        return []
    archive = Archive.load(root)
    rows = []
    for sid, st in archive.state.items():
        row = dict(st)
        row["id"] = sid
        for key in ("last_success", "last_attempt", "last_error_at", "next_attempt"):
            row[key] = item_datetime(st, key)
        row["failing"] = bool(st.get("gone") or (st.get("error_count") or 0) > 0)
        rows.append(row)
    rows.sort(key=lambda r: (not r["failing"], not r.get("active", True), r.get("name") or r["id"]))
    return rows


class KabarGenerator(Generator):
    """Writes /video/ (gallery) and /sumber/ (source health, not indexed)."""

    def generate_context(self):
        articles = self.context.get("articles", [])
        self.videos = [a for a in articles if getattr(a, "kind", None) == "video"]
        self.context["kabar_news"] = [a for a in articles if getattr(a, "kind", None) == "kabar"]
        self.sources = source_health(self.settings)
        self.context["kabar_videos"] = self.videos
        self.context["kabar_sources"] = self.sources

    def generate_output(self, writer):
        copy_thumbnails(self.context.get("kabar_items") or [], self.settings, self.output_path)
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        writer.write_file(
            "video/index.html", self.get_template("video_index"), self.context,
            paginated={"articles": self.videos}, template_name="video_index",
            url="video/", page_name="video", videos=self.videos, **common,
        )
        writer.write_file(
            "sumber/index.html", self.get_template("sumber"), self.context,
            url="sumber/", page_name="sumber", sources=self.sources, **common,
        )


def configure(pelican) -> None:
    """initialized: defaults for our settings."""
    settings = pelican.settings
    settings.setdefault("KABAR_DEFAULT_CATEGORY", "Berita")
    paginated = dict(settings.get("PAGINATED_TEMPLATES") or {})
    paginated.setdefault("video_index", 24)
    settings["PAGINATED_TEMPLATES"] = paginated


def get_generators(pelican):
    return KabarGenerator


def register():
    signals.initialized.connect(configure)
    signals.article_generator_pretaxonomy.connect(add_archived_items)
    signals.get_generators.connect(get_generators)
