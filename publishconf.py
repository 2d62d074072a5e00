"""Production settings: `make publish`. Builds on pelicanconf.py.

SITEURL comes from the environment so the operator sets the real domain once:
  KABARKIM_SITEURL=https://kabarkim.bantulkab.go.id make publish
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("KABARKIM_SITEURL", "https://kim.bantulkab.go.id").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
