"""Imported news and videos in Chromium (issue 3): axe-core, light YouTube embed on click."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARCHIVE = Path(__file__).resolve().parents[2] / "content" / "kabar" / "items"


def _slug(source: str, index: int = 0) -> str:
    return json.loads((ARCHIVE / f"{source}.json").read_text(encoding="utf-8"))["items"][index]["slug"]


@pytest.mark.parametrize("path", [
    "/video/",
    lambda: f"/video/{_slug('bantul-tv')}/",
    lambda: f"/kabar/{_slug('pemkab-bantul')}/",
    lambda: f"/kabar/{_slug('kim-malangan-blog')}/",
    "/sumber/",
], ids=["video-index", "video", "kabar-pemkab", "kabar-blog-kim", "sumber"])
def test_kabar_pages_have_no_axe_violations(page, site_url, assert_no_axe_violations, path):
    page.goto(site_url + (path() if callable(path) else path))
    assert_no_axe_violations(page)


def test_video_iframe_only_after_click(page, site_url, blocked_requests, console_errors):
    page.goto(site_url + f"/video/{_slug('bantul-tv')}/")
    assert page.locator("iframe").count() == 0
    assert not any("youtube" in url and "i.ytimg.com" not in url for url in blocked_requests)  # nothing loaded before play
    link = page.locator("a.video-thumb")
    video_id = link.get_attribute("data-video-id")
    assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={video_id}"  # works without JavaScript
    link.click()
    frame = page.locator(".video-embed iframe")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src").startswith(f"https://www.youtube-nocookie.com/embed/{video_id}?")
    assert frame.get_attribute("title")
    assert page.url.endswith(f"/video/{_slug('bantul-tv')}/")  # the click did not navigate away
    assert not [e for e in console_errors if "video.js" in e]
