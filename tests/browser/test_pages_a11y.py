"""Each page type: no axe-core violations, and readable without JavaScript."""

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "/", "/kim/", "/kim/malangan/", "/kapanewon/sanden/", "/kategori/pertanian/",
    "/tag/", "/arsip/", "/langganan/", "/tentang/", "/404.html",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_type_has_no_axe_violations(page, site_url, assert_no_axe_violations, path):
    page.goto(site_url + path)
    assert_no_axe_violations(page)


def test_story_page_has_no_axe_violations(page, site_url, assert_no_axe_violations):
    page.goto(site_url + "/arsip/")
    page.locator(".card-title a").first.click()
    page.wait_for_load_state()
    assert "/berita/" in page.url
    assert_no_axe_violations(page)


def test_story_is_readable_without_javascript(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + "/kim/malangan/")
    story = page.locator("#judul-kabar-kim ~ .cards .card-title a").first
    title = story.inner_text()
    story.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert page.locator(".prose p").count() >= 2
