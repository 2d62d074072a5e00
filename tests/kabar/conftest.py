"""Fixtures for the kabar (feed import) tests: a real HTTP server on 127.0.0.1.

`feed_server` serves routes a test configures: fixture feeds with ETag /
Last-Modified (answering 304 to a matching conditional GET), and
misbehaving endpoints (slow, trickling, 5xx, 404, 410, 429, redirects,
huge bodies, gzip bombs...). No test reaches the internet.
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import yaml

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
SAMPLE = FEEDS / "sample"


def feed_bytes(name: str) -> bytes:
    path = FEEDS / name
    if not path.exists():
        path = SAMPLE / name
    return path.read_bytes()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0            # before the status line
    trickle: float = 0.0          # seconds between body bytes (slow body)
    gzip: bool = False


class FeedServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict]] = []
        self.in_flight = 0
        self.max_in_flight = 0  # how many requests were being answered at the same time
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_GET(self):
                server.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    return self._send(404, b"not found", {"Content-Type": "text/plain"})
                if route.delay:
                    with server._lock:
                        server.in_flight += 1
                        server.max_in_flight = max(server.max_in_flight, server.in_flight)
                    time.sleep(route.delay)
                    with server._lock:
                        server.in_flight -= 1
                headers = {"Content-Type": route.content_type, **route.headers}
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.status == 200 and (
                    (route.etag and self.headers.get("If-None-Match") == route.etag)
                    or (route.last_modified and not route.etag and self.headers.get("If-Modified-Since") == route.last_modified)
                ):
                    return self._send(304, b"", {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")})
                body = route.body
                if route.gzip:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self._send(route.status, body, headers, route.trickle)

            def _send(self, status, body, headers, trickle=0.0):
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    if status != 304:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status == 304 or not body:
                        return
                    if trickle:
                        for i in range(len(body)):
                            self.wfile.write(body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(trickle)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, body: bytes | str = b"", **kw) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **kw)
        return self.url(path)

    def requests_to(self, path: str) -> list[dict]:
        return [h for p, h in self.log if p == path]


@pytest.fixture
def feed_server():
    srv = FeedServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


def write_sources(path: Path, entries: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def workdir(tmp_path):
    """A content folder with an empty kim/ dir, a sources file path and an archive path."""
    content = tmp_path / "content"
    (content / "kim").mkdir(parents=True)
    return content


@pytest.fixture(autouse=True, scope="session")
def _thumbnails_stay_local():
    """Item images in the fixture feeds point at i.ytimg.com and made-up hosts:
    the thumbnail step may only contact the local test server."""
    from kabarkim.kabar import thumbs

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(thumbs, "ALLOWED_HOSTS", {"127.0.0.1"})
        yield


# ---- images for the thumbnail tests ------------------------------------------

GPS_LAT = (7.0, 58.0, 12.5)


def jpeg_with_metadata(size=(1200, 800), orientation=6, color=(200, 60, 40)) -> bytes:
    """A JPEG carrying EXIF orientation, camera make, GPS position, an ICC profile and a comment."""
    import io

    from PIL import Image, ImageCms

    img = Image.new("RGB", size, color)
    img.paste((20, 90, 200), (0, 0, size[0] // 2, size[1] // 4))  # a blue block top-left
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "KameraRahasia"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: GPS_LAT, 3: "E", 4: (110.0, 16.0, 36.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), icc_profile=icc, comment=b"rahasia-komentar", quality=90)
    return buf.getvalue()


def png_bytes(size, mode="1") -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new(mode, size).save(buf, "PNG", optimize=True)
    return buf.getvalue()


class RewriteHosts(httpx.AsyncBaseTransport):
    """httpx transport that sends requests for the given hosts to the local test server
    (so the YouTube thumbnail URL the parser derives can be served in tests)."""

    def __init__(self, port: int, hosts: set[str]):
        self.port, self.hosts = port, set(hosts)
        self.inner = None

    async def handle_async_request(self, request):
        if request.url.host in self.hosts:
            request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        if self.inner is None:
            self.inner = httpx.AsyncHTTPTransport()
        return await self.inner.handle_async_request(request)

    async def aclose(self):
        if self.inner is not None:
            await self.inner.aclose()
            self.inner = None
