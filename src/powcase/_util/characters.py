r"""Text a scenario can hold: every code point a character, so that every output can encode it.

A lone surrogate (``"\ud800"`` in a YAML or JSON escape, or in a Python string) is half of a
UTF-16 pair, not a character: UTF-8 cannot encode it, and an output would fail half-written.
"""

from __future__ import annotations

import re

__all__ = ["surrogate_problem"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_problem(text: str) -> str | None:
    r"""What is wrong with ``text`` if it holds a lone surrogate, else None.

    >>> surrogate_problem("\ud83d")
    'has a lone surrogate (\\ud83d), which is not a character'
    >>> surrogate_problem("\U0001F600") is None
    True
    """
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return f"has a lone surrogate (\\u{ord(found.group()):04x}), which is not a character"
