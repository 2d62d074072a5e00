#!/usr/bin/env python3
"""Search benchmark (issue 4): Pagefind on a synthetic 20,000-page Kabar KIM site.

    .venv/bin/python bench/search_bench.py                 # 20,000 pages, 3 index runs
    .venv/bin/python bench/search_bench.py --pages 2000 --runs 1 --json out.json

What it does
1. Generates a synthetic site straight as HTML (not through Pelican: 20,000 Pelican
   pages take minutes and would measure Pelican, not search). Stories (berita), products
   (produk) and imported news (kabar) across 44 KIMs in the official kapanewon/kalurahan,
   with Indonesian-ish text full of affixed words. Every page has header/nav/footer and
   an <article> whose search attributes (data-pagefind-body, filters, sort, meta) are
   rendered by the theme's own macro (search_attrs in partials/search_meta.html).
   List pages (no data-pagefind-body) are added too, as on the real site.
2. Indexes it with the search plugin's `index_site` (Pagefind CLI from the pagefind_bin
   wheel, --force-language id) `--runs` times; reports the median.
3. In Chromium (Playwright, /usr/bin/chromium) opens a search page using Pagefind's
   Default UI, types a first query and then a second one, and sums the bytes of every
   /pagefind/ response (fresh browser context = empty cache, per query pair); reports
   medians over the query pairs, and the time from input to first result (also under an
   emulated slow public-wifi link).
4. Builds a whole-index alternative (lunr-style: one JSON inverted index + document
   store, what a browser must download before its first search) and reports its size
   raw and gzipped.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from kabarkim.search.indexer import index_site  # noqa: E402

WILAYAH = ROOT / "plugins" / "kabarkim" / "data" / "bantul_wilayah.csv"
TEMPLATES = ROOT / "theme" / "templates"

# ---------------------------------------------------------------- vocabulary

STORY_CATS = ["Berita", "Ekonomi", "Pertanian", "Wisata", "Budaya", "Kesehatan", "Pendidikan",
              "Pemerintahan"]
PRODUCT_CATS = ["Kuliner", "Kerajinan", "Batik & Fesyen", "Pertanian", "Peternakan",
                "Perikanan", "Wisata", "Jasa", "Lainnya"]
TOPICS = {
    "Pertanian": ["petani", "pertanian", "bertani", "sawah", "padi", "panen", "pupuk", "irigasi",
                  "gabah", "bibit", "hama", "lumbung", "kelompok tani", "penyuluhan"],
    "Kerajinan": ["pengrajin", "kerajinan", "anyaman", "bambu", "gerabah", "tatah sungging",
                  "kulit", "mengrajin", "perajin", "ukiran", "topeng kayu"],
    "Batik & Fesyen": ["batik", "batik tulis", "pembatik", "membatik", "canting", "malam",
                       "pewarna alam", "motif", "kain", "Imogiri", "Giriloyo", "Wukirsari"],
    "Kuliner": ["keripik", "tempe", "geplak", "apem", "jadah", "wedang uwuh", "emping",
                "olahan", "makanan", "resep", "dapur", "UMKM"],
    "Ekonomi": ["penjualan", "dijual", "menjual", "pembeli", "pasar", "harga", "pemasaran",
                "koperasi", "modal", "usaha", "pelaku usaha", "Bantul Online Shop"],
    "Wisata": ["wisata", "pantai", "pengunjung", "desa wisata", "homestay", "kuliner",
               "pemandu", "Parangtritis", "Goa Cerme", "Mangunan"],
    "Budaya": ["budaya", "kesenian", "jathilan", "wayang", "gamelan", "merti dusun", "upacara",
               "tradisi", "sendratari", "karawitan"],
    "Kesehatan": ["posyandu", "kesehatan", "balita", "stunting", "puskesmas", "imunisasi",
                  "lansia", "gizi", "kader", "pemeriksaan"],
    "Pendidikan": ["sekolah", "pelatihan", "belajar", "pendidikan", "literasi", "perpustakaan",
                   "murid", "guru", "kursus", "pelajaran"],
    "Pemerintahan": ["kalurahan", "lurah", "musyawarah", "anggaran", "dana desa", "pembangunan",
                     "pelayanan", "warga", "padukuhan", "rapat"],
}
FILLER = ("warga bersama pengurus kegiatan kelompok kampung hasil tahun bulan minggu hari "
          "pagi sore kemarin rencana program dukungan pemerintah kabupaten masyarakat "
          "sekitar banyak baru lama sudah akan sedang mulai terus lebih juga karena untuk "
          "dengan dari dalam pada oleh kepada tentang agar supaya sehingga namun tetapi").split()
SYLLABLES = ("ba be bi bo bu da di do du ga gi go gu ha ja jo ju ka ke ki ko ku la li lo lu "
             "ma mi mo mu na ni no nu nga ngi ngu nya pa pe pi po pu ra ri ro ru sa si so su "
             "ta ti to tu wa wi wo ya yo har man tan sar gan rah jar win pra sri").split()


def lexicon(rng: random.Random, size: int = 40_000) -> list[str]:
    """Pseudo-Indonesian words (names, places, rarer words): a realistic vocabulary size."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


VERBS = ["menggelar", "mengadakan", "melaksanakan", "memamerkan", "memperkenalkan",
         "mengembangkan", "menyiapkan", "membahas", "mendukung", "meresmikan"]


def load_wilayah():
    with WILAYAH.open(encoding="utf-8") as f:
        return [(r["kapanewon"], r["kalurahan"]) for r in csv.DictReader(f)]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class TextGen:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lex = lexicon(rng)
        # Zipf-like: a few pseudo-words are common, most are rare.
        self.cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.lex))))

    def rare(self, k: int) -> list[str]:
        return self.rng.choices(self.lex, cum_weights=self.cum, k=k)

    def sentence(self, topic: str, place: str) -> str:
        r = self.rng
        words = r.sample(TOPICS[topic], k=min(3, len(TOPICS[topic])))
        filler = r.sample(FILLER, k=r.randint(3, 7)) + self.rare(r.randint(2, 4))
        r.shuffle(filler)
        parts = [f"{r.choice(['Warga', 'Pengurus', 'Kelompok', 'KIM', 'Ibu-ibu', 'Pemuda'])} "
                 f"{place} {r.choice(VERBS)} {words[0]}"] + filler[:4] + [words[1]] + \
            filler[4:] + [words[2]]
        return " ".join(parts) + "."

    def paragraphs(self, topic: str, place: str, n_words: int) -> list[str]:
        paras, count = [], 0
        while count < n_words:
            para = " ".join(self.sentence(topic if self.rng.random() < 0.8 else
                                          self.rng.choice(list(TOPICS)), place)
                            for _ in range(self.rng.randint(3, 5)))
            paras.append(para)
            count += len(para.split())
        return paras


# ---------------------------------------------------------------- site generation

PAGE = """<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Kabar KIM Bantul</title>
<meta name="description" content="{summary}">
<link rel="stylesheet" href="/tema/css/site.css">
</head>
<body>
<a class="skip-link" href="#isi">Langsung ke isi</a>
<header class="site-header"><div class="wrap header-bar"><a class="brand" href="/">Kabar KIM Bantul</a>
<form class="search-form" role="search" action="/cari/" method="get"><label for="q">Cari</label>
<input id="q" type="search" name="q"><button type="submit">Cari</button></form></div>
<nav class="site-nav" aria-label="Menu utama"><ul class="wrap"><li><a href="/">Beranda</a></li>
<li><a href="/arsip/">Berita</a></li><li><a href="/kim/">Direktori KIM</a></li>
<li><a href="/produk/">Produk</a></li><li><a href="/kabar/">Kabar</a></li></ul></nav></header>
<main id="isi" tabindex="-1">
<article class="{kind}" {search_attrs}>
<p class="kicker">{kategori}</p>
<h1>{title}</h1>
<p class="meta">{kim} · {kapanewon} · <time datetime="{date}">{date}</time></p>
<img src="{image}" alt="{title}" width="800" height="600" loading="lazy">
{body}
<aside data-pagefind-ignore><p>Bagikan ke WhatsApp</p></aside>
</article>
</main>
<footer class="site-footer"><div class="wrap"><p>Kabar KIM Bantul — dari 44 KIM se-Kabupaten
Bantul. Pertanian, kerajinan, batik, dan penjualan produk warga.</p>
<p><a href="/tentang/">Tentang</a> · <a href="/langganan/">Langganan</a></p></div></footer>
</body>
</html>
"""

LIST_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1><ul>{items}</ul></main></body></html>
"""

SEARCH_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cari · Kabar KIM Bantul</title>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
</head><body><header><form action="/cari/"><input id="cari-header" name="q"></form></header>
<main><h1>Cari</h1>
<div id="cari-urut-wrap" hidden><select id="cari-urut"><option value="">Paling sesuai</option>
<option value="terbaru">Terbaru</option></select></div>
<div id="cari" class="cari-ui" data-bundle="/pagefind/"></div>
<div id="cari-kosong" hidden><strong id="cari-kosong-kata"></strong></div>
<div id="cari-gagal" hidden></div></main>
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/tema/js/cari.js"></script>
</body></html>
"""


def search_attrs_macro():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template("partials/search_meta.html").module.search_attrs


def generate_site(out: Path, n_pages: int, seed: int = 4) -> list[dict]:
    """Write the synthetic site into `out`; return the documents (for the JSON index)."""
    rng = random.Random(seed)
    gen = TextGen(rng)
    search_attrs = search_attrs_macro()
    wilayah = load_wilayah()
    kims = []
    for kapanewon, kalurahan in rng.sample(wilayah, 44):
        kims.append({"name": f"KIM {kalurahan}", "slug": slugify(kalurahan),
                     "kapanewon": kapanewon, "kalurahan": kalurahan})
    # Make sure the Imogiri batik makers exist (the "batik imogiri" query).
    for k in kims:
        if k["kapanewon"] == "Imogiri":
            break
    else:
        kims[0].update(kapanewon="Imogiri", kalurahan="Wukirsari", name="KIM Wukirsari",
                       slug="wukirsari")

    kinds = [("berita", "Berita", 0.5), ("produk", "Produk", 0.25), ("kabar", "Kabar", 0.25)]
    docs: list[dict] = []
    seen = Counter()
    for i in range(n_pages):
        x = (i + 0.5) / n_pages
        acc = 0.0
        for folder, jenis, share in kinds:
            acc += share
            if x < acc:
                break
        kim = kims[i % 44]
        if folder == "produk":
            kategori = rng.choice(PRODUCT_CATS)
            topic = kategori if kategori in TOPICS else rng.choice(["Kerajinan", "Kuliner", "Ekonomi"])
            if kim["kapanewon"] == "Imogiri" and rng.random() < 0.5:
                kategori, topic = "Batik & Fesyen", "Batik & Fesyen"
            title = f"{rng.choice(TOPICS[topic]).capitalize()} {rng.choice(['asli', 'khas', 'buatan', 'olahan'])} {kim['kalurahan']}"
        else:
            kategori = rng.choice(STORY_CATS)
            topic = kategori if kategori in TOPICS else rng.choice(list(TOPICS))
            title = (f"{rng.choice(VERBS).capitalize()} {rng.choice(TOPICS[topic])} "
                     f"di {kim['kalurahan']} {rng.choice(['bersama warga', 'tahun ini', 'pekan lalu', 'secara gotong royong'])}")
        date = f"20{rng.randint(22, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        base = slugify(title)[:60]
        seen[base] += 1
        slug = f"{base}-{seen[base]}" if seen[base] > 1 else base
        url = f"/{folder}/{slug}/"
        image = f"/kim/{kim['slug']}/gambar/{slug}-640.jpg"
        paras = gen.paragraphs(topic, kim["kalurahan"], rng.randint(180, 420))
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        summary = paras[0][:150]
        attrs = str(search_attrs(jenis, kim=kim["name"], kapanewon=kim["kapanewon"],
                               kategori=kategori, date=date, image=image, image_alt=title))
        html = PAGE.format(title=title, summary=summary, kind=folder, kategori=kategori,
                           kim=kim["name"], kapanewon=kim["kapanewon"], date=date, image=image,
                           body=body, search_attrs=attrs)
        path = out / folder / slug / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        docs.append({"url": url, "title": title, "jenis": jenis, "kim": kim["name"],
                     "kapanewon": kim["kapanewon"], "kategori": kategori, "date": date,
                     "text": " ".join(paras)})

    # Lists (not indexed: no data-pagefind-body), like the real site's archive pages.
    per_page = 24
    for folder, _, _ in kinds:
        items = [d for d in docs if d["url"].startswith(f"/{folder}/")]
        for p in range(0, len(items), per_page):
            n = p // per_page + 1
            rel = f"{folder}/index.html" if n == 1 else f"{folder}/page/{n}/index.html"
            lis = "".join(f'<li><a href="{d["url"]}">{d["title"]}</a></li>'
                          for d in items[p:p + per_page])
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_text(LIST_PAGE.format(title=folder.capitalize(), items=lis),
                                   encoding="utf-8")
    (out / "index.html").write_text(LIST_PAGE.format(title="Kabar KIM Bantul", items=""),
                                    encoding="utf-8")
    (out / "cari").mkdir(exist_ok=True)
    (out / "cari" / "index.html").write_text(SEARCH_PAGE, encoding="utf-8")
    # the real page script, so the benchmark measures what readers run
    (out / "tema" / "js").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "theme" / "static" / "js" / "cari.js", out / "tema" / "js" / "cari.js")
    return docs


# ---------------------------------------------------------------- whole-index alternative

TOKEN = re.compile(r"[a-z0-9]+")


def whole_index(docs: list[dict]) -> bytes:
    """A lunr-style single JSON: inverted index (term -> [[doc, tf], ...]) + doc store.

    No stemming and no positions: a lower bound for what lunr/elasticlunr would ship.
    """
    postings: dict[str, list] = defaultdict(list)
    store = []
    for i, d in enumerate(docs):
        store.append([d["url"], d["title"], d["jenis"], d["kim"], d["kapanewon"],
                      d["kategori"], d["date"]])
        tf = Counter(TOKEN.findall((d["title"] + " " + d["text"]).lower()))
        for term, n in tf.items():
            postings[term].append([i, n])
    return json.dumps({"docs": store, "index": postings}, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


# ---------------------------------------------------------------- sizes

def folder_bytes(path: Path, exclude: Path | None = None) -> tuple[int, int]:
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and not (exclude and exclude in p.parents):
            total += p.stat().st_size
            files += 1
    return total, files


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


# ---------------------------------------------------------------- browser measurement

QUERY_PAIRS = [
    ("batik imogiri", "pengrajin bambu"),
    ("petani padi", "penjualan keripik"),
    ("posyandu balita", "wisata pantai"),
    ("dijual", "gamelan"),
    ("kerajinan gerabah", "dana desa"),
]

SLOW_WIFI = {"offline": False, "latency": 150, "downloadThroughput": 1_000_000 / 8,
             "uploadThroughput": 500_000 / 8}  # 1 Mbit/s down, 150 ms RTT


TYPING_DELAY_MS = 80  # a quick thumb on a phone keyboard


def measure_browser(site: Path, pairs=QUERY_PAIRS) -> dict:
    from browserkit import StaticSite, chromium_available, launch_chromium
    from playwright.sync_api import sync_playwright

    if not chromium_available():
        return {"skipped": "chromium tidak ditemukan di /usr/bin/chromium"}
    with StaticSite(site) as server, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            typed = [_typing_session(browser, server, a, b, None) for a, b in pairs]
            typed_slow = [_typing_session(browser, server, a, b, SLOW_WIFI) for a, b in pairs[:3]]
            linked = [_shared_link(browser, server, a, None) for a, _ in pairs]
            linked_slow = [_shared_link(browser, server, a, SLOW_WIFI) for a, _ in pairs[:3]]
        finally:
            browser.close()

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    return {
        "typing": typed, "typing_slow_wifi": typed_slow,
        "shared_link": linked, "shared_link_slow_wifi": linked_slow,
        "median": {
            "page_load_bytes": med(typed, "page_load_bytes"),
            "first_bytes": med(typed, "first_bytes"),
            "first_bytes_gzip": med(typed, "first_bytes_gzip"),
            "first_index_bytes": med(typed, "first_index_bytes"),
            "second_bytes": med(typed, "second_bytes"),
            "second_index_bytes": med(typed, "second_index_bytes"),
            "first_keystroke_to_results_ms": med(typed, "first_keystroke_to_results_ms"),
            "last_keystroke_to_final_ms": med(typed, "last_keystroke_to_final_ms"),
            "second_last_keystroke_to_final_ms": med(typed, "second_last_keystroke_to_final_ms"),
            "slow_first_keystroke_to_results_ms": med(typed_slow, "first_keystroke_to_results_ms"),
            "slow_last_keystroke_to_final_ms": med(typed_slow, "last_keystroke_to_final_ms"),
            "link_ms": med(linked, "link_ms"), "link_bytes": med(linked, "bytes"),
            "slow_link_ms": med(linked_slow, "link_ms"),
        },
    }


def _is_index_file(url: str) -> bool:
    return url.endswith((".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind",
                         "pagefind-entry.json"))


def _context(browser, throttle):
    from browserkit import block_external_requests

    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    block_external_requests(ctx)
    page = ctx.new_page()
    if throttle:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", throttle)
    got: list[tuple[str, int, int]] = []

    def on_response(resp):
        if "/pagefind/" not in resp.url:
            return
        try:
            body = resp.body()
        except Exception:  # noqa: BLE001 - redirects etc.
            return
        compressed = len(body) if _is_index_file(resp.url) else gz(body)
        got.append((resp.url, len(body), compressed))

    page.on("response", on_response)
    # performance.now() when the first result link (re)appears after window.__t0
    page.add_init_script("""
        window.__firstResult = null;
        new MutationObserver(() => {
            if (window.__t0 && window.__firstResult === null &&
                document.querySelector('.pagefind-ui__result-link')) {
                window.__firstResult = performance.now();
            }
        }).observe(document, {childList: true, subtree: true});
    """)
    return ctx, page, got


FINAL = """(q) => {
    const m = document.querySelector('.pagefind-ui__message');
    if (!m || !m.textContent.includes(q) || /Mencari/.test(m.textContent)) return false;
    const items = document.querySelectorAll('.pagefind-ui__result').length;
    return items > 0 && document.querySelectorAll('.pagefind-ui__result-link').length === items;
}"""


def _type_and_wait(page, q: str) -> tuple[float, float]:
    page.evaluate("() => { window.__firstResult = null; window.__t0 = performance.now(); }")
    box = page.locator(".pagefind-ui__search-input")
    box.fill("")
    box.press_sequentially(q, delay=TYPING_DELAY_MS)
    t_last = page.evaluate("() => performance.now()")
    page.wait_for_function(FINAL, arg=q, polling=50, timeout=120_000)
    t_final = page.evaluate("() => performance.now()")
    t0, t_first = page.evaluate("() => [window.__t0, window.__firstResult]")
    page.wait_for_load_state("networkidle")
    return (t_first or t_final) - t0, t_final - t_last


def _typing_session(browser, server, first: str, second: str, throttle) -> dict:
    """Open /cari/ (the box is focused, which starts loading Pagefind), read for 1.5 s,
    type the first query, then the second one."""
    ctx, page, got = _context(browser, throttle)
    page.goto(server.url("/cari/"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    n0 = len(got)
    page_load = sum(b for _, b, _ in got)
    first_any, first_final = _type_and_wait(page, first)
    n1 = len(got)
    second_any, second_final = _type_and_wait(page, second)
    ctx.close()
    one, two = got[:n1], got[n1:]
    return {
        "first": first, "second": second,
        "page_load_bytes": page_load, "page_load_requests": n0,
        "first_keystroke_to_results_ms": round(first_any),
        "last_keystroke_to_final_ms": round(first_final),
        "second_last_keystroke_to_final_ms": round(second_final),
        "first_requests": n1, "first_bytes": sum(b for _, b, _ in one),
        "first_bytes_gzip": sum(c for _, _, c in one),
        "first_index_bytes": sum(b for u, b, _ in one if _is_index_file(u)),
        "second_requests": len(two), "second_bytes": sum(b for _, b, _ in two),
        "second_index_bytes": sum(b for u, b, _ in two if _is_index_file(u)),
        "first_files": _by_kind(one),
    }


def _by_kind(rows) -> dict:
    kinds: dict[str, int] = Counter()
    for url, b, _ in rows:
        name = url.rsplit("/", 1)[-1]
        kind = name.rsplit(".", 1)[-1] if "." in name else name
        if name.startswith("pagefind") and kind == "js":
            kind = name
        kinds[kind] += b
    return dict(kinds)


def _shared_link(browser, server, q: str, throttle) -> dict:
    """Open /cari/?q=… cold: from navigation start to the final results."""
    ctx, page, got = _context(browser, throttle)
    page.goto(server.url("/cari/?q=" + q.replace(" ", "+")), wait_until="commit")
    page.wait_for_function(FINAL, arg=q, polling=50, timeout=120_000)
    ms = page.evaluate("() => performance.now()")
    page.wait_for_load_state("networkidle")
    ctx.close()
    return {"q": q, "link_ms": round(ms), "bytes": sum(b for _, b, _ in got)}


# ---------------------------------------------------------------- main

def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3, help="index runs (median reported)")
    ap.add_argument("--out", type=Path, help="site folder (default: a temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the generated site")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="kabarkim-search-bench-"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    res: dict = {"pages": args.pages}
    try:
        t = time.perf_counter()
        docs = generate_site(out, args.pages)
        res["generate_s"] = round(time.perf_counter() - t, 1)
        site_bytes, site_files = folder_bytes(out)
        res.update(site_bytes=site_bytes, site_files=site_files)
        print(f"generated {args.pages:,} content pages ({site_files:,} files, {kb(site_bytes)}) "
              f"in {res['generate_s']} s -> {out}", flush=True)

        times = []
        for i in range(args.runs):
            r = index_site(out)
            times.append(r.seconds)
            print(f"index run {i + 1}: {r.seconds:.1f} s, {r.pages:,} pages, {r.words:,} words, "
                  f"{r.filters} filters", flush=True)
        res.update(index_s_runs=[round(x, 2) for x in times],
                   index_s_median=round(statistics.median(times), 2),
                   indexed_pages=r.pages, indexed_words=r.words)
        bundle_bytes, bundle_files = folder_bytes(out / "pagefind")
        res.update(bundle_bytes=bundle_bytes, bundle_files=bundle_files)

        t = time.perf_counter()
        whole = whole_index(docs)
        res.update(whole_index_s=round(time.perf_counter() - t, 2), whole_index_bytes=len(whole),
                   whole_index_gzip=gz(whole))

        if not args.no_browser:
            res["browser"] = measure_browser(out)
    finally:
        if args.json:
            args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
        if not args.keep and not args.out:
            shutil.rmtree(out, ignore_errors=True)

    print()
    print(f"site: {args.pages:,} pages, {kb(res['site_bytes'])} HTML ({res['site_files']:,} files)")
    print(f"pagefind index: median {res['index_s_median']} s over {args.runs} run(s) "
          f"{res['index_s_runs']}; bundle {kb(res['bundle_bytes'])} in {res['bundle_files']:,} files")
    b = res.get("browser", {})
    m = b.get("median")
    if m:
        print(f"/cari/ opened (Pagefind preloads before the first keystroke): {kb(m['page_load_bytes'])} from /pagefind/")
        print(f"first query : {kb(m['first_bytes'])} from /pagefind/ in total incl. that preload "
              f"(~{kb(m['first_bytes_gzip'])} with gzip on JS/CSS; index files "
              f"{kb(m['first_index_bytes'])}); results {m['first_keystroke_to_results_ms']:.0f} ms "
              f"after the first keystroke, final {m['last_keystroke_to_final_ms']:.0f} ms after the "
              f"last (slow wifi: {m['slow_first_keystroke_to_results_ms']:.0f} / "
              f"{m['slow_last_keystroke_to_final_ms']:.0f} ms)")
        print(f"second query: {kb(m['second_bytes'])} more (index files "
              f"{kb(m['second_index_bytes'])}), final {m['second_last_keystroke_to_final_ms']:.0f} ms "
              f"after the last keystroke")
        print(f"shared link /cari/?q=…: {m['link_ms']:.0f} ms to results, {kb(m['link_bytes'])} "
              f"(slow wifi {m['slow_link_ms']:.0f} ms)")
    elif b:
        print(f"browser: {b}")
    print(f"whole-index JSON (lunr-style): {kb(res['whole_index_bytes'])} raw, "
          f"{kb(res['whole_index_gzip'])} gzipped — all of it before the first result")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
