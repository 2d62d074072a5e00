"""kabarkim.sanitize: the shared nh3 cleaner (feed and content profiles)."""

import re

import pytest

from kabarkim.sanitize import clean_html, clean_url, plain_text, strip_tracking

DANGER = re.compile(r"<script|<style|<iframe|<object|<embed|<form|<svg|<math|\son\w+\s*=|javascript:|vbscript:|data:", re.I)


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    "<p onclick=\"alert(1)\">x</p>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\" java&#x09;script:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<svg onload=alert(1)><circle/></svg>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<form action=\"https://evil.example\"><input><button>go</button></form>",
    "<style>body{display:none}</style><p style=\"color:red\">x</p>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<div onmouseover=\"alert(1)\">x</div>",
    "<!-- <script>alert(1)</script> -->",
    "<scr<script>ipt>alert(1)</script>",
    "<a href=\"https://ok.example\" onfocus=\"alert(1)\" autofocus>x</a>",
])
@pytest.mark.parametrize("profile", ["feed", "content"])
def test_hostile_html_is_neutralised(html, profile):
    out = clean_html(html, base_url="https://sumber.example/a/", profile=profile)
    assert not DANGER.search(out), out


@pytest.mark.parametrize("profile,html,expected", [
    ("feed", "<p>Hai <b>tebal</b></p>", "<p>Hai <b>tebal</b></p>"),
    ("feed", "<h2>Judul</h2><img src=\"https://x.example/a.jpg\">", "Judul"),
    ("content", "<h2>Judul</h2>", "<h2>Judul</h2>"),
    ("content", "<table><tr><td>1</td></tr></table>", "<table><tbody><tr><td>1</td></tr></tbody></table>"),
    ("content", "<img src=\"panen.jpg\" alt=\"Panen\">", "<img src=\"https://sumber.example/a/panen.jpg\" alt=\"Panen\">"),
    ("feed", "<a href=\"/berita/1\">x</a>", "<a href=\"https://sumber.example/berita/1\" rel=\"nofollow noopener\">x</a>"),
    ("feed", "<a href=\"https://luar.example/?utm_source=fb&amp;utm_medium=x&amp;id=3\">x</a>",
     "<a href=\"https://luar.example/?id=3\" rel=\"nofollow noopener\">x</a>"),
    ("feed", "<a href=\"mailto:kim@example.id\">surel</a>", "<a href=\"mailto:kim@example.id\">surel</a>"),
    ("content", "<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"><p>x</p>", "<p>x</p>"),
    ("content", "<img src=\"https://pixel.wp.com/g.gif?x=1\"><p>x</p>", "<p>x</p>"),
])
def test_allowed_markup(profile, html, expected):
    assert clean_html(html, base_url="https://sumber.example/a/", profile=profile) == expected


def test_site_links_are_not_nofollow():
    out = clean_html('<a href="https://kabarkim.example/berita/x/">a</a><a href="https://lain.example/">b</a>',
                     profile="content", site_url="https://kabarkim.example")
    assert out == '<a href="https://kabarkim.example/berita/x/">a</a><a href="https://lain.example/" rel="nofollow noopener">b</a>'


def test_relative_urls_without_base():
    assert 'href' not in clean_html('<a href="/x">x</a>', profile="feed")
    assert clean_html('<a href="/x">x</a>', profile="content") == '<a href="/x">x</a>'


def test_unknown_profile():
    with pytest.raises(ValueError):
        clean_html("<p>x</p>", profile="bebas")


@pytest.mark.parametrize("url,base,expected", [
    ("https://a.example/x", None, "https://a.example/x"),
    ("javascript:alert(1)", None, None),
    ("  JAVASCRIPT:alert(1)", None, None),
    ("java\tscript:alert(1)", None, None),
    ("data:text/html,x", None, None),
    ("/x", "https://a.example/y/", "https://a.example/x"),
    ("x.jpg", "https://a.example/y/", "https://a.example/y/x.jpg"),
    ("//cdn.example/x", None, "https://cdn.example/x"),
    ("https://a.example/?utm_campaign=x&b=1", None, "https://a.example/?b=1"),
    ("ftp://a.example/x", None, None),
    ("http://", None, None),
    ("", None, None),
])
def test_clean_url(url, base, expected):
    assert clean_url(url, base) == expected


def test_plain_text():
    assert plain_text("<b>Festival &amp;amp; Budaya</b> <script>x()</script>") == "Festival & Budaya"
    assert plain_text("  a \n\n b ") == "a b"


def test_strip_tracking_keeps_other_params():
    assert strip_tracking("https://a.example/p?id=1&utm_source=x&fbclid=2") == "https://a.example/p?id=1"
