"""Registry, <picture> markup and Markdown body image rewrite (no Pelican)."""

import pytest
from lxml import html as lhtml

from kabarkim.images import site

from .phonephoto import phone_photo


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    phone_photo(content / "kim" / "malangan" / "gambar" / "Panen Padi.JPG", (2400, 1800), orientation=6)
    (content / "kim" / "malangan" / "gambar" / "catatan.txt").write_text("bukan foto")
    return site.build_registry(content, "https://kabarkim.example/", tmp_path_factory.mktemp("cache"), workers=1)


def test_registry_finds_photos_only(registry):
    assert list(registry.images) == ["kim/malangan/gambar/Panen Padi.JPG"]
    img = registry.get("{static}/kim/malangan/gambar/Panen Padi.JPG")
    assert img is registry.get("kim/malangan/gambar/Panen Padi.JPG")
    assert img.url("800.webp").startswith("https://kabarkim.example/gambar/malangan/panen-padi-")
    assert (img.width, img.height) == (1600, 2133)  # portrait after EXIF rotation, largest variant
    assert img.og_url.endswith("-og.jpg")


def test_picture_markup(registry):
    img = registry.get("kim/malangan/gambar/Panen Padi.JPG")
    lazy = lhtml.fragment_fromstring(str(img.picture('Petani "memanen" <padi>', "100vw")))
    assert lazy.tag == "picture"
    tag = lazy.xpath(".//img")[0]
    assert tag.get("alt") == 'Petani "memanen" <padi>'
    assert tag.get("loading") == "lazy" and tag.get("decoding") == "async"
    assert tag.get("width") == "1600" and tag.get("height") == "2133"
    assert tag.get("srcset").count("w,") == 3 and tag.get("src").endswith("-800.jpg")
    assert lazy.xpath(".//source/@type") == ["image/webp"]
    hero = lhtml.fragment_fromstring(str(img.picture("x", hero=True))).xpath(".//img")[0]
    assert hero.get("loading") is None and hero.get("fetchpriority") == "high"


def test_rewrite_body_images(registry):
    body = ('<p>Teks</p><p><img alt="Sawah &amp; petani" src="{static}/kim/malangan/gambar/Panen Padi.JPG"></p>'
            '<p><img src="https://contoh.id/luar.jpg" alt="luar"></p>'
            '<p><img src="{static}/kim/malangan/gambar/hilang.jpg" alt="hilang"></p>')
    out = site.rewrite_body_images(body, registry)
    assert out.count("<picture>") == 1
    assert 'alt="Sawah &amp; petani"' in out and 'loading="lazy"' in out
    assert '<img src="https://contoh.id/luar.jpg" alt="luar">' in out
    assert 'src="{static}/kim/malangan/gambar/hilang.jpg"' in out
    assert site.rewrite_body_images("<p>tanpa gambar</p>", registry) == "<p>tanpa gambar</p>"


def test_publish(registry, tmp_path):
    n = registry.publish(tmp_path)
    files = sorted(p.name for p in (tmp_path / "gambar" / "malangan").iterdir())
    assert n == len(files) == 9  # 4 widths x (WebP + JPEG) + og
