"""Search plugin (issue 4): Pagefind indexing of a written site, and the search_meta macro."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from lxml import html as lxml_html

from kabarkim import search
from kabarkim.search import SearchIndexError, index_output, index_site, on_finalized
from kabarkim.search.indexer import build_command, parse_summary

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "theme" / "templates"


def page(title, body, *, indexed=True, meta=""):
    attr = " data-pagefind-body" if indexed else ""
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header><nav><a href="/">Beranda</a> menu navigasi petani</nav></header>
<main><article{attr}><h1>{title}</h1><p>{body}</p>{meta}</article></main>
<footer>kaki halaman pertanian</footer></body></html>"""


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "output"
    write(root, "index.html", page("Beranda", "daftar berita", indexed=False))
    write(root, "berita/panen/index.html", page("Panen raya", "Kelompok pertanian Srigading panen padi."))
    write(root, "produk/kipas/index.html", page("Kipas bambu", "Hasil kerajinan warga Malangan."))
    return root


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def test_index_written_once_into_output_pagefind(site, elsewhere):
    result = index_site(site)
    assert result.pages == 2  # the list page has no data-pagefind-body
    assert result.body_marked
    assert result.languages == ["id"]
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert list(site.rglob("pagefind.js")) == [site / "pagefind" / "pagefind.js"]
    assert not (elsewhere / "pagefind").exists()
    assert list(elsewhere.iterdir()) == []
    # only the Indonesian wasm/meta: one language forced
    metas = sorted(p.name for p in (site / "pagefind").glob("pagefind.*.pf_meta"))
    assert len(metas) == 1 and metas[0].startswith("pagefind.id_")


def test_reindex_replaces_old_bundle(site, elsewhere):
    index_site(site)
    stale = site / "pagefind" / "fragment" / "stale_abc.pf_fragment"
    stale.write_bytes(b"old")
    index_site(site)
    assert not stale.exists()


def test_refuses_to_delete_a_folder_that_is_not_a_bundle(site):
    write(site, "pagefind/catatan.txt", "punya orang lain")
    with pytest.raises(SearchIndexError, match="bukan indeks Pagefind"):
        index_site(site)
    assert (site / "pagefind" / "catatan.txt").is_file()


@pytest.mark.parametrize("subdir", ["", "..", "../luar", "/tmp/pagefind", "a/../../b"])
def test_unsafe_subdir_rejected(site, subdir):
    with pytest.raises(SearchIndexError, match="SEARCH_OUTPUT_SUBDIR"):
        index_site(site, subdir=subdir)


def test_custom_subdir(site, elsewhere):
    r = index_site(site, subdir="aset/cari")
    assert (site / "aset" / "cari" / "pagefind.js").is_file()
    assert not (site / "pagefind").exists()
    assert r.bundle == (site / "aset" / "cari").resolve()


def test_failure_raises_with_clear_message(tmp_path):
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(SearchIndexError, match="Pagefind gagal mengindeks") as err:
        index_site(empty)
    assert "SEARCH_INDEX = False" in str(err.value)
    assert err.value.exitcode == 1


def test_missing_site_folder(tmp_path):
    with pytest.raises(SearchIndexError, match="tidak ada"):
        index_site(tmp_path / "tidak-ada")


def test_missing_binary(site, monkeypatch, tmp_path):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "bukan-pagefind"))
    with pytest.raises(SearchIndexError, match="tidak bisa dijalankan"):
        index_site(site)


def test_pagefind_env_does_not_leak(site, elsewhere, monkeypatch):
    # A stray PAGEFIND_OUTPUT_PATH in the environment must not move the bundle.
    monkeypatch.setenv("PAGEFIND_OUTPUT_PATH", str(elsewhere / "salah"))
    index_site(site)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (elsewhere / "salah").exists()


def test_warns_when_no_page_marks_body(tmp_path, elsewhere):
    root = tmp_path / "out"
    write(root, "a/index.html", page("A", "isi", indexed=False))
    r = index_site(root)
    assert not r.body_marked
    assert any("data-pagefind-body" in w for w in r.warnings)


@pytest.mark.parametrize(
    "value,expected",
    [(False, None), ("false", None), ("0", None), ("tidak", None)],
)
def test_setting_turns_indexing_off(site, value, expected):
    assert index_output(site, {"SEARCH_INDEX": value}) is expected
    assert not (site / "pagefind").exists()


def test_on_finalized_uses_pelican_output(site, elsewhere):
    fake = SimpleNamespace(output_path=str(site), settings={"SEARCH_INDEX": True})
    result = on_finalized(fake)
    assert result.pages == 2
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_register_connects_finalized():
    from pelican import signals

    search.register()
    receivers = [r() if callable(r) else r for r in signals.finalized.receivers.values()]
    assert any(getattr(r, "__name__", "") == "on_finalized" for r in receivers)
    signals.finalized.disconnect(search.on_finalized)


def test_build_command_forces_language():
    cmd = build_command(Path("/bin/pagefind"), Path("/out"), subdir="pagefind", language="id")
    assert cmd == [
        "/bin/pagefind", "--site", "/out", "--output-subdir", "pagefind", "--force-language", "id",
    ]


def test_parse_summary():
    out = (
        "Found a data-pagefind-body element on the site.\nDiscovered 1 language: id\n"
        "  Indexed 1 language\n  Indexed 12 pages\n  Indexed 345 words\n"
        "  Indexed 4 filters\n  Indexed 1 sort\n"
    )
    s = parse_summary(out)
    assert s["counts"] == {"language": 1, "page": 12, "word": 345, "filter": 4, "sort": 1}
    assert s["languages"] == ["id"] and s["body_marked"]


# --------------------------------------------------------------------------- macro


@pytest.fixture(scope="module")
def env():
    e = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return e


def render_meta(env, **kwargs):
    tpl = env.from_string(
        '{% from "partials/search_meta.html" import search_meta %}'
        "{{ search_meta(**kw) }}"
    )
    return tpl.render(kw=kwargs)


def spans(markup):
    doc = lxml_html.fragment_fromstring(f"<div>{markup}</div>")
    return doc.findall(".//span")


def test_macro_full(env):
    out = render_meta(
        env,
        jenis="Berita",
        kim=SimpleNamespace(title="KIM Malangan"),
        kapanewon="Sanden",
        kategori=SimpleNamespace(name="Pertanian"),
        date=dt.datetime(2026, 3, 14, 9, 30),
        image="/kim/malangan/gambar/panen.jpg",
        image_alt='Petani "memanen" padi',
    )
    (main,) = spans(out)
    assert main.get("hidden") is not None
    assert main.get("data-pagefind-body") is None
    assert main.get("data-pf-jenis") == "Berita"
    assert main.get("data-pf-kim") == "KIM Malangan"
    assert main.get("data-pf-kapanewon") == "Sanden"
    assert main.get("data-pf-kategori-1") == "Pertanian"
    assert main.get("data-pf-date") == "2026-03-14"
    assert main.get("data-pf-image-alt") == 'Petani "memanen" padi'  # escaped, round-trips
    assert main.get("data-pagefind-filter") == (
        "jenis[data-pf-jenis], kim[data-pf-kim], kapanewon[data-pf-kapanewon], "
        "kategori[data-pf-kategori-1]"
    )
    assert main.get("data-pagefind-sort") == "date[data-pf-date]"
    metas = main.get("data-pagefind-meta")
    assert "image[data-pf-image]" in metas and "tanggal[data-pf-tanggal]" in metas


def test_macro_minimal_and_lists(env):
    out = render_meta(env, jenis="KIM", kategori=["Kuliner", "Kerajinan"])
    (main,) = spans(out)
    assert main.get("data-pf-date") == "0000-00-00"  # sorts last, never dropped
    assert main.get("data-pagefind-filter") == (
        "jenis[data-pf-jenis], kategori[data-pf-kategori-1], kategori[data-pf-kategori-2]"
    )
    assert "data-pf-kim" not in main.attrib
    assert [main.get("data-pf-kategori-1"), main.get("data-pf-kategori-2")] == [
        "Kuliner", "Kerajinan"]


def render_attrs(env, **context):
    tpl = env.from_string('<article {% include "partials/search_meta_attrs.html" %}></article>')
    doc = lxml_html.fragment_fromstring(tpl.render(SITEURL="https://k.example", **context))
    return doc.attrib


def test_attrs_partial_for_story(env):
    story = SimpleNamespace(
        kim_profile=SimpleNamespace(title="KIM Grandis", kapanewon="Imogiri"),
        category=SimpleNamespace(name="Budaya"),
        date=dt.datetime(2026, 4, 30, 8, 0),
        image="kim/grandis/gambar/batik.jpg",
        image_alt="Membatik",
    )
    a = render_attrs(env, article=story, kim=story.kim_profile)
    assert "data-pagefind-body" in a
    assert (a["data-pf-jenis"], a["data-pf-kim"], a["data-pf-kapanewon"]) == (
        "Berita", "KIM Grandis", "Imogiri")
    assert a["data-pf-kategori-1"] == "Budaya"
    assert a["data-pf-image"] == "https://k.example/kim/grandis/gambar/batik.jpg"


def test_attrs_partial_for_kim_profile(env):
    kim = SimpleNamespace(title="KIM Grandis", kapanewon="Imogiri", image=None)
    a = render_attrs(env, kim=kim)
    assert a["data-pf-jenis"] == "KIM" and a["data-pf-kim"] == "KIM Grandis"
    assert a["data-pf-date"] == "0000-00-00"


def test_attrs_partial_for_any_type_via_search_dict(env):
    a = render_attrs(env, search={"jenis": "Video", "kim": "KIM Malangan", "date": "2026-01-02",
                                  "kategori": "Budaya"})
    assert a["data-pf-jenis"] == "Video" and a["data-pf-date"] == "2026-01-02"
    assert "kategori[data-pf-kategori-1]" in a["data-pagefind-filter"]


def test_attrs_partial_without_context_marks_body_only(env):
    assert dict(render_attrs(env)) == {"data-pagefind-body": ""}


def test_macro_output_is_indexed_as_filters_and_sort(env, tmp_path, elsewhere):
    root = tmp_path / "out"
    for i, (jenis, kim, kat) in enumerate(
        [("Berita", "KIM Malangan", "Pertanian"), ("Produk", "KIM Grandis, Imogiri", "Kerajinan")]
    ):
        meta = render_meta(env, jenis=jenis, kim=kim, kapanewon="Sanden",
                           kategori=[kat, "Lainnya"], date=f"2026-0{i + 1}-01")
        write(root, f"p{i}/index.html", page(f"Hal {i}", "batik tulis", meta=meta))
    r = index_site(root)
    assert r.pages == 2
    assert r.filters == 4  # jenis, kim, kapanewon, kategori
    assert r.sorts == 1
