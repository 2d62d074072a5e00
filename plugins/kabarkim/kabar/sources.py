"""Sources of imported items: the regency list plus per-KIM feeds.

* ``content/sumber.yaml`` – a YAML list, one entry per source::

      - name: Pemkab Bantul          # shown on the site (required)
        url: https://example.go.id/feed/   # http/https feed URL (required)
        kind: berita                 # berita | video (required)
        kim: malangan                # optional: the KIM (folder name) owning it
        category: Pemerintahan       # optional: category of its items
        id: pemkab-bantul            # optional: stable id (default: slug of name)

* ``content/kim/<kim>/profil.md`` – ``social.blog_feed`` (a berita source
  owned by that KIM) and ``social.youtube_channel`` (a video source,
  ``https://www.youtube.com/feeds/videos.xml?channel_id=<id>``).

Errors are Indonesian and name the file, the entry, the field and the fix.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from .util import slugify

KINDS = ("berita", "video")
CATEGORIES = ("Berita", "Ekonomi", "Pertanian", "Wisata", "Budaya", "Kesehatan", "Pendidikan", "Pemerintahan")
FIELDS = ("name", "url", "kind", "kim", "category", "id")
YOUTUBE_FEED = "https://www.youtube.com/feeds/videos.xml?channel_id={}"
_CHANNEL_RE = re.compile(r"^UC[A-Za-z0-9_-]{22}$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    url: str
    kind: str
    kim: str | None = None
    category: str | None = None
    origin: str = ""  # where it was declared, for messages

    def as_dict(self) -> dict:
        return asdict(self)


class SourcesError(Exception):
    """One or more problems in the source list; ``errors`` holds the messages."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def _did_you_mean(value: str, options) -> str:
    match = difflib.get_close_matches(str(value), list(options), n=1, cutoff=0.6)
    return f' Mungkin maksudnya "{match[0]}"?' if match else ""


def _valid_http_url(url) -> bool:
    return isinstance(url, str) and re.match(r"^https?://[^\s/?#]+[^\s]*$", url.strip()) is not None


def known_kims(kim_dir: Path | None) -> list[str]:
    if not kim_dir or not Path(kim_dir).is_dir():
        return []
    return sorted(p.name for p in Path(kim_dir).iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def load_sources_file(path: Path, kims: list[str] | None = None) -> list[Source]:
    """Read and validate the sources YAML file. Raises SourcesError."""
    path = Path(path)
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError([f"{label}: berkas daftar sumber tidak ditemukan. Buat berkasnya atau beri jalur lain dengan --sources."]) from None
    except UnicodeDecodeError:
        raise SourcesError([f"{label}: berkas harus berupa teks UTF-8."]) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (baris {mark.line + 1})" if mark else ""
        raise SourcesError([f"{label}{where}: YAML tidak bisa dibaca: {getattr(exc, 'problem', exc)}. Periksa indentasi dan tanda titik dua."]) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise SourcesError([f"{label}: isi berkas harus berupa daftar (setiap sumber diawali '- name: ...')."])

    errors: list[str] = []
    sources: list[Source] = []
    for index, entry in enumerate(data, start=1):
        where = f"{label}, entri ke-{index}"
        if not isinstance(entry, dict):
            errors.append(f"{where}: setiap entri harus berisi kolom name, url, kind (contoh: '- name: Pemkab Bantul').")
            continue
        if isinstance(entry.get("name"), str) and entry["name"].strip():
            where += f' ("{entry["name"].strip()}")'
        entry_errors = []
        for key in entry:
            if key not in FIELDS:
                entry_errors.append(f'{where}: kolom "{key}" tidak dikenal.{_did_you_mean(key, FIELDS)} Kolom yang boleh: {", ".join(FIELDS)}.')
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            entry_errors.append(f'{where}: kolom "name" wajib diisi (nama sumber yang tampil di situs).')
        url = entry.get("url")
        if not _valid_http_url(url):
            entry_errors.append(f'{where}: kolom "url" harus alamat feed lengkap yang diawali http:// atau https://, bukan {url!r}.')
        kind = entry.get("kind")
        if kind not in KINDS:
            entry_errors.append(f'{where}: kolom "kind" harus "berita" atau "video", bukan {kind!r}.{_did_you_mean(kind, KINDS)}')
        kim = entry.get("kim")
        if kim is not None:
            if not isinstance(kim, str) or not kim.strip():
                entry_errors.append(f'{where}: kolom "kim" harus nama folder KIM (misalnya "malangan") atau dihapus.')
            elif kims is not None and kim not in kims:
                entry_errors.append(f'{where}: kolom "kim": KIM "{kim}" tidak ada di content/kim/.{_did_you_mean(kim, kims)} Tulis nama foldernya persis.')
        category = entry.get("category")
        if category is not None and category not in CATEGORIES:
            entry_errors.append(f'{where}: kolom "category": "{category}" bukan kategori yang dikenal.{_did_you_mean(category, CATEGORIES)} Pilih salah satu: {", ".join(CATEGORIES)}.')
        sid = entry.get("id")
        if sid is not None and (not isinstance(sid, str) or not _ID_RE.match(sid)):
            entry_errors.append(f'{where}: kolom "id" hanya boleh huruf kecil, angka dan tanda "-" (misalnya "pemkab-bantul").')
        if entry_errors:
            errors.extend(entry_errors)
            continue
        sid = sid or slugify(name) or f"sumber-{index}"
        sources.append(Source(id=sid, name=name.strip(), url=url.strip(), kind=kind, kim=kim,
                              category=category, origin=where))
    if errors:
        raise SourcesError(errors)
    return sources


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("tidak diawali baris '---'")
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            data = yaml.safe_load("\n".join(lines[1:end])) or {}
            if not isinstance(data, dict):
                raise ValueError("front matter bukan pasangan kolom: nilai")
            return data
    raise ValueError("baris penutup '---' tidak ditemukan")


def kim_sources(kim_dir: Path) -> tuple[list[Source], list[str]]:
    """Sources declared in content/kim/*/profil.md -> (sources, problems)."""
    sources: list[Source] = []
    problems: list[str] = []
    for kim in known_kims(kim_dir):
        profile = Path(kim_dir) / kim / "profil.md"
        if not profile.is_file():
            continue
        try:
            meta = _front_matter(profile)
        except (OSError, ValueError, yaml.YAMLError) as exc:
            problems.append(f"{profile}: front matter tidak bisa dibaca ({exc}); sumber KIM ini dilewati. Jalankan 'kim check'.")
            continue
        social = meta.get("social") or {}
        if not isinstance(social, dict):
            problems.append(f'{profile}: kolom "social" harus berisi pasangan kolom: nilai; sumber KIM ini dilewati.')
            continue
        name = str(meta.get("name") or f"KIM {kim}").strip()
        blog = social.get("blog_feed")
        if blog:
            if _valid_http_url(blog):
                sources.append(Source(id=f"kim-{kim}-blog", name=f"Blog {name}", url=blog.strip(), kind="berita",
                                      kim=kim, origin=f"{profile} (social.blog_feed)"))
            else:
                problems.append(f'{profile}: kolom "social.blog_feed" harus alamat feed yang diawali http:// atau https://, bukan {blog!r}.')
        channel = social.get("youtube_channel")
        if channel:
            channel = str(channel).strip()
            if _CHANNEL_RE.match(channel):
                sources.append(Source(id=f"kim-{kim}-youtube", name=f"YouTube {name}", url=YOUTUBE_FEED.format(channel),
                                      kind="video", kim=kim, origin=f"{profile} (social.youtube_channel)"))
            else:
                problems.append(f'{profile}: kolom "social.youtube_channel" harus ID kanal YouTube (24 karakter, diawali "UC"), bukan {channel!r}. '
                                "Salin dari alamat kanal: youtube.com/channel/UC...")
    return sources, problems


def load_sources(sources_file: Path, kim_dir: Path | None = None,
                 include_kim_sources: bool = True) -> tuple[list[Source], list[str]]:
    """All sources: the YAML file plus per-KIM ones.

    Returns (sources, warnings). Raises SourcesError for problems in the
    sources file (the operator must fix them); problems in a KIM profile are
    warnings (that KIM's sources are skipped, the others are fetched).
    """
    sources_file = Path(sources_file)
    if kim_dir is None:
        kim_dir = sources_file.parent / "kim"
    kims = known_kims(kim_dir) if Path(kim_dir).is_dir() else None
    regency = load_sources_file(sources_file, kims)
    per_kim, warnings = kim_sources(Path(kim_dir)) if include_kim_sources and Path(kim_dir).is_dir() else ([], [])
    errors: list[str] = []
    seen_ids: dict[str, Source] = {}
    seen_urls: dict[str, Source] = {}
    result: list[Source] = []
    for src in regency + per_kim:
        if src.id in seen_ids:
            errors.append(f'{src.origin}: id sumber "{src.id}" sudah dipakai oleh {seen_ids[src.id].origin}. Ganti "name" atau beri kolom "id" yang berbeda.')
            continue
        if src.url in seen_urls:
            warnings.append(f"{src.origin}: alamat {src.url} sudah terdaftar di {seen_urls[src.url].origin}; entri ini dilewati.")
            continue
        seen_ids[src.id] = src
        seen_urls[src.url] = src
        result.append(src)
    if errors:
        raise SourcesError(errors)
    return result, warnings
