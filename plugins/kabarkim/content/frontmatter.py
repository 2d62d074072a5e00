"""YAML front matter between `---` lines, as Jekyll, Hugo and Decap CMS write it."""

import yaml


class FrontMatterError(ValueError):
    """The front matter is missing or not valid YAML; `message` is for the author."""


class _StringDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Leaves dates as text so that every date goes through one WIB-aware parser.

    The C loader (libyaml) when PyYAML has it: several times faster on every build.
    """


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

MAX_BYTES = 2_000_000  # a story is text; anything larger is a mistake (a pasted photo)


def split(text: str) -> tuple[dict, str]:
    """Return (metadata, markdown body) of a content file's text."""
    if len(text) > MAX_BYTES:
        raise FrontMatterError("Berkas terlalu besar (lebih dari 2 MB). Foto taruh di folder gambar/.")
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            "Berkas harus diawali baris '---', lalu isian (title:, date:, …), lalu '---' lagi."
        )
    for end, line in enumerate(lines[1:], 1):
        if line.strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError("Baris penutup '---' setelah isian (front matter) tidak ditemukan.")
    try:
        meta = yaml.load("".join(lines[1:end]), Loader=_StringDatesLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" di baris {mark.line + 2}" if mark else ""
        raise FrontMatterError(
            f"Isian di antara '---' bukan YAML yang sah{where}: {getattr(exc, 'problem', exc)}. "
            "Periksa titik dua, tanda kutip, dan indentasi (pakai spasi, bukan tab)."
        ) from None
    if not isinstance(meta, dict):
        raise FrontMatterError("Isian di antara '---' harus berupa pasangan 'nama: nilai'.")
    return meta, "".join(lines[end + 1 :])
