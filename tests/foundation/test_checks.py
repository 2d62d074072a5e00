"""`kim check` and the build stop on bad content, naming file, field and fix in Indonesian."""

import subprocess
import sys

import pytest
from pelican.settings import read_settings

from sitebuild import ROOT
from foundation.minisite import PROFILE, STORY, make_minisite, write_md
from kabarkim.content.checks import check_content, errors

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
STORY_FILE = "kim/uji/berita/panen-1.md"


def problems_for(content):
    return [(p.file, p.field, p.severity, p.message + " " + p.fix) for p in check_content(content, SETTINGS)]


def test_minisite_is_clean(tmp_path):
    assert problems_for(make_minisite(tmp_path / "content")) == []


def _story(**changes):
    meta = dict(STORY)
    for key, value in changes.items():
        if value is None:
            meta.pop(key)
        else:
            meta[key] = value
    return meta


# (case, story front matter, field, words the message must contain)
STORY_ERRORS = [
    ("missing title", _story(title=None), "title", ["title", "Tambahkan judul"]),
    ("bad date", _story(date="14 Maret kemarin"), "date", ["tidak dapat dibaca", "2026"]),
    ("impossible date", _story(date="2026-02-30 10:00"), "date", ["bukan tanggal"]),
    ("unknown category", _story(category="Pertanain"), "category",
     ["tidak dikenal", "Mungkin maksudnya `category: Pertanian`"]),
    ("image not found", _story(image="tidak-ada.jpg"), "image", ["tidak-ada.jpg", "tidak ada di folder"]),
]


@pytest.mark.parametrize("case,meta,field,words", STORY_ERRORS, ids=[c[0] for c in STORY_ERRORS])
def test_story_errors(tmp_path, case, meta, field, words):
    content = make_minisite(tmp_path / "content")
    write_md(content / STORY_FILE, meta)
    found = [p for p in problems_for(content) if p[2] == "error"]
    assert [(f, fld) for f, fld, _, _ in found] == [(f"content/{STORY_FILE}", field)]
    for word in words:
        assert word in found[0][3]


STORY_WARNINGS = [
    ("missing summary", _story(summary=None), "summary"),
    ("missing image", _story(image=None, image_alt=None), "image"),
]


@pytest.mark.parametrize("case,meta,field", STORY_WARNINGS, ids=[c[0] for c in STORY_WARNINGS])
def test_story_warnings_do_not_fail(tmp_path, case, meta, field):
    content = make_minisite(tmp_path / "content")
    write_md(content / STORY_FILE, meta)
    found = problems_for(content)
    assert [(fld, sev) for _, fld, sev, _ in found] == [(field, "warning")]


PROFILE_ERRORS = [
    ("kapanewon typo", {"kapanewon": "Sandn"}, "kapanewon", ["Sandn", "Mungkin maksudnya `kapanewon: Sanden`"]),
    ("kalurahan typo", {"kalurahan": "Srigadin"}, "kalurahan", ["Mungkin maksudnya `kalurahan: Srigading`"]),
    ("kalurahan elsewhere", {"kalurahan": "Parangtritis"}, "kalurahan", ["Kapanewon Kretek"]),
    ("whatsapp letters", {"contacts": {"whatsapp": "08-abc"}}, "contacts.whatsapp", ["bukan nomor"]),
    ("youtube name", {"social": {"youtube_channel": "@kimuji"}}, "social.youtube_channel", ["UC"]),
    ("javascript url", {"social": {"facebook": "javascript:alert(1)"}}, "social.facebook", ["https://"]),
]


@pytest.mark.parametrize("case,changes,field,words", PROFILE_ERRORS, ids=[c[0] for c in PROFILE_ERRORS])
def test_profile_errors(tmp_path, case, changes, field, words):
    content = make_minisite(tmp_path / "content")
    write_md(content / "kim/uji/profil.md", dict(PROFILE, **changes))
    found = [p for p in problems_for(content) if p[2] == "error"]
    assert [(f, fld) for f, fld, _, _ in found] == [("content/kim/uji/profil.md", field)]
    for word in words:
        assert word in found[0][3]


def test_kim_folder_without_profile(tmp_path):
    content = make_minisite(tmp_path / "content")
    (content / "kim/uji/profil.md").unlink()
    found = problems_for(content)
    assert ("content/kim/uji", "profil.md", "error") in [p[:3] for p in found]


def test_two_files_claiming_one_url(tmp_path):
    content = make_minisite(tmp_path / "content")
    make_minisite(content, kim="lain")  # same story file name in another KIM
    found = [p for p in problems_for(content) if p[1] == "slug"]
    assert sorted(p[0] for p in found) == ["content/kim/lain/berita/panen-1.md", "content/kim/uji/berita/panen-1.md"]
    assert all("/berita/panen-1/" in p[3] and "slug:" in p[3] for p in found)


def test_file_not_utf8(tmp_path):
    content = make_minisite(tmp_path / "content")
    (content / STORY_FILE).write_bytes("---\ntitle: Kabar Sénin\n---\n".encode("latin-1"))
    found = problems_for(content)
    assert [(p[0], p[1]) for p in found] == [(f"content/{STORY_FILE}", "(berkas)")]
    assert "UTF-8" in found[0][3]


def test_broken_yaml_names_the_line(tmp_path):
    content = make_minisite(tmp_path / "content")
    (content / STORY_FILE).write_text("---\ntitle: Panen: raya\ndate: 2026-01-01\n---\nIsi\n", "utf-8")
    found = problems_for(content)
    assert found[0][:2] == (f"content/{STORY_FILE}", "(front matter)")
    assert "baris 2" in found[0][3]


def test_misplaced_file_is_reported_not_skipped(tmp_path):
    content = make_minisite(tmp_path / "content")
    write_md(content / "kim/uji/Berita/salah-folder.md", STORY)
    found = problems_for(content)
    assert [(p[0], p[1]) for p in found] == [("content/kim/uji/Berita/salah-folder.md", "(lokasi)")]


def test_every_problem_is_reported_at_once(tmp_path):
    content = make_minisite(tmp_path / "content", stories=3)
    write_md(content / "kim/uji/berita/panen-1.md", _story(title=None))
    write_md(content / "kim/uji/berita/panen-2.md", _story(category="Gosip"))
    write_md(content / "kim/uji/profil.md", dict(PROFILE, kapanewon="Atlantis"))
    fields = sorted(p.field for p in errors(check_content(content, SETTINGS)))
    assert fields == ["category", "kapanewon", "title"]


@pytest.mark.slow
def test_build_fails_naming_file_and_field(tmp_path):
    """What `make html` runs: the pelican command exits non-zero with the report."""
    content = make_minisite(tmp_path / "content")
    write_md(content / STORY_FILE, _story(date="kemarin sore"))
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(tmp_path / "out"), "--fatal", "errors"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    output = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert "panen-1.md" in output and "isian : date" in output
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize("kind", ["berita", "produk", "program"])
def test_kim_new_writes_a_file_that_passes_check(tmp_path, kind):
    content = make_minisite(tmp_path / "content")
    cmd = [sys.executable, "-m", "kabarkim.cli", "--settings", str(ROOT / "pelicanconf.py")]
    new = subprocess.run(cmd + ["new", kind, "--kim", "uji", "Judul: \"Baru\" Sekali", "--content", str(content)],
                         capture_output=True, text=True, timeout=60)
    assert new.returncode == 0, new.stderr
    written = content / "kim" / "uji" / kind / "judul-baru-sekali.md"
    assert written.is_file()
    text = written.read_text("utf-8")
    assert text.count("\n# ") >= 5  # every field explained in an Indonesian comment
    check = subprocess.run(cmd + ["check", "--content", str(content)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout
    assert "GALAT" not in check.stdout


def test_kim_new_refuses_unknown_kim(tmp_path):
    content = make_minisite(tmp_path / "content")
    cmd = [sys.executable, "-m", "kabarkim.cli", "--settings", str(ROOT / "pelicanconf.py")]
    result = subprocess.run(cmd + ["new", "berita", "--kim", "tidak-ada", "Judul", "--content", str(content)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "tidak-ada" in result.stderr and "uji" in result.stderr
