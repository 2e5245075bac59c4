"""Checks of what a caller passes to a public function, made where the call enters powcase.

A wrong type is an :class:`~powcase.errors.InvalidArgument` (also a ``TypeError``) naming the
argument and what it accepts; a value of the right type that is not accepted is an
:class:`~powcase.errors.InvalidInput`. Either is raised before any work is done, rather than
an ``AttributeError`` or ``TypeError`` from deep inside, or a silent wrong answer (a string
iterated as if it were a list of keys). Values are never echoed whole: an argument may hold a
person's name.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from powcase._util.date_range import RANGE, day_problem
from powcase._util.suggest import closest
from powcase.errors import InvalidArgument, InvalidInput, Problem

__all__ = [
    "choice",
    "day",
    "instance",
    "names",
    "optional_day",
    "overlays",
    "path",
    "wrong_type",
]


def wrong_type(name: str, value: object, expected: str) -> InvalidArgument:
    """The error for ``value``, of the wrong type, given as the argument ``name``."""
    return InvalidArgument([Problem(name, f"got {type(value).__name__}", expected)])


def instance(name: str, value: object, kind: type | tuple[type, ...], expected: str) -> None:
    """Nothing if ``value`` is a ``kind``; else :class:`InvalidArgument` naming ``name``."""
    if not isinstance(value, kind):
        raise wrong_type(name, value, expected)


def day(name: str, value: object) -> datetime.date:
    """A date (not a datetime, nor a string) in the range powcase accepts.

    A string is refused rather than parsed: a date argument takes a ``datetime.date``, as the
    type says (``datetime.date.fromisoformat`` reads an ISO string).
    """
    return _day(name, value, "a datetime.date")


def optional_day(name: str, value: object) -> datetime.date | None:
    """None, or a date as :func:`day` accepts it."""
    return None if value is None else _day(name, value, "a datetime.date or None")


def _day(name: str, value: object, expected: str) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        if isinstance(value, str):
            expected += ", e.g. datetime.date.fromisoformat(...)"
        raise wrong_type(name, value, expected)
    outside = day_problem(value)
    if outside is not None:
        raise InvalidInput.single(name, outside, expected=RANGE)
    return value


def names(name: str, value: object, what: str) -> tuple[str, ...]:
    """A collection of strings (a list, tuple or set), never one string read letter by letter."""
    if isinstance(value, str):
        raise InvalidArgument.single(
            name,
            "got one str where a list is expected",
            expected=f"a list of {what}, e.g. [{value[:40]!r}]",
        )
    if isinstance(value, bytes | bytearray | Mapping) or not isinstance(value, Collection):
        raise wrong_type(name, value, f"a list of {what}")
    found = tuple(value)
    for index, item in enumerate(found):
        if not isinstance(item, str):
            raise wrong_type(f"{name}[{index}]", item, f"a str: one of the {what}")
    return found


def choice(name: str, value: object, options: Collection[str], what: str) -> str:
    """``value`` if it is one of ``options``; else an error listing them, with a guess."""
    if not isinstance(value, str):
        raise wrong_type(name, value, f"a str: the name of {what}")
    if value not in options:
        known = ", ".join(repr(o) for o in options) or "none"
        raise InvalidInput.single(
            name,
            f"{value!r} is not {what}",
            expected=f"one of {known}",
            suggestion=closest(value, list(options)),
        )
    return value


def path(name: str, value: object) -> str | os.PathLike[str]:
    """A file path: a str or a path object (``pathlib.Path``)."""
    if isinstance(value, str) or (
        isinstance(value, os.PathLike) and isinstance(os.fspath(value), str)
    ):
        return value
    raise wrong_type(name, value, "a file path: a str or a pathlib.Path")


def overlays(name: str, value: object) -> tuple[Any, ...]:
    """Law overlays: one path or mapping, or a list of them, as a tuple."""
    single: tuple[type, ...] = (str, os.PathLike, Mapping)
    expected = "an overlay file path or mapping, or a list of them"
    if isinstance(value, single):
        value = (value,)
    if isinstance(value, bytes | bytearray) or not isinstance(value, Iterable):
        raise wrong_type(name, value, expected)
    found = tuple(value)
    for index, item in enumerate(found):
        if not isinstance(item, single) or (
            isinstance(item, os.PathLike) and not isinstance(os.fspath(item), str)
        ):
            raise wrong_type(f"{name}[{index}]", item, "an overlay file path or mapping")
    return found
