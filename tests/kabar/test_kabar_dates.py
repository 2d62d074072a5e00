"""Feed dates: Indonesian names, WIB/WITA/WIT, fallbacks."""

from datetime import datetime

import pytest

from kabarkim.kabar.datetimes import parse_feed_date
from kabarkim.kabar.util import WIB

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=WIB)


@pytest.mark.parametrize("raw,expected", [
    ("Selasa, 17 Mei 2022 10:00:00 WIB", "2022-05-17T10:00:00+07:00"),
    ("Tue, 17 May 2022 10:00:00 WIB", "2022-05-17T10:00:00+07:00"),   # feedparser says 10:00 UTC
    ("Tue, 17 May 2022 10:00:00 WITA", "2022-05-17T09:00:00+07:00"),
    ("Tue, 17 May 2022 10:00:00 WIT", "2022-05-17T08:00:00+07:00"),
    ("17 Agustus 2023 pukul 08.30 WITA", "2023-08-17T07:30:00+07:00"),
    ("Jum'at, 3 Nopember 2023 07.15 WIB", "2023-11-03T07:15:00+07:00"),
    ("Minggu, 5 Desember 2021 19:30 WIB", "2021-12-05T19:30:00+07:00"),
    ("Rabu, 1 Januari 2025", "2025-01-01T00:00:00+07:00"),
    ("12 Okt 2025 10:00", "2025-10-12T10:00:00+07:00"),                 # no zone: WIB
    ("Mon, 02 Mar 2026 09:00:00 +0700", "2026-03-01T09:00:00+07:00".replace("01T", "02T")),
    ("Fri, 13 Feb 2026 08:00:00 GMT", "2026-02-13T15:00:00+07:00"),
    ("2026-02-01T02:00:00+00:00", "2026-02-01T09:00:00+07:00"),          # ISO is never day-first
    ("2026-02-01T02:00:00Z", "2026-02-01T09:00:00+07:00"),
    ("2025-10-20T19:00:00.000+07:00", "2025-10-20T19:00:00+07:00"),
    ("2022-05-17", "2022-05-17T00:00:00+07:00"),
])
def test_parses(raw, expected):
    assert parse_feed_date(raw, NOW).isoformat() == expected


@pytest.mark.parametrize("raw", [
    None, "", "kemarin sore", "Sabtu, 31 Februari 2022", "Fri, 01 Jan 2999 00:00:00 +0000",
    "01 Jan 1970 00:00:00 GMT", "x" * 500, "2026-03-05T00:00:00+07:00",
])
def test_unusable_dates_give_none(raw):
    # None -> the archive uses the first-seen time (documented fallback)
    assert parse_feed_date(raw, NOW) is None
