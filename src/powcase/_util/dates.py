"""Date arithmetic the law uses (periods in months, as treaties count them), and the as-of date
that findings are evaluated on.
"""

from __future__ import annotations

import calendar
import datetime

__all__ = ["add_months", "as_of_problem", "evaluated_on"]


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


def evaluated_on(as_of: datetime.date | None, last: datetime.date | None) -> datetime.date | None:
    """The day flags, the docket and hypothetical steps are judged on: the as-of date if one
    is given, else the last event's date (never today's date).
    """
    return as_of or last


def as_of_problem(as_of: datetime.date | None, last: datetime.date | None) -> str | None:
    """What is wrong with an as-of date, or a hypothetical step's date, given the last event's
    date: findings as of a day before it would ignore recorded events.

    >>> as_of_problem(datetime.date(2025, 1, 1), datetime.date(2025, 3, 1))
    '2025-01-01 is before the last event (2025-03-01)'
    """
    if as_of is not None and last is not None and as_of < last:
        return f"{as_of} is before the last event ({last})"
    return None
