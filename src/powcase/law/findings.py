"""What the law finds in a timeline: flags, the docket and violations, each derived once.

A :class:`Findings` is built from a timeline and the judge that made it (who he is, who holds
him, under which reading of the law). Its moments are built once per as-of date, and each
finding once per as-of date, then kept: a case asks for its flags as often as it likes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from powcase._util.dates import evaluated_on
from powcase.engine.replay import Timeline
from powcase.law.docket import Obligation, docket
from powcase.law.flags import Flag, derive_flags, standing
from powcase.law.judging import LawJudge
from powcase.law.moments import Moment, moments
from powcase.law.violations import Violation, find_violations

__all__ = ["Findings"]

T = TypeVar("T")


@attrs.frozen(eq=False)
class Findings:
    """The flags, docket and violations of one timeline, derived on first use and kept."""

    timeline: Timeline
    judge: LawJudge
    _kept: dict[tuple[str, datetime.date | None], Any] = attrs.field(
        factory=dict, init=False, repr=False
    )

    def _once(self, what: str, on: datetime.date | None, derive: Callable[[], T]) -> T:
        key = (what, on)
        if key not in self._kept:
            self._kept[key] = derive()
        value: T = self._kept[key]
        return value

    def as_of(self, on: datetime.date | None) -> datetime.date | None:
        """``on``, or the date of the last event when None."""
        return evaluated_on(on, self.timeline.last_date)

    def moments(self, as_of: datetime.date | None = None) -> tuple[Moment, ...]:
        """Every step up to ``as_of`` (all when None) with the case just before and after."""
        last = self.timeline.last_date
        if as_of is not None and last is not None and as_of >= last:
            as_of = None  # every step: the same moments as without a date
        return self._once("moments", as_of, lambda: moments(self.timeline, self.judge, as_of))

    def flags(self, as_of: datetime.date | None = None) -> tuple[Flag, ...]:
        """Every flag entry as of ``as_of`` (default: the last event's date)."""
        day = self.as_of(as_of)
        if day is None:
            return ()
        return self._once(
            "flags",
            day,
            lambda: derive_flags(self.moments(day), day, self.judge.law, self.docket(day)),
        )

    def active_flags(self, as_of: datetime.date | None = None) -> tuple[Flag, ...]:
        """The flags standing on ``as_of`` (default: the last event's date), gravest first."""
        day = self.as_of(as_of)
        if day is None:
            return ()
        return standing(self.flags(day), day)

    def docket(self, as_of: datetime.date | None = None) -> tuple[Obligation, ...]:
        """The detaining power's obligations and their status on ``as_of``."""
        day = self.as_of(as_of)
        if day is None:
            return ()
        assumptions = self.judge.assumptions
        return self._once(
            "docket", day, lambda: docket(self.moments(day), day, assumptions, self.judge.law)
        )

    def violations(self) -> tuple[Violation, ...]:
        """Every violation and possible violation, in record order."""
        return self._once("violations", None, lambda: find_violations(self.moments()))
