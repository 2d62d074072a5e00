"""Source list: YAML file + per-KIM sources from profil.md; Indonesian errors."""

import pytest

from kabarkim.kabar.sources import SourcesError, load_sources

from .conftest import write_sources

PROFILE = """---
name: KIM Malangan
kalurahan: Srigading
kapanewon: Sanden
social:
  youtube_channel: {channel}
  blog_feed: {blog}
---
Profil.
"""


def make_kim(content, slug="malangan", channel="UCm4Lk7QzTa2VbN8yR3wXp1D",
             blog="https://kimmalangan-contoh.blogspot.com/feeds/posts/default"):
    d = content / "kim" / slug
    d.mkdir(parents=True, exist_ok=True)
    (d / "profil.md").write_text(PROFILE.format(channel=channel, blog=blog), encoding="utf-8")


def test_regency_and_kim_sources(workdir):
    make_kim(workdir)
    f = write_sources(workdir / "sumber.yaml", [
        {"name": "Pemkab Bantul", "url": "https://bantulkab.example/feed/", "kind": "berita", "category": "Pemerintahan"},
        {"name": "Bantul TV", "url": "https://www.youtube.com/feeds/videos.xml?channel_id=UCPtYgjmUhBel31iEl2hpChY", "kind": "video"},
        {"name": "Blog Warga", "url": "https://warga.example/feed", "kind": "berita", "kim": "malangan", "id": "blog-warga"},
    ])
    sources, warnings = load_sources(f)
    assert warnings == []
    ids = [s.id for s in sources]
    assert ids == ["pemkab-bantul", "bantul-tv", "blog-warga", "kim-malangan-blog", "kim-malangan-youtube"]
    yt = sources[-1]
    assert yt.url == "https://www.youtube.com/feeds/videos.xml?channel_id=UCm4Lk7QzTa2VbN8yR3wXp1D"
    assert (yt.kind, yt.kim) == ("video", "malangan")
    assert sources[3].kind == "berita" and sources[3].kim == "malangan"
    assert sources[0].category == "Pemerintahan"


@pytest.mark.parametrize("entry,fragments", [
    ({"url": "https://a.example/feed", "kind": "berita"}, ['entri ke-1', 'kolom "name" wajib']),
    ({"name": "A", "url": "ftp://a.example", "kind": "berita"}, ['entri ke-1 ("A")', 'kolom "url"', "https://"]),
    ({"name": "A", "url": "https://a.example", "kind": "news"}, ['kolom "kind"', '"berita" atau "video"']),
    ({"name": "A", "url": "https://a.example", "kind": "vidio"}, ['Mungkin maksudnya "video"']),
    ({"name": "A", "url": "https://a.example", "kind": "berita", "kim": "malangn"}, ['kolom "kim"', 'Mungkin maksudnya "malangan"']),
    ({"name": "A", "url": "https://a.example", "kind": "berita", "category": "pertanian"}, ['kolom "category"', 'Mungkin maksudnya "Pertanian"']),
    ({"name": "A", "url": "https://a.example", "kind": "berita", "kategori": "Budaya"}, ['kolom "kategori" tidak dikenal', 'Mungkin maksudnya "category"']),
    ({"name": "A", "url": "https://a.example", "kind": "berita", "id": "Bukan Slug"}, ['kolom "id"']),
    ("- just text", ["setiap entri harus berisi"]),
])
def test_entry_errors_name_file_entry_field(workdir, entry, fragments):
    make_kim(workdir)
    f = write_sources(workdir / "sumber.yaml", [entry])
    with pytest.raises(SourcesError) as exc:
        load_sources(f)
    message = "\n".join(exc.value.errors)
    assert str(f) in message
    for fragment in fragments:
        assert fragment in message


def test_yaml_syntax_error_names_line(workdir):
    f = workdir / "sumber.yaml"
    f.write_text("- name: A\n  url: https://a.example\n   kind: berita\n", encoding="utf-8")
    with pytest.raises(SourcesError, match=r"sumber\.yaml \(baris \d+\): YAML tidak bisa dibaca"):
        load_sources(f)


def test_missing_file_and_not_a_list(workdir):
    with pytest.raises(SourcesError, match="tidak ditemukan"):
        load_sources(workdir / "tidak-ada.yaml")
    f = workdir / "sumber.yaml"
    f.write_text("name: A\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="daftar"):
        load_sources(f)


def test_duplicate_ids_and_urls(workdir):
    f = write_sources(workdir / "sumber.yaml", [
        {"name": "Pemkab Bantul", "url": "https://a.example/feed", "kind": "berita"},
        {"name": "Pemkab  Bantul!", "url": "https://b.example/feed", "kind": "berita"},
    ])
    with pytest.raises(SourcesError, match='id sumber "pemkab-bantul" sudah dipakai'):
        load_sources(f)
    f = write_sources(workdir / "sumber.yaml", [
        {"name": "A", "url": "https://a.example/feed", "kind": "berita"},
        {"name": "B", "url": "https://a.example/feed", "kind": "berita"},
    ])
    sources, warnings = load_sources(f)
    assert [s.id for s in sources] == ["a"] and "sudah terdaftar" in warnings[0]


def test_bad_kim_profile_is_a_warning_not_fatal(workdir):
    make_kim(workdir, channel="bukan-id-kanal")
    f = write_sources(workdir / "sumber.yaml", [{"name": "A", "url": "https://a.example/feed", "kind": "berita"}])
    sources, warnings = load_sources(f)
    assert [s.id for s in sources] == ["a", "kim-malangan-blog"]
    assert "social.youtube_channel" in warnings[0] and "profil.md" in warnings[0]


def test_empty_file_is_no_sources(workdir):
    f = workdir / "sumber.yaml"
    f.write_text("# belum ada sumber\n", encoding="utf-8")
    assert load_sources(f) == ([], [])
