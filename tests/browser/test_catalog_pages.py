"""Catalog pages in Chromium (issue 5): axe-core, the self-hosted Leaflet map, no JS needed to order."""

import json

import pytest

pytestmark = pytest.mark.browser

CATALOG_PAGES = ["/produk/", "/produk/kategori/kuliner/", "/produk/kapanewon/sanden/", "/produk/kim/malangan/",
                 "/produk/ikan-pari-asap/", "/program/", "/program/pelatihan-foto-produk-umkm/", "/peta/", "/data/"]


@pytest.mark.parametrize("path", CATALOG_PAGES)
def test_catalog_page_has_no_axe_violations(page, site_url, assert_no_axe_violations, path):
    page.goto(site_url + path)
    assert_no_axe_violations(page)


def test_map_draws_every_point_with_self_hosted_leaflet(page, site_url, blocked_requests):
    page.goto(site_url + "/peta/")
    page.wait_for_selector(".peta .leaflet-interactive")
    data = json.loads(page.locator("#peta-data").text_content())
    assert page.locator(".peta .leaflet-interactive").count() == len(data["features"])
    assert page.locator(".peta").is_visible()
    # Leaflet itself came from our own origin; only OpenStreetMap tiles were (offline) blocked
    assert all("tile.openstreetmap.org" in url for url in blocked_requests), blocked_requests
    page.locator(".peta .leaflet-interactive").first.click(force=True)
    assert page.locator(".leaflet-popup-content a").count() == 1


def test_kim_profile_small_map(page, site_url):
    page.goto(site_url + "/kim/malangan/")
    assert page.locator("script[src*='leaflet.js']").count() == 0  # not before the map is near
    page.locator("#judul-peta-kim").scroll_into_view_if_needed()
    page.wait_for_selector(".peta-kecil .leaflet-interactive")
    assert page.locator(".peta-kecil").is_visible()


def test_order_and_map_list_work_without_javascript(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + "/produk/kategori/kuliner/")
    page.locator(".card-title a").first.click()
    page.wait_for_load_state()
    href = page.locator("a.tombol-wa").get_attribute("href")
    assert href.startswith("https://wa.me/62") and "?text=" in href
    page.goto(site_url + "/peta/")
    assert not page.locator(".peta").is_visible()  # hidden until JavaScript draws it
    assert page.locator(".peta-daftar li").count() > 10
