"""Feed dates: English and Indonesian names, WIB/WITA/WIT zones.

feedparser reads "Tue, 17 May 2022 10:00:00 WIB" as 10:00 UTC (it does not
know WIB) and cannot read "Selasa, 17 Mei 2022 10:00:00 WIB" at all, so the
raw date string of every entry goes through :func:`parse_feed_date` first;
feedparser's own ``*_parsed`` value is only a fallback.

Rules (documented in kabar/README.md):
* Indonesian day names are ignored, month names/abbreviations translated.
* WIB = UTC+7, WITA = UTC+8, WIT = UTC+9; "10.00 WIB" means 10:00.
* A date without a zone is WIB (the regency's local time).
* Unparseable, before 1990, or more than a day in the future -> ``None``
  (the caller then uses the item's first-seen time).
"""

from __future__ import annotations

import re
import time
from calendar import timegm
from datetime import datetime, timedelta, timezone

from dateutil import parser as _du

from .util import WIB

ZONES = {
    "WIB": 7 * 3600, "WITA": 8 * 3600, "WIT": 9 * 3600,
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0,
}

_MONTHS = {
    "januari": "January", "jan": "January",
    "februari": "February", "pebruari": "February", "feb": "February", "peb": "February",
    "maret": "March", "mar": "March",
    "april": "April", "apr": "April",
    "mei": "May",
    "juni": "June", "jun": "June",
    "juli": "July", "jul": "July",
    "agustus": "August", "agu": "August", "agt": "August", "ags": "August", "aug": "August",
    "september": "September", "sep": "September", "sept": "September",
    "oktober": "October", "okt": "October", "oct": "October",
    "november": "November", "nopember": "November", "nov": "November", "nop": "November",
    "desember": "December", "des": "December", "dec": "December",
}
_DAYS = r"(senin|selasa|rabu|kamis|jum'?at|jumat|sabtu|minggu|ahad|mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_DAY_RE = re.compile(r"\b" + _DAYS + r"\b,?", re.I)
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)
_ZONE_RE = re.compile(r"\b(WITA|WIB|WIT)\b", re.I)
_DOT_TIME_RE = re.compile(r"\b(\d{1,2})\.(\d{2})(?:\.(\d{2}))?(?=\s*(?:WIB|WITA|WIT|$|[+-]\d{2}))", re.I)
_PUKUL_RE = re.compile(r"\b(pukul|jam)\b", re.I)

MIN_YEAR = 1990


def parse_feed_date(raw: str | None, now: datetime | None = None) -> datetime | None:
    """Parse a feed date string; return an aware datetime in WIB or None."""
    if not raw or not isinstance(raw, str):
        return None
    text = raw.strip()
    if not text or len(text) > 100:
        return None
    iso_dt = _parse_iso(text)
    if iso_dt is not None:
        return _plausible(iso_dt, now)
    text = _DAY_RE.sub(" ", text)
    text = _PUKUL_RE.sub(" ", text)
    text = _MONTH_RE.sub(lambda m: _MONTHS[m.group(1).lower()], text)
    text = _DOT_TIME_RE.sub(lambda m: f"{m.group(1)}:{m.group(2)}" + (f":{m.group(3)}" if m.group(3) else ""), text)
    text = _ZONE_RE.sub(lambda m: " " + m.group(1).upper(), text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    try:
        dt = _du.parse(text, tzinfos=ZONES, dayfirst=True, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=WIB)
    return _plausible(dt, now)


_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def _parse_iso(text: str) -> datetime | None:
    """ISO 8601 / RFC 3339 (Atom): never day-first."""
    if not _ISO_RE.match(text):
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=WIB)


def from_struct(st: time.struct_time | None, now: datetime | None = None) -> datetime | None:
    """feedparser's UTC struct_time -> aware datetime (fallback only)."""
    if not st:
        return None
    try:
        dt = datetime.fromtimestamp(timegm(st), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None
    return _plausible(dt, now)


def _plausible(dt: datetime, now: datetime | None) -> datetime | None:
    dt = dt.astimezone(WIB).replace(microsecond=0)
    now = now or datetime.now(WIB)
    if dt.year < MIN_YEAR or dt > now + timedelta(days=1):
        return None
    return dt
