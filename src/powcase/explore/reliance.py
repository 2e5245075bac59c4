"""Which assumptions a piece of the law's work actually read.

A verdict lists the assumptions it rests on, as the rules declare them. An exploration that
shares one verdict between every reading agreeing on those needs the list to be complete;
to be safe it also watches the reads themselves: :func:`watched` gives a reading whose
choice assumptions note each read, and :func:`reads` collects the notes made while some work
runs. Everything the law derives from a reading goes through those reads, so two readings that
agree on every assumption read get the same answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from powcase.explore.readings import CHOICE_KEYS
from powcase.model.assumptions import Assumptions

__all__ = ["reads", "watched"]

T = TypeVar("T")

_CHOICES = frozenset(CHOICE_KEYS)


class _Noted(threading.local):
    """The reads noted by the work running now in this thread (innermost last): workers
    that run explorations on threads (a Dask worker does) keep their notes apart.
    """

    def __init__(self) -> None:
        self.stack: list[set[str]] = []


_NOTED = _Noted()


class _Watched(Assumptions):
    """A reading that notes each read of a choice assumption."""

    def __getattribute__(self, name: str) -> Any:
        if name in _CHOICES:
            stack = _NOTED.stack
            if stack:
                stack[-1].add(name)
        return object.__getattribute__(self, name)


def watched(reading: Assumptions) -> Assumptions:
    """``reading``, noting its reads while :func:`reads` runs some work."""
    return _Watched(**reading.to_dict())


def reads(work: Callable[[], T]) -> tuple[T, frozenset[str]]:
    """What ``work`` returns, and the choice assumptions it read of watched readings."""
    noted: set[str] = set()
    stack = _NOTED.stack
    stack.append(noted)
    try:
        result = work()
    finally:
        stack.pop()
    return result, frozenset(noted)
