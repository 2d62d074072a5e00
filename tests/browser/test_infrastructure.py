"""Self-tests of the browser-test infrastructure (server, offline browser, axe-core)."""

import pytest

from browserkit import is_local_url, run_axe

pytestmark = pytest.mark.browser

GOOD = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Beranda</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/berita/panen/">Berita</a></header>
<main><h1>Kabar KIM</h1><p>Halo.</p>
<img src="/gambar.png" alt="Sawah"></main></body></html>"""

BAD = """<!doctype html>
<html><head><meta charset="utf-8"><title>Buruk</title></head>
<body><main><h1>Buruk</h1><img src="/x.png"><a href="/a/"></a></main></body></html>"""


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny-site")
    (root / "index.html").write_text(GOOD, encoding="utf-8")
    (root / "berita" / "panen").mkdir(parents=True)
    (root / "berita" / "panen" / "index.html").write_text(
        GOOD.replace("Kabar KIM", "Panen"), encoding="utf-8"
    )
    (root / "buruk").mkdir()
    (root / "buruk" / "index.html").write_text(BAD, encoding="utf-8")
    (root / "luar").mkdir()
    (root / "luar" / "index.html").write_text(
        GOOD.replace(
            "</main>",
            '<img src="https://example.com/x.png" alt="x"></main>'
            '<script>window.__fetched = fetch("https://example.com/").then(()=>"ok",()=>"blocked")</script>',
        ),
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize(
    "url,local",
    [
        ("http://127.0.0.1:8000/cari/", True),
        ("http://localhost:1/", True),
        ("data:text/plain,hi", True),
        ("https://example.com/", False),
        ("http://10.0.0.1/", False),
        ("ftp://127.0.0.1/", False),
    ],
)
def test_is_local_url(url, local):
    assert is_local_url(url) is local


def test_serves_directory_urls(page, serve_site, tiny_site):
    base = serve_site(tiny_site)
    assert base.startswith("http://127.0.0.1:")
    resp = page.goto(base + "/berita/panen/")
    assert resp.status == 200
    assert page.locator("h1").inner_text() == "Panen"
    # /berita/panen (no slash) redirects to the directory URL
    resp = page.goto(base + "/berita/panen")
    assert resp.status == 200 and page.url.endswith("/berita/panen/")
    # same folder -> same server
    assert serve_site(tiny_site) == base


def test_blocks_requests_outside_localhost(page, serve_site, tiny_site, blocked_requests):
    base = serve_site(tiny_site)
    page.goto(base + "/luar/")
    assert page.evaluate("() => window.__fetched") == "blocked"
    assert any(u.startswith("https://example.com/") for u in blocked_requests)


def test_axe_passes_clean_page(page, serve_site, tiny_site, assert_no_axe_violations):
    page.goto(serve_site(tiny_site) + "/")
    result = assert_no_axe_violations(page)
    assert result["passes"] > 0


def test_axe_reports_violations(page, serve_site, tiny_site, assert_no_axe_violations):
    page.goto(serve_site(tiny_site) + "/buruk/")
    ids = {v["id"] for v in run_axe(page)["violations"]}
    assert {"html-has-lang", "image-alt", "link-name"} <= ids
    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_axe_violations(page)


def test_route_origin_serves_folder_at_its_real_url(page, route_origin, tiny_site, blocked_requests):
    base = route_origin("https://kabarkim.example", tiny_site)
    resp = page.goto(base + "/berita/panen/")
    assert resp.status == 200
    assert page.locator("h1").inner_text() == "Panen"
    page.goto(base + "/berita/panen")
    page.wait_for_url(base + "/berita/panen/")
    assert page.goto(base + "/tidak-ada/").status == 404
    assert blocked_requests == []


def test_new_context_without_javascript(new_context, tiny_site):
    ctx = new_context(java_script_enabled=False, site=tiny_site)
    page = ctx.new_page()
    # tiny_site has no canonical link, so nothing is routed: serve it over 127.0.0.1 instead
    from browserkit import StaticSite

    with StaticSite(tiny_site) as s:
        page.goto(s.url("/luar/"))
        assert page.evaluate("() => typeof window.__fetched") == "undefined"
