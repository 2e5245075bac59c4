"""Did-you-mean suggestions for names a user may have mistyped."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["closest"]


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option that ``word`` most likely meant to be, or None when none is close.

    >>> closest("repatriat", ["repatriate", "recapture"])
    'repatriate'
    >>> closest("UK", ["GB", "UA"]) is None
    True
    """
    choices = list(options)
    folded = {c.casefold(): c for c in choices}
    if word.casefold() in folded:
        return folded[word.casefold()]
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None
