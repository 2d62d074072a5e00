"""Shared HTML sanitizer (nh3 / Ammonia) for Kabar KIM.

One place decides what HTML from outside (feeds) and from volunteers
(Markdown rendered to HTML) may contain.  Public API:

``clean_html(html, base_url=None, profile="feed", site_url=None) -> str``
    Sanitize an HTML fragment.  Profiles:

    * ``"feed"``    – imported feed HTML: paragraphs, inline formatting, lists,
      quotes, code and links.  No images, tables or headings (an imported item
      is a teaser that links to the original).
    * ``"content"`` – volunteers' Markdown: everything in ``"feed"`` plus
      images, figures, tables and headings h2–h6 (h1 is the page title).

    Always: no script/style/form/iframe/object/svg (their content is dropped
    too), no event handlers or ``style`` attributes, only http/https/mailto
    URLs (``javascript:``, ``data:``, ``vbscript:`` … are removed), HTML
    comments removed, ``utm_*``/``fbclid``/``gclid`` query parameters removed,
    tracking pixels (images 1×1 or smaller, or a known tracker host) removed.
    With ``base_url`` every relative URL is made absolute; without it a
    relative URL is dropped in the ``"feed"`` profile and kept in ``"content"``
    (a volunteer's ``panen.jpg`` is resolved later by the image pipeline).
    Links to other sites get ``rel="nofollow noopener"``; links to
    ``site_url`` (and relative links) get none.

``clean_url(url, base_url=None, allow_relative=False) -> str | None``
    One URL: absolute (with ``base_url``), http/https/mailto only, tracking
    parameters removed; ``None`` if it is not acceptable.

``plain_text(html) -> str``
    Text of an HTML fragment (tags removed, entities decoded, whitespace
    collapsed) — for titles and summaries.
"""

from __future__ import annotations

import html as _html
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import nh3

__all__ = ["clean_html", "clean_url", "plain_text", "strip_tracking", "PROFILES"]

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

# Tags removed together with everything inside them.
_DROP_WITH_CONTENT = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset",
    "object", "embed", "applet", "form", "textarea", "select", "button",
    "svg", "math", "head", "title",
}

_FEED_TAGS = {
    "p", "br", "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
    "small", "sub", "sup", "abbr", "cite", "q", "blockquote", "ul", "ol", "li",
    "dl", "dt", "dd", "code", "pre", "kbd", "hr", "span", "div", "time",
}
_CONTENT_TAGS = _FEED_TAGS | {
    "h2", "h3", "h4", "h5", "h6", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}

_FEED_ATTRS: dict[str, set[str]] = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "li": {"value"},
}
_CONTENT_ATTRS: dict[str, set[str]] = {
    **_FEED_ATTRS,
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}

PROFILES = {
    "feed": (_FEED_TAGS, _FEED_ATTRS),
    "content": (_CONTENT_TAGS, _CONTENT_ATTRS),
}

# URL-valued attributes we check ourselves (nh3 checks href/src schemes too).
_URL_ATTRS = {"href", "src", "cite"}

_TRACKING_PARAM = re.compile(r"^(utm_[a-z0-9_]*|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|_ga|yclid|igshid)$", re.I)

# Hosts that only serve tracking pixels / counters.
_TRACKER_HOSTS = (
    "pixel.wp.com", "stats.wordpress.com", "feeds.feedburner.com",
    "www.google-analytics.com", "google-analytics.com", "pixel.quantserve.com",
    "www.facebook.com/tr", "ad.doubleclick.net", "feedproxy.google.com",
)

# nh3 output is normalised: attribute values always in double quotes with
# '"', '<' and '>' escaped, so these patterns are exact on its output.
_TAG_RE = {
    name: re.compile(r"<%s(?P<attrs>(?:\s+[^\s=>/]+(?:=\"[^\"]*\")?)*)\s*/?>" % name)
    for name in ("a", "img")
}
_ATTR_RE = re.compile(r'([^\s=>/]+)(?:="([^"]*)")?')
_WS = re.compile(r"\s+")
_EMPTY_P = re.compile(r"<p>(?:\s|&nbsp;|<br>)*</p>\s*")
_CTRL = re.compile(r"[\x00-\x20\x7f]+")


def strip_tracking(url: str) -> str:
    """Remove utm_* and click-id query parameters from an absolute URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _TRACKING_PARAM.match(k)]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept, doseq=True)))


def clean_url(url: str | None, base_url: str | None = None, allow_relative: bool = False) -> str | None:
    """Return a safe, absolute (when possible) URL or ``None``.

    Only http, https and mailto are accepted.  Control characters and
    whitespace inside the scheme (``java\\tscript:``) are removed before the
    check, as browsers do.  A relative URL is resolved against ``base_url``;
    without a base it is kept only when ``allow_relative`` is true.
    """
    if url is None:
        return None
    url = _html.unescape(str(url)).strip()
    if not url:
        return None
    # Browsers ignore ASCII whitespace/control characters inside URLs; an
    # attacker uses that to hide "javascript:".  Normalise before checking.
    probe = _CTRL.sub("", url)
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", probe)
    if m:
        scheme = m.group(1).lower()
        if scheme not in ALLOWED_SCHEMES:
            return None
        url = probe
        if scheme in ("http", "https"):
            try:
                parts = urlsplit(url)
            except ValueError:
                return None
            if not parts.netloc:
                return None
        return strip_tracking(url) if scheme != "mailto" else url
    # No scheme: protocol-relative or relative.
    if ":" in probe.split("/", 1)[0] and not probe.startswith(("/", "?", "#", ".")):
        return None  # something like "javascript&colon;" leftovers
    if base_url:
        base = clean_url(base_url)
        if not base or base.startswith("mailto:"):
            return None
        try:
            absolute = urljoin(base, url)
        except ValueError:
            return None
        return clean_url(absolute)
    if probe.startswith("//"):
        return clean_url("https:" + probe)
    if allow_relative:
        return url
    return None


def _site_host(site_url: str | None) -> str | None:
    if not site_url:
        return None
    try:
        return (urlsplit(site_url).hostname or "").lower() or None
    except ValueError:
        return None


def _is_tracking_pixel(attrs: dict[str, str]) -> bool:
    src = attrs.get("src")
    if not src:
        return True  # an <img> without an acceptable src is useless
    for dim in ("width", "height"):
        value = attrs.get(dim, "").strip().lower().removesuffix("px")
        if value.isdigit() and int(value) <= 1:
            return True
    low = src.lower()
    return any(f"//{host}" in low for host in _TRACKER_HOSTS)


def _parse_attrs(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): (m.group(2) or "") for m in _ATTR_RE.finditer(raw)}


def _postprocess(cleaned: str, site_host: str | None) -> str:
    def fix_img(m: re.Match) -> str:
        attrs = _parse_attrs(m.group("attrs"))
        # nh3 escapes '&' in attribute values; compare the decoded URL.
        attrs = {k: _html.unescape(v) for k, v in attrs.items()}
        if _is_tracking_pixel(attrs):
            return ""
        return m.group(0)

    def fix_a(m: re.Match) -> str:
        raw = m.group("attrs")
        attrs = _parse_attrs(raw)
        href = _html.unescape(attrs.get("href", ""))
        try:
            host = (urlsplit(href).hostname or "").lower() if href.startswith(("http://", "https://")) else ""
        except ValueError:
            host = ""
        if host and host != site_host:
            return f'<a{raw} rel="nofollow noopener">'
        return m.group(0)

    if "<img" in cleaned:
        cleaned = _TAG_RE["img"].sub(fix_img, cleaned)
    if "<a" in cleaned:
        cleaned = _TAG_RE["a"].sub(fix_a, cleaned)
    # paragraphs left empty by removed images/objects
    return _EMPTY_P.sub("", cleaned)


def clean_html(html: str | None, base_url: str | None = None, profile: str = "feed",
               site_url: str | None = None) -> str:
    """Sanitize an HTML fragment; see the module docstring for the rules."""
    if not html:
        return ""
    try:
        tags, attributes = PROFILES[profile]
    except KeyError:
        raise ValueError(f"unknown sanitizer profile {profile!r}; use one of {sorted(PROFILES)}") from None
    allow_relative = profile == "content" and not base_url

    def attribute_filter(tag: str, attr: str, value: str) -> str | None:
        if attr in _URL_ATTRS:
            return clean_url(value, base_url=base_url, allow_relative=allow_relative)
        if attr in ("width", "height", "colspan", "rowspan", "start", "value"):
            value = value.strip().lower().removesuffix("px")
            return value if value.isdigit() else None
        if attr == "loading":
            return value if value in ("lazy", "eager") else None
        return value

    cleaned = nh3.clean(
        str(html),
        tags=tags,
        clean_content_tags=_DROP_WITH_CONTENT,
        attributes=attributes,
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(ALLOWED_SCHEMES),
        url_relative=(lambda url: clean_url(url, base_url=base_url, allow_relative=allow_relative)),
    )
    return _postprocess(cleaned, _site_host(site_url)).strip()


def plain_text(html: str | None) -> str:
    """Plain text of an HTML fragment (for titles and summaries)."""
    if not html:
        return ""
    text = nh3.clean(str(html), tags=set(), clean_content_tags=_DROP_WITH_CONTENT, attributes={})
    # nh3 returns escaped text; decode entities (twice-escaped feeds too).
    text = _html.unescape(_html.unescape(text))
    return _WS.sub(" ", text).strip()
