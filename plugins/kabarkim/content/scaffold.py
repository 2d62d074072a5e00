"""`kim new`: a new content file with every field present and explained in Indonesian."""

from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from string import Template

from kabarkim.slugs import make_slug

from kabarkim.catalog.rules import CATEGORIES as PRODUCT_CATEGORIES
from kabarkim.dates import WIB

from . import frontmatter, paths

KINDS = ("berita", "produk", "program")


class ScaffoldError(ValueError):
    """Why the file was not written, in Indonesian."""


def new_content(content: Path, kind: str, kim: str, title: str, categories,
                now: datetime | None = None) -> Path:
    """Write kim/<kim>/<kind>/<slug>.md and return its path; never overwrite a file."""
    kim_dir = Path(content) / paths.KIM_ROOT / kim
    profile = kim_dir / paths.PROFILE_FILE
    if not profile.is_file():
        known = ", ".join(p.name for p in paths.kim_folders(Path(content))) or "(belum ada)"
        raise ScaffoldError(f"KIM '{kim}' tidak ditemukan ({profile} tidak ada). KIM yang ada: {known}.")
    slug = make_slug(title)
    if not slug:
        raise ScaffoldError("Judul harus berisi huruf atau angka.")
    target = kim_dir / paths.KIND_FOLDERS[kind] / f"{slug}.md"
    if target.exists():
        raise ScaffoldError(f"Berkas {target} sudah ada. Pakai judul lain atau sunting berkas itu.")
    now = (now or datetime.now(WIB)).replace(second=0, microsecond=0)
    start = (now + timedelta(days=7)).replace(hour=9, minute=0)
    meta, _ = frontmatter.split((kim_dir / paths.PROFILE_FILE).read_text("utf-8"))
    text = Template(resources.files(__package__).joinpath(f"templates/{kind}.md").read_text("utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "produk":
        _placeholder_photo(kim_dir / paths.PHOTO_FOLDER / f"{slug}-1.jpg")
    target.write_text(text.substitute(
        title=title.replace('"', "'"), kim=kim, kim_name=meta.get("name", kim),
        date=f"{now:%Y-%m-%d %H:%M}", start=f"{start:%Y-%m-%d %H:%M}",
        photo=f"{slug}-1.jpg", end=f"{start + timedelta(hours=3):%Y-%m-%d %H:%M}",
        categories=", ".join(categories), product_categories=", ".join(PRODUCT_CATEGORIES),
    ), "utf-8")
    return target


def _placeholder_photo(path: Path) -> None:
    """A product needs a photo to pass `kim check`; this one asks to be replaced."""
    from PIL import Image, ImageDraw

    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (1200, 900), "#dfe7e3")
    ImageDraw.Draw(image).text((60, 420), "Ganti foto ini dengan foto produk", fill="#1c2321")
    image.save(path, quality=80)
