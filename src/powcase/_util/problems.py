"""A collector of located problems for the readers of input files.

Each check of a file adds what it finds and goes on, so that one error names every problem at
once; a problem found twice is kept once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from powcase._util.i18n import problem_text
from powcase._util.suggest import closest
from powcase.errors import Problem

__all__ = ["Problems", "join"]


def join(path: str, key: str) -> str:
    """The key path of ``key`` under ``path`` (``path.key``; ``key`` at the top)."""
    return f"{path}.{key}" if path else key


class Problems:
    """The problems found so far, in the order found."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(
        self, path: str, message: str, expected: str | None = None, suggestion: str | None = None
    ) -> None:
        """Record a problem at ``path``, unless it is already recorded."""
        problem = Problem(path, message, expected, suggestion)
        if problem not in self.found:
            self.found.append(problem)

    def unknown_keys(self, data: Mapping[Any, Any], known: Sequence[str], path: str) -> None:
        """A problem, with a guess, for each key of ``data`` (at ``path``) not in ``known``."""
        for key in data:
            if key not in known:
                guess = closest(key, known) if isinstance(key, str) else None
                self.add(
                    join(path, str(key)),
                    problem_text("is not a known key"),
                    problem_text("one of {options}").format(options=", ".join(known)),
                    guess,
                )
