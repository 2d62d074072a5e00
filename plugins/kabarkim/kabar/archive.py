"""The archive of imported items: plain files, reviewable in git.

Layout (``content/kabar/`` by default; see kabar/README.md)::

    state.json              per-source state (URL, ETag, Last-Modified, last
                            success, error count, last error, next attempt…)
    items/<source-id>.json  every item ever fetched from that source
    tombstones.yaml         items an operator hid for good (by id, link or guid)

Rules:
* an item is never removed because it vanished from the remote feed;
* an item matching a tombstone is never (re)added, and is dropped from the
  items file on the next fetch; the site generator skips it immediately;
* the same item (same GUID, or same link) from two sources is kept once, by
  the source that archived it first;
* every file is written atomically (temp file + os.replace): items files
  first, state.json last, so a crash leaves each file either old or new and a
  re-run is idempotent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .util import atomic_write_json, iso, parse_iso, short_hash, slugify

FORMAT = 1
STATE_FILE = "state.json"
ITEMS_DIR = "items"
TOMBSTONES_FILE = "tombstones.yaml"

# Fields that make an item "updated" when they change (views do not).
_FINGERPRINT_FIELDS = ("title", "summary", "content_html", "description", "image", "link")
_ITEM_FIELDS_FROM_FEED = ("title", "summary", "content_html", "description", "image", "author", "tags", "link", "raw_date")


class ArchiveError(Exception):
    """The archive files cannot be read; message is Indonesian."""


def norm_link(url: str | None) -> str | None:
    """Link for cross-source comparison: no scheme, lower-case host, no trailing slash."""
    if not url:
        return None
    try:
        p = urlsplit(url)
    except ValueError:
        return None
    host = (p.hostname or "").lower().removeprefix("www.")
    path = p.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{p.query}" if p.query else "")


def item_id(key: str) -> str:
    return "k" + short_hash(key, 11)


def fingerprint(item: dict) -> str:
    blob = json.dumps([item.get(f) for f in _FINGERPRINT_FIELDS], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@dataclass
class Tombstones:
    ids: set = field(default_factory=set)
    links: set = field(default_factory=set)
    guids: set = field(default_factory=set)
    entries: list = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "Tombstones":
        t = cls()
        path = Path(path)
        if not path.exists():
            return t
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ArchiveError(f"{path}: YAML tidak bisa dibaca ({exc}). Perbaiki berkasnya: item yang disembunyikan "
                               "tidak boleh muncul lagi, jadi proses dihentikan.") from None
        if data is None:
            return t
        if not isinstance(data, list):
            raise ArchiveError(f"{path}: isi harus berupa daftar, contoh: '- link: https://...'.")
        for n, entry in enumerate(data, start=1):
            if not isinstance(entry, dict) or not any(entry.get(k) for k in ("id", "link", "guid")):
                raise ArchiveError(f"{path}, entri ke-{n}: tulis salah satu kolom id, link atau guid dari item yang disembunyikan.")
            if entry.get("id"):
                t.ids.add(str(entry["id"]).strip())
            if entry.get("link"):
                t.links.add(norm_link(str(entry["link"]).strip()))
            if entry.get("guid"):
                t.guids.add(str(entry["guid"]).strip())
            t.entries.append(entry)
        return t

    def hides(self, item: dict) -> bool:
        if item.get("id") and item["id"] in self.ids:
            return True
        if item.get("key") and item_id(item["key"]) in self.ids:
            return True
        if item.get("guid") and item["guid"] in self.guids:
            return True
        link = norm_link(item.get("link"))
        return bool(link and link in self.links)


@dataclass
class MergeStats:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    hidden: int = 0


class Archive:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.state: dict[str, dict] = {}
        self.items: dict[str, list[dict]] = {}
        self.tombstones = Tombstones()
        self._dirty: set[str] = set()
        self._index = None  # (by_key, by_link), built once per fetch, kept up to date

    # ---- reading -------------------------------------------------------
    @classmethod
    def load(cls, root: Path) -> "Archive":
        a = cls(root)
        state_path = a.root / STATE_FILE
        if state_path.exists():
            try:
                data = json.loads(state_path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise ArchiveError(f"{state_path}: JSON tidak bisa dibaca ({exc}). Pulihkan dari git: git checkout -- {state_path}") from None
            a.state = dict(data.get("sources") or {})
        items_dir = a.root / ITEMS_DIR
        if items_dir.is_dir():
            for path in sorted(items_dir.glob("*.json")):
                if path.name.startswith("."):
                    continue  # leftover temp file of a crashed write
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    raise ArchiveError(f"{path}: JSON tidak bisa dibaca ({exc}). Pulihkan dari git: git checkout -- {path}") from None
                a.items[path.stem] = list(data.get("items") or [])
        a.tombstones = Tombstones.load(a.root / TOMBSTONES_FILE)
        return a

    def visible_items(self):
        """Every archived item not hidden by a tombstone (for the site)."""
        for sid in sorted(self.items):
            for item in self.items[sid]:
                if not self.tombstones.hides(item):
                    yield item

    # ---- merging -------------------------------------------------------
    def _indexes(self):
        if self._index is None:
            self._index = self._build_indexes()
        return self._index

    def _build_indexes(self):
        by_key: dict[str, tuple[str, dict]] = {}
        by_link: dict[str, tuple[str, dict]] = {}
        for sid, items in self.items.items():
            for it in items:
                by_key.setdefault(it["key"], (sid, it))
                link = norm_link(it.get("link"))
                if link:
                    by_link.setdefault(link, (sid, it))
        return by_key, by_link

    def merge(self, source, parsed_items: list[dict], now: datetime) -> MergeStats:
        """Add/refresh ``parsed_items`` of ``source``; never removes items."""
        stats = MergeStats()
        by_key, by_link = self._indexes()
        mine = self.items.setdefault(source.id, [])
        before = len(mine)
        # Drop items an operator tombstoned since the last fetch.
        mine[:] = [it for it in mine if not self.tombstones.hides(it)]
        changed = len(mine) != before
        now_iso = iso(now)
        for p in parsed_items:
            if self.tombstones.hides({**p, "id": item_id(p["key"])}):
                stats.hidden += 1
                continue
            found = by_key.get(p["key"])
            if not found:
                link = norm_link(p.get("link"))
                found = by_link.get(link) if link else None
            if found and found[0] != source.id:
                stats.duplicates += 1
                continue
            if found:
                rec = found[1]
                if p.get("views") is not None and rec.get("views") != p["views"]:
                    rec["views"] = p["views"]
                    changed = True
                fp = fingerprint(p)
                if fp != rec.get("fingerprint"):
                    if p.get("image") != rec.get("image"):
                        # A new image URL gets fresh download attempts (thumbs.py).
                        rec.pop("thumbnail_attempts", None)
                        rec.pop("thumbnail_error", None)
                    for f in _ITEM_FIELDS_FROM_FEED:
                        if f == "link" and not p.get("link"):
                            continue
                        rec[f] = p.get(f)
                    rec["fingerprint"] = fp
                    if p.get("updated"):
                        rec["updated"] = iso(p["updated"])
                    stats.updated += 1
                    changed = True
                else:
                    stats.unchanged += 1
                if p.get("published") and (rec.get("date_source") != "feed" or rec.get("published") != iso(p["published"])):
                    rec["published"] = iso(p["published"])
                    rec["date_source"] = "feed"
                    changed = True
                self._apply_source(rec, source)
                continue
            rec = self._new_record(p, source, now_iso)
            mine.append(rec)
            by_key[rec["key"]] = (source.id, rec)
            link = norm_link(rec.get("link"))
            if link:
                by_link.setdefault(link, (source.id, rec))
            stats.new += 1
            changed = True
        for rec in mine:
            changed |= self._apply_source(rec, source)
        mine.sort(key=lambda r: (r.get("published") or "", r["id"]), reverse=True)
        # Only write on real changes, so an unchanged feed leaves git clean.
        if changed:
            self._dirty.add(source.id)
        return stats

    @staticmethod
    def _apply_source(rec: dict, source) -> bool:
        wanted = {"source": source.id, "source_name": source.name, "kind": source.kind,
                  "kim": source.kim, "category": source.category}
        changed = any(rec.get(k) != v for k, v in wanted.items())
        rec.update(wanted)
        return changed

    def _new_record(self, p: dict, source, now_iso: str) -> dict:
        iid = item_id(p["key"])
        base = slugify(p.get("title") or "", 60) or ("video" if source.kind == "video" else "kabar")
        rec = {
            "id": iid,
            "key": p["key"],
            "guid": p.get("guid"),
            "slug": f"{base}-{iid[1:7]}",
            "first_seen": now_iso,
            "published": iso(p["published"]) if p.get("published") else now_iso,
            "date_source": "feed" if p.get("published") else "first_seen",
            "updated": iso(p["updated"]) if p.get("updated") else None,
            "video_id": p.get("video_id"),
            "views": p.get("views"),
            "fingerprint": fingerprint(p),
        }
        for f in _ITEM_FIELDS_FROM_FEED:
            rec[f] = p.get(f)
        self._apply_source(rec, source)
        return rec

    # ---- state ---------------------------------------------------------
    def source_state(self, source) -> dict:
        st = self.state.setdefault(source.id, {})
        if st.get("configured_url") != source.url:
            # New source, or the operator changed its URL: start afresh.
            st.update({"configured_url": source.url, "url": source.url, "etag": None, "last_modified": None,
                       "error_count": 0, "next_attempt": None, "gone": False})
        st.update({"name": source.name, "kind": source.kind, "kim": source.kim, "category": source.category,
                   "active": True})
        st.setdefault("error_count", 0)
        return st

    def mark_dirty(self, source_id: str) -> None:
        self._dirty.add(source_id)

    # ---- writing -------------------------------------------------------
    def save(self, all_items: bool = False) -> None:
        """Write changed items files, then state.json (each atomically)."""
        for sid in sorted(self.items if all_items else self._dirty):
            if sid not in self.items:
                continue
            atomic_write_json(self.root / ITEMS_DIR / f"{sid}.json",
                              {"format": FORMAT, "source": sid, "items": self.items[sid]})
        for sid, st in self.state.items():
            st["item_count"] = sum(1 for it in self.items.get(sid, []) if not self.tombstones.hides(it))
        atomic_write_json(self.root / STATE_FILE, {"format": FORMAT, "sources": self.state})
        self._dirty.clear()


def item_datetime(item: dict, field_name: str = "published") -> datetime | None:
    return parse_iso(item.get(field_name))
