"""Content kinds read from KIM folders besides stories, and the one generator that reads them.

Stories are Pelican articles. KIM profiles, products and programs are their own kinds:
each is a Content subclass plus a KindGenerator subclass naming its files and template.
"""

import logging
from pathlib import Path

from pelican.contents import Content
from pelican.generators import Generator

from . import paths

logger = logging.getLogger(__name__)


class ContentReadError(RuntimeError):
    """A content file could not be read; the build stops instead of skipping it."""


class Kim(Content):
    """A KIM profile (kim/<slug>/profil.md); its slug is the folder name."""

    mandatory_properties = ("name",)
    default_template = "kim"
    # Optional fields, present on every profile so templates and plugins need no guards.
    OPTIONAL = {"wifi": None, "contacts": None, "social": None, "coordinates": None,
                "description": "", "image": None, "example": False}

    def __init__(self, content, metadata=None, *args, **kwargs):
        metadata = {**self.OPTIONAL, **(metadata or {})}
        metadata["wifi"] = metadata["wifi"] or {"available": False}
        metadata["contacts"] = metadata["contacts"] or {}
        metadata["social"] = metadata["social"] or {}
        metadata.setdefault("title", metadata.get("name"))
        if metadata.get("kim"):
            metadata["slug"] = metadata["kim"]
        super().__init__(content, metadata, *args, **kwargs)


class KindGenerator(Generator):
    """Reads every `kim/*/<folder>/*.md` (or one file per KIM) into `content_class` objects.

    Subclasses set `content_class`, `context_key` (the list's name in templates) and
    either `folder` (a subfolder of each KIM) or `file_name` (one file per KIM folder).
    """

    content_class: type[Content] = Content
    context_key = ""
    folder = ""
    file_name = ""
    template_var = ""

    def source_files(self) -> list[str]:
        content = Path(self.path)
        found = []
        for kim_dir in paths.kim_folders(content):
            if self.file_name:
                candidates = [kim_dir / self.file_name]
            else:
                candidates = sorted((kim_dir / self.folder).glob("*.md"))
            found += [str(p.relative_to(content)) for p in candidates if p.is_file()]
        return found

    def generate_context(self):
        items = [self.read(path) for path in self.source_files()]
        kims = self.context.get("kims_by_slug", {})  # set by the directory, which reads first
        for item in items:
            item.kim_profile = kims.get(getattr(item, "kim", None))
        items.sort(key=self.sort_key)
        self.items = items
        self.context[self.context_key] = items

    def read(self, path: str) -> Content:
        try:
            item = self.readers.read_file(
                base_path=self.path, path=path, content_class=self.content_class,
                context=self.context,
            )
        except Exception as exc:
            raise ContentReadError(f"{path}: {exc}") from exc
        if not item.is_valid():
            raise ContentReadError(f"{path}: isian wajib tidak lengkap")
        self.add_source_path(item)
        self.add_static_links(item)
        return item

    def sort_key(self, item):
        """Newest first where items have dates; by title otherwise."""
        return (-getattr(item, "date").timestamp() if hasattr(item, "date") else 0, item.title)

    def generate_output(self, writer):
        for item in self.items:
            writer.write_file(
                item.save_as, self.get_template(item.template), self.context,
                relative_urls=self.settings["RELATIVE_URLS"], url=item.url,
                **{self.template_var: item, "page_name": item.url},
            )
