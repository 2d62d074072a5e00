"""Every page of the sample site passes the Nu HTML checker (vnu.jar, installed by make)."""

import json
import shutil
import subprocess

import pytest

from sitebuild import ROOT

VNU = ROOT / ".venv/npm/node_modules/vnu-jar/build/dist/vnu.jar"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def vnu():
    if not shutil.which("java"):
        pytest.skip("java tidak ada: validasi HTML dilewati (.ci/run memasang default-jre-headless)")
    if not VNU.is_file():
        pytest.skip(f"{VNU} tidak ada: jalankan `make test` (memasang vnu-jar lewat npm)")
    return VNU


def test_every_page_is_valid_html(built_site, vnu):
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--format", "json", "--errors-only", "--skip-non-html",
         str(built_site)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == []
    assert result.returncode == 0
