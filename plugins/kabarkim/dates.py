"""Indonesian dates without the OS locale (id_ID is often missing), in WIB."""

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
MONTHS_SHORT = tuple(m[:3] for m in MONTHS)

# Indonesian zone abbreviations that parsers (feedparser, dateutil) read as UTC.
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}

_MONTH_WORDS = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_WORDS.update({m.lower(): i for i, m in enumerate(MONTHS_SHORT, 1)})
_MONTH_WORDS.update({"agu": 8, "agt": 8, "ags": 8, "okt": 10, "nop": 11, "des": 12, "peb": 2})


def to_wib(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        return value.replace(tzinfo=WIB)
    return value.astimezone(WIB)


def format_date(value, with_day: bool = True, with_time: bool = False) -> str:
    """'Selasa, 17 Mei 2022' (and ', 09.30 WIB' with the time)."""
    if not value:
        return ""
    value = to_wib(value)
    text = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if with_day:
        text = f"{DAYS[value.weekday()]}, {text}"
    if with_time:
        text += f", {value:%H.%M} WIB"
    return text


def format_short_date(value) -> str:
    """'17 Mei 2022', for cards and lists."""
    return format_date(value, with_day=False)


_ID_DATE = re.compile(
    r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad),?\s*)?"
    r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?\s+(?P<year>\d{4})"
    r"(?:[,\s]+(?:pukul\s+)?(?P<hour>\d{1,2})[.:](?P<minute>\d{2})(?:[.:](?P<second>\d{2}))?)?"
    r"\s*(?P<zone>WIB|WITA|WIT)?",
    re.IGNORECASE,
)


def parse_indonesian(text: str) -> datetime | None:
    """Parse '17 Mei 2022', 'Selasa, 17 Mei 2022 10:00:00 WIB' and similar; None if not."""
    match = _ID_DATE.search(text or "")
    if not match or match["month"].lower() not in _MONTH_WORDS:
        return None
    zone = ZONES[match["zone"].upper()] if match["zone"] else 7
    try:
        return datetime(
            int(match["year"]), _MONTH_WORDS[match["month"].lower()], int(match["day"]),
            int(match["hour"] or 0), int(match["minute"] or 0), int(match["second"] or 0),
            tzinfo=timezone(timedelta(hours=zone)),
        )
    except ValueError:
        return None
