"""Indonesian dates by our own code, not the OS locale."""

from datetime import date, datetime, timezone

import pytest

from kabarkim.dates import format_date, format_short_date

CASES = [
    (date(2022, 5, 17), {}, "Selasa, 17 Mei 2022"),
    (datetime(2026, 11, 28, 9, 5), {"with_time": True}, "Sabtu, 28 November 2026, 09.05 WIB"),
    (datetime(2026, 1, 4, 23, 30, tzinfo=timezone.utc), {}, "Senin, 5 Januari 2026"),  # UTC evening is WIB morning
    (datetime(2025, 8, 17, 10, 0), {"with_day": False}, "17 Agustus 2025"),
    (None, {}, ""),
]


@pytest.mark.parametrize("value,options,expected", CASES)
def test_format_date(value, options, expected):
    assert format_date(value, **options) == expected


def test_short_date_has_no_day_name():
    assert format_short_date(date(2024, 2, 29)) == "29 Februari 2024"
