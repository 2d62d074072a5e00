"""Content: YAML front matter reader, strict checks before the build, content kinds."""

import logging
from pathlib import Path

from pelican import signals

from . import paths
from .checks import ContentProblems, check_content, errors, report
from .linking import link_neighbours, link_related
from .reader import YamlMarkdownReader

logger = logging.getLogger(__name__)


def add_reader(readers):
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader


def read_stories_from_kim_folders(pelican):
    """Stories are read from every kim/<kim>/berita folder; nothing else is an article."""
    pelican.settings["ARTICLE_PATHS"] = paths.kind_folders(Path(pelican.settings["PATH"]), "berita")


def check_before_build(pelican):
    """Stop the build on any content error, naming every file and field at once."""
    problems = check_content(Path(pelican.settings["PATH"]), pelican.settings)
    if errors(problems):
        raise ContentProblems("Isi situs bermasalah, situs tidak dibangun:\n" + report(problems, show_warnings=False))
    if problems:
        logger.warning("Isi situs: %d peringatan (bukan galat). Jalankan `kim check` untuk rinciannya.",
                       len(problems))


def link_stories(generator):
    """Stories (not imported items, which have a `kind`) get previous/next and related links."""
    stories = [a for a in generator.articles if getattr(a, "kind", "berita") == "berita"]
    link_neighbours(stories)
    link_related(stories)


def register():
    signals.article_generator_finalized.connect(link_stories)
    signals.readers_init.connect(add_reader)
    # get_generators is the one signal Pelican sends at the start of every run, also each
    # rebuild under `make serve`; these handlers add no generator.
    signals.get_generators.connect(read_stories_from_kim_folders)
    signals.get_generators.connect(check_before_build)
