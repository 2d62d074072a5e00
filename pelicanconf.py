"""Pelican settings for local work: `make html` and `make serve`.

publishconf.py builds on these for production.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Kabar KIM Bantul"
SITESUBTITLE = "Kabar, produk, dan program dari Kelompok Informasi Masyarakat se-Kabupaten Bantul"
SITEURL = "http://127.0.0.1:8000"
RELATIVE_URLS = False
AUTHOR = "KIM se-Kabupaten Bantul"
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Jakarta"
DEFAULT_DATE_FORMAT = "%d-%m-%Y"  # templates use our Indonesian `tanggal` filter instead
DEFAULT_PAGINATION = 12
LOAD_CONTENT_CACHE = False
CHECK_MODIFIED_METHOD = "sha1"  # mtime is wrong after a fresh clone
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git"]

# --- Content: one folder per KIM (see README, "Content model") ---
PATH = str(ROOT / "content")
ARTICLE_PATHS = []  # set by the kabarkim.content plugin: every kim/<kim>/berita folder
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["kim", "extra"]
STATIC_EXCLUDE_SOURCES = True
IGNORE_FILES = [".#*", "*.yaml", "*.json"]
SLUGIFY_SOURCE = "basename"
READERS = {"html": None, "rst": None}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}
STORY_CATEGORIES = [
    "Berita", "Ekonomi", "Pertanian", "Wisata", "Budaya", "Kesehatan", "Pendidikan", "Pemerintahan",
]
EXTRA_PATH_METADATA = {
    "extra/favicon.svg": {"path": "favicon.svg"},
}

# --- Plugins: one concern each, in plugins/kabarkim/ ---
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "kabarkim.content",
    "kabarkim.directory",
    "kabarkim.subscribe",
]

# --- Theme ---
THEME = str(ROOT / "theme")
THEME_STATIC_DIR = "tema"
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
MENU_ITEMS = [
    ("Beranda", ""),
    ("Berita", "arsip/"),
    ("Direktori KIM", "kim/"),
]
EXAMPLE_CONTENT_NOTE = (
    "Isi situs ini adalah contoh untuk memperlihatkan Kabar KIM; nama KIM dan tempat nyata, "
    "tetapi berita, produk, kontak, dan orang di dalamnya rekaan."
)

# --- URLs: directory style everywhere, so pagination never collides ---
ARTICLE_URL = "berita/{slug}/"
ARTICLE_SAVE_AS = "berita/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
KIM_URL = "kim/{slug}/"
KIM_SAVE_AS = "kim/{slug}/index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = "kategori/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "langganan", "404"]
LANGGANAN_SAVE_AS = "langganan/index.html"
LANGGANAN_URL = "langganan/"
PAGINATED_TEMPLATES = {
    "index": None, "category": None, "tag": None, "archives": 24,
    "kim": None, "kapanewon": None,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# --- Feeds for subscribers: each kind in its own folder (see plugins/kabarkim/subscribe) ---
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/semua.atom.xml"
FEED_ALL_RSS = "feeds/semua.rss.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/kategori/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
FEED_ATOM = None
FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

from kabarkim.templating import FILTERS as JINJA_FILTERS  # noqa: E402

# Sections other stages add to the home page and KIM profiles (theme partials, in order).
HOME_SECTIONS = []
KIM_SECTIONS = []

# --- Catalog and photos (issue 5: products, programs, map, open data, responsive images) ---
PLUGINS += ["kabarkim.catalog", "kabarkim.images"]  # after directory and subscribe
PRODUCT_URL = "produk/{slug}/"
PRODUCT_SAVE_AS = "produk/{slug}/index.html"
PROGRAM_URL = "program/{slug}/"
PROGRAM_SAVE_AS = "program/{slug}/index.html"
PAGINATED_TEMPLATES["produk_index"] = 24
IMAGES_CACHE_DIR = str(ROOT / ".cache" / "images")  # processed photos, keyed by content hash
MENU_ITEMS += [("Produk", "produk/"), ("Program", "program/"), ("Peta", "peta/")]
HOME_SECTIONS += ["partials/produk_home.html", "partials/program_home.html"]
KIM_SECTIONS += ["partials/produk_kim.html"]

# --- Search (issue 4, plugins/kabarkim/search): Pagefind index after the site is written,
# and the /cari/ page. SEARCH_INDEX = False (or `pelican -e SEARCH_INDEX=false`) skips
# indexing for fast local builds.
PLUGINS = PLUGINS + ["kabarkim.search"]
DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["cari"]
CARI_SAVE_AS = "cari/index.html"
CARI_URL = "cari/"
SEARCH_INDEX = True
SEARCH_LANGUAGE = "id"
SEARCH_OUTPUT_SUBDIR = "pagefind"

# --- Kabar (issue 3, plugins/kabarkim/kabar): imported news and videos from the archive
# (content/kabar/, written by `kim fetch`; the build never uses the network).
# Pages /kabar/<slug>/, /video/<slug>/, the /video/ gallery and /sumber/ (source health,
# noindex). Optional: KABAR_ARCHIVE (default <PATH>/kabar), KABAR_SOURCES (default
# <PATH>/sumber.yaml, used by `kim fetch`), KABAR_DEFAULT_CATEGORY ("Berita").
PLUGINS = PLUGINS + ["kabarkim.kabar"]
PAGINATED_TEMPLATES["video_index"] = 24
MENU_ITEMS += [("Video", "video/")]
HOME_SECTIONS += ["partials/kabar_home.html"]
