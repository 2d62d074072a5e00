"""Run Pagefind over a written site folder (no Pelican needed; testable on its own).

We run the `pagefind` executable that ships in the `pagefind_bin` wheel as a subprocess:

    pagefind --site <output> --output-subdir pagefind --force-language id

- `--site` + `--output-subdir` write the bundle exactly once, into <output>/pagefind/.
  (The Python API's PagefindIndex writes its bundle relative to the *current directory*
  unless given an absolute `output_path`, and writes it again if `write_files()` is called
  inside its context; the CLI has neither trap.)
- The subprocess runs with cwd=<output> and without PAGEFIND_* variables, so no stray
  config or environment variable can move the bundle anywhere else.
- A subprocess keeps Pagefind's async service out of Pelican's process (no event loop to
  clash with Playwright or anything else that runs the build in-process).

What gets indexed is decided by the templates, not here: pages that mark their main
content with `data-pagefind-body` are indexed, every other page is skipped by Pagefind
itself. Filters, sort keys and result metadata come from `data-pagefind-filter`,
`-sort` and `-meta` attributes written by theme/templates/partials/search_meta.html.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "id"
DEFAULT_SUBDIR = "pagefind"
DEFAULT_TIMEOUT = 900  # seconds; 20,000 pages index in well under a minute here

# Files that identify a folder as a Pagefind bundle (safe to delete before re-indexing).
BUNDLE_MARKERS = ("pagefind.js", "pagefind-entry.json")


class SearchIndexError(RuntimeError):
    """Indexing failed; the build must fail. The message says what to do."""

    exitcode = 1


@dataclass
class IndexResult:
    site: Path
    bundle: Path
    pages: int
    words: int
    filters: int
    sorts: int
    languages: list[str]
    seconds: float
    body_marked: bool
    warnings: list[str] = field(default_factory=list)
    output: str = ""


def find_pagefind() -> Path:
    """The pagefind executable: $PAGEFIND_BINARY_PATH, the pagefind_bin wheel, or PATH."""
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    if env:
        return Path(env)
    try:
        from pagefind_bin import get_executable  # type: ignore

        return Path(get_executable())
    except (ImportError, FileNotFoundError):
        pass
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    if found:
        return Path(found)
    raise SearchIndexError(
        "Pagefind tidak ditemukan: pasang dependensi proyek "
        "(.venv/bin/pip install -e '.[test]' memasang pagefind[bin]), "
        "atau matikan indeks pencarian dengan SEARCH_INDEX = False."
    )


def _safe_subdir(subdir: str) -> str:
    parts = Path(subdir).parts
    if not subdir or Path(subdir).is_absolute() or any(p in ("..", ".") for p in parts):
        raise SearchIndexError(
            f"SEARCH_OUTPUT_SUBDIR={subdir!r} tidak sah: harus nama folder di dalam "
            "folder output, mis. 'pagefind'."
        )
    return subdir


def _clear_old_bundle(bundle: Path) -> None:
    """Pagefind names its files by content hash; remove the last run's files first."""
    if not bundle.exists():
        return
    if bundle.is_dir() and any((bundle / m).exists() for m in BUNDLE_MARKERS):
        shutil.rmtree(bundle)
    elif bundle.is_dir() and not any(bundle.iterdir()):
        bundle.rmdir()
    else:
        raise SearchIndexError(
            f"{bundle} sudah ada tetapi bukan indeks Pagefind; tidak dihapus. "
            "Pindahkan isinya atau ganti SEARCH_OUTPUT_SUBDIR."
        )


_COUNT = re.compile(r"Indexed (\d+) (language|page|word|filter|sort)s?\b")
_LANGS = re.compile(r"Discovered \d+ languages?: ?(.*)")


def parse_summary(output: str) -> dict:
    counts = {"language": 0, "page": 0, "word": 0, "filter": 0, "sort": 0}
    for n, kind in _COUNT.findall(output):
        counts[kind] = int(n)
    langs: list[str] = []
    m = _LANGS.search(output)
    if m:
        langs = [x.strip() for x in m.group(1).split(",") if x.strip()]
    return {
        "counts": counts,
        "languages": langs,
        "body_marked": "Found a data-pagefind-body element" in output,
    }


def build_command(exe: Path, site: Path, *, subdir: str, language: str | None) -> list[str]:
    cmd = [str(exe), "--site", str(site), "--output-subdir", subdir]
    if language:
        cmd += ["--force-language", language]
    return cmd


def index_site(
    site_dir,
    *,
    language: str | None = DEFAULT_LANGUAGE,
    subdir: str = DEFAULT_SUBDIR,
    timeout: float = DEFAULT_TIMEOUT,
    require_body: bool = True,
) -> IndexResult:
    """Index the written site in `site_dir` into `site_dir/<subdir>/`.

    Raises SearchIndexError (with an Indonesian message for the operator) when Pagefind
    is missing, fails, times out, or leaves no bundle behind.
    """
    site = Path(site_dir).resolve()
    if not site.is_dir():
        raise SearchIndexError(f"Folder situs {site} tidak ada; tidak ada yang bisa diindeks.")
    subdir = _safe_subdir(subdir)
    bundle = site / subdir
    _clear_old_bundle(bundle)

    exe = find_pagefind()
    cmd = build_command(exe, site, subdir=subdir, language=language)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    log.debug("search: running %s", " ".join(cmd))
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SearchIndexError(
            f"Pagefind tidak selesai dalam {timeout:.0f} detik saat mengindeks {site}. "
            "Naikkan SEARCH_TIMEOUT atau periksa ukuran situs."
        ) from exc
    except OSError as exc:
        raise SearchIndexError(f"Pagefind ({exe}) tidak bisa dijalankan: {exc}") from exc
    seconds = time.perf_counter() - started
    output = (proc.stdout or "") + (proc.stderr or "")

    if proc.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-12:])
        raise SearchIndexError(
            f"Pagefind gagal mengindeks {site} (kode keluar {proc.returncode}).\n{tail}\n"
            "Periksa bahwa build menulis halaman HTML; untuk build cepat tanpa pencarian "
            "pakai SEARCH_INDEX = False."
        )

    missing = [m for m in BUNDLE_MARKERS if not (bundle / m).is_file()]
    if missing:
        raise SearchIndexError(
            f"Pagefind selesai tetapi {', '.join(missing)} tidak ada di {bundle}."
        )

    summary = parse_summary(output)
    counts = summary["counts"]
    warnings = []
    if require_body and not summary["body_marked"]:
        warnings.append(
            "tidak ada halaman dengan data-pagefind-body: Pagefind mengindeks seluruh "
            "<body> (termasuk menu dan footer). Template konten harus menandai isi utama."
        )
    if language and summary["languages"] and summary["languages"] != [language]:
        warnings.append(f"bahasa indeks {summary['languages']} bukan [{language!r}]")
    for line in output.splitlines():
        if line.strip().startswith(("Warning", "WARN")):
            warnings.append(line.strip())

    return IndexResult(
        site=site,
        bundle=bundle,
        pages=counts["page"],
        words=counts["word"],
        filters=counts["filter"],
        sorts=counts["sort"],
        languages=summary["languages"],
        seconds=seconds,
        body_marked=summary["body_marked"],
        warnings=warnings,
        output=output,
    )
