"""One way to turn names into URL slugs, the same as Pelican's for content."""

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify


def make_slug(value: str, settings: dict | None = None) -> str:
    subs = (settings or DEFAULT_CONFIG).get("SLUG_REGEX_SUBSTITUTIONS") or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    return slugify(str(value), regex_subs=subs)
