"""sitemap.xml of every indexable page in the output, and robots.txt pointing at it."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

_NOINDEX = re.compile(r'<meta name="robots" content="noindex', re.I)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"', re.I)
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def indexable_pages(output: Path, siteurl: str) -> list[str]:
    """URLs (relative, directory style) of pages that are ours to list in search engines.

    Left out: pages asking for noindex, and pages whose canonical URL is elsewhere
    (imported news points at its original).
    """
    urls = []
    for page in sorted(output.rglob("index.html")):
        head = page.read_text("utf-8", errors="replace")[:6000]
        canonical = _CANONICAL.search(head)
        if _NOINDEX.search(head) or (canonical and not canonical[1].startswith(siteurl + "/")):
            continue
        rel = page.parent.relative_to(output).as_posix()
        urls.append("" if rel == "." else rel + "/")
    return urls


def sitemap_xml(urls, siteurl: str) -> str:
    root = ET.Element("urlset", xmlns=NS)
    for url in urls:
        ET.SubElement(ET.SubElement(root, "url"), "loc").text = f"{siteurl}/{url}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def robots_txt(siteurl: str) -> str:
    return f"User-agent: *\nDisallow: /sumber/\nSitemap: {siteurl}/sitemap.xml\n"


def write_sitemap_and_robots(output: Path, siteurl: str) -> None:
    (output / "sitemap.xml").write_text(sitemap_xml(indexable_pages(output, siteurl), siteurl), "utf-8")
    (output / "robots.txt").write_text(robots_txt(siteurl), "utf-8")
