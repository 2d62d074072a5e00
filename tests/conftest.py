"""Shared fixtures (helpers live in sitebuild.py, importable from every test folder).

- `built_site` (session): the repo's sample site, built once with an absolute SITEURL.
- `sample_content(tmp_path)`: a writable copy of content/ for tests that change it.
"""

import shutil
from pathlib import Path

import pytest

from sitebuild import CONTENT, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return build_site(CONTENT, tmp_path_factory.mktemp("site") / "output")


@pytest.fixture
def sample_content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
