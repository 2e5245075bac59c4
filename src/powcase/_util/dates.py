"""Date arithmetic the law uses: periods in months, as treaties count them."""

from __future__ import annotations

import calendar
import datetime

__all__ = ["add_months"]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day where it has no such day.

    >>> add_months(datetime.date(2025, 8, 31), 6)
    datetime.date(2026, 2, 28)
    """
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
