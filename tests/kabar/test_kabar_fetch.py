"""End to end: `kim fetch` against a real HTTP server on 127.0.0.1."""

import gzip
import io
import json
import os
from datetime import datetime, timedelta

import pytest

from kabarkim.kabar import parser as feed_parser
from kabarkim.kabar import util
from kabarkim.kabar.archive import Archive
from kabarkim.kabar.fetch import fetch_sources, run_fetch
from kabarkim.kabar.fetcher import FetchConfig

from .conftest import feed_bytes, write_sources

# A deadline generous enough for a loaded CI box; only misbehaving endpoints get SHORT.
FAST = FetchConfig(timeout=15.0, max_bytes=256 * 1024)
SHORT = FetchConfig(timeout=2.0, max_bytes=256 * 1024)
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=util.WIB)


def setup_sources(workdir, server, routes):
    """routes: list of (source name, path, fixture or bytes, kind, route kwargs)."""
    entries = []
    for name, path, body, kind, kw in routes:
        if isinstance(body, str):
            body = feed_bytes(body)
        server.serve(path, body, **kw)
        entries.append({"name": name, "url": server.url(path), "kind": kind})
    return write_sources(workdir / "sumber.yaml", entries)


def fetch(workdir, cfg=FAST, now=NOW, **kw):
    return fetch_sources(workdir / "sumber.yaml", workdir / "kabar", config=cfg, now=now, **kw)


def archive(workdir):
    return Archive.load(workdir / "kabar")


def test_three_feeds_then_unchanged_costs_no_parsing(workdir, feed_server):
    setup_sources(workdir, feed_server, [
        ("Pemkab Bantul", "/wp.rss", "pemkab-bantul.rss", "berita", {"etag": '"wp-1"'}),
        ("Bantul TV", "/yt.atom", "bantul-tv.atom", "video",
         {"last_modified": "Thu, 13 Nov 2025 03:12:40 GMT", "content_type": "application/atom+xml"}),
        ("Blog Malangan", "/blog.atom", "kim-malangan-blog.atom", "berita", {"etag": 'W/"b-1"', "gzip": True}),
    ])
    report = fetch(workdir)
    assert [r.outcome for r in report.sources] == ["ok", "ok", "ok"]
    assert [r.stats.new for r in report.sources] == [7, 5, 4]
    a = archive(workdir)
    assert len(a.items["pemkab-bantul"]) == 7 and len(a.items["bantul-tv"]) == 5
    st = a.state["pemkab-bantul"]
    assert st["etag"] == '"wp-1"' and st["error_count"] == 0 and st["last_success"] == NOW.isoformat()
    assert a.state["bantul-tv"]["last_modified"] == "Thu, 13 Nov 2025 03:12:40 GMT"
    ua = feed_server.requests_to("/wp.rss")[0]["user-agent"]
    assert ua.startswith("KabarKIM/") and "(+http" in ua
    before = {p.name: p.read_bytes() for p in (workdir / "kabar" / "items").iterdir()}

    calls = feed_parser.PARSE_CALLS
    report = fetch(workdir, now=NOW + timedelta(hours=1))
    assert [r.outcome for r in report.sources] == ["304", "304", "304"]
    assert report.parse_calls == 0 and feed_parser.PARSE_CALLS == calls
    assert feed_server.requests_to("/wp.rss")[1]["if-none-match"] == '"wp-1"'
    assert feed_server.requests_to("/yt.atom")[1]["if-modified-since"] == "Thu, 13 Nov 2025 03:12:40 GMT"
    # an unchanged run leaves the items files byte-identical (quiet git history)
    assert before == {p.name: p.read_bytes() for p in (workdir / "kabar" / "items").iterdir()}


def _gzip_bomb(size=20 * 1024 * 1024):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        gz.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>')
        chunk = b"A" * (1024 * 1024)
        for _ in range(size // len(chunk)):
            gz.write(chunk)
        gz.write(b"</title></channel></rss>")
    return buf.getvalue()


BAD = [
    ("slow", dict(body=b"x", delay=5.0), "batas waktu"),
    ("trickle", dict(body=feed_bytes("pemkab-bantul.rss")[:400], trickle=0.02), "batas waktu"),
    ("500", dict(body=b"oops", status=500), "HTTP 500"),
    ("404", dict(body=b"nope", status=404), "HTTP 404"),
    ("huge", dict(body=b"<rss>" + b" " * (600 * 1024) + b"</rss>"), "lebih besar dari batas 256 KB"),
    ("gzip-bomb", dict(body=_gzip_bomb(), headers={"Content-Encoding": "gzip"}), "lebih besar dari batas 256 KB"),
    ("truncated", dict(body=feed_bytes("pemkab-bantul.rss")[:3000]), "terpotong"),
    ("entity-bomb", dict(body=feed_bytes("entity-bomb.xml")), "DOCTYPE/ENTITY"),
    ("html-page", dict(body=feed_bytes("page.html"), content_type="text/html"), "halaman HTML"),
    ("empty", dict(body=b""), "kosong"),
    ("no-entries", dict(body=b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'), "tidak berisi item"),
    ("429", dict(body=b"slow down", status=429, headers={"Retry-After": "7200"}), "HTTP 429"),
]


@pytest.mark.parametrize("name,route,fragment", BAD, ids=[b[0] for b in BAD])
def test_misbehaving_endpoint_fails_and_keeps_items(workdir, feed_server, name, route, fragment):
    setup_sources(workdir, feed_server, [
        ("Pemkab Bantul", "/feed", "pemkab-bantul.rss", "berita", {}),
        ("Bantul TV", "/yt", "bantul-tv.atom", "video", {}),
    ])
    fetch(workdir)
    assert len(archive(workdir).items["pemkab-bantul"]) == 7
    feed_server.serve("/feed", **route)
    report = fetch(workdir, cfg=SHORT, now=NOW + timedelta(hours=1))
    bad, good = report.sources
    assert bad.outcome == "gagal" and fragment in bad.message, bad.message
    assert "item lama tetap ada" in bad.message
    assert good.outcome == "ok"  # one failing source never stops the others
    a = archive(workdir)
    assert len(a.items["pemkab-bantul"]) == 7
    st = a.state["pemkab-bantul"]
    assert st["error_count"] == 1 and fragment in st["last_error"]
    assert st["last_success"] == NOW.isoformat()
    if name == "429":
        assert datetime.fromisoformat(st["next_attempt"]) == NOW + timedelta(hours=3)
        assert "LEWATI" in fetch(workdir, now=NOW + timedelta(hours=2)).sources[0].line()


def test_wrong_declared_encoding_is_read(workdir, feed_server):
    body = feed_bytes("pemkab-bantul.rss").decode().replace("Jembatan Gantung", "Jembatan “Gantung”").encode("cp1252")
    setup_sources(workdir, feed_server, [("P", "/enc", body, "berita", {"content_type": "text/xml; charset=utf-8"})])
    report = fetch(workdir)
    assert report.sources[0].outcome == "ok"
    assert any("“Gantung”" in i["title"] for i in archive(workdir).items["p"])


def test_410_marks_gone_and_stops_asking(workdir, feed_server):
    setup_sources(workdir, feed_server, [("P", "/gone", b"bye", "berita", {"status": 410})])
    report = fetch(workdir)
    assert report.sources[0].outcome == "hilang" and report.failed
    assert archive(workdir).state["p"]["gone"] is True
    report = fetch(workdir, now=NOW + timedelta(hours=1))
    assert report.sources[0].outcome == "hilang" and "ditandai hilang" in report.sources[0].message
    assert len(feed_server.requests_to("/gone")) == 1
    # the operator fixes the URL -> state starts afresh
    write_sources(workdir / "sumber.yaml", [{"name": "P", "url": feed_server.serve("/baru", feed_bytes("pemkab-bantul.rss")), "kind": "berita"}])
    assert fetch(workdir, now=NOW + timedelta(hours=2)).sources[0].outcome == "ok"


@pytest.mark.parametrize("code,permanent", [(301, True), (308, True), (302, False), (307, False)])
def test_redirects(workdir, feed_server, code, permanent):
    new = feed_server.serve("/new.rss", feed_bytes("pemkab-bantul.rss"))
    setup_sources(workdir, feed_server, [("P", "/old.rss", b"", "berita", {"status": code, "headers": {"Location": "/new.rss"}})])
    report = fetch(workdir)
    assert report.sources[0].outcome == "ok" and report.sources[0].stats.new == 7
    st = archive(workdir).state["p"]
    assert st["url"] == (new if permanent else feed_server.url("/old.rss"))
    assert ("dialihkan permanen" in report.sources[0].message) == permanent
    fetch(workdir, now=NOW + timedelta(hours=1))
    assert len(feed_server.requests_to("/old.rss")) == (1 if permanent else 2)


def test_backoff_after_repeated_failures(workdir, feed_server):
    setup_sources(workdir, feed_server, [("P", "/err", b"x", "berita", {"status": 500})])
    r1 = fetch(workdir)
    assert archive(workdir).state["p"]["next_attempt"] is None  # one failure: next run tries again
    r2 = fetch(workdir, now=NOW + timedelta(hours=1))
    st = archive(workdir).state["p"]
    assert st["error_count"] == 2 and "gagal 2x berturut-turut" in r2.sources[0].message
    assert datetime.fromisoformat(st["next_attempt"]) == NOW + timedelta(hours=2)
    r3 = fetch(workdir, now=NOW + timedelta(hours=1, minutes=30))
    assert r3.sources[0].outcome == "lewati" and len(feed_server.requests_to("/err")) == 2
    fetch(workdir, now=NOW + timedelta(hours=2))
    st = archive(workdir).state["p"]
    assert st["error_count"] == 3 and datetime.fromisoformat(st["next_attempt"]) == NOW + timedelta(hours=4)
    # --force ignores the backoff; success resets the counter
    feed_server.serve("/err", feed_bytes("pemkab-bantul.rss"))
    assert fetch(workdir, now=NOW + timedelta(hours=2, minutes=5), force=True).sources[0].outcome == "ok"
    assert archive(workdir).state["p"]["error_count"] == 0
    assert r1.sources[0].failed


def test_vanished_items_stay_and_updates_keep_slug(workdir, feed_server):
    full = feed_bytes("pemkab-bantul.rss").decode()
    setup_sources(workdir, feed_server, [("P", "/f", full.encode(), "berita", {})])
    fetch(workdir)
    slugs = {i["key"]: i["slug"] for i in archive(workdir).items["p"]}
    # the remote feed now keeps only its first item (retitled) and adds a new one
    head, _, rest = full.partition("<item>")
    first_item = rest.split("</item>")[0]
    new_item = first_item.replace("?p=18342", "?p=19000").replace("bupati-resmikan", "berita-baru").replace("Bupati Bantul Resmikan", "Kabar Baru:")
    smaller = head + "<item>" + first_item.replace("Jembatan Gantung", "Jembatan Gantung Baru") + "</item><item>" + new_item + "</item></channel></rss>"
    feed_server.serve("/f", smaller)
    report = fetch(workdir, now=NOW + timedelta(hours=1))
    s = report.sources[0].stats
    assert (s.new, s.updated, s.unchanged) == (1, 1, 0)
    items = archive(workdir).items["p"]
    assert len(items) == 8  # 7 old (6 vanished remotely) + 1 new
    retitled = next(i for i in items if i["key"] == "guid:https://bantulkab.example/?p=18342")
    assert "Jembatan Gantung Baru" in retitled["title"]
    assert retitled["slug"] == slugs[retitled["key"]]  # URLs never change


def test_tombstone_hides_for_good(workdir, feed_server):
    setup_sources(workdir, feed_server, [("P", "/f", "pemkab-bantul.rss", "berita", {})])
    fetch(workdir)
    victim = next(i for i in archive(workdir).items["p"] if "Festival Gerabah" in i["title"])
    other = next(i for i in archive(workdir).items["p"] if "BLK" in i["title"])
    (workdir / "kabar" / "tombstones.yaml").write_text(
        f"- link: {victim['link']}\n  reason: salah unggah\n- id: {other['id']}\n", encoding="utf-8")
    a = archive(workdir)
    assert victim["id"] not in {i["id"] for i in a.visible_items()}  # hidden at once, before any fetch
    report = fetch(workdir, now=NOW + timedelta(hours=1))  # full body again (no etag)
    assert report.sources[0].stats.hidden == 2
    items = archive(workdir).items["p"]
    assert len(items) == 5 and victim["id"] not in {i["id"] for i in items}
    assert archive(workdir).state["p"]["item_count"] == 5


def test_same_item_from_two_sources_appears_once(workdir, feed_server):
    setup_sources(workdir, feed_server, [
        ("Pemkab Bantul", "/a", "pemkab-bantul.rss", "berita", {}),
        ("Cermin Pemkab", "/b", "pemkab-bantul.rss", "berita", {}),
    ])
    report = fetch(workdir)
    assert report.sources[0].stats.new == 7
    assert report.sources[1].stats.new == 0 and report.sources[1].stats.duplicates == 7
    assert len(list(archive(workdir).visible_items())) == 7


def test_hostile_feed_is_archived_clean_with_date_fallback(workdir, feed_server):
    setup_sources(workdir, feed_server, [("Nakal", "/h", "hostile.rss", "berita", {})])
    fetch(workdir)
    raw = (workdir / "kabar" / "items" / "nakal.json").read_text()
    for bad in ("<script", "onerror", "onclick", "javascript:", "data:text", "data:image", "<iframe", "<svg"):
        assert bad not in raw.lower(), bad
    items = {i["title"]: i for i in archive(workdir).items["nakal"]}
    undated = items["Item tanpa tanggal"]
    assert undated["date_source"] == "first_seen" and undated["published"] == NOW.isoformat()
    assert items["Item tanggal masa depan"]["date_source"] == "first_seen"
    assert items["Judul Tebal"]["published"] == "2022-05-17T10:00:00+07:00"


def test_crash_mid_write_leaves_previous_archive_whole(workdir, feed_server, monkeypatch):
    setup_sources(workdir, feed_server, [
        ("A", "/a", "pemkab-bantul.rss", "berita", {}),
        ("B", "/b", "kim-malangan-blog.atom", "berita", {}),
    ])
    fetch(workdir)
    root = workdir / "kabar"
    before = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    feed_server.serve("/a", feed_bytes("bantul-tv.atom"))  # new content for both
    feed_server.serve("/b", feed_bytes("hostile.rss"))
    real_replace = os.replace
    calls = {"n": 0}

    def crashing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # first items file written, then the process dies
            raise KeyboardInterrupt("listrik padam")
        return real_replace(src, dst)

    monkeypatch.setattr(util.os, "replace", crashing_replace)
    with pytest.raises(KeyboardInterrupt):
        fetch(workdir, now=NOW + timedelta(hours=1))
    monkeypatch.setattr(util.os, "replace", real_replace)
    after = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert set(after) == set(before)  # no temp files left behind
    for rel, data in after.items():
        json.loads(data)  # every file is whole
    assert after[root.joinpath("state.json").relative_to(root)] == before[root.joinpath("state.json").relative_to(root)]
    # a re-run is idempotent and completes the job
    fetch(workdir, now=NOW + timedelta(hours=1))
    a = archive(workdir)
    assert len(a.items["a"]) == 7 + 5 and len(a.items["b"]) == 4 + 9


def test_sources_are_fetched_concurrently(workdir, feed_server):
    setup_sources(workdir, feed_server, [
        (f"S{n}", f"/s{n}", "kim-malangan-blog.atom".replace("blog", "blog"), "berita", {"delay": 0.5}) for n in range(6)
    ])
    report = fetch(workdir, cfg=FetchConfig(timeout=5.0))
    assert feed_server.max_in_flight >= 3  # one by one would never overlap
    assert [r.stats.new for r in report.sources] == [4, 0, 0, 0, 0, 0]  # same items: archived once


def test_run_fetch_report_and_exit_codes(workdir, feed_server):
    setup_sources(workdir, feed_server, [
        ("Pemkab Bantul", "/ok", "pemkab-bantul.rss", "berita", {}),
        ("Rusak", "/bad", b"x", "berita", {"status": 500}),
    ])
    out = io.StringIO()
    code = run_fetch(workdir / "sumber.yaml", workdir / "kabar", config=FAST, out=out)
    lines = out.getvalue().splitlines()
    assert code == 0
    assert lines[0].startswith("OK") and "pemkab-bantul" in lines[0] and "baru 7" in lines[0] and "dtk]" in lines[0]
    assert lines[1].startswith("GAGAL") and "HTTP 500" in lines[1]
    assert "2 sumber" in lines[-1] and "1 gagal" in lines[-1]
    assert run_fetch(workdir / "sumber.yaml", workdir / "kabar", strict=True, config=FAST, out=io.StringIO()) == 1
    (workdir / "sumber.yaml").write_text("- name: X\n  kind: koran\n", encoding="utf-8")
    out = io.StringIO()
    assert run_fetch(workdir / "sumber.yaml", workdir / "kabar", config=FAST, out=out) == 2
    assert 'kolom "kind"' in out.getvalue() and 'kolom "url"' in out.getvalue()
