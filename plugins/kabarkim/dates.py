"""Indonesian dates without the OS locale (id_ID is often missing), in WIB.

Parsing feed dates ("Selasa, 17 Mei 2022 10:00 WIB") is kabar.datetimes' job.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


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
