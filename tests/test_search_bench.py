"""Smoke test of bench/search_bench.py on a tiny synthetic site (the full run is manual)."""

import importlib.util
import json
from pathlib import Path

from lxml import html as lxml_html

from kabarkim.search import index_site

ROOT = Path(__file__).resolve().parents[1]


def load_bench():
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search_bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_synthetic_site_uses_theme_attributes_and_indexes(tmp_path, monkeypatch):
    bench = load_bench()
    out = tmp_path / "site"
    out.mkdir()
    docs = bench.generate_site(out, 60)
    assert len(docs) == 60
    assert {d["jenis"] for d in docs} == {"Berita", "Produk", "Kabar"}
    assert len({d["kim"] for d in docs}) == 44
    page = next((out / "produk").glob("*/index.html"))
    article = lxml_html.parse(str(page)).find(".//article")
    assert "data-pagefind-body" in article.attrib
    assert article.get("data-pf-jenis") == "Produk"
    assert article.get("data-pagefind-sort") == "date[data-pf-date]"
    assert (out / "cari" / "index.html").is_file() and (out / "tema" / "js" / "cari.js").is_file()

    monkeypatch.chdir(tmp_path)
    r = index_site(out)
    assert r.pages == 60 and r.filters == 4 and r.sorts == 1

    whole = json.loads(bench.whole_index(docs))
    assert len(whole["docs"]) == 60
    assert all(isinstance(p, list) and p for p in whole["index"].values())
