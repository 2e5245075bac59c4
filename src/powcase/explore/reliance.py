"""Which assumptions a piece of the law's work actually read.

A verdict lists the assumptions it rests on, as the rules declare them. An exploration that
shares one verdict between every reading agreeing on those needs the list to be complete;
to be safe it also watches the reads themselves: :func:`watched` gives a reading whose
choice assumptions note each read, and :func:`reads` collects the notes made while some work
runs. Everything the law derives from a reading goes through those reads, so two readings that
agree on every assumption read get the same answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from powcase.explore.readings import CHOICE_KEYS
from powcase.model.assumptions import Assumptions

__all__ = ["reads", "watched"]

T = TypeVar("T")

_CHOICES = frozenset(CHOICE_KEYS)
_NOTED: list[set[str]] = []
"""The reads noted by the work running now (innermost last)."""


class _Watched(Assumptions):
    """A reading that notes each read of a choice assumption."""

    def __getattribute__(self, name: str) -> Any:
        if name in _CHOICES and _NOTED:
            _NOTED[-1].add(name)
        return object.__getattribute__(self, name)


def watched(reading: Assumptions) -> Assumptions:
    """``reading``, noting its reads while :func:`reads` runs some work."""
    return _Watched(**reading.to_dict())


def reads(work: Callable[[], T]) -> tuple[T, frozenset[str]]:
    """What ``work`` returns, and the choice assumptions it read of watched readings."""
    noted: set[str] = set()
    _NOTED.append(noted)
    try:
        result = work()
    finally:
        _NOTED.pop()
    return result, frozenset(noted)
