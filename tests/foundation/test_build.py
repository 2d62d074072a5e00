"""Purpose-built content: pagination paths, escaping of hostile text, safe Markdown."""

import pytest

from sitebuild import build_site
from foundation.minisite import PROFILE, STORY, make_minisite, write_md
from foundation.sitewalk import parse

pytestmark = pytest.mark.slow


def test_kim_desa_1_and_12_pages_never_collide(tmp_path):
    content = tmp_path / "content"
    for slug in ("desa-1", "desa-12"):
        make_minisite(content, kim=slug, stories=0)
        for i in range(14):
            write_md(content / f"kim/{slug}/berita/{slug}-kabar-{i}.md",
                     dict(STORY, title=f"Kabar {slug} {i}", date=f"2026-01-{i + 1:02d} 08:00"))
    out = build_site(content, tmp_path / "out")
    page2 = parse(out / "kim/desa-1/page/2/index.html")
    assert out.joinpath("kim/desa-12/page/2/index.html").is_file()
    hrefs = [a.get("href") for a in page2.cssselect(".card-title a")]
    assert hrefs and all("/berita/desa-1-kabar-" in h for h in hrefs)


def test_hostile_text_is_escaped_and_markdown_is_sanitized(tmp_path):
    content = make_minisite(tmp_path / "content")
    write_md(content / "kim/uji/berita/panen-1.md",
             dict(STORY, title='Kata "kutip" <script>alert(1)</script>', summary='Ringkas "a" & <b>b</b>'),
             'Teks <script>alert(2)</script> <img src="x.jpg" onerror="alert(3)">\n\n'
             '[klik](javascript:alert(4)) <iframe src="https://evil.example"></iframe>\n')
    write_md(content / "kim/uji/profil.md", dict(PROFILE, name='KIM "Uji" <i>'))
    out = build_site(content, tmp_path / "out")
    html = (out / "berita/panen-1/index.html").read_text("utf-8")
    tree = parse(out / "berita/panen-1/index.html")
    assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html
    assert "<iframe" not in html
    assert tree.cssselect("meta[name=description]")[0].get("content") == 'Ringkas "a" & b'
    assert tree.cssselect("h1")[0].text_content() == 'Kata "kutip" <script>alert(1)</script>'


def test_body_photo_by_file_name_points_at_kim_folder(tmp_path):
    content = make_minisite(tmp_path / "content")
    write_md(content / "kim/uji/berita/panen-1.md", STORY, "![Sawah](panen.jpg)\n")
    out = build_site(content, tmp_path / "out")
    srcs = [img.get("src") for img in parse(out / "berita/panen-1/index.html").cssselect(".prose img")]
    assert srcs and all("kim/uji/gambar/panen" in s or "/gambar/" in s for s in srcs)


def test_profile_with_only_required_fields_builds(tmp_path):
    content = make_minisite(tmp_path / "content")
    write_md(content / "kim/uji/profil.md", {"name": "KIM Minimal", "kalurahan": "Srigading", "kapanewon": "Sanden"})
    out = build_site(content, tmp_path / "out")
    profile = parse(out / "kim/uji/index.html")
    assert profile.cssselect("h1")[0].text_content() == "KIM Minimal"
    assert "tanpa wifi publik" in (out / "kim/index.html").read_text("utf-8")
