"""A tiny valid content tree that tests change one field at a time."""

from pathlib import Path

import yaml
from PIL import Image

PROFILE = {
    "name": "KIM Uji Coba",
    "kalurahan": "Srigading",
    "kapanewon": "Sanden",
    "coordinates": [-7.97, 110.27],
    "wifi": {"available": True, "location": "Balai Padukuhan"},
    "contacts": {"whatsapp": "081227334455", "email": "uji@example.id"},
    "description": "KIM untuk pengujian.",
}
STORY = {
    "title": "Panen Raya di Srigading",
    "date": "2026-03-14 09:30",
    "category": "Pertanian",
    "tags": ["padi", "panen"],
    "author": "Siti Rahayu",
    "summary": "Petani Srigading memanen padi.",
    "image": "panen.jpg",
    "image_alt": "Petani memanen padi",
}


def write_md(path: Path, meta: dict, body: str = "Isi berita.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body
    path.write_text(text, "utf-8")
    return path


def make_minisite(content: Path, kim: str = "uji", stories: int = 1) -> Path:
    """content/kim/<kim>/ with a profile, `stories` stories and a photo; returns content."""
    base = content / "kim" / kim
    write_md(base / "profil.md", PROFILE, "Profil KIM.\n")
    (base / "gambar").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (800, 600), "#4a7").save(base / "gambar" / "panen.jpg")
    for i in range(stories):
        meta = dict(STORY, title=f"{STORY['title']} {i + 1}", date=f"2026-03-{i % 28 + 1:02d} 09:30")
        write_md(base / "berita" / f"panen-{i + 1}.md", meta, f"Isi berita nomor {i + 1}.\n")
    return content
