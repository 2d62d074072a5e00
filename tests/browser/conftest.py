"""Browser-test fixtures shared by every part of Kabar KIM.

Usage in a test under tests/browser/:

    import pytest
    pytestmark = pytest.mark.browser

    def test_home(page, site_url, assert_no_axe_violations):
        page.goto(site_url + "/")
        assert_no_axe_violations(page)

Fixtures:
- `browser`      session: Debian Chromium (/usr/bin/chromium) through Playwright, headless.
- `context`      per test: a fresh browser context (locale id-ID, WIB) where every request
                 that is not to 127.0.0.1 is aborted; the aborted URLs are in
                 `blocked_requests`.
- `page`         per test: a page in that context (20 s default timeout).
- `serve_site`   session: `serve_site(folder) -> base URL` (http://127.0.0.1:<port>, no
                 trailing slash); one threaded http.server per folder, directory URLs.
- `site_url`     per test: base URL of the repo's sample site (`built_site` from
                 tests/conftest.py, built once). That site is built with an absolute
                 SITEURL (https://kabarkim.example): requests to that origin are answered
                 from the built folder inside the browser context, so pages load at their
                 real URLs with every absolute link working, and nothing leaves the machine.
                 A site built with SITEURL="" is served over 127.0.0.1 instead.
- `route_origin`: `route_origin(origin, folder)` does the same for any folder/origin.
- `new_context`  per test: `new_context(**playwright_context_options)` -> an extra context
                 (e.g. java_script_enabled=False) with the same offline rules and the
                 sample site's origin routed like `site_url`; closed after the test.
- `assert_no_axe_violations`: the helper from browserkit, as a fixture.
- `console_errors`: list of console errors / page errors of `page`.

Every test collected from this folder is marked `browser` and is skipped with a clear
message when /usr/bin/chromium is missing (.ci/run installs it with apt-get).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitebuild import CONTENT, build_site
from browserkit import (
    SKIP_MESSAGE,
    StaticSite,
    assert_no_axe_violations as _assert_no_axe_violations,
    block_external_requests,
    chromium_available,
    launch_chromium,
    route_origin_to_folder,
    site_origin,
)

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    have_chromium = chromium_available()
    skip = pytest.mark.skip(reason=SKIP_MESSAGE)
    for item in items:
        try:
            in_here = Path(str(item.path)).resolve().is_relative_to(_HERE)
        except (AttributeError, OSError):
            in_here = False
        if not in_here:
            continue
        item.add_marker(pytest.mark.browser)
        if not have_chromium:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _playwright():
    if not chromium_available():
        pytest.skip(SKIP_MESSAGE)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    b = launch_chromium(_playwright)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture
def blocked_requests():
    """URLs the browser tried to reach outside 127.0.0.1 (all were aborted)."""
    return []


@pytest.fixture
def context(browser, blocked_requests):
    ctx = browser.new_context(
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        service_workers="block",
        viewport={"width": 390, "height": 844},  # a common phone size
    )
    block_external_requests(ctx, blocked_requests)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def console_errors():
    return []


@pytest.fixture
def page(context, console_errors):
    p = context.new_page()
    p.set_default_timeout(20_000)  # generous: a loaded CI box, never a measurement
    p.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    p.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield p
    p.close()


@pytest.fixture(scope="session")
def serve_site():
    servers: dict[Path, StaticSite] = {}

    def serve(folder) -> str:
        root = Path(folder).resolve()
        if root not in servers:
            servers[root] = StaticSite(root)
        return servers[root].base_url

    try:
        yield serve
    finally:
        for s in servers.values():
            s.close()


@pytest.fixture(scope="session")
def _built_site_folder(request):
    try:
        return Path(request.getfixturevalue("built_site"))
    except pytest.FixtureLookupError:
        pytest.skip("fixture built_site (tests/conftest.py) belum ada")


@pytest.fixture
def route_origin(context):
    def route(origin: str, folder) -> str:
        route_origin_to_folder(context, origin, Path(folder))
        return origin.rstrip("/")

    return route


@pytest.fixture
def site_url(_built_site_folder, serve_site, route_origin):
    """Base URL (no trailing slash) of the sample site, for the current `context`."""
    origin = site_origin(_built_site_folder)
    if origin and not origin.startswith(("http://127.0.0.1", "http://localhost")):
        return route_origin(origin, _built_site_folder)
    return serve_site(_built_site_folder)


@pytest.fixture
def new_context(browser, request, blocked_requests):
    made = []

    def make(*, site=None, **options):
        opts = {"locale": "id-ID", "timezone_id": "Asia/Jakarta", "service_workers": "block",
                "viewport": {"width": 390, "height": 844}, **options}
        ctx = browser.new_context(**opts)
        made.append(ctx)
        block_external_requests(ctx, blocked_requests)
        folder = Path(site) if site else request.getfixturevalue("_built_site_folder")
        origin = site_origin(folder)
        if origin and not origin.startswith(("http://127.0.0.1", "http://localhost")):
            route_origin_to_folder(ctx, origin, folder)
        return ctx

    try:
        yield make
    finally:
        for ctx in made:
            ctx.close()


@pytest.fixture(scope="session")
def assert_no_axe_violations():
    return _assert_no_axe_violations
