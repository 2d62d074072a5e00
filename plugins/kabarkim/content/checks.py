"""`kim check`: validate every content file and report all problems at once.

The build runs the same function before Pelican reads anything, so a broken story
stops `make html` with the file, the field and the fix instead of being skipped.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kabarkim.catalog import rules as catalog_rules
from kabarkim.slugs import make_slug

from . import frontmatter, paths, rules
from .fields import Problem

# Folders under content/ that hold data, not pages (feed archive, sources, copied files).
DATA_ENTRIES = {"kabar", "sumber.yaml", "extra"}

_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

RULES = {
    "profil": rules.check_profile,
    "berita": rules.check_story,
    "produk": catalog_rules.check_product,
    "program": catalog_rules.check_program,
    "halaman": rules.check_page,
}
URL_SETTINGS = {
    "berita": "ARTICLE_URL", "produk": "PRODUCT_URL", "program": "PROGRAM_URL",
    "halaman": "PAGE_URL", "profil": "KIM_URL",
}


@dataclass
class RuleContext:
    """What a rule may look at besides the front matter."""

    path: str  # relative to the project, shown to the author
    kim: str | None
    image_dir: Path | None
    settings: dict = field(default_factory=dict)


class ContentProblems(Exception):
    """Raised by the build when content has errors; the message is the full report."""

    exitcode = 1


def check_content(content: Path, settings: dict) -> list[Problem]:
    """Every problem in the content folder, errors and warnings, in file order."""
    content = Path(content)
    problems: list[Problem] = []
    claims: dict[str, list[str]] = {}
    for kim_dir in paths.kim_folders(content):
        if not _SAFE_SLUG.match(kim_dir.name):
            problems.append(Problem(
                _shown(content, kim_dir), "(nama folder)",
                f"Nama folder KIM '{kim_dir.name}' tidak bisa dipakai sebagai alamat web.",
                "Pakai huruf kecil, angka, dan tanda hubung saja, misalnya 'kim-malangan' "
                "menjadi 'malangan'.",
            ))
        if not (kim_dir / paths.PROFILE_FILE).is_file():
            problems.append(Problem(
                _shown(content, kim_dir), paths.PROFILE_FILE,
                f"Folder KIM '{kim_dir.name}' belum punya {paths.PROFILE_FILE}.",
                f"Buat berkas {paths.PROFILE_FILE} di folder ini (salin dari KIM lain lalu ubah isinya).",
            ))
    for file in sorted(p for p in content.rglob("*") if p.is_file()):
        rel = file.relative_to(content)
        if rel.parts[0] in DATA_ENTRIES or rel.name.startswith("."):
            continue
        kind = classify(rel)
        if kind is None:
            problems.append(_misplaced(content, file))
        elif kind != "gambar":
            problems += _check_file(content, file, kind, settings, claims)
    problems += _url_collisions(claims)
    return problems


def classify(rel: PurePosixPath) -> str | None:
    """The kind of a file from where it sits, or None when Kabar KIM would not read it."""
    parts = PurePosixPath(rel).parts
    if len(parts) == 2 and parts[0] == "halaman" and rel.suffix == ".md":
        return "halaman"
    if len(parts) < 3 or parts[0] != paths.KIM_ROOT:
        return None
    if len(parts) == 3 and parts[2] == paths.PROFILE_FILE:
        return "profil"
    if len(parts) == 4 and parts[2] == paths.PHOTO_FOLDER:
        return "gambar"
    if len(parts) == 4 and parts[2] in paths.KIND_FOLDERS and rel.suffix == ".md":
        return parts[2]
    return None


def _check_file(content, file, kind, settings, claims) -> list[Problem]:
    shown = _shown(content, file)
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(shown, "(berkas)", f"Berkas bukan teks UTF-8 (byte ke-{exc.start}).",
                        "Simpan ulang sebagai UTF-8: di Notepad pilih Save As → Encoding UTF-8, "
                        "atau salin isinya ke editor lain lalu simpan lagi.")]
    try:
        meta, _ = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        return [Problem(shown, "(front matter)", str(exc),
                        "Contoh yang benar ada di panduan menulis (halaman/panduan-menulis.md).")]
    kim = paths.kim_of(file.relative_to(content))
    image_dir = content / paths.KIM_ROOT / kim / paths.PHOTO_FOLDER if kim else None
    problems = RULES[kind](meta, RuleContext(shown, kim, image_dir, settings))
    url = _url_of(kind, file, meta, settings)
    if url is not None:
        claims.setdefault(url, []).append(shown)
    return problems


def _url_of(kind, file, meta, settings) -> str | None:
    if kind == "profil":
        slug = file.parent.name
    else:
        slug = make_slug(meta.get("slug") or file.stem, settings)
    pattern = settings.get(URL_SETTINGS[kind])
    return pattern.format(slug=slug) if pattern else None


def _url_collisions(claims: dict[str, list[str]]) -> list[Problem]:
    problems = []
    for url, files in claims.items():
        if len(files) > 1:
            for file in files:
                others = ", ".join(f for f in files if f != file)
                problems.append(Problem(
                    file, "slug", f"Alamat /{url} juga dipakai oleh {others}.",
                    "Ganti nama berkas ini, atau tambahkan `slug: nama-lain` di isian, "
                    "agar setiap halaman punya alamat sendiri.",
                ))
    return problems


def _misplaced(content: Path, file: Path) -> Problem:
    return Problem(
        _shown(content, file), "(lokasi)",
        "Berkas ini ada di tempat yang tidak dibaca Kabar KIM, jadi tidak akan tampil.",
        "Taruh berita di kim/<kim>/berita/, produk di kim/<kim>/produk/, program di "
        "kim/<kim>/program/, foto di kim/<kim>/gambar/, halaman situs di halaman/ "
        "(berkas .md); atau hapus berkas ini.",
    )


def _shown(content: Path, path: Path) -> str:
    return f"content/{path.relative_to(content).as_posix()}"


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def report(problems: list[Problem], show_warnings: bool = True) -> str:
    """The problems as the author reads them: one block per problem, then the counts."""
    lines = []
    for p in problems:
        if p.severity != "error" and not show_warnings:
            continue
        label = "GALAT" if p.severity == "error" else "PERINGATAN"
        lines.append(f"{label}  {p.file}\n  isian  : {p.field}\n  masalah: {p.message}\n"
                     f"  cara memperbaiki: {p.fix}")
    n_err = len(errors(problems))
    hint = "" if show_warnings else " (peringatan: lihat `kim check`)"
    lines.append(f"{n_err} galat, {len(problems) - n_err} peringatan{hint}.")
    return "\n".join(lines)
