"""The rules of flags and obligations as data: a flag's severity and citations, an
obligation's provision, period and what meets it, each with its text.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

from powcase._util.dates import add_months

if TYPE_CHECKING:
    from powcase.model.assumptions import Assumptions

__all__ = ["FlagRule", "ObligationRule", "Severity", "Status", "gravity"]

_PERIOD = re.compile(r"^(\d+) (days|months)$")


@functools.cache
def _fixed_period(period: str) -> tuple[int, str] | None:
    """``(count, unit)`` of a fixed period (``"7 days"``), None for an assumption's key; a
    docket reads the periods of a few rules many times, so each is parsed once.
    """
    fixed = _PERIOD.match(period)
    return (int(fixed.group(1)), fixed.group(2)) if fixed else None


class Severity(enum.StrEnum):
    """How grave a flag is, most grave first."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


def gravity(severity: Severity | str) -> int:
    """The rank of a severity, 0 for the gravest: the one order flags are listed in.

    >>> sorted(["low", "critical", "medium"], key=gravity)
    ['critical', 'medium', 'low']
    """
    return _GRAVITY[severity]


_GRAVITY: dict[str, int] = {str(severity): rank for rank, severity in enumerate(Severity)}
"""The rank of each severity; a StrEnum member looks itself up as its string."""


@attrs.frozen
class FlagRule:
    """A flag code with its severity, the provisions it engages and what it means."""

    code: str
    severity: Severity
    cites: tuple[str, ...]
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The form ``describe()`` lists."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "cites": list(self.cites),
            "text": self.text,
        }


@attrs.frozen
class ObligationRule:
    """An obligation of the docket: its provision, its period, what meets it, what it asks."""

    code: str
    provision: str
    period: str
    """``"7 days"``, ``"6 months"`` or the key of an assumption that gives a number of days
    (``"information_days"``)."""
    met_by: str
    """An event name, or ``leaving_custody``."""
    without_delay: bool = False
    """The treaty sets no period ("immediately", "rapidly", "without delay"): the period is
    an assumption or a proxy."""
    text: str = ""

    def days(self, assumptions: Assumptions, start: datetime.date) -> datetime.date:
        """The due date for an obligation started on ``start``."""
        fixed = _fixed_period(self.period)
        if fixed is None:
            return start + datetime.timedelta(days=getattr(assumptions, self.period))
        count, unit = fixed
        if unit == "months":
            return add_months(start, count)
        return start + datetime.timedelta(days=count)

    def to_dict(self) -> dict[str, Any]:
        """The form ``describe()`` lists."""
        return {
            "code": self.code,
            "provision": self.provision,
            "due": self.period,
            "met_by": self.met_by,
            "without_delay": self.without_delay,
            "text": self.text,
        }


class Status(enum.StrEnum):
    """Where an obligation stands on the as-of date."""

    MET = "met"
    PENDING = "pending"
    OVERDUE = "overdue"
    LAPSED = "lapsed"
