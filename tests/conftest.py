"""Shared fixtures: real Pelican builds into temporary folders.

- `build_site(content_dir, output_dir, **overrides) -> Path`: build with pelicanconf.py
  settings (plus overrides); raises on any failure, as `make html` would stop.
- `built_site` (session): the repo's sample site, built once, with an absolute SITEURL.
- `sample_content(tmp_path)`: a writable copy of content/ for tests that break it.
"""

import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
TEST_SITEURL = "https://kabarkim.example"


def build_site(content_dir, output_dir, **overrides) -> Path:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content_dir),
        "OUTPUT_PATH": str(output_dir),
        "SITEURL": TEST_SITEURL,
        "FEED_DOMAIN": TEST_SITEURL,
        **overrides,
    })
    Pelican(settings).run()
    return Path(output_dir)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return build_site(CONTENT, tmp_path_factory.mktemp("site") / "output")


@pytest.fixture
def sample_content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
