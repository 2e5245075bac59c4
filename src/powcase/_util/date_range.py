"""The range of dates powcase accepts: wide enough for any case since the first Geneva
Convention's era and far into the future, narrow enough that every deadline the law computes
from a date in it (years at most) stays a date Python can represent.
"""

from __future__ import annotations

import datetime

from powcase._util.templates import problem_text

__all__ = ["FIRST_DAY", "LAST_DAY", "LONGEST_DAYS", "LONGEST_MONTHS", "RANGE", "day_problem"]

FIRST_DAY = datetime.date(1850, 1, 1)
"""The earliest date accepted."""
LAST_DAY = datetime.date(2199, 12, 31)
"""The latest date accepted: deadlines run a century past it at most, far from 9999-12-31."""
LONGEST_DAYS = 36_500
"""The longest period in days law data may set (a century): a deadline stays a date."""
LONGEST_MONTHS = 1_200
"""The longest period in months law data may set (a century)."""
RANGE = problem_text("a date from {first} to {last}").format(first=FIRST_DAY, last=LAST_DAY)
"""The accepted range, as error messages say it."""


def day_problem(day: datetime.date) -> str | None:
    """What is wrong with ``day``, or None when it is in the accepted range.

    >>> day_problem(datetime.date(9999, 12, 30))
    '9999-12-30 is outside the dates powcase accepts (1850-01-01 to 2199-12-31)'
    """
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return problem_text("{day} is outside the dates powcase accepts ({first} to {last})").format(
        day=day, first=FIRST_DAY, last=LAST_DAY
    )
