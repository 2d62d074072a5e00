#!/usr/bin/env python3
"""Page weight: bytes a phone downloads per page type of the built sample site.

    .venv/bin/python bench/page_weight.py                    # builds the sample site into a temp folder
    .venv/bin/python bench/page_weight.py --site output      # measure an existing build (e.g. `make html`)
    .venv/bin/python bench/page_weight.py --json bench/results/page-weight.json --no-stock

Budget (shared/DESIGN.md, "Quality bar"): a story page under 60 KB gzip before images.

For every HTML page of the site (classified by URL into page types: home, story, KIM
profile, directory, kapanewon, category, product, catalog, program, agenda, video, …):
- HTML bytes raw and gzipped (gzip level 6, a typical web server setting);
- the CSS it loads (<link rel=stylesheet>, following @import) and the JS (<script src>),
  local files only, each gzipped; "before images" = HTML + CSS + JS (gzip). Fonts (url()
  in @font-face of the loaded CSS) are listed apart; Kabar KIM has none. Requests made later
  by scripts (Pagefind chunks after typing, map tiles) are not counted;
- images: for each <img> (inside <picture>: the first <source> whose type Chrome supports
  and whose media matches) the srcset candidate a 390 CSS px wide phone at DPR 2 picks
  (`sizes` evaluated at 390 px with 1rem = 16 px; Chromium's selection: the smallest
  candidate with density >= 2, or the one below it when 2 is under the geometric mean of
  their densities). "First view" counts only images without loading="lazy" (what the
  browser fetches on load); "all" counts every image. Off-site images (YouTube thumbnails)
  are counted by number only.
Per type it prints the number of pages, the median page and the heaviest page, then
every page over the 60 KB budget. With stock Pelican (default, unless --no-stock) it
also converts the sample stories to plain Pelican Markdown (as bench/build_bench.py does),
builds them with stock Pelican's default theme and weighs the same stories there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_bench  # noqa: E402

BUDGET = 60 * 1024
VIEWPORT = 390
DPR = 2.0
REM = 16
SUPPORTED_TYPES = {"", "image/webp", "image/avif", "image/jpeg", "image/png", "image/gif", "image/svg+xml"}

# (type, regex on the page's path relative to the site root), first match wins
PAGE_TYPES = [
    ("home", r"index\.html"),
    ("story", r"berita/[^/]+/index\.html"),
    ("KIM profile", r"kim/[^/]+/index\.html"),
    ("directory", r"kim/index\.html"),
    ("kapanewon", r"kapanewon/[^/]+/index\.html"),
    ("category", r"kategori/[^/]+/index\.html"),
    ("tag", r"tag/[^/]+/index\.html"),
    ("archive", r"arsip/index\.html"),
    ("product", r"produk/(?!index\.html)[^/]+/index\.html"),
    ("product catalog", r"produk/index\.html"),
    ("program", r"program/(?!index\.html)[^/]+/index\.html"),
    ("agenda", r"program/index\.html"),
    ("video", r"video/[^/]+/index\.html"),
    ("video gallery", r"video/index\.html"),
    ("kabar (imported)", r"kabar/[^/]+/index\.html"),
    ("map", r"peta/index\.html"),
    ("search page", r"cari/index\.html"),
    ("langganan", r"langganan/index\.html"),
    ("site page", r"(tentang|kontak|panduan-menulis)/index\.html"),
]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class Site:
    """A built site folder; maps site URLs to files and caches sizes of assets."""

    def __init__(self, folder: Path, siteurl: str | None = None):
        self.folder = folder.resolve()
        self.siteurl = siteurl
        self._cache: dict[Path, tuple[int, int]] = {}

    def local(self, url: str, base: str) -> Path | None:
        absolute = urljoin(base, url)
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and self.siteurl and not absolute.startswith(self.siteurl):
            return None
        if parts.scheme not in ("http", "https", "file", ""):
            return None
        path = unquote(parts.path)
        if self.siteurl and absolute.startswith(self.siteurl):
            path = unquote(urlsplit(absolute[len(self.siteurl):]).path)
        target = self.folder / path.lstrip("/")
        if target.is_dir() or path.endswith("/"):
            target = target / "index.html"
        return target if target.is_file() else None

    def sizes(self, path: Path) -> tuple[int, int]:
        if path not in self._cache:
            data = path.read_bytes()
            self._cache[path] = (len(data), gz(data))
        return self._cache[path]

    def url_of(self, path: Path) -> str:
        return (self.siteurl or "http://site.invalid") + "/" + path.relative_to(self.folder).as_posix()


def css_closure(site: Site, css: Path, css_url: str, seen: set) -> tuple[list[Path], list[Path]]:
    """The CSS file plus its @imports (recursively), and the fonts its @font-face rules name."""
    if css in seen:
        return [], []
    seen.add(css)
    text = css.read_text(encoding="utf-8", errors="replace")
    files, fonts = [css], []
    for m in re.finditer(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)", text):
        target = site.local(m.group(1), css_url)
        if target:
            sub_files, sub_fonts = css_closure(site, target, urljoin(css_url, m.group(1)), seen)
            files += sub_files
            fonts += sub_fonts
    for block in re.findall(r"@font-face\s*{[^}]*}", text):
        for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", block):
            target = site.local(u, css_url)
            if target and target not in fonts:
                fonts.append(target)
                break  # a browser downloads one format of each face
    return files, fonts


def media_matches(media: str) -> bool:
    media = media.strip()
    if not media or media in ("all", "screen"):
        return True
    ok = True
    for feature, value, unit in re.findall(r"\(\s*((?:min|max)-width)\s*:\s*([\d.]+)(px|rem|em)\s*\)", media):
        px = float(value) * (REM if unit in ("rem", "em") else 1)
        ok &= VIEWPORT >= px if feature == "min-width" else VIEWPORT <= px
    if "prefers-color-scheme: dark" in media or "print" in media:
        return False
    return ok


def length_px(length: str) -> float:
    m = re.fullmatch(r"\s*([\d.]+)(px|rem|em|vw)\s*", length)
    if not m:
        return float(VIEWPORT)  # calc()/min() etc.: assume full width
    value, unit = float(m.group(1)), m.group(2)
    return value * {"px": 1, "rem": REM, "em": REM, "vw": VIEWPORT / 100}[unit]


def slot_width(sizes: str | None) -> float:
    if not sizes:
        return float(VIEWPORT)  # sizes omitted means 100vw
    for entry in sizes.split(","):
        entry = entry.strip()
        m = re.match(r"(\(.*\))\s*(.+)$", entry)
        if m:
            if media_matches(m.group(1)):
                return length_px(m.group(2))
        else:
            return length_px(entry)
    return float(VIEWPORT)


def pick_candidate(srcset: str | None, src: str | None, sizes: str | None) -> str | None:
    """The URL Chromium picks at VIEWPORT css px and DPR (html_srcset_parser.cc selection logic)."""
    candidates = []
    for item in re.split(r",\s+", (srcset or "").strip()):
        bits = item.split()
        if not bits:
            continue
        url, descriptor = bits[0].rstrip(","), (bits[1] if len(bits) > 1 else "1x")
        if descriptor.endswith("w"):
            density = float(descriptor[:-1]) / slot_width(sizes)
        elif descriptor.endswith("x"):
            density = float(descriptor[:-1])
        else:
            continue
        candidates.append((density, url))
    if src and not any(d == 1.0 for d, _ in candidates) and not any(
            re.search(r"\d+w$", i.strip()) for i in (srcset or "").split(",") if i.strip()):
        candidates.append((1.0, src))
    if not candidates:
        return src
    candidates.sort()
    i = 0
    while i < len(candidates) - 1:
        nxt = candidates[i + 1][0]
        if nxt < DPR:
            i += 1
            continue
        cur = candidates[i][0]
        if (DPR <= 1.0 and DPR > cur) or DPR >= math.sqrt(cur * nxt):
            return candidates[i + 1][1]
        break
    return candidates[i][1]


def weigh(site: Site, page: Path) -> dict:
    raw = page.read_bytes()
    url = site.url_of(page)
    doc = lxml.html.fromstring(raw)
    css_files, fonts, seen = [], [], set()
    for link in doc.xpath("//link[@href]"):
        if "stylesheet" not in (link.get("rel") or "").lower().split():
            continue
        target = site.local(link.get("href"), url)
        if target:
            files, f = css_closure(site, target, urljoin(url, link.get("href")), seen)
            css_files += files
            fonts += [x for x in f if x not in fonts]
    js_files = []
    for script in doc.xpath("//script[@src]"):
        target = site.local(script.get("src"), url)
        if target and target not in js_files:
            js_files.append(target)
    first, everything, external, external_first, missing = {}, {}, 0, 0, []
    for img in doc.xpath("//img"):
        chosen = None
        parent = img.getparent()
        if parent is not None and parent.tag == "picture":
            for source in parent.xpath("./source"):
                if (source.get("type") or "").lower() in SUPPORTED_TYPES and media_matches(source.get("media") or ""):
                    chosen = pick_candidate(source.get("srcset"), None, source.get("sizes"))
                    break
        if chosen is None:
            chosen = pick_candidate(img.get("srcset"), img.get("src"), img.get("sizes"))
        if not chosen:
            continue
        target = site.local(chosen, url)
        if target is None:
            if urlsplit(urljoin(url, chosen)).scheme in ("http", "https"):
                external += 1
                external_first += (img.get("loading") or "").lower() != "lazy"
            else:
                missing.append(chosen)
            continue
        size = target.stat().st_size
        everything[target] = size
        if (img.get("loading") or "").lower() != "lazy":
            first[target] = size
    css_gz = sum(site.sizes(p)[1] for p in css_files)
    js_gz = sum(site.sizes(p)[1] for p in js_files)
    html_gz = gz(raw)
    return {
        "page": page.relative_to(site.folder).as_posix(),
        "html_raw": len(raw), "html_gz": html_gz,
        "css": [p.relative_to(site.folder).as_posix() for p in css_files], "css_gz": css_gz,
        "js": [p.relative_to(site.folder).as_posix() for p in js_files], "js_gz": js_gz,
        "fonts_bytes": sum(p.stat().st_size for p in fonts),
        "before_images_gz": html_gz + css_gz + js_gz,
        "images_first_view": sum(first.values()), "images_first_view_n": len(first),
        "images_all": sum(everything.values()), "images_all_n": len(everything),
        "images_external_n": external, "images_external_first_n": external_first,
        "images_missing": missing,
        "over_budget": html_gz + css_gz + js_gz > BUDGET,
    }


def classify(rel: str) -> str | None:
    for name, pattern in PAGE_TYPES:
        if re.fullmatch(pattern, rel):
            return name
    return None


def siteurl_of(folder: Path) -> str | None:
    home = folder / "index.html"
    if home.is_file():
        doc = lxml.html.fromstring(home.read_bytes())
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        if canonical:
            return canonical[0].rstrip("/")
    return None


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def row(label: str, w: dict, n: int | str = "") -> str:
    flag = " **OVER**" if w["over_budget"] else ""
    ext = f" +{w['images_external_n']} off-site" if w["images_external_n"] else ""
    ext_first = f" +{w['images_external_first_n']} off-site" if w["images_external_first_n"] else ""
    return (f"| {label} | {n} | `{w['page']}` | {kb(w['html_raw'])} | {kb(w['html_gz'])} | {kb(w['css_gz'])} | "
            f"{kb(w['js_gz'])} | **{kb(w['before_images_gz'])}**{flag} | "
            f"{kb(w['images_first_view'])} ({w['images_first_view_n']}){ext_first} | "
            f"{kb(w['images_all'])} ({w['images_all_n']}){ext} |")


HEADER = ("| type | pages | page | HTML raw | HTML gz | CSS gz | JS gz | before images gz | "
          "images first view (n) | images all (n) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")


def build(content: Path, settings: Path, out: Path) -> None:
    proc = subprocess.run([str(build_bench.PELICAN), str(content), "-s", str(settings), "-o", str(out)],
                          cwd=str(ROOT), capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")


def stock_compare(work: Path, kabarkim: dict[str, dict]) -> list[tuple[str, dict, dict]]:
    """The sample stories through stock Pelican (notmyidea); weigh the same slugs."""
    stories = []
    for md in sorted((ROOT / "content" / "kim").glob("*/berita/*.md")):
        text = md.read_text(encoding="utf-8")
        _, front, body = text.split("---", 2)
        meta = yaml.safe_load(front)
        stories.append({"kim": md.parent.parent.name, "slug": meta.get("slug") or md.stem,
                        "title": meta["title"], "date": meta["date"], "category": meta["category"],
                        "tags": [str(t) for t in meta.get("tags") or []], "summary": meta.get("summary", ""),
                        "body": re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)})  # no photos in the stock copy
    content = work / "stock-content"
    for s in stories:
        folder = content / s["kim"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{s['slug']}.md").write_text(build_bench.stock_markdown(s), encoding="utf-8")
    settings = work / "stock.py"
    build_bench.write_stock_settings(settings, content)
    out = work / "stock-out"
    build(content, settings, out)
    site = Site(out, "http://127.0.0.1:8000")
    pairs = []
    for rel, w in kabarkim.items():
        slug = rel.split("/")[1]
        page = out / f"{slug}.html"
        if page.is_file():
            pairs.append((slug, w, weigh(site, page)))
    return pairs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="an existing build to measure (default: build the sample site)")
    ap.add_argument("--no-stock", action="store_true", help="skip the stock Pelican comparison")
    ap.add_argument("--json", type=Path, help="write every page's figures here")
    ap.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="page-weight-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.site:
            folder = args.site
        else:
            folder = work / "site"
            if folder.exists():
                shutil.rmtree(folder)
            print(f"building the sample site into {folder} (pelicanconf.py, search index on) …", flush=True)
            build(ROOT / "content", ROOT / "pelicanconf.py", folder)
        site = Site(folder, siteurl_of(folder))
        weights: dict[str, dict] = {}
        by_type: dict[str, list[dict]] = {}
        for page in sorted(site.folder.rglob("*.html")):
            rel = page.relative_to(site.folder).as_posix()
            kind = classify(rel)
            if kind is None or rel.startswith("pagefind/"):
                continue
            w = weigh(site, page)
            w["type"] = kind
            weights[rel] = w
            by_type.setdefault(kind, []).append(w)

        print(f"\nPage weight, {site.folder} ({len(weights)} pages), "
              f"{dt.date.today().isoformat()}; phone 390 px, DPR 2; KB = 1024 bytes; budget 60 KB gzip before images")
        print("\nHeaviest page of each type (by HTML+CSS+JS gzip):\n")
        print(HEADER)
        for kind, _ in PAGE_TYPES:
            pages = by_type.get(kind)
            if pages:
                print(row(kind, max(pages, key=lambda w: w["before_images_gz"]), len(pages)))
        print("\nMedian page of each type:\n")
        print(HEADER)
        for kind, _ in PAGE_TYPES:
            pages = by_type.get(kind)
            if pages:
                ordered = sorted(pages, key=lambda w: w["before_images_gz"])
                print(row(kind, ordered[(len(ordered) - 1) // 2], len(pages)))
        over = [w for w in weights.values() if w["over_budget"]]
        print(f"\nPages over the 60 KB budget (HTML+CSS+JS gzip): {len(over)}")
        for w in sorted(over, key=lambda w: -w["before_images_gz"]):
            print(f"  {w['page']}: {kb(w['before_images_gz'])} KB (HTML {kb(w['html_gz'])}, CSS {kb(w['css_gz'])}, "
                  f"JS {kb(w['js_gz'])}: {', '.join(w['js'])})")
        missing = {m for w in weights.values() for m in w["images_missing"]}
        if missing:
            print(f"\nImages referenced but not in the build: {len(missing)}, e.g. {sorted(missing)[:3]}")
        assets = {}
        for w in weights.values():
            for p in w["css"] + w["js"]:
                assets[p] = site.sizes(site.folder / p)
        print("\nAssets (raw / gzip KB): " + "; ".join(f"{p} {kb(r)} / {kb(g)}" for p, (r, g) in sorted(assets.items())))

        result = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "site": str(site.folder),
                  "viewport": VIEWPORT, "dpr": DPR, "budget": BUDGET, "pages": weights}
        if not args.no_stock:
            stories = {rel: w for rel, w in weights.items() if w["type"] == "story"}
            pairs = stock_compare(work, stories)
            if pairs:
                print(f"\nThe same {len(pairs)} stories with stock Pelican's default theme (notmyidea; no photos "
                      "in the stock copy, fonts listed apart):\n")
                print("| site | HTML raw (median) | HTML gz | CSS gz | JS gz | before images gz (median / max) | fonts raw |")
                print("| --- | --- | --- | --- | --- | --- | --- |")
                for label, idx in (("Kabar KIM", 1), ("stock Pelican", 2)):
                    ws = [p[idx] for p in pairs]

                    def med(key):
                        return statistics.median(w[key] for w in ws)
                    print(f"| {label} | {kb(med('html_raw'))} | {kb(med('html_gz'))} | {kb(med('css_gz'))} | "
                          f"{kb(med('js_gz'))} | {kb(med('before_images_gz'))} / "
                          f"{kb(max(w['before_images_gz'] for w in ws))} | {kb(med('fonts_bytes'))} |")
                result["stock_stories"] = {slug: s for slug, _, s in pairs}
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
            print(f"\nwritten: {args.json}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
