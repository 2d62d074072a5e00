"""Reading a built site: its pages, their links, its feeds."""

from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import lxml.html

from sitebuild import TEST_SITEURL


def pages(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.html") if "pagefind" not in p.parts)


def parse(page: Path):
    return lxml.html.fromstring(page.read_bytes())


def url_of(output: Path, page: Path) -> str:
    rel = page.relative_to(output).as_posix()
    return TEST_SITEURL + "/" + rel.removesuffix("index.html")


def internal_target(output: Path, page: Path, href: str) -> Path | None:
    """The output file an internal link points at, or None for an external link."""
    href = urldefrag(href)[0]
    if not href or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    if href.startswith("//") or (urlsplit(href).scheme and not href.startswith(TEST_SITEURL)):
        return None
    if href.startswith(TEST_SITEURL):
        rel = urlsplit(href).path.lstrip("/")
        target = output / rel
    else:
        target = (page.parent / urlsplit(href).path).resolve()
    return target / "index.html" if href.split("?")[0].endswith("/") or target.is_dir() else target


def links(tree) -> list[str]:
    return [el.get("href") for el in tree.iter("a", "link") if el.get("href")] + \
           [el.get("src") for el in tree.iter("img", "script", "source", "iframe") if el.get("src")]
