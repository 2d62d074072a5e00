"""Shared helpers for browser tests (Chromium driven by Playwright).

Import from tests in tests/browser/ as ``from browserkit import ...`` (pytest puts this
folder on sys.path), or use the fixtures of the same name from tests/browser/conftest.py.

Everything here works offline:
- Chromium is Debian's /usr/bin/chromium; Playwright never downloads a browser.
- axe-core comes from the `axe-playwright-python` wheel (pinned in the `test` extra),
  which ships axe.min.js; it is injected into the page, never fetched from a CDN.
- A static HTTP server on 127.0.0.1 serves a built site folder.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import threading
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

# Never let Playwright fetch a browser build (it cannot here anyway, and must not in CI).
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM_PATH = Path(os.environ.get("KABARKIM_CHROMIUM", "/usr/bin/chromium"))

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]

SKIP_MESSAGE = (
    f"chromium tidak ditemukan di {CHROMIUM_PATH} — lewati tes browser; "
    ".ci/run memasangnya (apt-get install -y chromium)"
)

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def chromium_available() -> bool:
    return CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def launch_chromium(playwright):
    """Launch Debian's Chromium headless with our fixed, offline-friendly flags."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH),
        headless=True,
        args=CHROMIUM_ARGS,
    )


# --------------------------------------------------------------------------- network


def is_local_url(url: str) -> bool:
    """True for URLs a test may load: 127.0.0.1/localhost over http(s), data:, blob:, about:."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return False
    return (parts.hostname or "") in LOCAL_HOSTS


def block_external_requests(context, blocked: list[str] | None = None) -> None:
    """Abort every request that leaves 127.0.0.1, recording it in `blocked`."""

    def handle(route):
        url = route.request.url
        if is_local_url(url):
            route.continue_()
        else:
            if blocked is not None:
                blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", handle)


def route_origin_to_folder(context, origin: str, folder: Path) -> None:
    """Answer every request to `origin` (e.g. https://kabarkim.example) from `folder`.

    For sites built with an absolute SITEURL: pages load at their real URLs and every
    absolute link works, while nothing leaves the machine. Directory URLs get index.html,
    `/x` redirects to `/x/` (in-page), unknown paths get the site's 404.html with status 404.
    Register after block_external_requests (the route added last is tried first).
    """
    root = Path(folder).resolve()
    origin = origin.rstrip("/")

    def handle(route):
        path = urlsplit(route.request.url).path or "/"
        target = (root / path.lstrip("/")).resolve()
        if root != target and root not in target.parents:
            route.fulfill(status=403, body="forbidden")
            return
        if target.is_dir():
            if not path.endswith("/"):
                # Chromium cannot follow a fulfilled 3xx on a navigation; redirect in-page.
                to = origin + path + "/"
                route.fulfill(
                    status=200,
                    content_type="text/html; charset=utf-8",
                    body=f'<!doctype html><meta http-equiv="refresh" content="0;url={to}">'
                    f"<script>location.replace({to!r})</script>",
                )
                return
            target = target / "index.html"
        if target.is_file():
            route.fulfill(path=str(target), headers={"Cache-Control": "no-store"})
        elif (root / "404.html").is_file():
            route.fulfill(status=404, path=str(root / "404.html"))
        else:
            route.fulfill(status=404, body="not found")

    context.route(origin + "/**", handle)
    context.route(origin, handle)


def site_origin(folder: Path) -> str | None:
    """The absolute SITEURL a built site was made with (from its home page's canonical link)."""
    index = Path(folder) / "index.html"
    if not index.is_file():
        return None
    import re

    m = re.search(r'<link rel="canonical" href="(https?://[^"/]+)', index.read_text("utf-8"))
    return m.group(1) if m else None


# --------------------------------------------------------------------------- HTTP server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; directory URLs get index.html, `/x` redirects to `/x/`."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
        ".webp": "image/webp",
        ".avif": "image/avif",
        ".xml": "application/xml",
        ".atom": "application/atom+xml",
        ".ics": "text/calendar",
    }

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass

    def end_headers(self):
        # Each test sees the files as they are now (sites get re-indexed between tests).
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page when there is one, like a real host would.
        if code == 404:
            page = Path(self.directory) / "404.html"
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class StaticSite:
    """A built site folder served over HTTP on 127.0.0.1 at a random free port."""

    def __init__(self, root: Path):
        self.root = Path(root)
        if not self.root.is_dir():
            raise FileNotFoundError(f"site folder not found: {self.root}")
        handler = functools.partial(_QuietHandler, directory=str(self.root))
        self._server = _Server(("127.0.0.1", 0), handler)
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name=f"site-{self.port}", daemon=True
        )
        self._thread.start()

    def url(self, path: str = "/") -> str:
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def copy_site(src: Path, dest: Path) -> Path:
    """Copy a built site so a test can change it (e.g. add pages and re-index)."""
    shutil.copytree(src, dest, dirs_exist_ok=True)
    return dest


# --------------------------------------------------------------------------- axe-core


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    """axe.min.js as shipped inside the axe-playwright-python wheel (no network)."""
    try:
        return (
            resources.files("axe_playwright_python")
            .joinpath("axe.min.js")
            .read_text(encoding="utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover
        raise RuntimeError(
            "axe-core not found: install the test extra "
            "(.venv/bin/pip install -e '.[test]', it pins axe-playwright-python)"
        ) from exc


def run_axe(page, *, include: str | None = None, disable_rules=(), options=None) -> dict:
    """Run axe-core in `page` and return its raw result object."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # evaluate() runs outside the page's CSP, unlike an inline <script> tag.
        page.evaluate(axe_source() + "\n;undefined")
    opts = dict(options or {})
    if disable_rules:
        rules = dict(opts.get("rules", {}))
        for rule in disable_rules:
            rules[rule] = {"enabled": False}
        opts["rules"] = rules
    return page.evaluate(
        """async ([include, opts]) => {
            const ctx = include ? {include: [include]} : document;
            const r = await axe.run(ctx, opts);
            return {violations: r.violations, passes: r.passes.length,
                    incomplete: r.incomplete.length, url: r.url,
                    version: r.testEngine && r.testEngine.version};
        }""",
        [include, opts],
    )


def format_violations(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact')}] {v['help']} ({v.get('helpUrl', '')})")
        for node in v.get("nodes", [])[:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary[:300]}")
        if len(v.get("nodes", [])) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def assert_no_axe_violations(page, *, include: str | None = None, disable_rules=(), options=None):
    """Fail with a readable list when axe-core finds any violation on the page.

    Runs axe's default rule set (WCAG 2.x A/AA plus best practices). Use
    `disable_rules` only with a comment saying why.
    """
    result = run_axe(page, include=include, disable_rules=disable_rules, options=options)
    violations = result["violations"]
    if violations:
        raise AssertionError(
            f"axe-core {result.get('version')} found {len(violations)} violation(s) "
            f"on {result.get('url')}:\n{format_violations(violations)}"
        )
    return result
