"""Image pipeline on phone-like JPEGs (no Pelican)."""

import io
from pathlib import Path

import pytest
from PIL import Image

from kabarkim.images import process as ip

from .phonephoto import GPS_IFD, phone_photo


@pytest.fixture(scope="module")
def rotated(tmp_path_factory):
    """4000x3000 stored sideways with EXIF orientation 6 (shown 3000x4000), GPS and camera EXIF."""
    return phone_photo(tmp_path_factory.mktemp("src") / "rotated.jpg", (4000, 3000), orientation=6)


@pytest.fixture(scope="module")
def processed(rotated, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return cache, ip.process_image(rotated, cache)


def _files(cache, result):
    d = ip.entry_dir(cache, result.key)
    return {v.file: d / v.file for v in result.variants} | {"og.jpg": d / "og.jpg"}


def test_source_has_gps(rotated):
    assert Image.open(rotated).getexif().get_ifd(GPS_IFD)


def test_orientation_applied(processed):
    cache, r = processed
    assert (r.width, r.height) == (3000, 4000)
    for v in r.variants:
        with Image.open(ip.entry_dir(cache, r.key) / v.file) as im:
            assert im.size == (v.width, v.height)
            assert im.height > im.width  # portrait, as the phone showed it
    # the red marker stored top-left must now be top-right (rotated 90° clockwise)
    with Image.open(ip.entry_dir(cache, r.key) / "480.jpg") as im:
        px = im.convert("RGB")
        assert px.getpixel((im.width - 5, 5))[0] > 200 and px.getpixel((im.width - 5, 5))[1] < 80
        assert px.getpixel((5, 5))[0] < 200 or px.getpixel((5, 5))[1] > 80


def test_widths_webp_and_jpeg(processed):
    _, r = processed
    assert [v.width for v in r.of_format("webp")] == [480, 800, 1200, 1600]
    assert [v.width for v in r.of_format("jpeg")] == [480, 800, 1200, 1600]


def test_all_metadata_stripped(processed):
    cache, r = processed
    for name, path in _files(cache, r).items():
        with Image.open(path) as im:
            exif = im.getexif()
            assert not exif.get_ifd(GPS_IFD), name
            assert len(exif) == 0, (name, dict(exif))
            assert "exif" not in im.info and "xmp" not in im.info, name
        data = path.read_bytes()
        assert b"Galaxy" not in data and b"Samsung" not in data, name


def test_formats(processed):
    cache, r = processed
    for v in r.variants:
        with Image.open(ip.entry_dir(cache, r.key) / v.file) as im:
            assert im.format == {"webp": "WEBP", "jpeg": "JPEG"}[v.format]


def test_og_image(processed):
    cache, r = processed
    og = ip.entry_dir(cache, r.key) / "og.jpg"
    assert og.stat().st_size < 300_000
    with Image.open(og) as im:
        assert im.format == "JPEG" and im.size == (1200, 630)


def test_og_cap_holds_for_noisy_photo(tmp_path):
    # worst case: pure noise compresses badly; the quality ladder must still fit 300 KB
    src = tmp_path / "noise.jpg"
    Image.effect_noise((1600, 1200), 120).convert("RGB").save(src, quality=95)
    r = ip.process_image(src, tmp_path / "cache")
    assert r.og.bytes < 300_000


def test_never_upscale(tmp_path):
    src = phone_photo(tmp_path / "small.jpg", (1000, 750))
    r = ip.process_image(src, tmp_path / "cache")
    assert [v.width for v in r.of_format("webp")] == [480, 800, 1000]
    tiny = phone_photo(tmp_path / "tiny.jpg", (320, 240), seed=3)
    assert [v.width for v in ip.process_image(tiny, tmp_path / "cache").of_format("jpeg")] == [320]


@pytest.mark.parametrize("src_w, widths, out", [
    (4000, (480, 800, 1200, 1600), [480, 800, 1200, 1600]),
    (1610, (480, 800, 1200, 1600), [480, 800, 1200, 1600]),
    (1250, (480, 800, 1200, 1600), [480, 800, 1200]),
    (1500, (480, 800, 1200, 1600), [480, 800, 1200, 1500]),
    (300, (480, 800), [300]),
])
def test_target_widths(src_w, widths, out):
    assert ip.target_widths(src_w, widths) == out


def test_second_run_hits_cache_and_is_deterministic(rotated, processed, tmp_path):
    cache, first = processed
    again = ip.process_image(rotated, cache)
    assert again.cache_hit and again.key == first.key
    # a fresh cache produces byte-identical files
    other = ip.process_image(rotated, tmp_path / "cache2")
    assert not other.cache_hit
    a, b = _files(cache, first), _files(tmp_path / "cache2", other)
    for name in a:
        assert a[name].read_bytes() == b[name].read_bytes(), name


def test_settings_change_the_key(rotated):
    assert ip.cache_key(rotated, ip.Settings()) != ip.cache_key(rotated, ip.Settings(jpeg_quality=60))


def test_process_many_parallel_and_publish(tmp_path):
    srcs = [phone_photo(tmp_path / f"p{i}.jpg", (2400, 1800), orientation=(1, 6, 8)[i], seed=i) for i in range(3)]
    res = ip.process_many(srcs, tmp_path / "cache", workers=2)
    assert set(res) == set(srcs) and not any(r.cache_hit for r in res.values())
    assert all(r.cache_hit for r in ip.process_many(srcs, tmp_path / "cache").values())
    r = res[srcs[1]]
    out = ip.publish(r, tmp_path / "cache", tmp_path / "out", "p1")
    assert len(out) == len(r.variants) + 1
    assert all(p.is_file() and p.name.startswith(f"p1-{r.key[:8]}-") for p in out.values())


def test_unreadable_file(tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a jpeg")
    with pytest.raises(ip.ImageError, match="bukan gambar"):
        ip.process_image(bad, tmp_path / "cache")
