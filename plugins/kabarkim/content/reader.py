"""Pelican reader for Markdown with YAML front matter, sanitized for untrusted writers."""

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from kabarkim.sanitize import clean_html

from . import frontmatter, paths

# Front matter fields naming photos in the KIM's gambar/ folder.
PHOTO_FIELDS = ("image", "photos")


class YamlMarkdownReader(MarkdownReader):
    """Reads `---` YAML front matter, renders the body and cleans the HTML."""

    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        self._source_path = source_path
        with pelican_open(source_path) as text:
            meta, body = frontmatter.split(text)
        kim = paths.kim_of(source_path)
        md = Markdown(**self.settings["MARKDOWN"])
        if kim:
            PhotoLinks(kim).extendMarkdown(md)
        html = clean_html(md.convert(body), profile="content")
        metadata = {key.lower(): self.process_metadata(key.lower(), value)
                    for key, value in meta.items() if value not in (None, "", [])}
        if kim:
            metadata["kim"] = kim
            resolve_photos(metadata, kim)
        return html, metadata


def resolve_photos(metadata: dict, kim: str) -> None:
    """Turn photo file names into paths relative to content/ (kim/<kim>/gambar/<name>)."""
    for field in PHOTO_FIELDS:
        value = metadata.get(field)
        if isinstance(value, str):
            metadata[field] = _photo(kim, value)
        elif isinstance(value, list):
            metadata[field] = [_photo(kim, str(v)) for v in value]


def _photo(kim: str, name: str) -> str:
    return paths.photo_path(kim, name) if paths.is_bare_name(name) else name


class PhotoLinks(Extension):
    """Points `![alt](panen.jpg)` at the KIM's gambar/ folder through Pelican's {static}."""

    def __init__(self, kim: str):
        super().__init__()
        self.kim = kim

    def extendMarkdown(self, md):
        md.treeprocessors.register(_PhotoLinkProcessor(md, self.kim), "kim_photos", 5)


class _PhotoLinkProcessor(Treeprocessor):
    def __init__(self, md, kim):
        super().__init__(md)
        self.kim = kim

    def run(self, root: ET.Element):
        for img in root.iter("img"):
            src = img.get("src", "")
            if paths.is_bare_name(src):
                img.set("src", "{static}/" + paths.photo_path(self.kim, src))
