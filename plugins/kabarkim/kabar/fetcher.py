"""HTTP fetching of feeds: the only code in Kabar KIM that uses the network.

Like Miniflux: every source concurrently, a total deadline per source
(connect + headers + the whole body, so a server trickling bytes is cut off
too), a byte cap counted after decompression (we ask only for gzip/deflate
and inflate ourselves in bounded steps, so a compression bomb never
allocates more than the cap), conditional GET (ETag / Last-Modified),
redirects followed with permanent ones (301/308 all the way) reported so the
stored URL can be updated, 410 reported as gone, Retry-After read on 429/503.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx

from .util import WIB

try:
    from importlib.metadata import version as _pkg_version

    VERSION = _pkg_version("kabarkim")
except Exception:  # pragma: no cover - not installed
    VERSION = "0"

PROJECT_URL = "https://github.com/kabarkim/kabarkim"
DEFAULT_USER_AGENT = f"KabarKIM/{VERSION} (+{PROJECT_URL})"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 15 * 1024 * 1024
DEFAULT_CONCURRENCY = 20
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 24 * 3600.0


@dataclass
class FetchConfig:
    timeout: float = DEFAULT_TIMEOUT          # seconds, whole request incl. body
    max_bytes: int = DEFAULT_MAX_BYTES        # after decompression
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = DEFAULT_CONCURRENCY
    transport: object = None                  # httpx transport (tests, sample generation)
    thumbnails: bool = True                   # download item images into <archive>/gambar/ (thumbs.py)
    image_timeout: float = 10.0               # seconds per image
    image_max_bytes: int = 3 * 1024 * 1024    # per image, after decompression


@dataclass
class FetchRequest:
    key: str
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchResult:
    key: str
    url: str
    status: str                      # "ok" | "not_modified" | "gone" | "error"
    http_status: int | None = None
    body: bytes | None = None
    headers: dict = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    permanent_redirect: str | None = None   # new URL when every hop was 301/308
    retry_after: float | None = None         # seconds
    error: str | None = None                 # Indonesian, for the report
    elapsed: float = 0.0


class TooLarge(Exception):
    pass


def _fmt_mb(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    return f"{n / 1024:g} KB"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date), capped at a day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    now = now or datetime.now(WIB)
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - now).total_seconds(), MAX_RETRY_AFTER))


class _Inflater:
    """Bounded incremental decoder for identity / gzip / deflate bodies."""

    def __init__(self, encoding: str, cap: int):
        self.cap = cap
        self.total = 0
        self.parts: list[bytes] = []
        enc = (encoding or "identity").strip().lower()
        if enc in ("", "identity"):
            self.mode = "identity"
        elif enc in ("gzip", "x-gzip"):
            self.mode = "zlib"
            self.wbits = 16 + zlib.MAX_WBITS
        elif enc == "deflate":
            self.mode = "zlib"
            self.wbits = zlib.MAX_WBITS  # retried as raw deflate below
        else:
            raise ValueError(f"Content-Encoding {enc!r} tidak didukung")
        self.obj = zlib.decompressobj(self.wbits) if self.mode == "zlib" else None
        self._first = True

    def _add(self, data: bytes) -> None:
        self.total += len(data)
        if self.total > self.cap:
            raise TooLarge()
        self.parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self.mode == "identity":
            self._add(chunk)
            return
        data = chunk
        while data:
            try:
                out = self.obj.decompress(data, self.cap - self.total + 1)
            except zlib.error:
                if self._first and self.wbits == zlib.MAX_WBITS:
                    # "deflate" sent as raw deflate (no zlib header)
                    self.wbits = -zlib.MAX_WBITS
                    self.obj = zlib.decompressobj(self.wbits)
                    self._first = False
                    continue
                raise
            self._first = False
            self._add(out)
            if self.obj.eof:
                rest = self.obj.unused_data
                self.obj = zlib.decompressobj(self.wbits)  # next gzip member
                data = rest
            else:
                data = self.obj.unconsumed_tail

    def finish(self) -> bytes:
        if self.mode == "zlib":
            self._add(self.obj.flush())
        return b"".join(self.parts)


async def _fetch_body(client: httpx.AsyncClient, req: FetchRequest, cfg: FetchConfig) -> FetchResult:
    headers = {
        "User-Agent": cfg.user_agent,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    }
    if req.etag:
        headers["If-None-Match"] = req.etag
    if req.last_modified:
        headers["If-Modified-Since"] = req.last_modified
    result = FetchResult(key=req.key, url=req.url, status="error")
    async with client.stream("GET", req.url, headers=headers) as resp:
        result.http_status = resp.status_code
        result.final_url = str(resp.url)
        result.headers = {k.lower(): v for k, v in resp.headers.items() if k.lower() in ("content-type", "content-location", "content-encoding")}
        if resp.history and all(r.status_code in (301, 308) for r in resp.history):
            result.permanent_redirect = str(resp.url)
        result.etag = resp.headers.get("etag")
        result.last_modified = resp.headers.get("last-modified")
        code = resp.status_code
        if code == 304:
            result.status = "not_modified"
            return result
        if code == 410:
            result.status = "gone"
            result.error = "HTTP 410 Gone: feed sudah dihapus oleh pemiliknya"
            return result
        if code in (429, 503):
            result.retry_after = parse_retry_after(resp.headers.get("retry-after"))
        if code >= 300:
            text = "terlalu banyak permintaan" if code == 429 else (resp.reason_phrase or "")
            result.error = f"HTTP {code} {text}".strip()
            if result.retry_after is not None:
                result.error += f" (Retry-After {int(result.retry_after)} dtk)"
            return result
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cfg.max_bytes and not resp.headers.get("content-encoding"):
            raise TooLarge()
        if resp.is_stream_consumed:
            # Already read by the transport (httpx.MockTransport): decoded content.
            if len(resp.content) > cfg.max_bytes:
                raise TooLarge()
            result.body = resp.content
        else:
            inflater = _Inflater(resp.headers.get("content-encoding", ""), cfg.max_bytes)
            async for chunk in resp.aiter_raw():
                inflater.feed(chunk)
            result.body = inflater.finish()
        result.status = "ok"
        return result


async def fetch_one(client: httpx.AsyncClient, req: FetchRequest, cfg: FetchConfig) -> FetchResult:
    start = time.monotonic()
    try:
        async with asyncio.timeout(cfg.timeout):
            result = await _fetch_body(client, req, cfg)
    except TimeoutError:
        result = FetchResult(key=req.key, url=req.url, status="error",
                             error=f"melewati batas waktu {cfg.timeout:g} dtk")
    except TooLarge:
        result = FetchResult(key=req.key, url=req.url, status="error",
                             error=f"isi lebih besar dari batas {_fmt_mb(cfg.max_bytes)}")
    except httpx.TooManyRedirects:
        result = FetchResult(key=req.key, url=req.url, status="error",
                             error=f"terlalu banyak pengalihan (lebih dari {MAX_REDIRECTS})")
    except httpx.ConnectError as exc:
        result = FetchResult(key=req.key, url=req.url, status="error", error=f"tidak bisa terhubung: {exc or type(exc).__name__}")
    except httpx.HTTPError as exc:
        result = FetchResult(key=req.key, url=req.url, status="error", error=f"gagal mengambil: {type(exc).__name__}: {exc}")
    except (zlib.error, ValueError) as exc:
        result = FetchResult(key=req.key, url=req.url, status="error", error=f"isi terkompresi rusak: {exc}")
    result.elapsed = time.monotonic() - start
    return result


async def fetch_all_async(requests: list[FetchRequest], cfg: FetchConfig | None = None,
                          transport: httpx.AsyncBaseTransport | None = None) -> dict[str, FetchResult]:
    cfg = cfg or FetchConfig()
    sem = asyncio.Semaphore(max(1, cfg.concurrency))
    limits = httpx.Limits(max_connections=max(1, cfg.concurrency), max_keepalive_connections=max(1, cfg.concurrency))
    async with httpx.AsyncClient(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=httpx.Timeout(cfg.timeout),
                                 limits=limits, transport=transport or cfg.transport, trust_env=True) as client:
        async def guarded(req: FetchRequest) -> FetchResult:
            async with sem:
                return await fetch_one(client, req, cfg)

        results = await asyncio.gather(*(guarded(r) for r in requests))
    return {r.key: r for r in results}


def fetch_all(requests: list[FetchRequest], cfg: FetchConfig | None = None) -> dict[str, FetchResult]:
    """Fetch every request concurrently; never raises for a single source."""
    if not requests:
        return {}
    return asyncio.run(fetch_all_async(requests, cfg))


def backoff_delay(error_count: int, base_minutes: int = 30, max_hours: int = 24) -> timedelta:
    """Wait before the next attempt after ``error_count`` failures in a row.

    1 failure: none (the next scheduled run tries again); then 1 h, 2 h,
    4 h … capped at 24 h — a source failing for days is tried once a day
    and stands out in the report.
    """
    if error_count <= 1:
        return timedelta(0)
    minutes = base_minutes * (2 ** (error_count - 1))
    return timedelta(minutes=min(minutes, max_hours * 60))
