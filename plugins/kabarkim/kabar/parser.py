"""Parse fetched feed bytes into clean item dicts.

Order of defence:
1. :func:`check_prolog` refuses a body whose prolog has a DOCTYPE (so also
   any ENTITY declaration: entity bombs, external entities) or that is an
   HTML page — before feedparser sees a byte.
2. feedparser parses the bytes with its own sanitizer off (nh3 is faster and
   stricter); a truncated document, an HTML page, or a result without
   entries is a :class:`FeedError` (the caller keeps the last good items).
3. every string is cleaned: titles become plain text, HTML goes through
   ``kabarkim.sanitize.clean_html`` (profile "feed"), every URL kept
   (``entry.link`` included) goes through ``clean_url`` (http/https only).
4. identity: GUID, then link, then a hash of title+content
   (see :func:`identity_key`).
"""

from __future__ import annotations

import hashlib
import html as _html
import re
from datetime import datetime

import warnings

import feedparser

from kabarkim.sanitize import clean_html, clean_url, plain_text

from .datetimes import from_struct, parse_feed_date

SUMMARY_CHARS = 300
_VIDEO_ID_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")
_PROLOG_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_TRUNCATED = ("unclosed token", "no element found", "unclosed cdata section")
_ROOT_END = re.compile(rb"</(?:[a-z0-9_]+:)?(?:rss|feed|rdf)>\s*(?:<!--.*?-->\s*)*\x00*$", re.I | re.S)

# Counts calls that really parse (used by bench/fetch_bench.py and tests).
PARSE_CALLS = 0


class FeedError(Exception):
    """The body is not a usable feed; message is Indonesian for the report."""


def _ascii_view(body: bytes) -> bytes:
    """First bytes of the body in an ASCII-compatible form (handles UTF-16/32)."""
    head = body[:65536]
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, "ignore").lstrip("\ufeff").encode("ascii", "replace")
    if head[:4] in (b"\x00<\x00?", b"<\x00?\x00"):
        enc = "utf-16-be" if head[0] == 0 else "utf-16-le"
        return head.decode(enc, "ignore").lstrip("\ufeff").encode("ascii", "replace")
    return head.removeprefix(b"\xef\xbb\xbf")


def _is_wide(body: bytes) -> bool:
    return body[:2] in (b"\xff\xfe", b"\xfe\xff") or body[:4] in (b"\x00<\x00?", b"<\x00?\x00")


def check_prolog(body: bytes) -> None:
    """Refuse DOCTYPE/ENTITY declarations and HTML pages before parsing."""
    if not body or not body.strip():
        raise FeedError("isi kosong")
    head = _ascii_view(body)
    pos = 0
    while True:
        m = _PROLOG_SKIP.match(head, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    rest = head[pos:].lstrip()
    low = rest[:200].lower()
    if low.startswith(b"<!doctype html") or low.startswith(b"<html") or low.startswith(b"<head") or low.startswith(b"<body"):
        raise FeedError("alamat ini mengirim halaman HTML, bukan feed RSS/Atom; periksa URL feed-nya")
    if low.startswith(b"<!doctype") or low.startswith(b"<!entity") or b"<!entity" in head.lower():
        raise FeedError("feed berisi deklarasi DOCTYPE/ENTITY dan ditolak demi keamanan")
    if not rest.startswith(b"<"):
        raise FeedError("isi bukan XML (tidak diawali tag)")


def identity_key(guid: str | None, link: str | None, title: str, content: str) -> str:
    if guid:
        return "guid:" + guid
    if link:
        return "link:" + link
    return "hash:" + hashlib.sha256(f"{title}\n{content}".encode("utf-8")).hexdigest()[:32]


def _first_http(*candidates) -> str | None:
    for c in candidates:
        url = clean_url(c) if c else None
        if url and url.startswith(("http://", "https://")):
            return url
    return None


def _entry_image(entry, content_html_raw: str, base: str | None) -> str | None:
    cands = []
    for t in entry.get("media_thumbnail") or []:
        cands.append(t.get("url"))
    for m in entry.get("media_content") or []:
        if (m.get("medium") == "image") or str(m.get("type", "")).startswith("image/"):
            cands.append(m.get("url"))
    for enc in entry.get("enclosures") or []:
        if str(enc.get("type", "")).startswith("image/"):
            cands.append(enc.get("href") or enc.get("url"))
    img = _first_http(*[clean_url(c, base) for c in cands if c])
    if img:
        return img
    # First real image of the content (tracking pixels are removed by clean_html).
    cleaned = clean_html(content_html_raw, base_url=base, profile="content")
    m = re.search(r'<img\b[^>]*?\ssrc="([^"]+)"', cleaned)
    if m:
        return _first_http(_html.unescape(m.group(1)))
    return None


def _raw_content(entry) -> str:
    contents = entry.get("content") or []
    html_parts = [c.get("value", "") for c in contents if c.get("value")]
    if html_parts:
        return max(html_parts, key=len)
    return entry.get("summary", "") or ""


def _views(entry) -> int | None:
    stats = entry.get("media_statistics") or {}
    value = stats.get("views") if isinstance(stats, dict) else None
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _multiline_text(raw: str, limit: int = 5000) -> str:
    """Plain text keeping line breaks (YouTube descriptions)."""
    text = raw.replace("\r\n", "\n")
    text = re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.I)
    lines = [plain_text(line) for line in text.split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out[:limit]


def _summary_text(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def parse_feed(body: bytes, url: str, kind: str = "berita", headers: dict | None = None,
               now: datetime | None = None) -> dict:
    """Parse a feed body. Returns {"title", "link", "items": [...]} or raises FeedError.

    Items are plain dicts (see kabar/README.md for the fields); ``published``
    is an aware datetime or None when the feed has no usable date (the
    archive then uses the first-seen time).
    """
    # feedparser warns about its updated->published mapping on every .get("updated").
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _parse_feed(body, url, kind, headers, now)


def _parse_feed(body: bytes, url: str, kind: str, headers: dict | None, now: datetime | None) -> dict:
    global PARSE_CALLS
    PARSE_CALLS += 1
    check_prolog(body)
    resp_headers = {"content-location": url}
    if headers and headers.get("content-type"):
        resp_headers["content-type"] = headers["content-type"]
    try:
        d = feedparser.parse(body, response_headers=resp_headers, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser should not raise, but never trust it
        raise FeedError(f"feed tidak bisa dibaca: {type(exc).__name__}") from None
    exc = d.get("bozo_exception")
    if d.get("bozo") and exc is not None and any(t in str(exc).lower() for t in _TRUNCATED):
        raise FeedError(f"XML rusak atau terpotong ({exc})")
    if d.get("version") and not _is_wide(body) and not _ROOT_END.search(body[-4096:]):
        raise FeedError("XML terpotong: tag penutup feed tidak ada")
    if not d.get("version") and not d.entries:
        raise FeedError("isi bukan feed RSS/Atom")
    if not d.entries:
        raise FeedError("feed tidak berisi item")

    feed_link = _first_http(d.feed.get("link"), url) or url
    items = []
    seen_keys: set[str] = set()
    for entry in d.entries:
        base = feed_link
        raw_link = entry.get("link")
        link = clean_url(raw_link, base) if raw_link else None
        if link and not link.startswith(("http://", "https://")):
            link = None
        guid = (entry.get("id") or "").strip() or None
        if guid and len(guid) > 500:
            guid = None
        if not link and guid and entry.get("guidislink"):
            link = _first_http(clean_url(guid, base))
        content_raw = _raw_content(entry)
        title = plain_text(entry.get("title", ""))[:300]
        content_html = clean_html(content_raw, base_url=link or base, profile="feed")
        summary_raw = entry.get("summary", "") or content_raw
        summary = _summary_text(plain_text(summary_raw))
        if not title:
            title = _summary_text(summary)[:80] or "(tanpa judul)"

        video_id = None
        if kind == "video":
            vid = entry.get("yt_videoid") or ""
            if not vid and guid and guid.startswith("yt:video:"):
                vid = guid.removeprefix("yt:video:")
            video_id = vid if _VIDEO_ID_RE.match(vid or "") else None

        raw_date = entry.get("published") or entry.get("updated") or entry.get("created") or entry.get("dc_date")
        published = parse_feed_date(raw_date, now) or from_struct(
            entry.get("published_parsed") or entry.get("updated_parsed"), now)
        updated = parse_feed_date(entry.get("updated"), now) if entry.get("updated") else None

        key = identity_key(guid, link, title, content_html)
        if key in seen_keys:
            # Duplicate GUID inside one feed: a different link means a
            # different item (buggy CMS); the same link is the same item.
            if guid and link and ("link:" + link) not in seen_keys:
                key = "link:" + link
            else:
                continue
        seen_keys.add(key)
        if key.startswith("guid:") and link:
            seen_keys.add("link:" + link)

        if kind == "video" and video_id:
            image = f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg"
        else:
            image = _entry_image(entry, content_raw, link or base)
        author = plain_text(entry.get("author", ""))[:120] or None
        tags = [plain_text(t.get("term", ""))[:60] for t in (entry.get("tags") or []) if t.get("term")]
        items.append({
            "key": key,
            "guid": guid,
            "link": link,
            "title": title,
            "summary": summary,
            "content_html": content_html,
            "published": published,
            "updated": updated,
            "raw_date": (raw_date or "")[:100] or None,
            "image": image,
            "video_id": video_id,
            "views": _views(entry) if kind == "video" else None,
            "description": _multiline_text(summary_raw) if kind == "video" else None,
            "author": author,
            "tags": [t for t in tags if t][:10],
        })
    if not items:
        raise FeedError("feed tidak berisi item yang bisa dipakai")
    return {"title": plain_text(d.feed.get("title", "")), "link": feed_link, "items": items}
