"""`kim fetch`: sources -> fetch -> parse -> clean -> archive, one report line per source.

Entry points:
* :func:`run_fetch(sources_file, archive_dir, strict=False) -> int` – what
  ``kim fetch`` calls; prints the report, returns the exit code
  (0 ok; 1 some source failed and ``strict``; 2 configuration error;
  3 another fetch is running on the same archive).
* :func:`fetch_sources` – the same without printing; returns a FetchReport
  (used by tests and bench/fetch_bench.py).
* :func:`add_fetch_parser(subparsers)` – adds ``fetch`` to an argparse CLI.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from . import parser as feed_parser
from . import thumbs
from .archive import Archive, ArchiveError, MergeStats
from .fetcher import FetchConfig, FetchRequest, FetchResult, backoff_delay, fetch_all
from .sources import Source, SourcesError, load_sources
from .util import iso, now_wib, parse_iso

DEFAULT_SOURCES = Path("content/sumber.yaml")
DEFAULT_ARCHIVE = Path("content/kabar")

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_LOCKED = 0, 1, 2, 3


@dataclass
class SourceReport:
    source: Source
    outcome: str                 # baru | tetap | 304 | gagal | hilang | lewati
    stats: MergeStats = field(default_factory=MergeStats)
    message: str = ""
    elapsed: float = 0.0
    parsed: bool = False
    http_status: int | None = None

    @property
    def failed(self) -> bool:
        return self.outcome in ("gagal", "hilang")

    def line(self) -> str:
        s = self.stats
        if self.outcome in ("ok",):
            detail = f"baru {s.new}, diperbarui {s.updated}, tetap {s.unchanged}"
            if s.duplicates:
                detail += f", ganda {s.duplicates}"
            if s.hidden:
                detail += f", disembunyikan {s.hidden}"
            label = "OK"
        elif self.outcome == "304":
            label, detail = "OK", "tidak berubah (304), tidak diurai"
        elif self.outcome == "lewati":
            label, detail = "LEWATI", ""
        elif self.outcome == "hilang":
            label, detail = "HILANG", ""
        else:
            label, detail = "GAGAL", ""
        text = "; ".join(x for x in (detail, self.message) if x)
        return f"{label:<6} {self.source.id:<28} {text} [{self.elapsed:.2f} dtk]"


@dataclass
class FetchReport:
    sources: list[SourceReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def failed(self) -> list[SourceReport]:
        return [r for r in self.sources if r.failed]

    @property
    def parse_calls(self) -> int:
        return sum(1 for r in self.sources if r.parsed)

    def summary(self) -> str:
        n = len(self.sources)
        new = sum(r.stats.new for r in self.sources)
        upd = sum(r.stats.updated for r in self.sources)
        nm = sum(1 for r in self.sources if r.outcome == "304")
        skipped = sum(1 for r in self.sources if r.outcome == "lewati")
        return (f"{n} sumber: {n - len(self.failed) - skipped} berhasil ({nm} tidak berubah), "
                f"{len(self.failed)} gagal, {skipped} dilewati; {new} item baru, {upd} diperbarui "
                f"[{self.elapsed:.2f} dtk]")


@contextmanager
def _archive_lock(archive_dir: Path):
    """One fetch at a time per archive (an hourly cron run may overlap)."""
    import fcntl

    digest = hashlib.sha256(str(Path(archive_dir).resolve()).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"kabarkim-fetch-{digest}.lock"
    fh = open(path, "w")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError(f"kim fetch lain sedang berjalan untuk {archive_dir}; coba lagi nanti.") from None
        yield
    finally:
        fh.close()


def _record_failure(st: dict, now: datetime, error: str, retry_after: float | None = None) -> None:
    st["error_count"] = int(st.get("error_count") or 0) + 1
    st["last_error"] = error
    st["last_error_at"] = iso(now)
    wait = backoff_delay(st["error_count"])
    if retry_after is not None:
        wait = max(wait, timedelta(seconds=retry_after))
    st["next_attempt"] = iso(now + wait) if wait else None


def _record_success(st: dict, now: datetime) -> None:
    st["error_count"] = 0
    st["last_success"] = iso(now)
    st["next_attempt"] = None


def _process(archive: Archive, src: Source, st: dict, res: FetchResult, now: datetime) -> SourceReport:
    rep = SourceReport(source=src, outcome="gagal", elapsed=res.elapsed, http_status=res.http_status)
    st["last_attempt"] = iso(now)
    st["last_status"] = res.http_status
    st["last_duration"] = round(res.elapsed, 2)
    notes = []
    if res.permanent_redirect and res.permanent_redirect != st.get("url"):
        notes.append(f"dialihkan permanen ke {res.permanent_redirect} (alamat disimpan; perbarui juga daftar sumber)")
        st["url"] = res.permanent_redirect
    if res.status == "gone":
        st["gone"] = True
        st["last_error"] = res.error
        st["last_error_at"] = iso(now)
        rep.outcome = "hilang"
        rep.message = f"{res.error}; sumber tidak diambil lagi. Hapus dari daftar sumber atau ganti URL-nya."
        return rep
    if res.status == "not_modified":
        _record_success(st, now)
        if res.etag:
            st["etag"] = res.etag
        if res.last_modified:
            st["last_modified"] = res.last_modified
        rep.outcome = "304"
        rep.message = "; ".join(notes)
        return rep
    if res.status == "ok":
        rep.parsed = True
        try:
            parsed = feed_parser.parse_feed(res.body or b"", st.get("url") or src.url, kind=src.kind,
                                            headers=res.headers, now=now)
        except feed_parser.FeedError as exc:
            _record_failure(st, now, str(exc))
            rep.message = f"{exc}; item lama tetap ada" + _retry_note(st)
            return rep
        rep.stats = archive.merge(src, parsed["items"], now)
        # Validators are stored only after a successful parse, so a broken
        # body is fetched again in full next time.
        st["etag"] = res.etag
        st["last_modified"] = res.last_modified
        st["feed_title"] = parsed.get("title") or None
        _record_success(st, now)
        rep.outcome = "ok"
        rep.message = "; ".join(notes)
        return rep
    _record_failure(st, now, res.error or "gagal", res.retry_after)
    rep.message = (res.error or "gagal") + "; item lama tetap ada" + _retry_note(st)
    if notes:
        rep.message += "; " + "; ".join(notes)
    return rep


def _retry_note(st: dict) -> str:
    n = st.get("error_count") or 0
    note = f" (gagal {n}x berturut-turut"
    nxt = parse_iso(st.get("next_attempt"))
    if nxt:
        note += f", dicoba lagi mulai {nxt.strftime('%d-%m-%Y %H:%M')} WIB"
    return note + ")"


def fetch_sources(sources_file: Path, archive_dir: Path, *, config: FetchConfig | None = None,
                  force: bool = False, now: datetime | None = None, kim_dir: Path | None = None,
                  include_kim_sources: bool = True) -> FetchReport:
    """Fetch every due source into the archive. Raises SourcesError/ArchiveError/RuntimeError."""
    start = time.monotonic()
    sources, warnings = load_sources(Path(sources_file), kim_dir, include_kim_sources)
    report = FetchReport(warnings=warnings)
    archive_dir = Path(archive_dir)
    with _archive_lock(archive_dir):
        archive = Archive.load(archive_dir)
        now = now or now_wib()
        active_ids = {s.id for s in sources}
        for sid, st in archive.state.items():
            if sid not in active_ids:
                st["active"] = False  # removed from the list: items stay on the site
        due: list[tuple[Source, dict]] = []
        for src in sources:
            st = archive.source_state(src)
            if st.get("gone") and not force:
                report.sources.append(SourceReport(src, "hilang", message="ditandai hilang (HTTP 410) sejak "
                                                   f"{st.get('last_error_at') or '?'}; ganti URL atau hapus sumbernya"))
                continue
            nxt = parse_iso(st.get("next_attempt"))
            if nxt and nxt > now and not force:
                report.sources.append(SourceReport(src, "lewati", message=f"menunggu setelah {st.get('error_count')}x gagal: "
                                                   f"{st.get('last_error')}; dicoba lagi mulai {nxt.strftime('%d-%m-%Y %H:%M')} WIB"))
                continue
            due.append((src, st))
        requests = [FetchRequest(key=src.id, url=st.get("url") or src.url, etag=st.get("etag"),
                                 last_modified=st.get("last_modified")) for src, st in due]
        cfg = config or FetchConfig()
        results = fetch_all(requests, cfg)
        for src, st in due:
            report.sources.append(_process(archive, src, st, results[src.id], now))
        if cfg.thumbnails:
            # Local thumbnails for the sources that answered; a failed image never fails its item or source.
            ok_ids = [r.source.id for r in report.sources if r.outcome in ("ok", "304")]
            per_source = thumbs.fetch_thumbnails(archive, ok_ids, cfg)
            for rep in report.sources:
                note = per_source[rep.source.id].note() if rep.source.id in per_source else ""
                if note:
                    rep.message = "; ".join(x for x in (rep.message, note) if x)
        archive.save()
    order = {s.id: n for n, s in enumerate(sources)}
    report.sources.sort(key=lambda r: order.get(r.source.id, 0))
    report.elapsed = time.monotonic() - start
    return report


def run_fetch(sources_file=DEFAULT_SOURCES, archive_dir=DEFAULT_ARCHIVE, strict: bool = False, *,
              config: FetchConfig | None = None, force: bool = False, out=None) -> int:
    """Run a fetch and print one line per source. Returns the exit code."""
    out = out or sys.stdout
    try:
        report = fetch_sources(Path(sources_file), Path(archive_dir), config=config, force=force)
    except SourcesError as exc:
        print("Daftar sumber belum benar, tidak ada yang diambil:", file=out)
        for err in exc.errors:
            print(f"  - {err}", file=out)
        return EXIT_CONFIG
    except ArchiveError as exc:
        print(f"Arsip tidak bisa dibaca: {exc}", file=out)
        return EXIT_CONFIG
    except RuntimeError as exc:
        print(str(exc), file=out)
        return EXIT_LOCKED
    for w in report.warnings:
        print(f"PERINGATAN {w}", file=out)
    for rep in report.sources:
        print(rep.line(), file=out)
    print(report.summary(), file=out)
    if strict and report.failed:
        return EXIT_FAILED
    return EXIT_OK


def add_fetch_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``fetch`` to an argparse subparsers object; sets ``func`` to call with the args."""
    p = subparsers.add_parser(
        "fetch", help="ambil feed sumber luar (berita kabupaten, YouTube, blog KIM) ke arsip",
        description="Ambil semua sumber secara bersamaan dan simpan item barunya ke arsip. "
                    "Sumber yang gagal tidak menghapus item lama.")
    p.add_argument("--sources", default=None, metavar="FILE",
                   help="daftar sumber YAML (bawaan: KABAR_SOURCES di pengaturan, atau <PATH>/sumber.yaml)")
    p.add_argument("--archive", default=None, metavar="DIR",
                   help="folder arsip (bawaan: KABAR_ARCHIVE di pengaturan, atau <PATH>/kabar)")
    p.add_argument("--strict", action="store_true", help="keluar dengan kode 1 bila ada sumber yang gagal")
    p.add_argument("--force", action="store_true", help="abaikan jeda backoff dan tanda 410; coba semua sumber")
    p.add_argument("--timeout", type=float, default=None, metavar="DTK", help="batas waktu per sumber (bawaan 20)")
    p.set_defaults(func=fetch_command)
    return p


def default_paths(settings_file: str | None = None) -> tuple[Path, Path]:
    """(sources file, archive dir) from Pelican settings when available."""
    sources, archive = DEFAULT_SOURCES, DEFAULT_ARCHIVE
    if settings_file and Path(settings_file).is_file():
        try:
            from pelican.settings import read_settings

            settings = read_settings(settings_file)
        except Exception:  # settings broken: fetch must still work
            return sources, archive
        content = Path(settings.get("PATH") or "content")
        sources = Path(settings.get("KABAR_SOURCES") or content / "sumber.yaml")
        archive = Path(settings.get("KABAR_ARCHIVE") or content / "kabar")
    return sources, archive


def fetch_command(args: argparse.Namespace) -> int:
    cfg = FetchConfig()
    if getattr(args, "timeout", None):
        cfg.timeout = args.timeout
    sources, archive = default_paths(getattr(args, "settings", None) or "pelicanconf.py")
    return run_fetch(args.sources or sources, args.archive or archive, strict=args.strict, config=cfg,
                     force=getattr(args, "force", False))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="kim")
    sub = ap.add_subparsers(dest="command", required=True)
    add_fetch_parser(sub)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # python -m kabarkim.kabar.fetch fetch ...
    sys.exit(main())
