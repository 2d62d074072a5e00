#!/usr/bin/env python3
"""Build benchmark: Kabar KIM against stock Pelican on the same synthetic stories.

    .venv/bin/python bench/build_bench.py --stories 500 --runs 5
    .venv/bin/python bench/build_bench.py --stories 2000 --runs 3 --json bench/results/build-2000.json
    .venv/bin/python bench/build_bench.py --stories 500 --runs 5 --kabar sample --keep /tmp/bb

What it does
1. Generates a synthetic content tree in a temporary folder: N stories spread over 44 KIMs,
   each KIM with a valid profile (a distinct kalurahan and its kapanewon from
   plugins/kabarkim/data/bantul_wilayah.csv), Indonesian-ish text of realistic length
   (180-420 words, 4-9 paragraphs, sometimes a list; the sample stories have 239-323
   words), 3-5 tags from a pool of ~80, dates spread over two years, YAML front matter
   exactly as content/kim/<kim>/berita/*.md and profil.md use it. NO photos: the photo
   pipeline (bench/images_bench.py) would dominate and stock Pelican does none of it.
   Three site pages (tentang, kontak, panduan-menulis) are added to both sites.
2. Writes the SAME stories as plain Pelican Markdown (`Title:`/`Date:`/`Category:`/`Tags:`/
   `Summary:` metadata lines, one folder per KIM) plus the 44 profiles as pages, for stock
   Pelican with a minimal settings file: default theme (notmyidea), no plugins, feeds on
   (all/category/tag, Atom and RSS, FEED_MAX_ITEMS 50 as Kabar KIM), same pagination (12),
   default URLs, LOAD_CONTENT_CACHE off.
3. Kabar KIM is built with a small settings file that imports the repo's pelicanconf.py
   and sets PATH to the synthetic tree, LOAD_CONTENT_CACHE off (as in pelicanconf),
   KABAR_ARCHIVE to an empty folder (default; `--kabar sample` uses the committed archive
   in content/kabar instead, i.e. adds the imported news/videos stock Pelican does not
   have), IMAGES_CACHE_DIR in the temp folder, and SEARCH_INDEX off or on: both are
   timed, since the Pagefind index is extra work stock Pelican does not do.
4. Runs every configuration `--runs` times in subprocesses
   (`.venv/bin/pelican <content> -s <settings> -o <out>`), alternating them and rotating
   the order each round; the output folder is removed (untimed) before each build.
   Reports median / min / max wall time, the median CPU time of the child process
   (user+sys, steadier than wall time on a shared machine), pages (.html) and files
   written, and the ratio Kabar KIM / stock Pelican of the medians.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
PELICAN = VENV_BIN / "pelican"
WILAYAH = ROOT / "plugins" / "kabarkim" / "data" / "bantul_wilayah.csv"

CATEGORIES = ["Berita", "Ekonomi", "Pertanian", "Wisata", "Budaya", "Kesehatan", "Pendidikan",
              "Pemerintahan"]

# ---------------------------------------------------------------- vocabulary

KIM_WORDS = ["Sekar", "Arum", "Rukun", "Makmur", "Sejahtera", "Mulyo", "Lestari", "Maju", "Guyup",
             "Tunas", "Harapan", "Mekar", "Sari", "Jaya", "Karya", "Mandiri", "Sentosa", "Tirta",
             "Wening", "Asri", "Budi", "Luhur", "Ngudi", "Santosa", "Gemah", "Ripah", "Adem",
             "Ayem", "Manunggal", "Srikandi", "Cahya", "Kencana", "Bakti", "Dharma", "Widya"]
FIRST_NAMES = ["Siti", "Sri", "Suparno", "Heru", "Retno", "Wahyu", "Dwi", "Tri", "Agus", "Budi",
               "Endang", "Sutrisno", "Lestari", "Rina", "Yuli", "Bambang", "Anik", "Joko", "Ratna",
               "Fajar", "Nur", "Puji", "Slamet", "Tutik", "Eko", "Wulan", "Rahmat", "Sumarni"]
LAST_NAMES = ["Rahayu", "Hadi", "Santoso", "Wibowo", "Lestari", "Prasetyo", "Handayani",
              "Susanto", "Wahyuni", "Utomo", "Purnomo", "Setiawati", "Nugroho", "Kurniawan"]
TAGS = ["padi", "panen", "petani", "bawang merah", "cabai", "irigasi", "pupuk", "kelompok tani",
        "umkm", "batik", "gerabah", "kerajinan", "kuliner", "bakpia", "pasar", "koperasi",
        "posyandu", "lansia", "balita", "stunting", "kesehatan", "puskesmas", "demam berdarah",
        "sekolah", "paud", "literasi", "taman baca", "beasiswa", "remaja", "karang taruna",
        "pkk", "gotong royong", "bersih desa", "sampah", "bank sampah", "mangrove", "pantai",
        "wisata", "homestay", "festival", "jathilan", "wayang", "karawitan", "merti dusun",
        "musyawarah", "anggaran", "kalurahan", "pembangunan", "jalan", "talud", "lampu jalan",
        "adminduk", "ktp elektronik", "layanan publik", "bantuan sosial", "blt", "internet",
        "wifi", "literasi digital", "pelatihan", "ibu-ibu", "pemuda", "olahraga", "voli",
        "sepak bola", "banjir", "kekeringan", "gempa", "siaga bencana", "ternak", "sapi",
        "kambing", "ikan", "lele", "perikanan", "madu", "tanaman obat", "jamu", "pupuk organik",
        "pariwisata"]
SUBJECTS = ["Warga padukuhan", "Kelompok tani", "Ibu-ibu PKK", "Pemuda karang taruna",
            "Pengurus KIM", "Para kader posyandu", "Perangkat kalurahan", "Pelaku UMKM",
            "Anggota kelompok wanita tani", "Pengelola desa wisata", "Siswa sekolah dasar",
            "Relawan tanggap bencana", "Para lansia", "Kelompok pembudidaya ikan"]
VERBS = ["menggelar", "mengikuti", "menyiapkan", "membahas", "melaksanakan", "mengadakan",
         "menyelesaikan", "memulai", "meresmikan", "mendampingi", "merencanakan", "mengecek"]
OBJECTS = ["kerja bakti membersihkan saluran irigasi", "pelatihan pengemasan produk olahan",
           "pemeriksaan kesehatan gratis", "musyawarah rencana pembangunan", "panen raya",
           "penanaman bibit mangrove di muara", "lomba kebersihan antarpadukuhan",
           "sosialisasi pencegahan demam berdarah", "pasar murah menjelang hari raya",
           "kelas literasi digital untuk orang tua", "latihan karawitan anak-anak",
           "pembagian bibit cabai dan terong", "pengukuran tinggi dan berat badan balita",
           "pembuatan pupuk organik dari limbah dapur", "festival kuliner tradisional",
           "pelatihan foto produk dengan ponsel", "simulasi evakuasi gempa"]
PLACES = ["di Balai Padukuhan", "di lapangan kalurahan", "di pendapa kalurahan", "di rumah Pak Dukuh",
          "di bulak sawah selatan", "di gedung PAUD", "di pos ronda", "di tepi sungai",
          "di halaman masjid", "di balai warga", "di kawasan pantai", "di pasar kalurahan"]
TIMES = ["Minggu pagi", "Sabtu sore", "Selasa malam", "Kamis siang", "Jumat pagi", "Rabu sore",
         "Senin pagi", "akhir pekan lalu", "awal bulan ini", "pekan lalu"]
SENTENCES = [
    "Kegiatan ini diikuti sekitar {n} orang dari berbagai RT.",
    "\"Kami berharap kegiatan seperti ini bisa rutin setiap bulan,\" kata {name}, salah satu panitia.",
    "Menurut {name}, antusiasme warga tahun ini jauh lebih tinggi dibanding tahun sebelumnya.",
    "Dana kegiatan berasal dari swadaya warga dan sebagian dari anggaran kalurahan.",
    "Panitia menyiapkan konsumsi sederhana berupa teh hangat, pisang rebus, dan jadah tempe.",
    "Beberapa warga mengusulkan agar kegiatan berikutnya melibatkan lebih banyak anak muda.",
    "Hasilnya akan dilaporkan dalam pertemuan rutin padukuhan bulan depan.",
    "Cuaca yang cerah membuat acara berjalan lancar hingga selesai menjelang siang.",
    "Pendamping dari dinas terkait memberikan penjelasan singkat dan menjawab pertanyaan warga.",
    "Harga di tingkat petani saat ini berkisar Rp{n}.000 per kilogram, sedikit naik dari bulan lalu.",
    "Warga yang belum sempat hadir dapat menghubungi pengurus KIM lewat WhatsApp.",
    "Kegiatan ditutup dengan doa bersama dan foto bersama di depan balai.",
    "\"Yang penting semua bisa ikut merasakan manfaatnya,\" ujar {name} sambil tersenyum.",
    "Tahun depan panitia menargetkan jumlah peserta naik menjadi {n} orang.",
    "Sebagian peserta mengaku baru pertama kali mengikuti kegiatan serupa.",
    "Setelah acara, pengurus membagikan lembar informasi berisi jadwal kegiatan berikutnya.",
    "Kendala yang masih dihadapi antara lain keterbatasan alat dan tempat penyimpanan.",
    "Pemerintah kalurahan menyatakan siap mendukung kelanjutan program ini.",
    "Anak-anak tampak gembira mengikuti lomba yang disiapkan karang taruna.",
    "Informasi lengkap akan diumumkan di papan informasi padukuhan dan kanal KIM.",
]
LIST_ITEMS = ["perbaikan saluran air di bulak selatan", "penambahan lampu penerangan jalan",
              "pelatihan pengolahan hasil pertanian", "perbaikan atap gedung PAUD",
              "penambahan tempat sampah terpilah", "pengadaan alat pengering gabah",
              "pendampingan pemasaran daring", "pemeriksaan kesehatan rutin lansia",
              "pembuatan papan nama padukuhan", "pengecatan ulang pos ronda"]
TITLE_FORMS = [
    "{subject} {place_name} {verb} {obj}",
    "{obj_cap} di {place_name} Diikuti Ratusan Warga",
    "{place_name} Gelar {obj_cap}",
    "Cerita dari {place_name}: {obj_cap}",
    "{obj_cap}, Warga {place_name} Kompak",
]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def wilayah() -> list[tuple[str, str]]:
    with WILAYAH.open(encoding="utf-8") as f:
        return [(row["kapanewon"], row["kalurahan"]) for row in csv.DictReader(f)]


def yaml_str(text: str) -> str:
    """A YAML scalar that is always read back as a string (quotes only when needed)."""
    if re.search(r"[:#\[\]{}&*!|>'\"%@`,]", text) or text[:1] in "-?" or text.strip() != text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


# ---------------------------------------------------------------- synthetic site model


def make_site(stories: int, kims: int = 44, seed: int = 7) -> dict:
    """The synthetic site as plain data: KIM profiles and stories (no files yet)."""
    rnd = random.Random(seed)
    regions = wilayah()
    if kims > len(regions):
        raise SystemExit(f"at most {len(regions)} KIMs (one per kalurahan)")
    chosen = rnd.sample(regions, kims)
    profiles, names = [], set()
    for kapanewon, kalurahan in chosen:
        while True:
            name = "KIM " + " ".join(rnd.sample(KIM_WORDS, 2))
            if name not in names:
                names.add(name)
                break
        slug = slugify(name.removeprefix("KIM "))
        profiles.append({
            "slug": slug, "name": name, "kapanewon": kapanewon, "kalurahan": kalurahan,
            "coordinates": [round(rnd.uniform(-8.05, -7.80), 4), round(rnd.uniform(110.20, 110.48), 4)],
            "whatsapp": "0812" + "".join(rnd.choice("0123456789") for _ in range(8)),
            "description": (f"Kelompok Informasi Masyarakat di Kalurahan {kalurahan}, Kapanewon "
                            f"{kapanewon}, yang mengabarkan kegiatan warga, pertanian, dan UMKM."),
            "body": paragraphs(rnd, rnd.randint(2, 4)),
        })
    start = dt.datetime(2024, 11, 1, 6, 0)
    items, slugs = [], set()
    for i in range(stories):
        kim = profiles[i % kims] if i < kims else rnd.choice(profiles)
        place_name = kim["kalurahan"]
        obj = rnd.choice(OBJECTS)
        title = rnd.choice(TITLE_FORMS).format(
            subject=rnd.choice(SUBJECTS), place_name=place_name, verb=rnd.choice(VERBS), obj=obj,
            obj_cap=obj[:1].upper() + obj[1:])
        title = title[:1].upper() + title[1:]
        base = slugify(title)[:60].strip("-")
        slug, k = base, 2
        while slug in slugs:
            slug, k = f"{base}-{k}", k + 1
        slugs.add(slug)
        words = rnd.randint(180, 420)
        items.append({
            "kim": kim["slug"], "slug": slug, "title": title,
            "date": start + dt.timedelta(minutes=rnd.randint(0, 2 * 365 * 24 * 60)),
            "category": rnd.choice(CATEGORIES), "tags": rnd.sample(TAGS, rnd.randint(3, 5)),
            "author": f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}",
            "summary": (f"{rnd.choice(SUBJECTS)} {place_name} {rnd.choice(VERBS)} {obj} "
                        f"{rnd.choice(PLACES)}. {sentence(rnd)}"),
            "body": body(rnd, words, place_name),
        })
    return {"profiles": profiles, "stories": items, "pages": site_pages(rnd)}


def sentence(rnd) -> str:
    return rnd.choice(SENTENCES).format(
        n=rnd.randint(12, 150), name=f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}")


def paragraphs(rnd, count: int) -> str:
    return "\n\n".join(" ".join(sentence(rnd) for _ in range(rnd.randint(2, 4))) for _ in range(count))


def body(rnd, words: int, place_name: str) -> str:
    parts = [f"{rnd.choice(SUBJECTS)} {place_name} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)} "
             f"{rnd.choice(PLACES)}, {rnd.choice(TIMES)}. {sentence(rnd)}"]
    count = len(parts[0].split())
    while count < words:
        if rnd.random() < 0.12:
            chunk = "Beberapa hal yang disepakati:\n\n" + "\n".join(
                f"{n}. {item}," for n, item in enumerate(rnd.sample(LIST_ITEMS, rnd.randint(3, 5)), 1))
        else:
            chunk = " ".join(sentence(rnd) for _ in range(rnd.randint(2, 5)))
        parts.append(chunk)
        count += len(chunk.split())
    return "\n\n".join(parts)


def site_pages(rnd) -> list[dict]:
    return [{"slug": s, "title": t, "summary": f"Halaman {t.lower()} Kabar KIM.", "body": paragraphs(rnd, 5)}
            for s, t in [("tentang", "Tentang"), ("kontak", "Kontak"), ("panduan-menulis", "Panduan Menulis")]]


# ---------------------------------------------------------------- writers


def write_kabarkim(site: dict, content: Path) -> None:
    """Kabar KIM's content tree: kim/<kim>/profil.md, kim/<kim>/berita/<slug>.md, halaman/."""
    for p in site["profiles"]:
        folder = content / "kim" / p["slug"]
        (folder / "berita").mkdir(parents=True, exist_ok=True)
        (folder / "profil.md").write_text(
            "---\n"
            f"name: {p['name']}\n"
            f"kalurahan: {p['kalurahan']}\n"
            f"kapanewon: {p['kapanewon']}\n"
            f"coordinates: [{p['coordinates'][0]}, {p['coordinates'][1]}]\n"
            "wifi:\n  available: true\n"
            f"  location: Balai Kalurahan {p['kalurahan']}\n"
            "contacts:\n"
            f"  whatsapp: \"{p['whatsapp']}\"\n"
            f"  email: kim{p['slug'].replace('-', '')}@example.id\n"
            f"description: {yaml_str(p['description'])}\n"
            "example: true\n"
            "---\n" + p["body"] + "\n", encoding="utf-8")
    for s in site["stories"]:
        (content / "kim" / s["kim"] / "berita" / f"{s['slug']}.md").write_text(
            "---\n"
            f"title: {yaml_str(s['title'])}\n"
            f"date: {s['date']:%Y-%m-%d %H:%M}\n"
            f"category: {s['category']}\n"
            f"tags: [{', '.join(s['tags'])}]\n"
            f"author: {s['author']}\n"
            f"summary: {yaml_str(s['summary'])}\n"
            "example: true\n"
            "---\n" + s["body"] + "\n", encoding="utf-8")
    write_pages(site, content / "halaman", yaml=True)
    (content / "extra").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "content" / "extra" / "favicon.svg", content / "extra" / "favicon.svg")


def write_stock(site: dict, content: Path) -> None:
    """The same stories as plain Pelican Markdown; profiles become pages."""
    for s in site["stories"]:
        folder = content / s["kim"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{s['slug']}.md").write_text(stock_markdown(s), encoding="utf-8")
    pages = content / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for p in site["profiles"]:
        (pages / f"kim-{p['slug']}.md").write_text(
            f"Title: {p['name']}\nSummary: {p['description']}\n\n"
            f"Kalurahan {p['kalurahan']}, Kapanewon {p['kapanewon']}. WhatsApp {p['whatsapp']}.\n\n"
            + p["body"] + "\n", encoding="utf-8")
    write_pages(site, pages, yaml=False)


def stock_markdown(s: dict) -> str:
    """One story in stock Pelican Markdown (metadata lines, no YAML)."""
    date = s["date"]
    date = date.strftime("%Y-%m-%d %H:%M") if hasattr(date, "strftime") else str(date)
    return (f"Title: {s['title']}\nDate: {date}\nCategory: {s['category']}\n"
            f"Tags: {', '.join(s['tags'])}\nSummary: {' '.join(str(s['summary']).split())}\n\n"
            + s["body"].strip() + "\n")


def write_pages(site: dict, folder: Path, yaml: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for p in site["pages"]:
        head = (f"---\ntitle: {p['title']}\nsummary: {p['summary']}\n---\n" if yaml
                else f"Title: {p['title']}\nSummary: {p['summary']}\n\n")
        (folder / f"{p['slug']}.md").write_text(head + p["body"] + "\n", encoding="utf-8")


STOCK_SETTINGS = '''\
# Stock Pelican 4.12, minimal: default theme (notmyidea), no plugins, feeds on.
SITENAME = "Kabar KIM Bantul"
SITEURL = "http://127.0.0.1:8000"
AUTHOR = "KIM se-Kabupaten Bantul"
PATH = {path!r}
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_PAGINATION = 12
LOAD_CONTENT_CACHE = False
SLUGIFY_SOURCE = "basename"   # same slugs as Kabar KIM (file names)
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{{slug}}.rss.xml"
TAG_FEED_ATOM = "feeds/tag-{{slug}}.atom.xml"
TAG_FEED_RSS = "feeds/tag-{{slug}}.rss.xml"
FEED_MAX_ITEMS = 50
'''

KABARKIM_SETTINGS = '''\
# Kabar KIM: the repo's pelicanconf.py on a synthetic content tree.
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F401,F403
PATH = {path!r}
LOAD_CONTENT_CACHE = False
SEARCH_INDEX = {search!r}
KABAR_ARCHIVE = {archive!r}
KABAR_SOURCES = {sources!r}
IMAGES_CACHE_DIR = {images!r}
'''


def write_stock_settings(path: Path, content: Path) -> None:
    path.write_text(STOCK_SETTINGS.format(path=str(content)), encoding="utf-8")


def write_kabarkim_settings(path: Path, content: Path, search: bool, archive: Path, sources: Path,
                            images: Path) -> None:
    path.write_text(KABARKIM_SETTINGS.format(
        root=str(ROOT), path=str(content), search=search, archive=str(archive),
        sources=str(sources), images=str(images)), encoding="utf-8")


# ---------------------------------------------------------------- running


def run_build(content: Path, settings: Path, out: Path, log: Path) -> dict:
    if out.exists():
        shutil.rmtree(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with log.open("w") as f:
        proc = subprocess.run([str(PELICAN), str(content), "-s", str(settings), "-o", str(out)],
                              stdout=f, stderr=subprocess.STDOUT, cwd=str(ROOT))
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}), log: {log}\n" + log.read_text()[-3000:])
    files = [p for p in out.rglob("*") if p.is_file()]
    return {
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "pages": sum(1 for p in files if p.suffix == ".html"),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "warnings": sum(1 for line in log.read_text(errors="replace").splitlines() if "WARNING" in line),
    }


def summarize(runs: list[dict]) -> dict:
    walls = [r["wall"] for r in runs]
    return {
        "runs": len(runs), "wall_median": statistics.median(walls), "wall_min": min(walls),
        "wall_max": max(walls), "wall_all": [round(w, 3) for w in walls],
        "cpu_median": statistics.median(r["cpu"] for r in runs),
        "pages": runs[-1]["pages"], "files": runs[-1]["files"], "bytes": runs[-1]["bytes"],
        "warnings": runs[-1]["warnings"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, nargs="+", default=[500],
                    help="story counts to benchmark, e.g. --stories 500 2000 (default 500)")
    ap.add_argument("--runs", type=int, default=5, help="builds per configuration (default 5)")
    ap.add_argument("--kims", type=int, default=44)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kabar", choices=["empty", "sample"], default="empty",
                    help="KABAR_ARCHIVE: an empty folder (default, same content as stock) or the "
                         "committed sample archive content/kabar")
    ap.add_argument("--no-search-on", action="store_true", help="skip the SEARCH_INDEX=True configuration")
    ap.add_argument("--json", type=Path, help="write results here (e.g. bench/results/build.json)")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: temp, removed)")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="build-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "loadavg_start": os.getloadavg()},
        "runs": args.runs, "kabar_archive": args.kabar, "sizes": {},
    }
    try:
        for n in args.stories:
            results["sizes"][str(n)] = bench_size(n, args, work / f"n{n}")
        results["machine"]["loadavg_end"] = os.getloadavg()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwritten: {args.json}")
    return 0


def bench_size(n: int, args, work: Path) -> dict:
    site = make_site(n, args.kims, args.seed)
    kc, sc = work / "kabarkim-content", work / "stock-content"
    for d in (kc, sc):
        if d.exists():
            shutil.rmtree(d)
    write_kabarkim(site, kc)
    write_stock(site, sc)
    empty_archive = work / "kabar-empty"
    empty_archive.mkdir(exist_ok=True)
    archive = ROOT / "content" / "kabar" if args.kabar == "sample" else empty_archive
    sources = ROOT / "content" / "sumber.yaml" if args.kabar == "sample" else work / "sumber.yaml"
    if args.kabar != "sample":
        sources.write_text("[]\n", encoding="utf-8")
    configs = {"stock": (sc, work / "stock.py")}
    write_stock_settings(configs["stock"][1], sc)
    for search in ([False] if args.no_search_on else [False, True]):
        name = "kabarkim_search_" + ("on" if search else "off")
        configs[name] = (kc, work / f"{name}.py")
        write_kabarkim_settings(configs[name][1], kc, search, archive, sources, work / "images-cache")
    words = [len(s["body"].split()) for s in site["stories"]]
    print(f"\n{n} stories, {args.kims} KIMs, words per story median {statistics.median(words):.0f} "
          f"({min(words)}-{max(words)}); {args.runs} runs per configuration; work folder {work}",
          flush=True)
    runs = {name: [] for name in configs}
    names = list(configs)
    for i in range(args.runs):
        order = names[i % len(names):] + names[:i % len(names)]  # rotate who goes first
        for name in order:
            content, settings = configs[name]
            r = run_build(content, settings, work / f"out-{name}", work / f"{name}.log")
            runs[name].append(r)
            print(f"  run {i + 1}/{args.runs} {name:22s} {r['wall']:7.2f} s wall  {r['cpu']:7.2f} s cpu  "
                  f"{r['pages']} pages", flush=True)
    summary = {name: summarize(r) for name, r in runs.items()}
    base = summary["stock"]
    for name, s in summary.items():
        s["ratio_wall"] = s["wall_median"] / base["wall_median"]
        s["ratio_cpu"] = s["cpu_median"] / base["cpu_median"]
    return {"stories": n, "kims": args.kims, "words_median": statistics.median(words), "configs": summary}


def print_table(results: dict) -> None:
    print(f"\nBuild benchmark {results['date']}  ({results['machine']['cpus']} CPUs, "
          f"KABAR_ARCHIVE={results['kabar_archive']}, load {results['machine']['loadavg_start'][0]:.1f})")
    print("| stories | site | median wall | min / max | median CPU | pages (.html) | files | "
          "ratio wall | ratio CPU |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    labels = {"stock": "stock Pelican (notmyidea)", "kabarkim_search_off": "Kabar KIM, search off",
              "kabarkim_search_on": "Kabar KIM, search on (Pagefind)"}
    for n, size in results["sizes"].items():
        for name, s in size["configs"].items():
            print(f"| {n} | {labels.get(name, name)} | {s['wall_median']:.2f} s | {s['wall_min']:.2f} / "
                  f"{s['wall_max']:.2f} s | {s['cpu_median']:.2f} s | {s['pages']} | {s['files']} | "
                  f"{s['ratio_wall']:.2f}× | {s['ratio_cpu']:.2f}× |")


if __name__ == "__main__":
    sys.exit(main())
