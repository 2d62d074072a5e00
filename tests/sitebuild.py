"""Real Pelican builds into temporary folders, shared by every test folder."""

from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
TEST_SITEURL = "https://kabarkim.example"


def build_site(content_dir, output_dir, **overrides) -> Path:
    """Build with pelicanconf.py settings plus overrides; raises as `make html` would stop."""
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content_dir),
        "OUTPUT_PATH": str(output_dir),
        "SITEURL": TEST_SITEURL,
        "FEED_DOMAIN": TEST_SITEURL,
        **overrides,
    })
    Pelican(settings).run()
    return Path(output_dir)
