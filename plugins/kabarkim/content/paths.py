"""Where content lives: one folder per KIM, one subfolder per kind of content."""

import re
from pathlib import Path, PurePosixPath

KIM_ROOT = "kim"
PROFILE_FILE = "profil.md"
PHOTO_FOLDER = "gambar"
# Subfolders of a KIM folder holding Markdown files, by kind of content.
KIND_FOLDERS = {"berita": "berita", "produk": "produk", "program": "program"}

_KIM_IN_PATH = re.compile(rf"(?:^|/){KIM_ROOT}/(?P<kim>[^/]+)/")


def kim_of(path) -> str | None:
    """The KIM slug of a content file, from its folder (a writer never types it)."""
    match = _KIM_IN_PATH.search(PurePosixPath(path).as_posix())
    return match["kim"] if match else None


def photo_path(kim: str, name: str) -> str:
    """A photo named in front matter or Markdown, as a path relative to content/."""
    return f"{KIM_ROOT}/{kim}/{PHOTO_FOLDER}/{name}"


def is_bare_name(reference: str) -> bool:
    """True for 'panen.jpg': a file in the KIM's gambar/ folder, not a URL or a path."""
    return bool(reference) and "/" not in reference and ":" not in reference


def kim_folders(content: Path) -> list[Path]:
    root = Path(content) / KIM_ROOT
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def kind_folders(content: Path, kind: str) -> list[str]:
    """The existing `kim/<slug>/<kind>` folders, relative to content/, for Pelican's *_PATHS."""
    return [
        f"{KIM_ROOT}/{folder.name}/{KIND_FOLDERS[kind]}"
        for folder in kim_folders(content)
        if (folder / KIND_FOLDERS[kind]).is_dir()
    ]
